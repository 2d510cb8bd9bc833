// "Score candidates" on the sheet: reads the columns scoring uses, adds later targets from Connections, writes only what changed.

import type { SheetRows } from '../core/followup-plan';
import { SHEET } from '../core/schema';
import { budgetScoring, planScoring, SCORING_READS, type ScoringSummary } from '../core/scoring-plan';
import { type WritePlan, withPlan } from '../core/table';
import { writeAffected } from './followups';
import { planChangedWrites, readColumns } from './gas-table';
import { addLaterTargets } from './import';
import { flagSettingProblems, loadOptional, readSettingsRows, requireSheet } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A plan for whole-sheet rows (from sheet row 2) cut to the given sheet rows. */
function planFor(rows: SheetRows, plan: WritePlan): WritePlan {
  const at = rows.rowNumbers ?? rows.rows.map((_, i) => i + 2);
  return {
    sheet: plan.sheet,
    columns: plan.columns.map((w) => ({ header: w.header, values: at.map((n) => w.values?.[n - 2]) })),
  };
}

/**
 * Most cells one Score candidates writes (Jobs' figures, then Contacts', cut by core/scoring-plan
 * budgetScoring; people added from Connections aside). At the cost
 * model's 0.1 ms a cell written (docs/performance.md) that is 15 s: with the reads of 50,000
 * people (about 11 s) a first run stays under the 30 s whole-sheet target (issue 14), and says to
 * run it again for the rows left.
 */
export const SCORE_WRITE_BUDGET = 150_000;

/**
 * Adds the people you know at companies newly on Jobs (from Connections, see addLaterTargets),
 * then scores Contacts and fills Jobs' Contacts, Picks, Referrals and Coverage. Reads only the
 * Contacts columns scoring uses (SCORING_READS) and writes only the cells of Score, Rank, Pick,
 * Why and Credits, and of Jobs' figures, that change (gas-table planChangedWrites), within
 * SCORE_WRITE_BUDGET; every
 * read comes before every write.
 */
export function scoreCandidates(ss: Spreadsheet, now: number): ScoringSummary {
  const contactsSheet = requireSheet(ss, SHEET.contacts);
  const jobs = loadOptional(ss, SHEET.jobs); // the one rule (workbook.readTracker): no Jobs reads as none
  const settingsRows = readSettingsRows(ss);
  const timeZone = ss.getSpreadsheetTimeZone();
  const contacts = readColumns(contactsSheet, SCORING_READS).table;
  const later = addLaterTargets(ss, contactsSheet, contacts, jobs, timeZone, now, settingsRows);
  const table =
    later.rows.length > 0 ? { headers: contacts.headers, rows: [...contacts.rows, ...later.rows] } : contacts;
  const plan = planScoring({
    contacts: table,
    jobs: jobs.table,
    settingsRows,
    timeZone,
    now,
    addedFromConnections: later.byCompany,
  });
  // Jobs' figures come first (at most a row per job): the budget left is Contacts'.
  const jobCells = jobs.sheet ? jobs.table.rows.length * plan.jobs.columns.length : 0;
  const budgeted = budgetScoring(table, plan.contacts, SCORE_WRITE_BUDGET - jobCells);
  const picks = planChangedWrites(contactsSheet, table, budgeted.picks);
  const rest = planChangedWrites(contactsSheet, table, budgeted.rest);
  const jobWrites = jobs.sheet ? planChangedWrites(jobs.sheet, jobs.table, plan.jobs) : null;
  picks.write();
  rest.write();
  jobWrites?.write();
  // The follow-ups the people added from Connections change, with the picks just written.
  if (later.followUps) {
    const { data, fresh } = later.followUps;
    const { rows } = data.contacts;
    writeAffected(
      data,
      now,
      { ...withPlan(rows, planFor(rows, plan.contacts)), rowNumbers: rows.rowNumbers },
      fresh,
    );
  }
  flagSettingProblems(ss, plan.summary.settingProblems);
  return { ...plan.summary, rowsLeft: budgeted.rowsLeft };
}
