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

/** A sheet the tracker can do without: null and an empty table when missing. */
export interface OptionalSheet {
  sheet: Sheet | null;
  table: Table;
}

/** Reads a required contract sheet whole (a UserError naming Set up tracker when missing). */
export function loadSheet(ss: Spreadsheet, name: string): LoadedSheet {
  const sheet = requireSheet(ss, name);
  return { sheet, table: readTable(sheet) };
}

/** Reads a sheet whole when it exists; a missing one reads as empty. */
export function loadOptional(ss: Spreadsheet, name: string): OptionalSheet {
  const sheet = ss.getSheetByName(name);
  return { sheet, table: sheet ? readTable(sheet) : { headers: [], rows: [] } };
}

/** What the whole-sheet actions read: Contacts, Jobs, Settings (one read each) and the zone. */
export interface TrackerData {
  contacts: LoadedSheet;
  /** Read as empty when the sheet is missing (see `notes`). */
  jobs: OptionalSheet;
  settingsRows: Cell[][];
  timeZone: string;
  /** Plain sentences about missing sheets the action did without, for its message. */
  notes: string[];
}

/**
 * Reads the tracker once, so one run (e.g. the daily reminder) can share it between actions. The
 * one rule for a missing sheet, used by every action: Contacts is required (a UserError: run Set
 * up tracker); Jobs and Settings are not — a missing Jobs reads as no jobs, missing Settings as the
 * defaults — and each says so in `notes`. `readContacts` reads Contacts (whole by default; an
 * action may read only the columns it uses, which may depend on Settings, read first).
 */
export function readTracker(
  ss: Spreadsheet,
  readContacts: (sheet: Sheet, settingsRows: Cell[][]) => Table = readTable,
): TrackerData {
  const sheet = requireSheet(ss, SHEET.contacts);
  const settingsRows = readSettingsRows(ss);
  const contacts = { sheet, table: readContacts(sheet, settingsRows) };
  const jobs = loadOptional(ss, SHEET.jobs);
  const notes: string[] = [];
  if (!jobs.sheet) notes.push(missingNote(SHEET.jobs, 'no jobs are linked to your contacts'));
  if (!ss.getSheetByName(SHEET.settings))
    notes.push(missingNote(SHEET.settings, 'the default settings are used'));
  return { contacts, jobs, settingsRows, timeZone: ss.getSpreadsheetTimeZone(), notes };
}

/** "The Jobs sheet is missing, so no jobs are linked…; Referrals › Set up tracker adds it back." */
export function missingNote(sheet: string, consequence: string): string {
  return `The ${sheet} sheet is missing, so ${consequence}; Referrals › Set up tracker adds it back.`;
}

const NOTE_PREFIX = 'Referral tracker: ';

/**
 * Puts a note on each bad Settings Value cell and clears the add-on's earlier notes on cells that
 * are now fine (reads the Value column's notes, then writes them once if they change). Returns the
 * messages.
 */
export function flagSettingProblems(ss: Spreadsheet, problems: readonly SettingProblem[]): string[] {
  planSettingNotes(ss, problems)?.();
  return problems.map((p) => p.message);
}

/**
 * The read half of flagSettingProblems: reads the Value column's notes now and returns the write
 * to make (null when nothing changes), so an action can read everything before it writes.
 */
export function planSettingNotes(ss: Spreadsheet, problems: readonly SettingProblem[]): (() => void) | null {
  const sheet = ss.getSheetByName(SHEET.settings);
  if (!sheet) return null;
  const range = sheet.getRange('B2:B');
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
  return changed ? () => range.setNotes(next) : null;
}
