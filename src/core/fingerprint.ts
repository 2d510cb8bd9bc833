// A cheap fingerprint of a Contacts row (row number, who it is, what it holds), so an action can refuse when the row changed or moved under it.

import { C } from './schema';
import { col, headerIndex } from './table';
import { textKey } from './text';
import { isBlank, isDate } from './values';

/** A cell's value as a short typed key (`d<ms>`, `n12`, `sText`; blank is `s`): equal keys, equal values. */
export function cellKey(v: unknown): string {
  if (isDate(v)) return `d${v.getTime()}`;
  if (v === null || v === undefined) return 's';
  return `${typeof v === 'number' ? 'n' : typeof v === 'boolean' ? 'b' : 's'}${String(v)}`;
}

/** FNV-1a of a text, base 36. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Who a Contacts row is about, stable across edits of other cells: Company and Name, as text keys. */
export function personKey(headers: readonly unknown[], cells: readonly unknown[]): string {
  const idx = headerIndex(headers);
  const at = (h: string) => {
    const i = col(idx, h);
    return i < 0 ? '' : textKey(cells[i]);
  };
  return `${at(C.company)}\u0001${at(C.name)}`;
}

/** A short id of who a Contacts row is about (a hash of personKey), e.g. for a document property key. */
export function personId(headers: readonly unknown[], cells: readonly unknown[]): string {
  return hash(personKey(headers, cells));
}

/**
 * A cheap fingerprint of a row: `row-person-cells-length`, where person hashes the row's person
 * key and cells hashes its values (trailing blanks ignored). Equal fingerprints mean the same row
 * number holding the same cells.
 */
export function rowFingerprint(row: number, cells: readonly unknown[], key = ''): string {
  let last = cells.length;
  while (last > 0 && isBlank(cells[last - 1])) last--;
  const text = cells.slice(0, last).map(cellKey).join('\u0001');
  return `${row}-${hash(key)}-${hash(text)}-${text.length.toString(36)}`;
}

/** The fingerprint of a Contacts row read with its header row. */
export function contactFingerprint(
  row: number,
  headers: readonly unknown[],
  cells: readonly unknown[],
): string {
  return rowFingerprint(row, cells, personKey(headers, cells));
}

/**
 * Whether a fingerprint was made for the same person as `key` (its person part matches): tells a
 * row that was edited from a row that now holds someone else (a sort, a move, a deletion).
 */
export function samePerson(fingerprint: string, key: string): boolean {
  return fingerprint.split('-')[1] === hash(key);
}
