// "Score candidates" on the sheet: reads the columns scoring uses, adds later targets from Connections, writes only what changed.

import type { SheetRows } from '../core/followup-plan';
import { SHEET } from '../core/schema';
import { planScoring, SCORING_READS, type ScoringSummary } from '../core/scoring-plan';
import { type WritePlan, withPlan } from '../core/table';
import { writeAffected } from './followups';
import { applyChanged, applyPlan, readColumns } from './gas-table';
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
 * Adds the people you know at companies newly on Jobs (from Connections, see addLaterTargets),
 * then scores Contacts and fills Jobs' Contacts, Picks, Referrals and Coverage. Reads only the
 * Contacts columns scoring uses (SCORING_READS) and writes only the rows whose Score, Rank, Pick,
 * Why or Credits changed; every read comes before every write.
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
  applyChanged(contactsSheet, table, plan.contacts);
  if (jobs.sheet) applyPlan(jobs.sheet, jobs.table, plan.jobs);
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
  return plan.summary;
}
