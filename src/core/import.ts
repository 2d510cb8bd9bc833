// Import of LinkedIn's Connections.csv: RFC 4180 parsing, header detection, mapping to Contacts rows, dedupe.

import { UserError } from './errors';
import { C } from './schema';
import { col, headerIndex, type Table } from './table';
import { type Cell, escapeFormula } from './values';

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

/** One connection from the file, trimmed. */
export interface Connection {
  readonly name: string;
  readonly company: string;
  readonly title: string;
  readonly profileUrl: string;
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

function personKey(name: string, company: string): string {
  const k = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return `${k(name)}\u0000${k(company)}`;
}

/**
 * Who is already known: by profile URL, and by Name + Company (with the profile URLs seen for
 * that pair, '' for a row without URL). A connection is a duplicate when its URL is known, or
 * when its Name + Company is known and either side has no URL (two different URLs = two people).
 */
class KnownPeople {
  private readonly urls = new Set<string>();
  private readonly people = new Map<string, Set<string>>();

  add(name: string, company: string, url: string): void {
    const u = profileKey(url);
    if (u) this.urls.add(u);
    if (!name.trim() || !company.trim()) return;
    const k = personKey(name, company);
    const set = this.people.get(k) ?? new Set<string>();
    set.add(u);
    this.people.set(k, set);
  }

  has(name: string, company: string, url: string): boolean {
    const u = profileKey(url);
    if (u && this.urls.has(u)) return true;
    const seen = this.people.get(personKey(name, company));
    if (!seen) return false;
    return u === '' || seen.has('');
  }
}

/** What an import will do: the new rows laid out by the Contacts headers, and the counts. */
export interface ImportPlan {
  /** New Contacts rows, each `headers.length` wide, text formula-escaped. */
  readonly rows: Cell[][];
  readonly added: number;
  /** Connections already on Contacts, or listed twice in the file. */
  readonly duplicates: number;
  /** Records without a name or a company. */
  readonly skipped: number;
}

const cellText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/**
 * Plans the import of a Connections.csv text into Contacts (`contacts` as read, headers found by
 * text): Name = First + Last, Company, Position → Title, URL → Profile URL, Degree 1st,
 * Current Yes, Status To contact. Blank records are ignored; records without name or company are
 * skipped; people already on Contacts (or earlier in the file) are duplicates. Throws a UserError
 * for a file that is not a Connections export, or a Contacts sheet without Company or Name.
 */
export function planImport(csv: string, contacts: Table): ImportPlan {
  const cIdx = headerIndex(contacts.headers);
  const nameCol = col(cIdx, C.name);
  const companyCol = col(cIdx, C.company);
  if (nameCol < 0 || companyCol < 0) {
    throw new UserError(
      'The Contacts sheet has no Name or Company column. Use Referrals › Set up tracker to repair it.',
    );
  }
  const records = parseCsv(csv);
  const header = findHeader(records);
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

  const known = new KnownPeople();
  const urlCol = col(cIdx, C.profileUrl);
  for (const r of contacts.rows) {
    known.add(cellText(r[nameCol]), cellText(r[companyCol]), urlCol >= 0 ? cellText(r[urlCol]) : '');
  }

  const at = (r: readonly string[], h: string) => (r[col(header.index, h)] ?? '').trim();
  const fields: Record<string, (c: Connection) => string> = {
    [C.name]: (c) => c.name,
    [C.company]: (c) => c.company,
    [C.title]: (c) => c.title,
    [C.profileUrl]: (c) => c.profileUrl,
    [C.degree]: () => '1st',
    [C.current]: () => 'Yes',
    [C.status]: () => 'To contact',
  };
  const layout = contacts.headers.map((h) => {
    const key = Object.keys(fields).find((f) => col(headerIndex([h]), f) === 0);
    return key ? fields[key]! : null;
  });
  // A header appearing twice is written once (first occurrence), as columns are found elsewhere.
  const firstOf = new Set<number>(Object.keys(fields).map((f) => col(cIdx, f)));

  const rows: Cell[][] = [];
  let duplicates = 0;
  let skipped = 0;
  for (const r of records.slice(header.row + 1)) {
    if (r.every((x) => x.trim() === '')) continue;
    const name = `${at(r, LINKEDIN.firstName)} ${at(r, LINKEDIN.lastName)}`.trim().replace(/\s+/g, ' ');
    const c: Connection = {
      name,
      company: at(r, LINKEDIN.company),
      title: at(r, LINKEDIN.position),
      profileUrl: at(r, LINKEDIN.url),
    };
    if (!c.name || !c.company) {
      skipped++;
      continue;
    }
    if (known.has(c.name, c.company, c.profileUrl)) {
      duplicates++;
      continue;
    }
    known.add(c.name, c.company, c.profileUrl);
    rows.push(layout.map((f, i) => (f && firstOf.has(i) ? escapeFormula(f(c)) : '')));
  }
  return { rows, added: rows.length, duplicates, skipped };
}
