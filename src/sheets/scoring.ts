// "Score candidates" on the sheet: one read per sheet, later targets from Connections, the core plan, one write per column block.

import { planScoring, type ScoringSummary } from '../core/scoring-plan';
import { applyPlan } from './gas-table';
import { addLaterTargets } from './import';
import { flagSettingProblems, readTracker } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Adds the people you know at companies newly on Jobs (from Connections, see addLaterTargets),
 * then scores Contacts and fills Jobs' Contacts, Picks, Referrals and Coverage.
 */
export function scoreCandidates(ss: Spreadsheet, now: number): ScoringSummary {
  const { contacts, jobs, settingsRows, timeZone } = readTracker(ss);
  const later = addLaterTargets(ss, contacts.sheet, contacts.table, jobs.table, timeZone);
  const table =
    later.rows.length > 0
      ? { headers: contacts.table.headers, rows: [...contacts.table.rows, ...later.rows] }
      : contacts.table;
  const plan = planScoring({
    contacts: table,
    jobs: jobs.table,
    settingsRows,
    timeZone,
    now,
    addedFromConnections: later.byCompany,
  });
  applyPlan(contacts.sheet, table, plan.contacts);
  applyPlan(jobs.sheet, jobs.table, plan.jobs);
  flagSettingProblems(ss, plan.summary.settingProblems);
  return plan.summary;
}
