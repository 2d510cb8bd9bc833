// What "Set up tracker" must add to each sheet: missing sheets, missing headers, missing seed rows.

import type { ColumnSpec, SheetSpec } from './schema';
import { textKey } from './text';
import type { Cell } from './values';

/** For one contract sheet: whether to create it, and which columns to append (in contract order). */
export interface SheetRepair {
  readonly spec: SheetSpec;
  readonly create: boolean;
  /** Columns whose header is missing, appended after the sheet's last column. */
  readonly append: readonly ColumnSpec[];
}

/**
 * Plans the repair of one sheet. `headers` is the sheet's row 1 (null when the sheet is
 * missing). Headers match trimmed and case-insensitively; extra user columns are ignored.
 */
export function planSheetRepair(spec: SheetSpec, headers: readonly unknown[] | null): SheetRepair {
  if (headers === null) return { spec, create: true, append: spec.columns };
  const have = new Set(headers.map(textKey));
  return { spec, create: false, append: spec.columns.filter((c) => !have.has(textKey(c.header))) };
}

/**
 * Seed rows still missing from a keyed sheet (Settings by name, Templates by name + language):
 * returns the seeds whose key is not among the existing rows' keys.
 */
export function missingSeeds<T>(
  existing: readonly (readonly Cell[])[],
  seeds: readonly T[],
  keyOfRow: (row: readonly Cell[]) => string,
  keyOfSeed: (seed: T) => string,
): T[] {
  const have = new Set(existing.map(keyOfRow));
  return seeds.filter((s) => !have.has(keyOfSeed(s)));
}
