// A cheap fingerprint of a sheet row, so an action can refuse when the row changed under it.

import { isBlank, isDate } from './values';

function cellKey(v: unknown): string {
  if (isDate(v)) return `d${v.getTime()}`;
  if (v === null || v === undefined) return 's';
  return `${typeof v === 'number' ? 'n' : typeof v === 'boolean' ? 'b' : 's'}${String(v)}`;
}

/** A cheap fingerprint of a row's cells (FNV-1a over their values, trailing blanks ignored). */
export function rowFingerprint(row: number, cells: readonly unknown[]): string {
  let last = cells.length;
  while (last > 0 && isBlank(cells[last - 1])) last--;
  const text = cells.slice(0, last).map(cellKey).join('\u0001');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${row}-${(h >>> 0).toString(36)}-${text.length.toString(36)}`;
}
