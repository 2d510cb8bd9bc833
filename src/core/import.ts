// Reading LinkedIn's Connections.csv: RFC 4180 parsing, header detection, records, size limits.

import { UserError } from './errors';
import { col, headerIndex } from './table';

/** The largest file accepted, in characters (about 5 MB). */
export const MAX_CSV_CHARS = 5 * 1024 * 1024;

/** LinkedIn's export headers (Settings › Data privacy › Get a copy of your data › Connections). */
export const LINKEDIN = {
  firstName: 'First Name',
  lastName: 'Last Name',
  url: 'URL',
  email: 'Email Address',
  company: 'Company',
  position: 'Position',
  connectedOn: 'Connected On',
} as const;

/** Headers an import needs; the others (Email Address, Connected On) are optional. */
export const REQUIRED_HEADERS: readonly string[] = [
  LINKEDIN.firstName,
  LINKEDIN.lastName,
  LINKEDIN.url,
  LINKEDIN.company,
  LINKEDIN.position,
];

/**
 * Parses CSV text (RFC 4180): fields may be quoted, a quoted field may hold commas, line breaks
 * and doubled quotes (""); CRLF, LF and CR all end a record; a leading BOM is ignored. A quote
 * inside an unquoted field is kept as is (lenient, as spreadsheet apps are). An unterminated
 * quoted field is a UserError.
 */
export function parseCsv(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let atFieldStart = true;
  const endField = () => {
    row.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < s.length) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      i++;
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    atFieldStart = false;
    i++;
  }
  if (quoted) throw new UserError('The file is not valid CSV: a quoted field is never closed.');
  if (!atFieldStart || field !== '' || row.length > 0) endRow();
  return rows;
}

/** Where the header row is and which of the needed columns it lacks. */
export interface HeaderMatch {
  /** 0-based index of the header row among the CSV records. */
  readonly row: number;
  readonly index: Map<string, number>;
  readonly missing: readonly string[];
}

/**
 * Finds the header row: the first record among the first 50 holding the most of LinkedIn's
 * headers (at least two), which skips the "Notes:" lines LinkedIn puts before it. Null when none.
 */
export function findHeader(records: readonly (readonly string[])[]): HeaderMatch | null {
  const all = Object.values(LINKEDIN);
  let best: HeaderMatch | null = null;
  let bestHits = 1;
  records.slice(0, 50).forEach((r, row) => {
    const index = headerIndex(r);
    const hits = all.filter((h) => col(index, h) >= 0).length;
    if (hits > bestHits) {
      bestHits = hits;
      best = { row, index, missing: REQUIRED_HEADERS.filter((h) => col(index, h) < 0) };
    }
  });
  return best;
}

/** A profile URL reduced to what identifies the person: no scheme, www, query, fragment or trailing slash; lower case. */
export function profileKey(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

/** The largest export accepted, in connections (LinkedIn caps a network at 30,000). */
export const MAX_CONNECTIONS = 35_000;

/** One record of the export, trimmed, in LinkedIn's own fields. */
export interface ExportRecord {
  readonly firstName: string;
  readonly lastName: string;
  readonly url: string;
  readonly email: string;
  readonly company: string;
  readonly position: string;
  readonly connectedOn: string;
}

/** What reading the export gives: its records (blank ones dropped) and how many had no name. */
export interface ExportRead {
  readonly records: readonly ExportRecord[];
  /** Records with neither a name nor a profile URL: nobody to keep. */
  readonly noName: number;
}

/**
 * Reads a Connections.csv text: finds LinkedIn's header row (after its "Notes:" lines), then one
 * record per line, trimmed; blank lines are dropped, lines without name or URL are counted as
 * noName. Throws a UserError naming what is wrong for a file that is not a Connections export,
 * has no connection in it, or has more than MAX_CONNECTIONS.
 */
export function readExport(csv: string): ExportRead {
  const rows = parseCsv(csv);
  const header = findHeader(rows);
  if (!header) {
    throw new UserError(
      `This does not look like LinkedIn's Connections.csv: no header row with ${REQUIRED_HEADERS.join(', ')}.`,
    );
  }
  if (header.missing.length > 0) {
    throw new UserError(
      `The file's header row lacks ${header.missing.length === 1 ? 'the column' : 'the columns'} ${header.missing.join(', ')}.`,
    );
  }
  const at = (r: readonly string[], h: string) => {
    const i = col(header.index, h);
    return i < 0 ? '' : (r[i] ?? '').trim();
  };
  const records: ExportRecord[] = [];
  let noName = 0;
  for (const r of rows.slice(header.row + 1)) {
    if (r.every((x) => x.trim() === '')) continue;
    const rec: ExportRecord = {
      firstName: at(r, LINKEDIN.firstName),
      lastName: at(r, LINKEDIN.lastName),
      url: at(r, LINKEDIN.url),
      email: at(r, LINKEDIN.email),
      company: at(r, LINKEDIN.company),
      position: at(r, LINKEDIN.position),
      connectedOn: at(r, LINKEDIN.connectedOn),
    };
    if (!rec.firstName && !rec.lastName && !rec.url) {
      noName++;
      continue;
    }
    records.push(rec);
  }
  if (records.length === 0) {
    throw new UserError('The file has LinkedIn’s header row but no connection under it.');
  }
  if (records.length > MAX_CONNECTIONS) {
    throw new UserError(
      `The file lists ${records.length.toLocaleString('en-US')} connections; the import takes at most ${MAX_CONNECTIONS.toLocaleString('en-US')}. Is it LinkedIn’s Connections.csv?`,
    );
  }
  return { records, noName };
}
