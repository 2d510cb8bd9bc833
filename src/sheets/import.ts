// Import LinkedIn connections: the export merged into Connections, the people at target companies added to Contacts.

import {
  CONNECTIONS_HEADERS,
  CONNECTIONS_READ,
  CONTACTS_KNOWN,
  type ContactsFromConnections,
  dataSpan,
  type ImportResult,
  importSummary,
  parseConnections,
  planConnections,
  planContactsFromConnections,
  rowCells,
  rowsEndingFindPeople,
} from '../core/connections';
import { UserError } from '../core/errors';
import { MAX_CSV_CHARS, readExport } from '../core/import';
import { parseJobs } from '../core/rows';
import { C, CONTACTS, HEADER_FILL, isComputed, SHEET } from '../core/schema';
import { col, headerIndex, type Table } from '../core/table';
import type { Cell } from '../core/values';
import { type AffectedData, readAffected, writeAffected } from './followups';
import { appendBlock, contiguousBlocks, readColumns, writeChanges } from './gas-table';
import { withDocumentLock } from './lock';
import { loadSheet, requireSheet } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Checks the argument that arrives from the browser: a string of at most about 5 MB. */
function checkCsvArgument(csv: unknown): string {
  if (typeof csv !== 'string') throw new UserError('Choose a Connections.csv file to import.');
  if (csv.length > MAX_CSV_CHARS) {
    throw new UserError('The file is larger than 5 MB. Is it the Connections.csv from LinkedIn?');
  }
  if (csv.trim() === '') throw new UserError('The file is empty.');
  return csv;
}

/** A sheet's columns as read, its last row and its grid size (read before any write). */
interface ReadSheet {
  readonly table: Table;
  readonly lastRow: number;
  readonly maxRows: number;
}

/** The Connections sheet as read before any write: its columns, sizes and frozen rows (a missing sheet reads as empty). */
interface ReadConnections extends ReadSheet {
  readonly sheet: Sheet | null;
  readonly maxColumns: number;
  readonly frozenRows: number;
}

/** Contacts as the import needs it: Company, Name and Profile URL, its last row and grid size. */
function readKnownContacts(sheet: Sheet): ReadSheet {
  const read = readColumns(sheet, CONTACTS_KNOWN);
  const idx = headerIndex(read.table.headers);
  if (col(idx, C.name) < 0 || col(idx, C.company) < 0) {
    throw new UserError(
      'The Contacts sheet has no Name or Company column. Use Referrals › Set up tracker to repair it.',
    );
  }
  return { ...read, maxRows: sheet.getMaxRows() };
}

/**
 * Appends people to Contacts after its last row, each row whole (one write: see dataSpan). The
 * computed columns of the rows they go to start with no fill (a row inserted under a red Due
 * copies it); their other formatting (dropdowns, date formats, the user's look) stays.
 */
function addToContacts(sheet: Sheet, known: ReadSheet, plan: ContactsFromConnections): void {
  const headers = known.table.headers;
  const idx = headerIndex(headers);
  const computed = CONTACTS.columns
    .filter(isComputed)
    .map((c) => col(idx, c.header))
    .filter((c) => c >= 0);
  appendBlock(
    sheet,
    dataSpan(headers, plan.rows),
    Math.max(known.lastRow, 1),
    known.maxRows,
    (first, count) => {
      for (const run of contiguousBlocks(computed))
        sheet.getRange(first, run[0]! + 1, count, run.length).setBackground(null);
    },
  );
}

/** What writing the follow-ups new Contacts rows change needs (see readFollowUpsOfNew). */
export interface FollowUpsOfNew {
  readonly data: AffectedData;
  /** The new rows' sheet rows: written blank with no fill on the computed columns (addToContacts). */
  readonly fresh: ReadonlySet<number>;
}

/**
 * Reads, before any write, what recomputing the follow-ups that new Contacts rows change needs
 * (PRODUCT point 19): the jobs they end "find people to contact" for (rowsEndingFindPeople) and,
 * with sheets/followups readAffected, every Contacts row of those jobs' companies, the new rows as
 * they will be written from sheet row `first`, and Settings (unless given). Null when no
 * follow-up changes (the new people themselves, To contact with no dates, have none). Jobs is the
 * table the caller read. Written after the rows with writeAffected(data, now, …, fresh).
 */
function readFollowUpsOfNew(
  ss: Spreadsheet,
  contacts: { readonly sheet: Sheet; readonly headers: readonly string[] },
  first: number,
  added: readonly Readonly<Record<string, Cell>>[],
  jobs: { readonly sheet: Sheet | null; readonly table: Table },
  timeZone: string,
  now: number,
  settingsRows?: Cell[][],
): FollowUpsOfNew | null {
  const linked = rowsEndingFindPeople(added, jobs.table, timeZone);
  if (linked.length === 0 || !jobs.sheet) return null;
  const rows = new Map(linked.map((i) => [first + i, rowCells(contacts.headers, added[i]!)] as const));
  const data = readAffected(ss, { contactRows: [...rows.keys()] }, now, {
    contacts: { ...contacts, rows },
    jobs: {
      sheet: jobs.sheet,
      headers: jobs.table.headers,
      rows: new Map(jobs.table.rows.map((r, i) => [i + 2, r] as const)),
    },
    ...(settingsRows ? { settingsRows } : {}),
  });
  return { data, fresh: new Set(added.map((_, i) => first + i)) };
}

/** Reads the Connections sheet's own columns, sizes and frozen rows (before any write). */
function readConnections(ss: Spreadsheet): ReadConnections {
  const sheet = ss.getSheetByName(SHEET.connections);
  if (!sheet) {
    return { sheet, table: { headers: [], rows: [] }, lastRow: 0, maxRows: 0, maxColumns: 0, frozenRows: 0 };
  }
  return {
    sheet,
    ...readColumns(sheet, CONNECTIONS_READ),
    maxRows: sheet.getMaxRows(),
    maxColumns: sheet.getMaxColumns(),
    frozenRows: sheet.getFrozenRows(),
  };
}

/**
 * Brings the Connections sheet to the contract on every run, as Set up tracker does for its
 * sheets: created when missing, LinkedIn's missing headers appended at its end, their header
 * cells bold on the header fill, row 1 frozen (unless the user froze rows of their own). So a run
 * stopped at any call leaves a sheet the next run finishes. Writes only: a new sheet's grid size
 * is read right after insertSheet, when nothing is pending (no second flush).
 */
function convergeConnections(
  ss: Spreadsheet,
  read: ReadConnections,
  missing: readonly string[],
): { sheet: Sheet; headers: string[]; maxRows: number } {
  let { sheet, maxRows, maxColumns } = read;
  if (!sheet) {
    sheet = ss.insertSheet(SHEET.connections);
    maxRows = sheet.getMaxRows();
    maxColumns = sheet.getMaxColumns();
  }
  const headers = [...read.table.headers];
  if (missing.length > 0) {
    const at = headers.length + 1;
    const short = at + missing.length - 1 - maxColumns;
    if (short > 0) sheet.insertColumnsAfter(maxColumns, short);
    sheet.getRange(1, at, 1, missing.length).setValues([[...missing]]);
    headers.push(...missing);
  }
  const idx = headerIndex(headers);
  const own = CONNECTIONS_HEADERS.map((h) => col(idx, h)).filter((c) => c >= 0);
  for (const run of contiguousBlocks(own)) {
    sheet
      .getRange(1, run[0]! + 1, 1, run.length)
      .setFontWeight('bold')
      .setBackground(HEADER_FILL);
  }
  if (read.frozenRows === 0) sheet.setFrozenRows(1);
  return { sheet, headers, maxRows };
}

/**
 * Imports Connections.csv text under the document lock (PRODUCT points 13 and 25). The file is
 * read and checked first: a file that is not an export, is empty or too large changes nothing.
 * Then: reads Contacts' Company, Name and Profile URL, Jobs, and Connections' own columns (never
 * whole sheets); merges the export into Connections (new people appended, a changed Company or
 * Position updated, the user's columns untouched), and appends to Contacts the people at a
 * company on Jobs who are not there yet. The new rows of each sheet go in one write, from the first
 * to the last column the import fills, so each is written whole or not at all; a rerun after a
 * failure anywhere recognises the people already there and adds the rest. Every run also brings
 * the Connections header to the contract (convergeConnections). Returns the figures and their
 * summary.
 */
export function importConnections(ss: Spreadsheet, csvArg: unknown, now: number): ImportResult {
  const read = readExport(checkCsvArgument(csvArg));
  return withDocumentLock(() => {
    const contactsSheet = requireSheet(ss, SHEET.contacts);
    const jobs = loadSheet(ss, SHEET.jobs);
    const known = readKnownContacts(contactsSheet);
    const existing = readConnections(ss);

    const timeZone = ss.getSpreadsheetTimeZone();
    const merge = planConnections(read, existing.table);
    const toContacts = planContactsFromConnections(merge.all, known.table, parseJobs(jobs.table, timeZone));
    const followUps = readFollowUpsOfNew(
      ss,
      { sheet: contactsSheet, headers: known.table.headers },
      Math.max(known.lastRow, 1) + 1,
      toContacts.rows,
      jobs,
      timeZone,
      now,
    );

    const target = convergeConnections(ss, existing, merge.missingHeaders);
    const changes = new Map<number, Map<string, Cell>>();
    for (const u of merge.updates) {
      const m = changes.get(u.index) ?? new Map<string, Cell>();
      m.set(u.header, u.value);
      changes.set(u.index, m);
    }
    writeChanges(target.sheet, existing.table, changes);
    // Rows right under the header (the sheet holds nobody yet) take nothing of its look.
    appendBlock(
      target.sheet,
      dataSpan(target.headers, merge.append),
      Math.max(existing.lastRow, 1),
      target.maxRows,
      (first, count) => {
        if (first === 2) target.sheet.getRange(2, 1, count, target.headers.length).clearFormat();
      },
    );
    addToContacts(contactsSheet, known, toContacts);
    if (followUps) writeAffected(followUps.data, now, undefined, followUps.fresh);

    const figures: Omit<ImportResult, 'summary'> = {
      read: read.records.length + read.noName,
      noName: read.noName,
      connections: {
        added: merge.added,
        updated: merge.updated,
        unchanged: merge.unchanged,
        repeated: merge.repeated,
      },
      contacts: {
        added: toContacts.rows.length,
        byCompany: toContacts.byCompany.map((x) => ({ ...x })),
        alreadyOnContacts: toContacts.alreadyOnContacts,
        notTarget: toContacts.notTarget,
        noCompany: toContacts.noCompany,
      },
      nearMisses: toContacts.nearMisses.map((x) => ({ ...x })),
    };
    return { ...figures, summary: importSummary(figures) };
  });
}

/**
 * Later targets (PRODUCT point 25): adds to Contacts the people on Connections at a company on
 * Jobs who are not on Contacts yet, reading Connections' own columns only. `contacts` is the
 * Contacts table already read whole (Score candidates). Returns what was added and the rows, laid
 * out on Contacts' headers, so the caller can score them with the rest, and, when they change a
 * job's follow-up, what the caller writes with sheets/followups writeAffected after its own
 * writes (read here, before this function's write; `settingsRows` as the caller read them). No Connections sheet: nothing to add.
 */
export function addLaterTargets(
  ss: Spreadsheet,
  contactsSheet: Sheet,
  contacts: Table,
  jobs: { readonly sheet: Sheet | null; readonly table: Table },
  timeZone: string,
  now: number,
  settingsRows: Cell[][],
): { byCompany: { company: string; added: number }[]; rows: Cell[][]; followUps: FollowUpsOfNew | null } {
  const none = { byCompany: [], rows: [], followUps: null };
  const sheet = ss.getSheetByName(SHEET.connections);
  if (!sheet) return none;
  const people = parseConnections(readColumns(sheet, CONNECTIONS_READ).table);
  const plan = planContactsFromConnections(people, contacts, parseJobs(jobs.table, timeZone));
  if (plan.rows.length === 0) return none;
  const known = { table: contacts, lastRow: contacts.rows.length + 1, maxRows: contactsSheet.getMaxRows() };
  const followUps = readFollowUpsOfNew(
    ss,
    { sheet: contactsSheet, headers: contacts.headers },
    known.lastRow + 1,
    plan.rows,
    jobs,
    timeZone,
    now,
    settingsRows,
  );
  addToContacts(contactsSheet, known, plan);
  return {
    byCompany: plan.byCompany.map((x) => ({ ...x })),
    rows: plan.rows.map((r) => rowCells(contacts.headers, r)),
    followUps,
  };
}
