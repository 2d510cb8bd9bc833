// A sheet read into memory: header row plus data rows, with columns found by header text.

import { textKey } from './text';
import type { Cell } from './values';

/** A whole sheet as read by one getValues(): row 1 is the header. */
export interface Table {
  readonly headers: readonly string[];
  /** Data rows (sheet rows 2…); each row has headers.length cells. */
  readonly rows: readonly (readonly Cell[])[];
}

/** Maps header text (trimmed, case-insensitive) to 0-based column index; first occurrence wins. */
export function headerIndex(headers: readonly unknown[]): Map<string, number> {
  const m = new Map<string, number>();
  headers.forEach((h, i) => {
    const k = textKey(h);
    if (k && !m.has(k)) m.set(k, i);
  });
  return m;
}

/** The 0-based index of a header, or -1. */
export function col(index: Map<string, number>, header: string): number {
  return index.get(textKey(header)) ?? -1;
}

/** Sheet row number (1-based) of data row `i`. */
export function sheetRow(i: number): number {
  return i + 2;
}

/** Whether every cell of a row is blank. */
export function isBlankRow(row: readonly Cell[]): boolean {
  return row.every(
    (v) => v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === ''),
  );
}

/**
 * A change to the add-on's own columns: for each header, the new value of every data row
 * (`undefined` = leave that cell alone), and optional backgrounds (`null` = no fill).
 */
export interface ColumnWrite {
  readonly header: string;
  readonly values?: readonly (Cell | undefined)[];
  readonly backgrounds?: readonly (string | null | undefined)[];
  readonly notes?: readonly (string | undefined)[];
}

/** A plan of writes to one sheet's computed columns. */
export interface WritePlan {
  readonly sheet: string;
  readonly columns: readonly ColumnWrite[];
}

/** A copy of `table` with the plan's values written in (fills and notes ignored), as the sheet will hold them. */
export function withPlan(table: Table, plan: WritePlan): Table {
  const idx = headerIndex(table.headers);
  const rows = table.rows.slice();
  for (const w of plan.columns) {
    const c = col(idx, w.header);
    if (c < 0 || !w.values) continue;
    w.values.forEach((v, r) => {
      const cells = rows[r];
      if (v === undefined || !cells) return;
      const copy = cells.slice();
      copy[c] = v;
      rows[r] = copy;
    });
  }
  return { headers: table.headers, rows };
}

/** Whether a planned value is what the cell already holds (a leading apostrophe only marks text). */
export function sameCell(planned: Cell, current: Cell | undefined): boolean {
  const a = typeof planned === 'string' && planned.startsWith("'") ? planned.slice(1) : planned;
  const b = current ?? '';
  if (a instanceof Date || b instanceof Date) {
    return (
      Object.prototype.toString.call(a) === Object.prototype.toString.call(b) &&
      (a as Date).getTime() === (b as Date).getTime()
    );
  }
  return a === b;
}

/** The A1 letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let n = Math.floor(column);
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
