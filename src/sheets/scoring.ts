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

/** The closing message of Score candidates, in plain words. */
export function describeScoring(s: ScoringSummary): string {
  const lines = [
    `Scored ${s.scored} ${s.scored === 1 ? 'person' : 'people'}; ${s.picks} picked (✓).`,
    `InMail credits: the picks still to contact need ${s.creditsNeeded}; ${s.creditsLeft} left${s.creditsEstimated ? ' (estimated from your plan)' : ''}.`,
  ];
  if (s.leftOutForCredits > 0)
    lines.push(`${s.leftOutForCredits} would-be pick(s) left out for lack of credits (see Why).`);
  if (s.skipped > 0) lines.push(`${s.skipped} row(s) not scored: see the Why column.`);
  const shown = s.problems.slice(0, 5).map((p) => `Row ${p.row}, ${p.column}: ${p.problem}`);
  if (shown.length) lines.push(...shown, s.problems.length > 5 ? `…and ${s.problems.length - 5} more.` : '');
  if (s.settingProblems.length)
    lines.push(`Settings: ${s.settingProblems.map((p) => p.message).join('; ')} (defaults used).`);
  return lines.filter(Boolean).join('\n');
}
