// "Score candidates" on the sheet: one read per sheet, the core plan, one write per column block.

import { planScoring, type ScoringSummary } from '../core/scoring-plan';
import { applyPlan } from './gas-table';
import { flagSettingProblems, readTracker } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Scores Contacts and fills Jobs' Contacts, Picks, Referrals and Coverage. */
export function scoreCandidates(ss: Spreadsheet, now: number): ScoringSummary {
  const { contacts, jobs, settingsRows, timeZone } = readTracker(ss);
  const plan = planScoring({ contacts: contacts.table, jobs: jobs.table, settingsRows, timeZone, now });
  applyPlan(contacts.sheet, contacts.table, plan.contacts);
  applyPlan(jobs.sheet, jobs.table, plan.jobs);
  flagSettingProblems(ss, plan.summary.settingProblems);
  return plan.summary;
}
