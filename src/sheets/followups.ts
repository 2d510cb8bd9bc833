// Follow-ups on the sheet: Refresh (whole sheets), live recompute of the rows a change affects
// (onEdit, Mark as sent, Save call guide), stamps and Activity, and the daily digest.

import { type Day, dayOf } from '../core/dates';
import { buildDigest } from '../core/digest';
import {
  type AffectedInput,
  type AffectedPlan,
  affectedCompanies,
  companyPattern,
  type FollowUpPlan,
  followUpReads,
  needsAllReferrers,
  needsEveryReferrer,
  planAffected,
  planFollowUps,
  recomputesReferrer,
  type SheetRows,
  sameTextPattern,
  trialCredits,
  trialNeedsAllContacts,
} from '../core/followup-plan';
import { dateFills } from '../core/highlight';
import { C, CONTACT_DATES, CONTACTS, J, JOBS, P, SHEET } from '../core/schema';
import { parseSettings, type Settings } from '../core/settings';
import { applyStamps, personKey, stampPlan, stampsForStatusChange } from '../core/stamps';
import { col, headerIndex, type WritePlan } from '../core/table';
import { textKey } from '../core/text';
import { describeTrial } from '../core/trial';
import { type Cell, isBlank, isDate } from '../core/values';
import {
  applyPlan,
  findRows,
  planChangedWrites,
  readColumns,
  readHeaders,
  readMatchingRows,
  readRows,
  readTable,
  writeColumnFills,
} from './gas-table';
import { planHighlights } from './highlight';
import { planSettingNotes, readSettingsRows, readTracker, requireSheet, type TrackerData } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What Refresh follow-ups did, for its message and the digest. */
export type RefreshResult = FollowUpPlan & {
  settings: Settings;
  settingProblems: string[];
  /** Sentences about missing sheets the refresh did without (readTracker). */
  notes: string[];
};

/** Refresh follow-ups split at its one flush: what it read and decided, and the writes left to make. */
export interface PlannedRefresh {
  readonly result: RefreshResult;
  /** Writes what changes, reading nothing. */
  write(): void;
}

/**
 * Recomputes Next action, Due and their fills on Contacts and Jobs (from `data` when already
 * read), Pay it forward's Follow up on fills, and keeps the highlight rules that make the red and
 * amber right on later days. Reads everything first (the tables, the two columns' fills, the
 * rules, Settings' notes), then writes only the rows that change (planChangedWrites: runs of
 * changed values, fills by colour), so a rerun after a failure at any call finishes the job
 * (every write is recomputed from data).
 */
export function refreshFollowUps(
  ss: Spreadsheet,
  now: number,
  data: TrackerData = readForFollowUps(ss, now),
): RefreshResult {
  const planned = planRefresh(ss, now, data);
  planned.write();
  return planned.result;
}

/**
 * The read half of refreshFollowUps: every read, and the writes to make. The daily run makes the
 * dashboard's reads too before it writes anything, so that it commits once.
 */
export function planRefresh(ss: Spreadsheet, now: number, data: TrackerData): PlannedRefresh {
  const { contacts, jobs, settingsRows, timeZone } = data;
  const plan = planFollowUps({ contacts: contacts.table, jobs: jobs.table, settingsRows, timeZone, now });
  const { settings, problems } = parseSettings(settingsRows, 2, timeZone);
  const contactWrite = planChangedWrites(contacts.sheet, contacts.table, plan.contacts);
  const jobWrite = jobs.sheet && plan.jobs ? planChangedWrites(jobs.sheet, jobs.table, plan.jobs) : null;
  const payItForward = planPayItForward(ss, dayOf(now, timeZone));
  const rules = [
    planHighlights(contacts.sheet, contacts.table.headers),
    jobs.sheet ? planHighlights(jobs.sheet, jobs.table.headers) : null,
    payItForward.rules,
  ];
  const settingNotes = planSettingNotes(ss, problems);
  return {
    result: { ...plan, settings, settingProblems: problems.map((p) => p.message), notes: data.notes },
    write: () => {
      contactWrite.write();
      jobWrite?.write();
      payItForward.fills?.();
      for (const write of rules) write?.();
      settingNotes?.();
    },
  };
}

/**
 * Pay it forward (PRODUCT point 23): its Follow up on dates are highlighted like a Due. Reads the
 * sheet, the column's fills and its rules; returns the writes (null when nothing changes).
 */
function planPayItForward(
  ss: Spreadsheet,
  today: Day,
): { fills: (() => void) | null; rules: (() => void) | null } {
  const sheet = ss.getSheetByName(SHEET.payItForward);
  if (!sheet) return { fills: null, rules: null };
  const table = readTable(sheet);
  const rules = planHighlights(sheet, table.headers);
  const i = col(headerIndex(table.headers), P.followUpOn);
  const n = table.rows.length;
  if (i < 0 || n === 0) return { fills: null, rules };
  const current = sheet
    .getRange(2, i + 1, n, 1)
    .getBackgrounds()
    .map((r) => (r[0] === '#ffffff' ? null : (r[0] ?? null)));
  const tz = ss.getSpreadsheetTimeZone();
  const days = table.rows.map((r) => {
    const v = r[i];
    return isDate(v) ? dayOf(v.getTime(), tz) : null;
  });
  const fills = dateFills(days, current, today);
  if (fills.every((f) => f === undefined)) return { fills: null, rules };
  // Only the cells whose fill changes, one call per colour.
  return { fills: () => writeColumnFills(sheet, i, fills), rules };
}

/**
 * The tracker as Refresh follow-ups needs it: Jobs and Settings whole, only the Contacts columns
 * the rules read (followUpReads: more while the Premium trial reminder shows), and `extra` ones
 * for a run that shares the read (the daily run's dashboard).
 */
export function readForFollowUps(ss: Spreadsheet, now: number, extra: readonly string[] = []): TrackerData {
  const tz = ss.getSpreadsheetTimeZone();
  return readTracker(
    ss,
    (sheet, settingsRows) => readColumns(sheet, [...followUpReads(settingsRows, tz, now), ...extra]).table,
  );
}

// ---------------------------------------------------------------- live recompute of affected rows

/** The columns whose change can change a follow-up rule (PRODUCT point 19). */
export const CONTACT_TRIGGERS: readonly string[] = [C.status, ...CONTACT_DATES];
export const JOB_TRIGGERS: readonly string[] = [J.apply, J.appliedOn, J.outcome, J.outcomeOn];

/** What changed: sheet rows of Contacts and Jobs, and the headers of the columns changed. */
export interface AffectedTarget {
  readonly contactRows?: readonly number[];
  readonly jobRows?: readonly number[];
  /** Headers of the Contacts columns changed (an edit's columns; Mark as sent's stamp and Status). */
  readonly contactColumns?: readonly string[];
  /** Headers of the Jobs columns changed (an edit's columns; Save call guide's Apply). */
  readonly jobColumns?: readonly string[];
}

/** One sheet's rows as read for a live recompute. */
export interface ReadRows {
  /** null when the sheet is missing (Jobs only: read as empty). */
  readonly sheet: Sheet | null;
  readonly rows: SheetRows;
}

/** Everything planAffected needs, read before anything is written. */
export interface AffectedData {
  readonly contacts: ReadRows & { readonly sheet: Sheet };
  readonly jobs: ReadRows;
  readonly settingsRows: Cell[][];
  readonly timeZone: string;
  readonly changedContacts: readonly number[];
  readonly changedJobs: readonly number[];
  readonly everyReferrer: boolean;
  /** Credits left over the whole sheet, when the Premium trial reminder needs them (else undefined). */
  readonly credits?: number;
}

/** A sheet and its header row, when the caller already has them (onEdit has the edited sheet's). */
export interface KnownSheet {
  readonly sheet: Sheet;
  readonly headers: readonly string[];
  /** Rows the caller has already read (sheet row → cells), so they are not read again. */
  readonly rows?: ReadonlyMap<number, readonly Cell[]>;
}

/** Sheets the caller already holds. */
export interface KnownSheets {
  readonly contacts?: KnownSheet;
  readonly jobs?: KnownSheet;
  /** Settings rows, when the caller has read them (readSettingsRows). */
  readonly settingsRows?: Cell[][];
}

const hasAny = (columns: readonly string[] | undefined, headers: readonly string[]) =>
  (columns ?? []).some((c) => headers.some((h) => textKey(h) === textKey(c)));

/**
 * A pool of rows read from one sheet, by sheet row. Its headers may be unknown at first (null):
 * the first search for a company then reads them with the rows it finds (readMatchingRows), and
 * anything else that needs them reads them alone first.
 */
class RowPool {
  readonly rows = new Map<number, Cell[]>();
  private known: readonly string[] | null;
  constructor(
    readonly sheet: Sheet | null,
    headers: readonly string[] | null,
    private readonly width: number,
  ) {
    this.known = sheet ? headers : [];
  }
  /** The sheet's headers (read now, alone, if no read brought them yet). */
  get headers(): readonly string[] {
    this.known ??= this.sheet ? readHeaders(this.sheet) : [];
    return this.known;
  }
  read(rowNumbers: Iterable<number>): void {
    if (!this.sheet) return;
    const missing = [...rowNumbers].filter((r) => r >= 2 && !this.rows.has(r));
    if (missing.length === 0 || this.headers.length === 0) return;
    this.keep(readRows(this.sheet, missing, this.headers.length));
  }
  private keep(read: ReadonlyMap<number, Cell[]>): void {
    for (const [r, cells] of read) if (!this.rows.has(r)) this.rows.set(r, cells);
  }
  /** The sheet rows whose `header` cell matches `pattern` (findRows), the rows already read told to it. */
  find(header: string, pattern: string, ignoreDiacritics = false): number[] {
    if (!this.sheet) return [];
    const i = col(headerIndex(this.headers), header);
    if (i < 0) return [];
    const known = new Map<number, Cell | undefined>();
    for (const [r, cells] of this.rows) known.set(r, cells[i]);
    return findRows(this.sheet, i + 1, pattern, ignoreDiacritics, known);
  }
  /**
   * Reads the rows whose `header` cell matches the company pattern: while the headers are unknown,
   * with them (readMatchingRows: no round trip for the header alone); otherwise find, then read.
   */
  readCompanies(header: string, pattern: string): void {
    if (!this.sheet) return;
    if (this.known !== null) {
      this.read(this.find(header, pattern, true));
      return;
    }
    const got = readMatchingRows(this.sheet, header, pattern, true, this.width);
    this.known = got.headers;
    this.keep(got.rows);
  }
  cell(row: number, header: string): Cell | undefined {
    const i = col(headerIndex(this.headers), header);
    return i < 0 ? undefined : this.rows.get(row)?.[i];
  }
  /** The rows read, under the headers; while nothing was read, without reading the headers (`final`: read them). */
  toSheetRows(final = false): SheetRows {
    const numbers = [...this.rows.keys()].sort((a, b) => a - b);
    const headers = final || this.rows.size > 0 ? this.headers : (this.known ?? []);
    return { headers, rows: numbers.map((r) => this.rows.get(r)!), rowNumbers: numbers };
  }
}

/**
 * Reads what a live recompute of the changed rows needs, and nothing that grows with the sheets:
 * both header rows, the changed rows, every Contacts and Jobs row of their companies (found by a
 * TextFinder search on the Company columns, so the columns themselves are not read), Settings,
 * and, when an accepted offer makes the change concern every referrer (needsEveryReferrer), the
 * Accepted jobs and the referrers, found the same way. All of it before any write. A missing
 * Contacts sheet is a UserError (run Set up tracker); a missing Jobs reads as empty. The one
 * exception to "nothing that grows": during a Premium trial's last days with InMail credits left
 * not typed in Settings, the jobs' trial reminder needs the credits estimated from every contact,
 * so Contacts is read whole (typing the figure in Settings avoids it).
 */
export function readAffected(
  ss: Spreadsheet,
  target: AffectedTarget,
  now: number,
  known: KnownSheets = {},
): AffectedData {
  const contactsSheet = known.contacts?.sheet ?? requireSheet(ss, SHEET.contacts);
  const jobsSheet = known.jobs ? known.jobs.sheet : ss.getSheetByName(SHEET.jobs);
  const cPool = new RowPool(
    contactsSheet,
    known.contacts?.headers ?? readHeaders(contactsSheet),
    CONTACTS.columns.length,
  );
  // Jobs' header is read with the company's rows when nothing needs it sooner (RowPool.readCompanies).
  const jPool = new RowPool(jobsSheet, known.jobs?.headers ?? null, JOBS.columns.length);
  for (const [pool, rows] of [
    [cPool, known.contacts?.rows],
    [jPool, known.jobs?.rows],
  ] as const)
    for (const [r, cells] of rows ?? []) pool.rows.set(r, [...cells]);
  const changedContacts = [...new Set(target.contactRows ?? [])].filter((r) => r >= 2);
  const changedJobs = [...new Set(target.jobRows ?? [])].filter((r) => r >= 2);
  cPool.read(changedContacts);
  jPool.read(changedJobs);

  const outcomeEdited = hasAny(target.jobColumns, [J.outcome, J.outcomeOn]);
  const referrerEdited =
    hasAny(target.contactColumns, [C.referredOn, C.outcomeSharedOn]) ||
    changedContacts.some(
      (r) => !isBlank(cPool.cell(r, C.referredOn)) || textKey(cPool.cell(r, C.status)) === 'referred',
    );
  let accepted: number[] | null = null;
  const findAccepted = () => {
    accepted ??= jPool.find(J.outcome, '\\s*accepted\\s*');
    return accepted;
  };
  // Whether an accepted offer makes this change concern every referrer (and every Accepted job).
  const everyReferrer = needsEveryReferrer({
    outcomeEdited,
    referrerEdited,
    anyAccepted: !outcomeEdited && referrerEdited && findAccepted().length > 0,
  });
  if (everyReferrer) {
    jPool.read(findAccepted());
    cPool.read(cPool.find(C.referredOn, '.+'));
  }

  const settingsRows = known.settingsRows ?? readSettingsRows(ss);
  const timeZone = ss.getSpreadsheetTimeZone();
  const input = (): AffectedInput => ({
    contacts: cPool.toSheetRows(),
    jobs: jPool.toSheetRows(),
    settingsRows,
    timeZone,
    now: 0,
    changedContacts,
    changedJobs,
    everyReferrer,
  });
  const companies = affectedCompanies(input());
  if (companies.length > 0) {
    const pattern = companyPattern(companies);
    cPool.readCompanies(C.company, pattern);
    jPool.readCompanies(J.company, pattern);
  }
  // A referrer's advice also follows an offer accepted at any company; an Accepted job's advice
  // counts every referrer.
  if (recomputesReferrer(input())) jPool.read(findAccepted());
  if (!everyReferrer && needsAllReferrers(input())) cPool.read(cPool.find(C.referredOn, '.+'));
  const credits = trialNeedsAllContacts(settingsRows, timeZone, now)
    ? trialCredits(readTable(contactsSheet), settingsRows, timeZone, now)
    : undefined;
  return {
    contacts: { sheet: contactsSheet, rows: cPool.toSheetRows(true) },
    jobs: { sheet: jobsSheet, rows: jPool.toSheetRows(true) },
    settingsRows,
    timeZone,
    changedContacts,
    changedJobs,
    everyReferrer,
    ...(credits === undefined ? {} : { credits }),
  };
}

/** The index in `t.rows` of a sheet row, or -1. */
export function indexOfRow(t: SheetRows, sheetRow: number): number {
  return t.rowNumbers ? t.rowNumbers.indexOf(sheetRow) : sheetRow - 2;
}

/** The plan without its blank, fill-less cells on `fresh` rows (they hold just that already). */
function leaveFreshBlanks(plan: WritePlan, rows: SheetRows, fresh: ReadonlySet<number>): WritePlan {
  const isFresh = rows.rows.map((_, i) => fresh.has(rows.rowNumbers?.[i] ?? i + 2));
  return {
    sheet: plan.sheet,
    columns: plan.columns.map((w) => {
      const same = (i: number) => isFresh[i] && w.values?.[i] === '' && (w.backgrounds?.[i] ?? null) === null;
      return {
        ...w,
        ...(w.values ? { values: w.values.map((v, i) => (same(i) ? undefined : v)) } : {}),
        ...(w.backgrounds ? { backgrounds: w.backgrounds.map((v, i) => (same(i) ? undefined : v)) } : {}),
      };
    }),
  };
}

/**
 * Plans and writes Next action, Due and fills of the affected rows (see planAffected), with no
 * read. `contactsAfter` is Contacts as the caller has changed them in memory (stamps, Status),
 * the same rows as `data.contacts.rows`. `fresh`: Contacts sheet rows the caller has just written
 * blank with no fill on the computed columns (new rows): a planned blank without fill there is not
 * written again. Returns what it recomputed.
 */
export function writeAffected(
  data: AffectedData,
  now: number,
  contactsAfter?: SheetRows,
  fresh?: ReadonlySet<number>,
): AffectedPlan {
  const contacts = contactsAfter ?? data.contacts.rows;
  const plan = planAffected({
    contacts,
    jobs: data.jobs.rows,
    settingsRows: data.settingsRows,
    timeZone: data.timeZone,
    now,
    changedContacts: data.changedContacts,
    changedJobs: data.changedJobs,
    everyReferrer: data.everyReferrer,
    ...(data.credits === undefined ? {} : { credits: data.credits }),
  });
  const contactsPlan = fresh ? leaveFreshBlanks(plan.contacts, contacts, fresh) : plan.contacts;
  applyPlan(data.contacts.sheet, contacts, contactsPlan, contacts.rowNumbers ?? 2);
  if (data.jobs.sheet) applyPlan(data.jobs.sheet, data.jobs.rows, plan.jobs, data.jobs.rows.rowNumbers ?? 2);
  return plan;
}

/** Reads and recomputes the follow-ups of the changed rows: readAffected then writeAffected. */
export function refreshAffected(ss: Spreadsheet, target: AffectedTarget, now: number): AffectedPlan {
  return writeAffected(readAffected(ss, target, now), now);
}

// ---------------------------------------------------------------- Activity

/**
 * Activity's columns, by position: the add-on writes its rows in this order (Timestamp, Company,
 * Name, From status, To status, By — ACTIVITY_SHEET), so it reads them back the same way, without
 * a read of the header row.
 */
const ACTIVITY_COLUMNS = { company: 2, name: 3, to: 5, width: 6 } as const;

/**
 * The Activity sheet. Appending reads nothing (Sheet.appendRow, one per row: Sheets puts each
 * after the last row itself, even when another script appends at the same time), so an action
 * can log after its other writes without a second flush.
 */
export class ActivityLog {
  private constructor(private readonly sheet: Sheet) {}

  /** The Activity sheet, or null when it is missing (nothing is logged then). */
  static open(ss: Spreadsheet): ActivityLog | null {
    const sheet = ss.getSheetByName(SHEET.activity);
    return sheet ? new ActivityLog(sheet) : null;
  }

  /**
   * The To status of each person's last Activity row, by personKey: a TextFinder search of
   * Activity's Name column for these names, then only the rows found are read.
   */
  lastStatuses(people: readonly { company: unknown; name: unknown }[]): Map<string, string> {
    const out = new Map<string, string>();
    const names = people.map((p) => String(p.name ?? '').trim()).filter((n) => n !== '');
    if (names.length === 0) return out;
    const { company, name, to, width } = ACTIVITY_COLUMNS;
    const found = findRows(this.sheet, name, sameTextPattern(names));
    const rows = readRows(this.sheet, found, width);
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      const cells = rows.get(row)!;
      out.set(personKey(cells[company - 1], cells[name - 1]), String(cells[to - 1] ?? '').trim());
    }
    return out;
  }

  /**
   * Plans appending rows, and returns the write. One row goes with appendRow (Sheets puts it after
   * the last row itself: nothing to read). Several go in one setValues into the rows after the
   * last row, read now (so the caller plans this before its first write): the rows appendRow
   * would have written, with the look they already have. When the grid ends before them (getRange
   * refuses a range past its end: "The coordinates of the range are outside the dimensions of the
   * sheet"), they go one appendRow each, which grows the grid.
   */
  planAppend(rows: readonly (readonly (string | Date)[])[]): () => void {
    const [first] = rows;
    if (!first) return () => {};
    const one = (row: readonly (string | Date)[]) => this.sheet.appendRow([...row]);
    if (rows.length === 1) return () => one(first);
    const after = this.sheet.getLastRow();
    return () => {
      let range: GoogleAppsScript.Spreadsheet.Range | null = null;
      try {
        range = this.sheet.getRange(after + 1, 1, rows.length, first.length);
      } catch {
        range = null;
      }
      if (range) range.setValues(rows.map((r) => [...r]));
      else rows.forEach(one);
    };
  }
}

// ---------------------------------------------------------------- onEdit

/** What an edit changed, as Apps Script's onEdit event describes it. */
export interface EditInput {
  range: GoogleAppsScript.Spreadsheet.Range;
  /** Present only for a single-cell edit. */
  oldValue?: unknown;
  value?: unknown;
  /**
   * The Status values the edited rows had when the edit was made (a pending edit replayed later):
   * stamps and Activity follow them rather than what the cells hold now.
   */
  statuses?: readonly string[];
  /** When the edit was made, if earlier than now (a replayed edit): the time of its stamps and Activity rows. */
  at?: number;
}

/** Headers of the columns an edit covers, and how many columns it covers. */
function editedHeaders(
  headers: readonly string[],
  range: GoogleAppsScript.Spreadsheet.Range,
): { columns: string[]; width: number } {
  const first = range.getColumn();
  const last = range.getLastColumn();
  const columns = headers.slice(Math.max(first - 1, 0), last).filter((h) => h.trim() !== '');
  return { columns, width: last - first + 1 };
}

/**
 * Handles an edit: on Contacts, a change of Status stamps its blank date column and logs to
 * Activity; a change of Status or of any date column, on Contacts, or of Apply, Applied on,
 * Outcome or Outcome on, on Jobs, recomputes Next action and Due of the affected Contacts rows
 * and of their Jobs rows. Returns false when the edit changes no rule. Reads (readAffected) come
 * before writes; writes go stamps, computed columns, then Activity last, so that a run that
 * failed part-way is finished by running it again (a retried edit never logs twice).
 */
export function handleEdit(ss: Spreadsheet, edit: EditInput, now: number): boolean {
  const sheet: Sheet = edit.range.getSheet();
  const name = sheet.getName();
  const onContacts = name === SHEET.contacts;
  const firstRow = Math.max(edit.range.getRow(), 2);
  const lastRow = edit.range.getLastRow();
  if (lastRow < firstRow) return false;
  if (name === SHEET.payItForward) return highlightFollowUpOn(ss, sheet, edit.range, firstRow, lastRow, now);
  if (!onContacts && name !== SHEET.jobs) return false;
  const headers = readHeaders(sheet);
  const { columns, width } = editedHeaders(headers, edit.range);
  if (!hasAny(columns, onContacts ? CONTACT_TRIGGERS : JOB_TRIGGERS)) return false;

  const rows = Array.from({ length: lastRow - firstRow + 1 }, (_, i) => firstRow + i);
  const data = readAffected(
    ss,
    onContacts ? { contactRows: rows, contactColumns: columns } : { jobRows: rows, jobColumns: columns },
    now,
    onContacts ? { contacts: { sheet, headers } } : { jobs: { sheet, headers } },
  );

  // Stamps and Activity for a Status change (Contacts only).
  let contactsAfter = data.contacts.rows;
  const log = onContacts && hasAny(columns, [C.status]) ? ActivityLog.open(ss) : null;
  let stamps: ReturnType<typeof stampsForStatusChange> | null = null;
  if (onContacts && hasAny(columns, [C.status])) {
    const at = rows.map((r) => indexOfRow(contactsAfter, r)).filter((i) => i >= 0);
    const iStatus = col(headerIndex(headers), C.status);
    const asEdited = at.map((i, k) => {
      const cells = (contactsAfter.rows[i] ?? []).slice();
      const was = edit.statuses?.[k];
      if (was !== undefined && iStatus >= 0) cells[iStatus] = was;
      return cells;
    });
    const single = rows.length === 1 && width === 1;
    const idx = headerIndex(headers);
    const people = asEdited.map((cells) => ({
      company: cells[col(idx, C.company)],
      name: cells[col(idx, C.name)],
    }));
    stamps = stampsForStatusChange({
      contacts: { headers, rows: asEdited },
      rows: asEdited.map((_, k) => k),
      ...(single ? { previous: [edit.oldValue === undefined ? '' : String(edit.oldValue)] } : {}),
      lastLogged: log?.lastStatuses(people) ?? new Map(),
      timeZone: data.timeZone,
      now: edit.at ?? now,
      by: 'edit',
    });
    // Stamp writes are indexed by the edited rows; map them onto the rows read.
    const writes = stamps.writes.map((w) => ({ ...w, row: at[w.row]! }));
    stamps = { writes, activity: stamps.activity };
    contactsAfter = { ...applyStamps(contactsAfter, writes), rowNumbers: contactsAfter.rowNumbers ?? [] };
  }

  // The Activity rows' place is read before the first write.
  const logStamps = stamps && log ? log.planAppend(stamps.activity) : null;

  // Writes: stamps, then the computed columns, then Activity.
  if (stamps && stamps.writes.length > 0) {
    applyPlan(
      data.contacts.sheet,
      data.contacts.rows,
      stampPlan(SHEET.contacts, data.contacts.rows, stamps.writes),
      data.contacts.rows.rowNumbers ?? 2,
    );
  }
  writeAffected(data, now, contactsAfter);
  logStamps?.();
  return true;
}

/**
 * An edit of Pay it forward's Follow up on: its cells turn red, amber or back at once (two reads
 * of the edited rows' column, one write). Returns false when the edit does not cover that column.
 */
function highlightFollowUpOn(
  ss: Spreadsheet,
  sheet: Sheet,
  range: GoogleAppsScript.Spreadsheet.Range,
  firstRow: number,
  lastRow: number,
  now: number,
): boolean {
  const headers = readHeaders(sheet);
  const i = col(headerIndex(headers), P.followUpOn);
  if (i < 0 || i + 1 < range.getColumn() || i + 1 > range.getLastColumn()) return false;
  const cells = sheet.getRange(firstRow, i + 1, lastRow - firstRow + 1, 1);
  const tz = ss.getSpreadsheetTimeZone();
  const days = cells.getValues().map((r) => (isDate(r[0]) ? dayOf((r[0] as Date).getTime(), tz) : null));
  const current = cells.getBackgrounds().map((r) => (r[0] === '#ffffff' ? null : (r[0] ?? null)));
  const fills = dateFills(days, current, dayOf(now, tz));
  if (fills.every((f) => f === undefined)) return true;
  cells.setBackgrounds(fills.map((f, k) => [f === undefined ? current[k]! : f]) as string[][]);
  return true;
}

/** The daily digest: emails the effective user what is overdue or due today, when opted in. */
export function sendDigest(ss: Spreadsheet, plan: FollowUpPlan, settings: Settings): boolean {
  if (!settings.dailyDigest) return false;
  const notes = plan.trial ? [describeTrial(plan.trial)] : [];
  const mail = buildDigest(plan.overdue, plan.dueToday, ss.getName(), ss.getUrl(), notes);
  if (!mail) return false;
  const to = Session.getEffectiveUser().getEmail();
  if (!to) return false;
  MailApp.sendEmail(to, mail.subject, mail.body);
  return true;
}
