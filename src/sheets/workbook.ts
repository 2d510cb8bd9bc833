// Finds the tracker's sheets by name and reads the spreadsheet's time zone and Settings.

import { UserError } from '../core/errors';
import { SHEET } from '../core/schema';
import type { SettingProblem } from '../core/settings';
import type { Table } from '../core/table';
import type { Cell } from '../core/values';
import { readTable } from './gas-table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The active spreadsheet, or a UserError when there is none (e.g. a trigger outside a sheet). */
export function activeSpreadsheet(): Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new UserError('No spreadsheet is open.');
  return ss;
}

/** A contract sheet, or a UserError telling the user to run Set up tracker. */
export function requireSheet(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet)
    throw new UserError(`The "${name}" sheet is missing. Use Referrals › Set up tracker to create it.`);
  return sheet;
}

/**
 * The Settings rows (below the header, to the last non-blank one), read in one call: columns A:B
 * whole, so the sheet's size need not be asked first. [] when the sheet is absent.
 */
export function readSettingsRows(ss: Spreadsheet): Cell[][] {
  const sheet = ss.getSheetByName(SHEET.settings);
  if (!sheet) return [];
  const rows = sheet.getRange('A:B').getValues() as Cell[][];
  let end = rows.length;
  while (end > 1 && rows[end - 1]!.every((v) => v === '' || v === null)) end--;
  return rows.slice(1, end);
}

/** A sheet and its table, read with one getValues(). */
export interface LoadedSheet {
  sheet: Sheet;
  table: Table;
}

/** Reads a required contract sheet whole. */
export function loadSheet(ss: Spreadsheet, name: string): LoadedSheet {
  const sheet = requireSheet(ss, name);
  return { sheet, table: readTable(sheet) };
}

/** What the whole-sheet actions read: Contacts, Jobs, Settings (one getValues each) and the zone. */
export interface TrackerData {
  contacts: LoadedSheet;
  jobs: LoadedSheet;
  settingsRows: Cell[][];
  timeZone: string;
}

/** Reads the tracker once, so one run (e.g. the daily reminder) can share it between actions. */
export function readTracker(ss: Spreadsheet): TrackerData {
  return {
    contacts: loadSheet(ss, SHEET.contacts),
    jobs: loadSheet(ss, SHEET.jobs),
    settingsRows: readSettingsRows(ss),
    timeZone: ss.getSpreadsheetTimeZone(),
  };
}

const NOTE_PREFIX = 'Referral tracker: ';

/**
 * Puts a note on each bad Settings Value cell and clears the add-on's earlier notes on cells that
 * are now fine (two calls: getNotes + setNotes on the Value column). Returns the messages.
 */
export function flagSettingProblems(ss: Spreadsheet, problems: readonly SettingProblem[]): string[] {
  const sheet = ss.getSheetByName(SHEET.settings);
  if (!sheet) return [];
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const range = sheet.getRange(2, 2, last - 1, 1);
  const notes = range.getNotes();
  const byRow = new Map(problems.filter((p) => p.row !== null).map((p) => [p.row as number, p.message]));
  let changed = false;
  const next = notes.map((row, i) => {
    const current = row[0] ?? '';
    const problem = byRow.get(i + 2);
    const wanted = problem
      ? `${NOTE_PREFIX}${problem}. The default is used meanwhile.`
      : current.startsWith(NOTE_PREFIX)
        ? ''
        : current;
    if (wanted !== current) changed = true;
    return [wanted];
  });
  if (changed) range.setNotes(next);
  return problems.map((p) => p.message);
}
