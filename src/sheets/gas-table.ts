// Reads whole sheets into Tables and applies WritePlans to the add-on's own columns in batched calls.

import { DATE_FORMAT, DATETIME_FORMAT, SETUP_SHEETS } from '../core/schema';
import { headerIndex, isBlankRow, type Table, type WritePlan } from '../core/table';
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

/** Contiguous runs of column indexes (0-based), in order. */
function contiguousBlocks(cols: readonly number[]): number[][] {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const blocks: number[][] = [];
  for (const c of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else blocks.push([c]);
  }
  return blocks;
}

/**
 * Row spans to write: rows with at least one defined entry, merged across rows that are
 * entirely blank in the table (writing '' over '' there changes nothing), split elsewhere so
 * untouched non-blank rows are never rewritten.
 */
function rowSpans(defined: readonly boolean[], table: Table): [number, number][] {
  const spans: [number, number][] = [];
  let start = -1;
  let lastDefined = -1;
  for (let r = 0; r < defined.length; r++) {
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
 * setValues, and (when the plan has fills) one getBackgrounds + one setBackgrounds. Cells the
 * plan leaves `undefined` keep their current value and fill. Columns missing from the sheet are
 * skipped. `firstRow` is the sheet row of `table.rows[0]` (2 for a whole-sheet read). Returns the
 * number of cells written.
 */
export function applyPlan(sheet: Sheet, table: Table, plan: WritePlan, firstRow = 2): number {
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
    for (const [from, to] of rowSpans(defined, table)) {
      const range = sheet.getRange(firstRow + from, block[0]! + 1, to - from + 1, block.length);
      if (hasValues) {
        const values: Cell[][] = [];
        for (let r = from; r <= to; r++) {
          values.push(writes.map((w, j) => w.values?.[r] ?? table.rows[r]?.[block[j]!] ?? ''));
        }
        range.setValues(values);
        written += values.length * block.length;
        for (const [c, format] of formats) {
          if (format) sheet.getRange(firstRow + from, c + 1, to - from + 1, 1).setNumberFormat(format);
        }
      }
      if (hasFills) {
        const current = range.getBackgrounds();
        const fills = current.map((row, i) =>
          row.map((bg, j) => {
            const planned = writes[j]!.backgrounds?.[from + i];
            if (planned === undefined) return bg === '#ffffff' ? null : bg;
            return planned;
          }),
        );
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
 * Appends rows after row `after` (default: the last row with content) in one setValues, growing
 * the grid first when it is too short. Returns the sheet row of the first appended row.
 */
export function appendRows(
  sheet: Sheet,
  rows: readonly (readonly Cell[])[],
  after = sheet.getLastRow(),
): number {
  const start = after + 1;
  if (rows.length === 0) return start;
  const missing = start + rows.length - 1 - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  sheet.getRange(start, 1, rows.length, rows[0]!.length).setValues(rows.map((r) => [...r]));
  return start;
}
