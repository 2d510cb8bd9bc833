// "Set up tracker": creates missing sheets, appends missing headers, seeds Settings and Templates.

import {
  COMPUTED_HEADER_FILL,
  type ColumnSpec,
  DATE_FORMAT,
  DATETIME_FORMAT,
  HEADER_FILL,
  isComputed,
  SETUP_SHEETS,
  SHEET,
  type SheetSpec,
  YES_NO,
} from '../core/schema';
import { SETTING_SPECS } from '../core/settings';
import { missingSeeds, planSheetRepair } from '../core/setup-plan';
import { SEED_TEMPLATES } from '../core/template-seed';
import { textKey } from '../core/text';
import { type Cell, escapeFormula } from '../core/values';
import { appendRows } from './gas-table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Description of the warning-only protection the add-on puts on its computed columns. */
export const PROTECTION_DESCRIPTION = 'Referral tracker: computed column (your edits are overwritten)';

/** What setup did, for the closing message. */
export interface SetupReport {
  created: string[];
  repaired: { sheet: string; headers: string[] }[];
  seeded: { sheet: string; rows: number }[];
}

function headersOf(sheet: Sheet): string[] {
  const lastCol = sheet.getLastColumn();
  if (lastCol === 0) return [];
  return sheet
    .getRange(1, 1, 1, lastCol)
    .getValues()[0]!
    .map((h) => String(h));
}

/** Formats the body cells (rows 2…max) of a column the add-on has just created. */
function formatNewColumn(sheet: Sheet, column: number, spec: ColumnSpec): void {
  const rows = sheet.getMaxRows() - 1;
  if (spec.width) sheet.setColumnWidth(column, spec.width);
  if (rows < 1) return;
  const body = sheet.getRange(2, column, rows, 1);
  const list = spec.kind === 'yesno' ? YES_NO : spec.list;
  if (list) {
    // Yes/No and Degree accept typed variants (Y, Oui, 3rd+…), so those only warn.
    const lenient = spec.kind === 'yesno' || spec.header === 'Degree';
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList([...list], true)
      .setAllowInvalid(lenient)
      .setHelpText(`Choose one of: ${list.join(', ')}`)
      .build();
    body.setDataValidation(rule);
  }
  if (spec.kind === 'date' || spec.kind === 'computed-date') body.setNumberFormat(DATE_FORMAT);
  if (spec.kind === 'datetime') body.setNumberFormat(DATETIME_FORMAT);
}

/** Writes and styles header cells for columns `from…` and protects the computed ones. */
function addColumns(sheet: Sheet, from: number, specs: readonly ColumnSpec[]): void {
  if (specs.length === 0) return;
  const needed = from + specs.length - 1 - sheet.getMaxColumns();
  if (needed > 0) {
    const first = sheet.getMaxColumns() + 1;
    sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    // Inserted columns copy the formatting of the column before them (the user's last column, with
    // its fills, formats and dropdowns): the add-on's new columns start clean and get their own.
    const fresh = sheet.getRange(1, first, sheet.getMaxRows(), needed);
    fresh.clearFormat();
    fresh.clearDataValidations();
  }
  const head = sheet.getRange(1, from, 1, specs.length);
  head.setValues([specs.map((s) => s.header)]);
  head.setFontWeight('bold');
  head.setBackgrounds([specs.map((s) => (isComputed(s) ? COMPUTED_HEADER_FILL : HEADER_FILL))]);
  head.setNotes([
    specs.map((s) => (isComputed(s) ? 'Computed by Referral tracker. Edits here are overwritten.' : '')),
  ]);
  specs.forEach((spec, i) => {
    const column = from + i;
    formatNewColumn(sheet, column, spec);
    if (isComputed(spec)) {
      const p = sheet.getRange(1, column, sheet.getMaxRows(), 1).protect();
      p.setDescription(PROTECTION_DESCRIPTION);
      p.setWarningOnly(true);
    }
  });
}

/** Creates or repairs one sheet; returns the headers it appended (all of them for a new sheet). */
function ensureSheet(ss: Spreadsheet, spec: SheetSpec, report: SetupReport): Sheet {
  let sheet = ss.getSheetByName(spec.name);
  const repair = planSheetRepair(spec, sheet ? headersOf(sheet) : null);
  if (!sheet) {
    sheet = ss.insertSheet(spec.name);
    report.created.push(spec.name);
  } else if (repair.append.length > 0) {
    report.repaired.push({ sheet: spec.name, headers: repair.append.map((c) => c.header) });
  }
  addColumns(sheet, sheet.getLastColumn() + 1, repair.append);
  if (sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
  return sheet;
}

/** Seeds missing settings (by name) into Setting and Value; what each means is a note on its name. */
function seedSettings(sheet: Sheet, report: SetupReport): void {
  const last = sheet.getLastRow();
  const existing = last > 1 ? (sheet.getRange(2, 1, last - 1, 1).getValues() as Cell[][]) : [];
  const missing = missingSeeds(
    existing,
    SETTING_SPECS,
    (r) => textKey(r[0]),
    (s) => textKey(s.name),
  );
  if (missing.length === 0) return;
  const start = appendRows(
    sheet,
    missing.map((s) => [s.name, s.seed]),
  );
  sheet.getRange(start, 1, missing.length, 1).setNotes(missing.map((s) => [s.about]));
  missing.forEach((s, i) => {
    if (!s.list) return;
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList([...s.list], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange(start + i, 2).setDataValidation(rule);
  });
  report.seeded.push({ sheet: SHEET.settings, rows: missing.length });
}

/** Seeds missing templates (by name + language). */
function seedTemplates(sheet: Sheet, report: SetupReport): void {
  const last = sheet.getLastRow();
  const existing = last > 1 ? (sheet.getRange(2, 1, last - 1, 2).getValues() as Cell[][]) : [];
  const missing = missingSeeds(
    existing,
    SEED_TEMPLATES,
    (r) => `${textKey(r[0])}|${textKey(r[1])}`,
    (t) => `${textKey(t.name)}|${textKey(t.language)}`,
  );
  if (missing.length === 0) return;
  appendRows(
    sheet,
    missing.map((t) => [t.name, t.language, t.channel, escapeFormula(t.subject), escapeFormula(t.body)]),
  );
  report.seeded.push({ sheet: SHEET.templates, rows: missing.length });
}

/**
 * Creates the contract's sheets that are missing and appends missing headers to the others.
 * Never moves, deletes or overwrites a user's cells; running it twice changes nothing.
 */
export function setUpTracker(ss: Spreadsheet): SetupReport {
  const report: SetupReport = { created: [], repaired: [], seeded: [] };
  for (const spec of SETUP_SHEETS) {
    const sheet = ensureSheet(ss, spec, report);
    // Settings and Templates seed rows sit under their first columns; a repaired sheet whose
    // columns were reordered by the user is left to them.
    const head = headersOf(sheet).map(textKey);
    if (!spec.columns.every((c, i) => head[i] === textKey(c.header))) continue;
    if (spec.name === SHEET.settings) seedSettings(sheet, report);
    if (spec.name === SHEET.templates) seedTemplates(sheet, report);
  }
  return report;
}

/** One sentence describing what setup did. */
export function describeSetup(r: SetupReport): string {
  const parts: string[] = [];
  if (r.created.length) parts.push(`created ${r.created.join(', ')}`);
  for (const x of r.repaired) parts.push(`added ${x.headers.join(', ')} to ${x.sheet}`);
  for (const x of r.seeded) parts.push(`added ${x.rows} row(s) to ${x.sheet}`);
  return parts.length ? `Tracker set up: ${parts.join('; ')}.` : 'Tracker already set up: nothing to change.';
}
