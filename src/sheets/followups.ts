// Follow-ups on the sheet: Refresh (whole sheets), onEdit (stamps + edited rows), daily reminders.

import { buildDigest } from '../core/digest';
import { type FollowUpPlan, planFollowUps } from '../core/followup-plan';
import { C, SHEET } from '../core/schema';
import { parseSettings, type Settings } from '../core/settings';
import { applyStamps, stampPlan, stampsForStatusChange } from '../core/stamps';
import { col, headerIndex, type Table } from '../core/table';
import { describeTrial } from '../core/trial';
import type { Cell } from '../core/values';
import { appendRows, applyPlan, readTable } from './gas-table';
import { flagSettingProblems, readSettingsRows, readTracker, type TrackerData } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Recomputes Next action, Due and their fills on Contacts and Jobs (from `data` when already read). */
export function refreshFollowUps(
  ss: Spreadsheet,
  now: number,
  data: TrackerData = readTracker(ss),
): FollowUpPlan & { settings: Settings; settingProblems: string[] } {
  const { contacts, jobs, settingsRows, timeZone } = data;
  const plan = planFollowUps({ contacts: contacts.table, jobs: jobs.table, settingsRows, timeZone, now });
  applyPlan(contacts.sheet, contacts.table, plan.contacts);
  if (plan.jobs) applyPlan(jobs.sheet, jobs.table, plan.jobs);
  const { settings, problems } = parseSettings(settingsRows);
  return { ...plan, settings, settingProblems: flagSettingProblems(ss, problems) };
}

/** Appends rows to Activity in one write (no-op when the sheet is missing). */
export function appendActivity(ss: Spreadsheet, rows: readonly (readonly (string | Date)[])[]): void {
  if (rows.length === 0) return;
  const sheet = ss.getSheetByName(SHEET.activity);
  if (!sheet) return;
  appendRows(sheet, rows);
}

/** What an edit changed, as Apps Script's onEdit event describes it. */
export interface EditInput {
  range: GoogleAppsScript.Spreadsheet.Range;
  /** Present only for a single-cell edit. */
  oldValue?: unknown;
  value?: unknown;
}

/**
 * Handles an edit on Contacts that touches Status: stamps blank date columns, appends to Activity,
 * and recomputes Next action, Due and fill for the edited rows only. Returns false when the edit
 * is not a Status change on Contacts. A constant number of Sheets calls, whatever the sheet size.
 */
export function handleStatusEdit(ss: Spreadsheet, edit: EditInput, now: number): boolean {
  const sheet: Sheet = edit.range.getSheet();
  if (sheet.getName() !== SHEET.contacts) return false;
  const firstRow = Math.max(edit.range.getRow(), 2);
  const lastRow = edit.range.getLastRow();
  if (lastRow < firstRow) return false;
  const lastCol = sheet.getLastColumn();
  if (lastCol === 0) return false;
  const headers = sheet
    .getRange(1, 1, 1, lastCol)
    .getValues()[0]!
    .map((h) => String(h));
  const statusCol = col(headerIndex(headers), C.status) + 1;
  if (statusCol === 0 || statusCol < edit.range.getColumn() || statusCol > edit.range.getLastColumn())
    return false;

  const rows = sheet.getRange(firstRow, 1, lastRow - firstRow + 1, lastCol).getValues() as Cell[][];
  const table: Table = { headers, rows };
  const indexes = rows.map((_, i) => i);
  const single = edit.range.getNumRows() === 1 && edit.range.getNumColumns() === 1;
  const timeZone = ss.getSpreadsheetTimeZone();
  const stamps = stampsForStatusChange({
    contacts: table,
    rows: indexes,
    ...(single ? { previous: [edit.oldValue === undefined ? '' : String(edit.oldValue)] } : {}),
    timeZone,
    now,
    by: 'edit',
  });
  if (stamps.writes.length > 0)
    applyPlan(sheet, table, stampPlan(SHEET.contacts, table, stamps.writes), firstRow);
  appendActivity(ss, stamps.activity);

  const stamped = applyStamps(table, stamps.writes);
  const jobsSheet = ss.getSheetByName(SHEET.jobs);
  const plan = planFollowUps({
    contacts: stamped,
    jobs: jobsSheet ? readTable(jobsSheet) : { headers: [], rows: [] },
    settingsRows: readSettingsRows(ss),
    timeZone,
    now,
    onlyRows: indexes,
  });
  applyPlan(sheet, stamped, plan.contacts, firstRow);
  return true;
}

/** The daily digest: emails the effective user what is overdue or due today, when opted in. */
export function sendDigest(ss: Spreadsheet, plan: FollowUpPlan, settings: Settings): boolean {
  if (!settings.dailyDigest) return false;
  const notes = plan.trial ? [describeTrial(plan.trial)] : [];
  const mail = buildDigest(plan.overdue, plan.dueToday, ss.getName(), ss.getUrl(), notes);
  if (!mail) return false;
  const to = Session.getEffectiveUser().getEmail();
  if (!to) return false;
  MailApp.sendEmail(to, mail.subject, mail.body);
  return true;
}
