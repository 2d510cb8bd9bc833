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
import { planHighlights } from './highlight';

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

/** Yes/No and Degree accept typed variants, so their dropdowns only warn. */
const lenient = (spec: ColumnSpec) => spec.kind === 'yesno' || spec.header === 'Degree';

/** The values a column's dropdown offers, or undefined. */
const listOf = (spec: ColumnSpec) => (spec.kind === 'yesno' ? YES_NO : spec.list);

/** The number format of a column's values: dates, date-times, or none. */
function formatOf(spec: ColumnSpec): string | null {
  if (spec.kind === 'date' || spec.kind === 'computed-date') return DATE_FORMAT;
  if (spec.kind === 'datetime') return DATETIME_FORMAT;
  return null;
}

/** The dropdown of a list or Yes/No column (lenient: see above). */
function validationFor(spec: ColumnSpec): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const list = listOf(spec);
  if (!list) return null;
  return SpreadsheetApp.newDataValidation()
    .requireValueInList([...list], true)
    .setAllowInvalid(lenient(spec))
    .setHelpText(`Choose one of: ${list.join(', ')}`)
    .build();
}

/** Where setup appends a sheet's missing columns (1-based, inclusive), and the header row after. */
interface Appended {
  readonly from: number;
  readonly to: number;
  readonly specs: readonly ColumnSpec[];
  readonly headers: string[];
}

/**
 * Where the missing columns go: after the last column holding anything (`lastColumn`, read) or
 * the headers, whichever is further. Returns the header row as it will stand.
 */
function placeColumns(
  headers: readonly string[],
  specs: readonly ColumnSpec[],
  lastColumn: number,
): Appended {
  const from = Math.max(lastColumn, headers.length) + 1;
  const out = [...headers];
  while (out.length < from - 1) out.push('');
  return { from, to: from + specs.length - 1, specs, headers: [...out, ...specs.map((s) => s.header)] };
}

/**
 * Formats and writes the appended columns (the grid already grown to hold them). Their cells'
 * formatting is written first — whatever an insert copied from the neighbouring column cleared,
 * then the contract's dropdowns, date formats and widths — and the header values last: a run that
 * fails part-way leaves no header, so the next run appends (and formats) the column again in the
 * same place.
 */
function writeColumns(sheet: Sheet, at: Appended, fresh: boolean): void {
  const { from, to, specs } = at;
  if (!fresh) {
    // A new sheet's columns hold nothing; any other may hold a copy of its neighbour's formatting.
    const block = sheet.getRange(`${columnLetter(from)}:${columnLetter(to)}`);
    block.clearFormat();
    block.clearDataValidations();
  }
  // Batched by what the columns share: one dropdown per run of adjacent columns with the same list,
  // one RangeList per date format, one width per run of adjacent columns as wide.
  const groups = (key: (spec: ColumnSpec) => string | null) => {
    const out: { key: string; first: number; last: number }[] = [];
    specs.forEach((spec, i) => {
      const k = key(spec);
      const prev = out[out.length - 1];
      if (k === null) return;
      if (prev && prev.key === k && prev.last === from + i - 1) prev.last = from + i;
      else out.push({ key: k, first: from + i, last: from + i });
    });
    return out;
  };
  const ruleKey = (spec: ColumnSpec) => {
    const list = listOf(spec);
    return list ? JSON.stringify([list, lenient(spec)]) : null;
  };
  for (const g of groups(ruleKey)) {
    const spec = specs[g.first - from]!;
    sheet
      .getRange(`${columnLetter(g.first)}2:${columnLetter(g.last)}`)
      .setDataValidation(validationFor(spec)!);
  }
  for (const format of [DATE_FORMAT, DATETIME_FORMAT]) {
    const columns = specs
      .map((spec, i) => (formatOf(spec) === format ? from + i : 0))
      .filter((c) => c > 0)
      .map((c) => columnFrom(c, 2));
    if (columns.length > 0) sheet.getRangeList(columns).setNumberFormat(format);
  }
  for (const g of groups((spec) => (spec.width ? String(spec.width) : null)))
    sheet.setColumnWidths(g.first, g.last - g.first + 1, Number(g.key));
  sheet.getRange(1, from, 1, specs.length).setValues([specs.map((s) => s.header)]);
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

type Protection = GoogleAppsScript.Spreadsheet.Protection;

/**
 * Warning-only protection over each run of computed columns (whole columns), matching the headers
 * where they will stand (`existing`: the sheet's range protections, read earlier): the add-on's
 * protections that no longer match are to be removed, missing ones are added now (protect() is
 * answered by the server at once, so it comes before the other writes), and each is to be
 * (re)labelled and made warning-only — a protection left unlabelled on exactly such a range by a
 * run that failed between protect() and setDescription() is adopted, not doubled. Returns the
 * writes left to make.
 */
function protectComputed(
  sheet: Sheet,
  spec: SheetSpec,
  headers: readonly string[],
  existing: readonly Protection[],
): () => void {
  const computed = placed(spec, headers)
    .filter((c) => isComputed(c.spec))
    .map((c) => c.column);
  const wanted = new Map(
    runs(computed).map((run) => {
      const range = sheet.getRange(`${columnLetter(run[0]!)}1:${columnLetter(run[run.length - 1]!)}`);
      return [geometry(range), range] as const;
    }),
  );
  const keep: Protection[] = [];
  const drop: Protection[] = [];
  for (const p of existing) {
    const description = p.getDescription();
    if (description !== PROTECTION_DESCRIPTION && description !== '') continue;
    const a1 = geometry(p.getRange());
    if (wanted.has(a1)) {
      wanted.delete(a1);
      keep.push(p);
    } else if (description === PROTECTION_DESCRIPTION) drop.push(p);
  }
  const made = [...wanted.values()].map((range) => range.protect());
  return () => {
    for (const p of drop) p.remove();
    for (const p of [...keep, ...made]) {
      p.setDescription(PROTECTION_DESCRIPTION);
      p.setWarningOnly(true);
    }
  };
}

/** Columns A:B of a keyed sheet in one read: the rows below the header, and the grid's height. */
function readKeyed(sheet: Sheet): Keyed {
  const all = sheet.getRange('A:B').getValues() as Cell[][];
  let last = all.length;
  while (last > 0 && all[last - 1]!.every((v) => v === '' || v === null)) last--;
  return { rows: all.slice(1, last), lastRow: last, maxRows: all.length };
}

/** A keyed sheet's rows below the header, its last row with content and its grid's height. */
interface Keyed {
  readonly rows: Cell[][];
  readonly lastRow: number;
  readonly maxRows: number;
}

/**
 * Seeds missing settings (by name) into Setting and Value; what each means is a note on its name.
 * A seeded row's note and dropdown are written before its values, so a run that fails part-way
 * leaves the row missing and the next run writes all of it again.
 */
function seedSettings(sheet: Sheet, keyed: Keyed, report: SetupReport): void {
  const { rows, lastRow, maxRows } = keyed;
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
function seedTemplates(sheet: Sheet, keyed: Keyed, report: SetupReport): void {
  const { rows, lastRow, maxRows } = keyed;
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

/** What setup read of one sheet, before writing anything. */
interface SheetRead {
  readonly spec: SheetSpec;
  readonly sheet: Sheet;
  readonly fresh: boolean;
  /** The missing columns' place, when there are any. */
  readonly append: Appended | null;
  /** The grid's width, when columns are appended. */
  readonly maxColumns: number;
  /** The header row as it will stand. */
  readonly headers: string[];
  readonly frozenRows: number;
  readonly protections: readonly Protection[];
  readonly rules: readonly GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  /** Settings' and Templates' rows, when their first columns are the contract's (else not seeded). */
  readonly keyed: Keyed | null;
}

/** Seed rows sit under the first columns; a sheet whose columns the user reordered is left to them. */
function seeded(spec: SheetSpec, headers: readonly string[]): boolean {
  if (spec.name !== SHEET.settings && spec.name !== SHEET.templates) return false;
  const head = headers.map(textKey);
  return spec.columns.every((c, i) => head[i] === textKey(c.header));
}

/** Reads what setup needs of one sheet (a new one: only its grid's size). */
function readSheet(spec: SheetSpec, sheet: Sheet, fresh: boolean, report: SetupReport): SheetRead {
  const before = fresh ? [] : readHeaders(sheet);
  const repair = planSheetRepair(spec, before);
  let append: Appended | null = null;
  let maxColumns = 0;
  if (repair.append.length > 0) {
    // An existing sheet without headers (left empty, or by a run that failed) is set up as new.
    if (fresh || before.length === 0) report.created.push(spec.name);
    else report.repaired.push({ sheet: spec.name, headers: repair.append.map((c) => c.header) });
    append = placeColumns(before, repair.append, fresh ? 0 : sheet.getLastColumn());
    maxColumns = sheet.getMaxColumns();
  }
  const headers = append?.headers ?? before;
  const keyedSheet = seeded(spec, headers);
  let keyed: Keyed | null = null;
  if (keyedSheet) {
    // The header row is there once setup has written it.
    const k = fresh ? { rows: [], lastRow: 0, maxRows: sheet.getMaxRows() } : readKeyed(sheet);
    keyed = { ...k, lastRow: Math.max(k.lastRow, 1) };
  }
  return {
    spec,
    sheet,
    fresh,
    append,
    maxColumns,
    headers,
    frozenRows: fresh ? 0 : sheet.getFrozenRows(),
    protections:
      fresh || !spec.columns.some(isComputed)
        ? []
        : sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE),
    rules: fresh || !HIGHLIGHTS.some((h) => h.sheet === spec.name) ? [] : sheet.getConditionalFormatRules(),
    keyed,
  };
}

/**
 * Creates the contract's sheets that are missing and appends missing headers to the others, then
 * brings the add-on's formatting to the contract: header cells, frozen header row, protections of
 * computed columns, highlight rules, seed rows. Never moves, deletes or overwrites a user's cells,
 * and touches formatting only in the add-on's header cells, its computed columns (their protection
 * and highlight rules) and the columns it appends; running it twice changes nothing. Sheets are
 * created first, then everything is read, then the grids grow and the missing protections are
 * made (calls the server answers at once), then everything else is written: one flush before the
 * protections when a grid grew, one at the end.
 */
export function setUpTracker(ss: Spreadsheet): SetupReport {
  const report: SetupReport = { created: [], repaired: [], seeded: [] };
  const sheets = SETUP_SHEETS.map((spec) => {
    const found = ss.getSheetByName(spec.name);
    if (found) return { spec, sheet: found, fresh: false };
    return { spec, sheet: ss.insertSheet(spec.name), fresh: true };
  });
  const read = sheets.map(({ spec, sheet, fresh }) => readSheet(spec, sheet, fresh, report));
  for (const r of read) {
    if (r.append && r.append.to > r.maxColumns)
      r.sheet.insertColumnsAfter(r.maxColumns, r.append.to - r.maxColumns);
  }
  const labels = read.map((r) =>
    r.spec.columns.some(isComputed) ? protectComputed(r.sheet, r.spec, r.headers, r.protections) : null,
  );
  read.forEach((r, i) => {
    if (r.append) writeColumns(r.sheet, r.append, r.fresh);
    formatHeaders(r.sheet, r.spec, r.headers);
    if (r.fresh || r.frozenRows === 0) r.sheet.setFrozenRows(1);
    labels[i]?.();
    planHighlights(r.sheet, r.headers, r.fresh, r.rules)?.();
    if (r.keyed && r.spec.name === SHEET.settings) seedSettings(r.sheet, r.keyed, report);
    else if (r.keyed) seedTemplates(r.sheet, r.keyed, report);
  });
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
