// Reads whole sheets into Tables and applies WritePlans to the add-on's own columns in batched calls.

import { DATE_FORMAT, DATETIME_FORMAT, SETUP_SHEETS } from '../core/schema';
import {
  col,
  columnLetter,
  headerIndex,
  isBlankRow,
  sameCell,
  type Table,
  type WritePlan,
} from '../core/table';
import { textKey } from '../core/text';
import type { Cell } from '../core/values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Reads a sheet with one getValues(): row 1 is the header row. An empty sheet gives no headers. */
export function readTable(sheet: Sheet): Table {
  const range = sheet.getDataRange();
  const values = range.getValues() as Cell[][];
  if (values.length === 0) return { headers: [], rows: [] };
  const [head, ...rows] = values;
  const headers = (head ?? []).map((h) => String(h ?? ''));
  const onlyHeader = rows.length === 0 && headers.every((h) => h === '');
  return { headers: onlyHeader ? [] : headers, rows };
}

/** The number format the contract gives a column's values (dates, date-times), or null. */
function formatFor(sheetName: string, header: string): string | null {
  const spec = SETUP_SHEETS.find((s) => s.name === sheetName)?.columns.find(
    (c) => textKey(c.header) === textKey(header),
  );
  if (spec?.kind === 'date' || spec?.kind === 'computed-date') return DATE_FORMAT;
  if (spec?.kind === 'datetime') return DATETIME_FORMAT;
  return null;
}

/** Contiguous runs of column indexes (distinct, in order). */
export function contiguousBlocks(cols: readonly number[]): number[][] {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const blocks: number[][] = [];
  for (const c of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else blocks.push([c]);
  }
  return blocks;
}

/** Where a table's rows sit: the sheet row of rows[0] (consecutive rows), or each row's sheet row. */
export type RowsAt = number | readonly number[];

function rowAt(at: RowsAt, i: number): number {
  return typeof at === 'number' ? at + i : (at[i] ?? -1);
}

/**
 * Row spans to write (indexes into the table): rows with at least one defined entry, merged
 * across rows that are entirely blank in the table (writing '' over '' there changes nothing),
 * split elsewhere so untouched non-blank rows are never rewritten, and split where the sheet
 * rows are not consecutive.
 */
function rowSpans(defined: readonly boolean[], table: Table, at: RowsAt): [number, number][] {
  const spans: [number, number][] = [];
  let start = -1;
  let lastDefined = -1;
  for (let r = 0; r < defined.length; r++) {
    if (start >= 0 && rowAt(at, r) !== rowAt(at, r - 1) + 1) {
      spans.push([start, lastDefined]);
      start = -1;
    }
    if (defined[r]) {
      if (start < 0) start = r;
      lastDefined = r;
    } else if (start >= 0 && !isBlankRow(table.rows[r] ?? [])) {
      spans.push([start, lastDefined]);
      start = -1;
    }
  }
  if (start >= 0) spans.push([start, lastDefined]);
  return spans;
}

/**
 * Applies a plan: for each contiguous block of planned columns and each span of rows, one
 * setValues (plus one setNumberFormat per date column), and when the plan has fills one
 * setBackgrounds. Cells the plan leaves `undefined` keep their value; their fill is kept too,
 * except on rows that are blank in the table, where the add-on's own column gets no fill — so
 * a plan that gives every planned row its fills (as follow-ups do) never reads before writing.
 * Columns missing from the sheet are skipped. `at` is the sheet row of `table.rows[0]` (2 for a
 * whole-sheet read) or the sheet row of each row. Returns the number of cells written.
 */
export function applyPlan(sheet: Sheet, table: Table, plan: WritePlan, at: RowsAt = 2): number {
  const idx = headerIndex(table.headers);
  const byCol = new Map<number, WritePlan['columns'][number]>();
  for (const w of plan.columns) {
    const c = idx.get(textKey(w.header));
    if (c !== undefined) byCol.set(c, w);
  }
  let written = 0;
  const rowCount = table.rows.length;
  for (const block of contiguousBlocks([...byCol.keys()])) {
    const writes = block.map((c) => byCol.get(c)!);
    const defined: boolean[] = [];
    for (let r = 0; r < rowCount; r++) {
      defined.push(
        writes.some(
          (w) =>
            w.values?.[r] !== undefined || w.backgrounds?.[r] !== undefined || w.notes?.[r] !== undefined,
        ),
      );
    }
    const hasValues = writes.some((w) => w.values);
    const hasFills = writes.some((w) => w.backgrounds);
    const hasNotes = writes.some((w) => w.notes);
    const formats = block.map((c, j) => [c, formatFor(plan.sheet, writes[j]!.header)] as const);
    for (const [from, to] of rowSpans(defined, table, at)) {
      const top = rowAt(at, from);
      const range = sheet.getRange(top, block[0]! + 1, to - from + 1, block.length);
      if (hasValues) {
        const values: Cell[][] = [];
        for (let r = from; r <= to; r++) {
          values.push(writes.map((w, j) => w.values?.[r] ?? table.rows[r]?.[block[j]!] ?? ''));
        }
        range.setValues(values);
        written += values.length * block.length;
        for (const [c, format] of formats) {
          if (format) sheet.getRange(top, c + 1, to - from + 1, 1).setNumberFormat(format);
        }
      }
      if (hasFills) {
        const planned = (i: number, j: number) => {
          const v = writes[j]!.backgrounds?.[from + i];
          if (v !== undefined) return v;
          return isBlankRow(table.rows[from + i] ?? []) ? null : undefined;
        };
        const n = to - from + 1;
        let needCurrent = false;
        for (let i = 0; i < n && !needCurrent; i++)
          for (let j = 0; j < block.length; j++) if (planned(i, j) === undefined) needCurrent = true;
        const current = needCurrent ? range.getBackgrounds() : null;
        const fills: (string | null)[][] = [];
        for (let i = 0; i < n; i++) {
          fills.push(
            block.map((_, j) => {
              const p = planned(i, j);
              if (p !== undefined) return p;
              const bg = current?.[i]?.[j] ?? null;
              return bg === '#ffffff' ? null : bg;
            }),
          );
        }
        range.setBackgrounds(fills as string[][]);
      }
      if (hasNotes) {
        const current = range.getNotes();
        range.setNotes(current.map((row, i) => row.map((n, j) => writes[j]!.notes?.[from + i] ?? n)));
      }
    }
  }
  return written;
}

/**
 * Rows in between two runs are read along with them when that costs less than a second read: a
 * round trip (about 100 ms) against 0.01 ms a cell (docs/performance.md).
 */
export const MERGE_GAP_CELLS = 10_000;

/**
 * The runs of consecutive sheet rows to read for `rows`, runs merged when the rows between them
 * (`width` cells each) are cheaper to read than another round trip (MERGE_GAP_CELLS).
 */
function readRuns(rows: Iterable<number>, width: number): [number, number][] {
  const wanted = [...new Set(rows)].filter((r) => Number.isInteger(r) && r >= 1).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of wanted) {
    const last = runs[runs.length - 1];
    if (last && (r - last[1] - 1) * width <= MERGE_GAP_CELLS) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/**
 * Reads whole rows (columns 1…width) of the given sheet rows: one getValues per run of
 * consecutive rows (readRuns). Reads follow the rows asked for, never the sheet's size.
 * Returns each row read by sheet row (rows read in between are returned too).
 */
export function readRows(sheet: Sheet, rows: Iterable<number>, width: number): Map<number, Cell[]> {
  const out = new Map<number, Cell[]>();
  if (width < 1) return out;
  for (const [from, to] of readRuns(rows, width)) {
    const values = sheet.getRange(from, 1, to - from + 1, width).getValues() as Cell[][];
    values.forEach((cells, i) => {
      out.set(from + i, cells);
    });
  }
  return out;
}

/** The header row and some rows of a sheet, read together (readMatchingRows). */
export interface RowsWithHeaders {
  headers: string[];
  /** Each row read below the header (rows read in between too), cut to the headers' width. */
  rows: Map<number, Cell[]>;
  /** The rows whose cell under the header searched for matches, in sheet order. */
  found: number[];
}

/**
 * The header row and the rows whose `header` cell matches `pattern` (as findRows matches), for a
 * caller that does not know the headers yet: one search of the whole sheet, then one read of
 * whole rows (`from:to`) per run of the rows found with row 1 among them (readRuns, `width` the
 * columns the contract expects) — so the header costs no round trip of its own when the rows are
 * near the top, as a company's few rows on Jobs are. A row found because another of its cells
 * matches is read but not `found`; a cell the test cannot judge (a number or a date, whose
 * displayed text depends on its format) counts as found.
 */
export function readMatchingRows(
  sheet: Sheet,
  header: string,
  pattern: string,
  ignoreDiacritics: boolean,
  width: number,
): RowsWithHeaders {
  const hits = findRows(sheet, null, pattern, ignoreDiacritics);
  let headers: string[] = [];
  const whole = new Map<number, Cell[]>();
  for (const [from, to] of readRuns([1, ...hits], width)) {
    const values = sheet.getRange(`${from}:${to}`).getValues() as Cell[][];
    values.forEach((cells, i) => {
      if (from + i === 1) headers = headersOf(cells);
      else whole.set(from + i, cells);
    });
  }
  const rows = new Map<number, Cell[]>();
  for (const [r, cells] of whole) rows.set(r, cells.slice(0, headers.length));
  const i = col(headerIndex(headers), header);
  const test = textFinderTest(pattern, ignoreDiacritics);
  const found = i < 0 ? [] : hits.filter((r) => (test ? test(rows.get(r)?.[i]) !== false : true));
  return { headers, rows, found };
}

/**
 * A test of whether a cell matches a TextFinder search built as findRows builds it: the whole
 * displayed text, ignoring case (and accents when `ignoreDiacritics`), empty cells never (the
 * TextFinder reference: developers.google.com/apps-script/reference/spreadsheet/text-finder).
 * Only text cells are judged (their displayed text is their value); any other cell gives
 * undefined, as its displayed text depends on its number format. Null when JavaScript cannot read
 * the pattern as Sheets does.
 */
function textFinderTest(
  pattern: string,
  ignoreDiacritics: boolean,
): ((cell: Cell | undefined) => boolean | undefined) | null {
  const prep = (s: string) => (ignoreDiacritics ? s.normalize('NFD').replace(/\p{M}/gu, '') : s);
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${prep(pattern)})$`, 'iu');
  } catch {
    return null;
  }
  return (cell) => {
    if (typeof cell !== 'string') return cell === undefined ? false : undefined;
    return cell !== '' && re.test(prep(cell));
  };
}

/**
 * The sheet rows (below the header) whose cell in `column` matches `pattern`, a regular
 * expression matched against the whole displayed cell, ignoring case (and accents when
 * `ignoreDiacritics`): one TextFinder search, done by Sheets, so no cell of the column is read
 * into the script. `known` holds that column's cells of rows the caller has already read (sheet
 * row → cell): when the search finds exactly as many cells as those rows hold matches, it found
 * those rows, and their positions are not asked of each cell found (one call a cell), so a search
 * that finds only rows already read costs the same calls however many it finds.
 */
export function findRows(
  sheet: Sheet,
  column: number | null,
  pattern: string,
  ignoreDiacritics = false,
  known?: ReadonlyMap<number, Cell | undefined>,
): number[] {
  if (column === null) {
    // The whole sheet (Sheet.createTextFinder: the cells that hold data): rows below the header
    // where any cell matches, each once.
    let all = sheet.createTextFinder(pattern).useRegularExpression(true);
    if (ignoreDiacritics) all = all.ignoreDiacritics(true);
    const rows = all
      .matchEntireCell(true)
      .findAll()
      .map((r) => r.getRow());
    return [...new Set(rows)].filter((r) => r >= 2).sort((a, b) => a - b);
  }
  const letter = columnLetter(column);
  let finder = sheet.getRange(`${letter}2:${letter}`).createTextFinder(pattern).useRegularExpression(true);
  if (ignoreDiacritics) finder = finder.ignoreDiacritics(true);
  const found = finder.matchEntireCell(true).findAll();
  const test = known && known.size > 0 ? textFinderTest(pattern, ignoreDiacritics) : null;
  if (known && test) {
    const matching: number[] = [];
    let judged = true;
    for (const [row, cell] of known) {
      if (row < 2) continue;
      const m = test(cell);
      if (m === undefined) judged = false;
      else if (m) matching.push(row);
    }
    if (judged && matching.length === found.length) return matching.sort((a, b) => a - b);
  }
  return found.map((r) => r.getRow());
}

/**
 * The header row (row 1) of a sheet as text, to the last non-blank header: one read of row 1
 * (`1:1`, the sheet's whole width), so its last column need not be asked first.
 */
export function readHeaders(sheet: Sheet): string[] {
  return headersOf(sheet.getRange('1:1').getValues()[0] ?? []);
}

/** A header row as read (the sheet's whole width) as text, to the last non-blank header. */
function headersOf(cells: readonly unknown[]): string[] {
  const row = cells.map((h) => String(h ?? ''));
  let end = row.length;
  while (end > 0 && row[end - 1]!.trim() === '') end--;
  return row.slice(0, end);
}

/**
 * Appends rows after row `after` (default: the last row with content) in one setValues, growing
 * the grid first when it is too short (`maxRows`: the grid's height, when already read). Returns
 * the sheet row of the first appended row.
 */
export function appendRows(
  sheet: Sheet,
  rows: readonly (readonly Cell[])[],
  after = sheet.getLastRow(),
  maxRows?: number,
): number {
  const start = after + 1;
  if (rows.length === 0) return start;
  const height = maxRows ?? sheet.getMaxRows();
  const missing = start + rows.length - 1 - height;
  if (missing > 0) {
    sheet.insertRowsAfter(height, missing);
    // Inserted rows copy the last row's formatting: its dropdowns and date formats suit the new rows,
    // its fills (a red Due, the user's highlight) belong to that row only. No read: the width written.
    sheet.getRange(height + 1, 1, missing, rows[0]!.length).setBackground(null);
  }
  sheet.getRange(start, 1, rows.length, rows[0]!.length).setValues(rows.map((r) => [...r]));
  return start;
}

/**
 * One round trip costs about as much as writing 1,000 cells (100 ms a call, 0.1 ms a cell written:
 * docs/performance.md), as MERGE_GAP_CELLS is for reads: two runs closer than that are written as one.
 */
const MERGE_GAP_CELLS_WRITTEN = 1_000;

/** Runs of sorted, distinct indexes: adjacent ones, and two runs whose gap costs less than a call (gapCost(gap) < limit). */
function runsOf(
  indexes: readonly number[],
  gapCost: (gap: number) => number,
  limit: number,
): [number, number][] {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const i of sorted) {
    const last = runs[runs.length - 1];
    if (last && (i === last[1] + 1 || gapCost(i - last[1] - 1) < limit)) last[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

/**
 * Reads only the columns named by `wanted` (found by header text): the header row, then one
 * getValues per run of adjacent wanted columns over the data rows.
 * Returns a Table with every header and, in each row, the wanted columns' values ('' in the
 * others), and the sheet's last row. Calls: 2 + one per run, whatever the number of rows.
 */
export function readColumns(sheet: Sheet, wanted: readonly string[]): { table: Table; lastRow: number } {
  const lastRow = sheet.getLastRow();
  const headers = lastRow < 1 ? [] : readHeaders(sheet);
  if (headers.length === 0) return { table: { headers: [], rows: [] }, lastRow: Math.max(lastRow, 0) };
  const n = lastRow - 1;
  const rows: Cell[][] = Array.from({ length: n }, () => new Array<Cell>(headers.length).fill(''));
  if (n > 0) {
    const idx = headerIndex(headers);
    const cols = wanted.map((h) => idx.get(textKey(h))).filter((c): c is number => c !== undefined);
    // Runs of adjacent columns only: the calls then depend on the headers, never on the rows (and at
    // the sizes where reads cost, a column between two runs costs more than a round trip).
    for (const [from, to] of runsOf(cols, () => Number.POSITIVE_INFINITY, 0)) {
      const values = sheet.getRange(2, from + 1, n, to - from + 1).getValues() as Cell[][];
      values.forEach((r, i) => {
        const row = rows[i]!;
        r.forEach((v, j) => {
          row[from + j] = v;
        });
      });
    }
  }
  return { table: { headers, rows }, lastRow };
}

/**
 * Appends new rows after sheet row `after`, laid out on a run of columns (`block.col` 0-based), in
 * one setValues: each row is written whole or not at all. When `maxRows` (the sheet's
 * getMaxRows(), read by the caller before any write so the action flushes once) is too short,
 * the grid grows first, once; inserted rows take the formatting of the row above them (Sheets'
 * inheritFromBefore, emulator/sheet insertRowsAfter). `prepare(first, count)` then formats the
 * rows the values go to, before they are written: a run stopped in between leaves rows that are
 * still new, which the rerun prepares again. Columns outside the block are not written. Returns
 * the first new row.
 */
export function appendBlock(
  sheet: Sheet,
  block: { readonly col: number; readonly values: readonly (readonly Cell[])[] } | null,
  after: number,
  maxRows: number,
  prepare?: (first: number, count: number) => void,
): number {
  const start = after + 1;
  const rows = block?.values.length ?? 0;
  if (!block || rows === 0) return start;
  const missing = start + rows - 1 - maxRows;
  if (missing > 0) sheet.insertRowsAfter(maxRows, missing);
  prepare?.(start, rows);
  sheet
    .getRange(start, block.col + 1, rows, block.values[0]!.length)
    .setValues(block.values.map((r) => [...r]));
  return start;
}

/**
 * Writes changed cells of a table read from row 2: for each run of adjacent changed columns and
 * each run of changed rows (runs close together written as one), one setValues. Unchanged cells
 * inside a run are written back as read, text with a leading apostrophe so Sheets keeps it
 * exactly as it was (so `table` must hold the values of every changed column). `changes`: 0-based
 * data row → header → new value.
 */
export function writeChanges(
  sheet: Sheet,
  table: Table,
  changes: ReadonlyMap<number, ReadonlyMap<string, Cell>>,
): void {
  if (changes.size === 0) return;
  const idx = headerIndex(table.headers);
  const colsChanged = new Map<number, string>();
  for (const byHeader of changes.values()) {
    for (const h of byHeader.keys()) {
      const c = idx.get(textKey(h));
      if (c !== undefined) colsChanged.set(c, h);
    }
  }
  const asRead = (v: Cell | undefined): Cell => (typeof v === 'string' && v !== '' ? `'${v}` : (v ?? ''));
  for (const [c0, c1] of runsOf([...colsChanged.keys()], () => Number.POSITIVE_INFINITY, 0)) {
    const width = c1 - c0 + 1;
    const rowsHere = [...changes.keys()].filter((r) => {
      const byHeader = changes.get(r)!;
      for (let c = c0; c <= c1; c++) if (byHeader.has(colsChanged.get(c) ?? '\u0000')) return true;
      return false;
    });
    for (const [r0, r1] of runsOf(rowsHere, (gap) => gap * width, MERGE_GAP_CELLS_WRITTEN)) {
      const values: Cell[][] = [];
      for (let r = r0; r <= r1; r++) {
        const byHeader = changes.get(r);
        const line: Cell[] = [];
        for (let c = c0; c <= c1; c++) {
          const h = colsChanged.get(c);
          const v = h !== undefined ? byHeader?.get(h) : undefined;
          line.push(v !== undefined ? v : asRead(table.rows[r]?.[c]));
        }
        values.push(line);
      }
      sheet.getRange(r0 + 2, c0 + 1, values.length, width).setValues(values);
    }
  }
}

/** Where a range lies (row, column and size: local calls), to compare ranges however they were written. */
export function geometry(r: GoogleAppsScript.Spreadsheet.Range): string {
  return `${r.getRow()},${r.getColumn()},${r.getNumRows()},${r.getNumColumns()}`;
}

/**
 * Most runs of changed rows written per block of columns: more runs are joined across their
 * smallest gaps (those rows rewritten as they are), so the write calls stay under a bound whatever
 * the number of rows — and rows far from any change are not rewritten.
 */
export const MAX_WRITE_RUNS = 12;

/**
 * Runs of indexes (sorted, distinct) cut at the `max - 1` largest gaps: at most `max` runs, every
 * index covered, the fewest other indexes between them.
 */
export function cappedRuns(indexes: readonly number[], max: number): [number, number][] {
  const runs = runsOf(indexes, () => Number.POSITIVE_INFINITY, 0);
  if (runs.length <= max) return runs;
  const gaps = runs.slice(1).map((r, i) => ({ at: i + 1, size: r[0] - runs[i]![1] }));
  const cuts = new Set(
    gaps
      .sort((a, b) => b.size - a.size || a.at - b.at)
      .slice(0, max - 1)
      .map((g) => g.at),
  );
  const out: [number, number][] = [];
  runs.forEach((r, i) => {
    const last = out[out.length - 1];
    if (last && !cuts.has(i)) last[1] = r[1];
    else out.push([r[0], r[1]]);
  });
  return out;
}

/**
 * Most values written as RangeLists per block of columns: each is one value set on scattered cells
 * with one call (today's Due on every "answer with your availability" row, say).
 */
export const MAX_VALUE_LISTS = 8;

/** A planned value as a key: equal keys, equal cells (dates by instant, text by text). */
function valueKey(v: Cell): string {
  return Object.prototype.toString.call(v) === '[object Date]'
    ? `date:${(v as Date).getTime()}`
    : `${typeof v}:${String(v)}`;
}

/** A write planned in an action's read phase. */
export interface PlannedWrite {
  /** Rows whose planned value or fill differs from the sheet's. */
  readonly changedRows: number;
  /** Writes them, reading nothing; returns the cells whose values were written. */
  write(): number;
}

/**
 * The read half of writing a plan over a table read from row 2, changing only what differs: reads
 * the fills of the planned columns that have fills (one getBackgrounds per block of such columns),
 * then returns the write. Values: the cells whose planned value differs from the table, grouped
 * by column and value; the MAX_VALUE_LISTS largest groups of a block of adjacent columns are each
 * set with one RangeList.setValue (and its date format), the other cells' rows with one setValues
 * (and a date format per date column) per run of rows — at most MAX_WRITE_RUNS runs (cappedRuns),
 * unchanged rows inside a run written back as planned or, where the plan leaves them, as read. Fills: each cell whose planned fill differs from the one
 * read, grouped by colour, one RangeList.setBackground per colour (scattered cells, one call).
 * Cells the plan leaves `undefined` are not written (but a fill on a row blank in the table is
 * cleared, as applyPlan does). So the calls do not grow with the rows, a
 * run that changes nothing writes nothing, and a rerun after a failure finishes the job.
 */
export function planChangedWrites(sheet: Sheet, table: Table, plan: WritePlan): PlannedWrite {
  const idx = headerIndex(table.headers);
  const n = table.rows.length;
  const placed = new Map<number, WritePlan['columns'][number]>();
  for (const w of plan.columns) {
    const c = idx.get(textKey(w.header));
    if (c !== undefined) placed.set(c, w);
  }
  if (n === 0 || placed.size === 0) return { changedRows: 0, write: () => 0 };
  // Reads: the fills of the columns planned with fills.
  const fills = new Map<number, (string | null)[]>();
  for (const block of contiguousBlocks([...placed].filter(([, w]) => w.backgrounds).map(([c]) => c))) {
    const read = sheet.getRange(2, block[0]! + 1, n, block.length).getBackgrounds();
    block.forEach((c, j) => {
      fills.set(
        c,
        read.map((row) => {
          const bg = row[j] ?? '#ffffff';
          return bg === '#ffffff' ? null : bg;
        }),
      );
    });
  }
  const changed = new Set<number>();
  // Values: the cells that differ, per block of adjacent columns with values, grouped by column and
  // value; the largest groups are written as RangeLists, the other cells' rows as runs.
  const valueBlocks = contiguousBlocks([...placed].filter(([, w]) => w.values).map(([c]) => c)).map(
    (block) => {
      const groups = new Map<string, { col: number; value: Cell; rows: number[] }>();
      for (const c of block) {
        const values = placed.get(c)!.values!;
        for (let r = 0; r < n; r++) {
          const v = values[r];
          if (v === undefined || sameCell(v, table.rows[r]?.[c])) continue;
          changed.add(r);
          const key = `${c}|${valueKey(v)}`;
          let g = groups.get(key);
          if (!g) {
            g = { col: c, value: v, rows: [] };
            groups.set(key, g);
          }
          g.rows.push(r);
        }
      }
      const bySize = [...groups.values()].sort((a, b) => b.rows.length - a.rows.length);
      const runs = cappedRuns(
        bySize.slice(MAX_VALUE_LISTS).flatMap((g) => g.rows),
        MAX_WRITE_RUNS,
      );
      const inRun = (r: number) => runs.some(([from, to]) => r >= from && r <= to);
      const lists = bySize
        .slice(0, MAX_VALUE_LISTS)
        .map((g) => ({ ...g, rows: g.rows.filter((r) => !inRun(r)) }))
        .filter((g) => g.rows.length > 0);
      return { block, runs, lists };
    },
  );
  // Fills to write: by colour, the cells that differ.
  const byColour = new Map<string | null, Map<number, number[]>>();
  for (const [c, w] of placed) {
    const current = fills.get(c);
    if (!w.backgrounds || !current) continue;
    for (let r = 0; r < n; r++) {
      // A row blank in the table has no follow-up: a fill left there (a row cleared by hand) goes.
      const planned = w.backgrounds[r];
      const want = planned !== undefined ? planned : isBlankRow(table.rows[r] ?? []) ? null : undefined;
      if (want === undefined || want === current[r]) continue;
      changed.add(r);
      let rows = byColour.get(want);
      if (!rows) {
        rows = new Map();
        byColour.set(want, rows);
      }
      const cols = rows.get(r) ?? [];
      cols.push(c);
      rows.set(r, cols);
    }
  }
  return {
    changedRows: changed.size,
    write: () => {
      let written = 0;
      for (const { block, runs, lists } of valueBlocks) {
        const writes = block.map((c) => placed.get(c)!);
        for (const g of lists) {
          const list = sheet.getRangeList(a1Spans(new Map(g.rows.map((r) => [r, [g.col]]))));
          list.setValue(g.value);
          const format = formatFor(plan.sheet, placed.get(g.col)!.header);
          if (format) list.setNumberFormat(format);
          written += g.rows.length;
        }
        const asRead = (v: Cell | undefined): Cell =>
          typeof v === 'string' && v !== '' ? `'${v}` : (v ?? '');
        for (const [from, to] of runs) {
          const values: Cell[][] = [];
          for (let r = from; r <= to; r++) {
            values.push(writes.map((w, j) => w.values?.[r] ?? asRead(table.rows[r]?.[block[j]!])));
          }
          sheet.getRange(from + 2, block[0]! + 1, values.length, block.length).setValues(values);
          written += values.length * block.length;
          block.forEach((c, j) => {
            const format = formatFor(plan.sheet, writes[j]!.header);
            if (format) sheet.getRange(from + 2, c + 1, values.length, 1).setNumberFormat(format);
          });
        }
      }
      setFillsByColour(sheet, byColour);
      return written;
    },
  };
}

/** Sets each colour's cells (data row, 0-based from row 2 → columns, 0-based) with one RangeList call. */
function setFillsByColour(
  sheet: Sheet,
  byColour: ReadonlyMap<string | null, ReadonlyMap<number, readonly number[]>>,
): void {
  for (const [colour, rows] of byColour) {
    if (rows.size > 0) sheet.getRangeList(a1Spans(rows)).setBackground(colour);
  }
}

/**
 * Writes the fills of one column (`column` 0-based; `fills[i]` for sheet row i + 2, undefined =
 * leave as is): one RangeList.setBackground per colour, however scattered the cells.
 */
export function writeColumnFills(
  sheet: Sheet,
  column: number,
  fills: readonly (string | null | undefined)[],
): void {
  const byColour = new Map<string | null, Map<number, number[]>>();
  fills.forEach((f, r) => {
    if (f === undefined) return;
    let rows = byColour.get(f);
    if (!rows) {
      rows = new Map();
      byColour.set(f, rows);
    }
    rows.set(r, [column]);
  });
  setFillsByColour(sheet, byColour);
}

/**
 * A1 notations covering cells given as data row (0-based, row 2 of the sheet) → columns (0-based):
 * adjacent columns of a row as one range, consecutive rows with the same columns as one.
 */
function a1Spans(rows: ReadonlyMap<number, readonly number[]>): string[] {
  const spans: { top: number; bottom: number; from: number; to: number }[] = [];
  const open = new Map<string, (typeof spans)[number]>();
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    for (const [from, to] of runsOf(rows.get(r)!, () => Number.POSITIVE_INFINITY, 0)) {
      const key = `${from}:${to}`;
      const span = open.get(key);
      if (span && span.bottom === r - 1) span.bottom = r;
      else {
        const s = { top: r, bottom: r, from, to };
        spans.push(s);
        open.set(key, s);
      }
    }
  }
  return spans.map((s) => `${columnLetter(s.from + 1)}${s.top + 2}:${columnLetter(s.to + 1)}${s.bottom + 2}`);
}
