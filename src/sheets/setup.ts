// "Set up tracker": creates missing sheets, appends missing headers, seeds Settings and Templates,
// and brings the add-on's own formatting (header cells, computed columns' protection, highlight
// rules) to the contract on every run, so a run after a failed one repairs what it left.

import {
  COMPUTED_HEADER_FILL,
  type ColumnSpec,
  DATE_FORMAT,
  DATETIME_FORMAT,
  HEADER_FILL,
  HIGHLIGHTS,
  isComputed,
  SETUP_SHEETS,
  SHEET,
  type SheetSpec,
  YES_NO,
} from '../core/schema';
import { SETTING_SPECS } from '../core/settings';
import { missingSeeds, planSheetRepair } from '../core/setup-plan';
import { columnLetter, headerIndex } from '../core/table';
import { SEED_TEMPLATES } from '../core/template-seed';
import { textKey } from '../core/text';
import { type Cell, escapeFormula } from '../core/values';
import { appendRows, geometry, readHeaders } from './gas-table';
import { ensureHighlights } from './highlight';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Description of the warning-only protection the add-on puts on its computed columns. */
export const PROTECTION_DESCRIPTION = 'Referral tracker: computed column (your edits are overwritten)';

/** The note on a computed column's header cell. */
export const COMPUTED_NOTE = 'Computed by Referral tracker. Edits here are overwritten.';

/** What setup did, for the closing message. */
export interface SetupReport {
  created: string[];
  repaired: { sheet: string; headers: string[] }[];
  seeded: { sheet: string; rows: number }[];
}

/** A column's letters as an open-ended A1 range from `row` ("AB2:AB"). */
const columnFrom = (column: number, row: number) => `${columnLetter(column)}${row}:${columnLetter(column)}`;

/** Runs of consecutive 1-based column numbers. */
function runs(columns: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const c of [...columns].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else out.push([c]);
  }
  return out;
}

/** The dropdown of a list or Yes/No column (Yes/No and Degree accept typed variants, so they only warn). */
function validationFor(spec: ColumnSpec): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const list = spec.kind === 'yesno' ? YES_NO : spec.list;
  if (!list) return null;
  const lenient = spec.kind === 'yesno' || spec.header === 'Degree';
  return SpreadsheetApp.newDataValidation()
    .requireValueInList([...list], true)
    .setAllowInvalid(lenient)
    .setHelpText(`Choose one of: ${list.join(', ')}`)
    .build();
}

/**
 * Appends missing columns after the last column holding anything, growing the grid if needed.
 * Their cells' formatting is written first — whatever an insert copied from the neighbouring
 * column cleared, then the contract's dropdowns, date formats and widths — and the header values
 * last: a run that fails part-way leaves no header, so the next run appends (and formats) the
 * column again in the same place. Returns the header row as it now stands.
 */
function appendColumns(
  sheet: Sheet,
  headers: readonly string[],
  specs: readonly ColumnSpec[],
  fresh: boolean,
): string[] {
  const last = fresh ? 0 : sheet.getLastColumn();
  const from = Math.max(last, headers.length) + 1;
  const to = from + specs.length - 1;
  const max = sheet.getMaxColumns();
  if (to > max) sheet.insertColumnsAfter(max, to - max);
  if (!fresh) {
    // A new sheet's columns hold nothing; any other may hold a copy of its neighbour's formatting.
    const block = sheet.getRange(`${columnLetter(from)}:${columnLetter(to)}`);
    block.clearFormat();
    block.clearDataValidations();
  }
  specs.forEach((spec, i) => {
    const column = from + i;
    const body = sheet.getRange(columnFrom(column, 2));
    const rule = validationFor(spec);
    if (rule) body.setDataValidation(rule);
    if (spec.kind === 'date' || spec.kind === 'computed-date') body.setNumberFormat(DATE_FORMAT);
    if (spec.kind === 'datetime') body.setNumberFormat(DATETIME_FORMAT);
    if (spec.width) sheet.setColumnWidth(column, spec.width);
  });
  sheet.getRange(1, from, 1, specs.length).setValues([specs.map((s) => s.header)]);
  const out = [...headers];
  while (out.length < from - 1) out.push('');
  return [...out, ...specs.map((s) => s.header)];
}

/** The contract columns of a sheet where they stand: 1-based column and spec. */
function placed(spec: SheetSpec, headers: readonly string[]): { column: number; spec: ColumnSpec }[] {
  const idx = headerIndex(headers);
  return spec.columns
    .map((c) => ({ column: (idx.get(textKey(c.header)) ?? -1) + 1, spec: c }))
    .filter((x) => x.column > 0);
}

/**
 * The add-on's header cells, written whatever they hold (no read): bold, the input or computed
 * fill, and the "computed" note on computed columns. One write of each per run of columns.
 */
function formatHeaders(sheet: Sheet, spec: SheetSpec, headers: readonly string[]): void {
  const cols = placed(spec, headers);
  const byColumn = new Map(cols.map((c) => [c.column, c.spec]));
  for (const run of runs(cols.map((c) => c.column))) {
    const range = sheet.getRange(1, run[0]!, 1, run.length);
    range.setFontWeight('bold');
    range.setBackgrounds([
      run.map((c) => (isComputed(byColumn.get(c)!) ? COMPUTED_HEADER_FILL : HEADER_FILL)),
    ]);
  }
  const computed = cols.filter((c) => isComputed(c.spec)).map((c) => c.column);
  for (const run of runs(computed))
    sheet.getRange(1, run[0]!, 1, run.length).setNotes([run.map(() => COMPUTED_NOTE)]);
}

/**
 * Warning-only protection over each run of computed columns (whole columns), matching the headers
 * where they stand now: the add-on's protections that no longer match are removed, missing ones
 * added, and each is (re)labelled and made warning-only — a protection left unlabelled on exactly
 * such a range by a run that failed between protect() and setDescription() is adopted, not doubled.
 * One read (the sheet's range protections) unless the sheet is new.
 */
function protectComputed(sheet: Sheet, spec: SheetSpec, headers: readonly string[], fresh: boolean): void {
  const computed = placed(spec, headers)
    .filter((c) => isComputed(c.spec))
    .map((c) => c.column);
  const wanted = new Map(
    runs(computed).map((run) => {
      const range = sheet.getRange(`${columnLetter(run[0]!)}1:${columnLetter(run[run.length - 1]!)}`);
      return [geometry(range), range] as const;
    }),
  );
  const existing = fresh ? [] : sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  const label = (p: GoogleAppsScript.Spreadsheet.Protection) => {
    p.setDescription(PROTECTION_DESCRIPTION);
    p.setWarningOnly(true);
  };
  for (const p of existing) {
    const description = p.getDescription();
    if (description !== PROTECTION_DESCRIPTION && description !== '') continue;
    const a1 = geometry(p.getRange());
    if (wanted.has(a1)) {
      wanted.delete(a1);
      label(p);
    } else if (description === PROTECTION_DESCRIPTION) p.remove();
  }
  for (const range of wanted.values()) label(range.protect());
}

/**
 * Creates or repairs one sheet and brings the add-on's formatting to the contract: missing headers
 * appended (formatted before they are written), header cells, frozen header row, protections of
 * computed columns, highlight rules. Returns the sheet and its header row.
 */
function convergeSheet(
  ss: Spreadsheet,
  spec: SheetSpec,
  report: SetupReport,
): { sheet: Sheet; headers: string[] } {
  let sheet = ss.getSheetByName(spec.name);
  const fresh = sheet === null;
  if (!sheet) {
    sheet = ss.insertSheet(spec.name);
    report.created.push(spec.name);
  }
  let headers = fresh ? [] : readHeaders(sheet);
  const repair = planSheetRepair(spec, headers);
  if (repair.append.length > 0) {
    // An existing sheet without headers (left empty, or by a run that failed) is set up as new.
    if (fresh || headers.length === 0) {
      if (!fresh) report.created.push(spec.name);
    } else report.repaired.push({ sheet: spec.name, headers: repair.append.map((c) => c.header) });
    headers = appendColumns(sheet, headers, repair.append, fresh);
  }
  formatHeaders(sheet, spec, headers);
  if (fresh || sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
  if (spec.columns.some(isComputed)) protectComputed(sheet, spec, headers, fresh);
  if (HIGHLIGHTS.some((h) => h.sheet === spec.name)) ensureHighlights(sheet, headers, fresh);
  return { sheet, headers };
}

/** Columns A:B of a keyed sheet in one read: the rows below the header, and the grid's height. */
function readKeyed(sheet: Sheet): { rows: Cell[][]; lastRow: number; maxRows: number } {
  const all = sheet.getRange('A:B').getValues() as Cell[][];
  let last = all.length;
  while (last > 0 && all[last - 1]!.every((v) => v === '' || v === null)) last--;
  return { rows: all.slice(1, last), lastRow: last, maxRows: all.length };
}

/**
 * Seeds missing settings (by name) into Setting and Value; what each means is a note on its name.
 * A seeded row's note and dropdown are written before its values, so a run that fails part-way
 * leaves the row missing and the next run writes all of it again.
 */
function seedSettings(sheet: Sheet, report: SetupReport): void {
  const { rows, lastRow, maxRows } = readKeyed(sheet);
  const missing = missingSeeds(
    rows,
    SETTING_SPECS,
    (r) => textKey(r[0]),
    (s) => textKey(s.name),
  );
  if (missing.length === 0) return;
  const start = lastRow + 1;
  const grow = start + missing.length - 1 - maxRows;
  if (grow > 0) {
    sheet.insertRowsAfter(maxRows, grow);
    // Inserted rows copy the last row's formatting: its fill belongs to that row only.
    sheet.getRange(maxRows + 1, 1, grow, 2).setBackground(null);
  }
  sheet.getRange(start, 1, missing.length, 1).setNotes(missing.map((s) => [s.about]));
  missing.forEach((s, i) => {
    if (!s.list) return;
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList([...s.list], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange(start + i, 2).setDataValidation(rule);
  });
  sheet.getRange(start, 1, missing.length, 2).setValues(missing.map((s) => [s.name, s.seed]));
  report.seeded.push({ sheet: SHEET.settings, rows: missing.length });
}

/** Seeds missing templates (by name + language); a user's edited templates are never overwritten. */
function seedTemplates(sheet: Sheet, report: SetupReport): void {
  const { rows, lastRow, maxRows } = readKeyed(sheet);
  const missing = missingSeeds(
    rows,
    SEED_TEMPLATES,
    (r) => `${textKey(r[0])}|${textKey(r[1])}`,
    (t) => `${textKey(t.name)}|${textKey(t.language)}`,
  );
  if (missing.length === 0) return;
  appendRows(
    sheet,
    missing.map((t) => [t.name, t.language, t.channel, escapeFormula(t.subject), escapeFormula(t.body)]),
    lastRow,
    maxRows,
  );
  report.seeded.push({ sheet: SHEET.templates, rows: missing.length });
}

/**
 * Creates the contract's sheets that are missing and appends missing headers to the others, then
 * brings the add-on's formatting to the contract. Never moves, deletes or overwrites a user's
 * cells, and touches formatting only in the add-on's header cells, its computed columns (their
 * protection and highlight rules) and the columns it appends; running it twice changes nothing.
 */
export function setUpTracker(ss: Spreadsheet): SetupReport {
  const report: SetupReport = { created: [], repaired: [], seeded: [] };
  for (const spec of SETUP_SHEETS) {
    const { sheet, headers } = convergeSheet(ss, spec, report);
    if (spec.name !== SHEET.settings && spec.name !== SHEET.templates) continue;
    // Seed rows sit under the first columns; a sheet whose columns the user reordered is left to them.
    const head = headers.map(textKey);
    if (!spec.columns.every((c, i) => head[i] === textKey(c.header))) continue;
    if (spec.name === SHEET.settings) seedSettings(sheet, report);
    else seedTemplates(sheet, report);
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
