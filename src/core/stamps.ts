// Date stamps and Activity rows for Status changes on Contacts (typed, pasted, or set by the add-on).

import { dayOf, midnightOf } from './dates';
import { C, STATUSES, type Status } from './schema';
import { type ColumnWrite, col, headerIndex, isBlankRow, type Table, type WritePlan } from './table';
import { inList, textKey } from './text';
import { type Cell, escapeFormula, isBlank } from './values';

/** The date column each status stamps when it is blank (PRODUCT.md, precise point 8). */
export const STAMP_COLUMN: Partial<Record<Status, string>> = {
  Messaged: C.messagedOn,
  Replied: C.repliedOn,
  'Call done': C.callOn,
  Referred: C.referredOn,
};

/** One stamp to write: 0-based data row, header, value. */
export interface StampWrite {
  readonly row: number;
  readonly header: string;
  readonly value: Date;
}

/** What stampsForStatusChange reads. */
export interface StampInput {
  /** Contacts as they are after the edit. */
  readonly contacts: Table;
  /** 0-based data rows whose Status changed. */
  readonly rows: readonly number[];
  /** The old Status of each of `rows` (same order) when known (a single-cell edit); undefined when not. */
  readonly previous?: readonly (string | undefined)[];
  readonly timeZone: string;
  readonly now: number;
  /** Who changed it: "edit" or the add-on action ("Mark as sent"). */
  readonly by: string;
  /**
   * The To status of each person's last Activity row, by personKey, when it was looked up. It
   * makes a retry exact: a change already logged is not logged again, and a change whose log
   * row was lost is logged from the status it really left.
   */
  readonly lastLogged?: ReadonlyMap<string, string>;
}

/** The key of a person in Activity and on Contacts: Company and Name, by text key. */
export function personKey(company: unknown, name: unknown): string {
  return `${textKey(company)}\u0000${textKey(name)}`;
}

/** The stamps to write and the rows to append to Activity. */
export interface StampResult {
  readonly writes: StampWrite[];
  /** Activity rows: Timestamp, Company, Name, From status, To status, By. */
  readonly activity: (string | Date)[][];
}

function text(v: Cell | undefined): string {
  if (v === undefined || isBlank(v)) return '';
  return String(v).trim();
}

/** The contract status a cell holds (case-insensitive), or null for blank or unknown text. */
export function statusOf(v: Cell | undefined): Status | null {
  return inList(STATUSES, text(v));
}

/**
 * Stamps and Activity rows for Status changes.
 * - A known status stamps its date column (Messaged on, Replied on, Referred on; Call done →
 *   Call on) only when that cell is blank: an existing stamp is never overwritten. Dates are
 *   midnight of today in the spreadsheet's time zone; Call on (a date-time) gets now, to the minute.
 * - Every change is logged to Activity, including a status that is not in the list (no stamp)
 *   and a cleared status. From is the old value when known (a single-cell edit), else the
 *   person's last logged status (`lastLogged`), else blank.
 * - Retries are exact: when the person's last Activity row already says this status, no second
 *   row is written; when the old value equals the new one (the same value entered again) but the
 *   log still shows an earlier status, the change is logged from that status. A row whose old
 *   value equals the new one with nothing to repair is skipped, and so is a wholly blank row.
 * - Text from the sheet goes through escapeFormula. A missing date column means no stamp.
 */
export function stampsForStatusChange(input: StampInput): StampResult {
  const { contacts, timeZone, now } = input;
  const idx = headerIndex(contacts.headers);
  const iStatus = col(idx, C.status);
  const iCompany = col(idx, C.company);
  const iName = col(idx, C.name);
  const writes: StampWrite[] = [];
  const activity: (string | Date)[][] = [];
  if (iStatus < 0) return { writes, activity };
  const todayMidnight = midnightOf(dayOf(now, timeZone), timeZone);
  const nowToMinute = Math.floor(now / 60_000) * 60_000;
  const seen = new Set<number>();

  input.rows.forEach((row, k) => {
    const cells = contacts.rows[row];
    if (!cells || seen.has(row) || isBlankRow(cells)) return;
    seen.add(row);
    const to = text(cells[iStatus]);
    const before = input.previous?.[k];
    const last = input.lastLogged?.get(
      personKey(iCompany < 0 ? '' : cells[iCompany], iName < 0 ? '' : cells[iName]),
    );
    const same = (a: string | undefined) => a !== undefined && textKey(a) === textKey(to);
    const sameAsBefore = before !== undefined && same(text(before));
    if (sameAsBefore && (last === undefined || same(last))) return;
    const logged = same(last);
    const from = sameAsBefore ? (last ?? '') : before !== undefined ? text(before) : (last ?? '');

    const status = statusOf(to);
    const header = status ? STAMP_COLUMN[status] : undefined;
    if (header) {
      const i = col(idx, header);
      if (i >= 0 && isBlank(cells[i])) {
        const value = new Date(header === C.callOn ? nowToMinute : todayMidnight);
        writes.push({ row, header, value });
      }
    }
    if (logged) return;
    activity.push([
      new Date(now),
      escapeFormula(iCompany < 0 ? '' : text(cells[iCompany])),
      escapeFormula(iName < 0 ? '' : text(cells[iName])),
      escapeFormula(statusOf(from) ?? from),
      escapeFormula(status ?? to),
      escapeFormula(input.by),
    ]);
  });
  return { writes, activity };
}

/** A copy of `table` with the stamps written in, so follow-ups can be planned from it without a re-read. */
export function applyStamps(table: Table, writes: readonly StampWrite[]): Table {
  if (writes.length === 0) return table;
  const idx = headerIndex(table.headers);
  const rows = table.rows.slice();
  for (const w of writes) {
    const i = col(idx, w.header);
    const cells = rows[w.row];
    if (i < 0 || !cells) continue;
    const copy = cells.slice();
    copy[i] = w.value;
    rows[w.row] = copy;
  }
  return { headers: table.headers, rows };
}

/** The stamps as a write plan over a table's rows (one column per stamped header). */
export function stampPlan(sheetName: string, table: Table, writes: readonly StampWrite[]): WritePlan {
  const columns = new Map<string, (Cell | undefined)[]>();
  for (const w of writes) {
    let values = columns.get(w.header);
    if (!values) {
      values = new Array<Cell | undefined>(table.rows.length).fill(undefined);
      columns.set(w.header, values);
    }
    values[w.row] = w.value;
  }
  const cols: ColumnWrite[] = [...columns.entries()].map(([header, values]) => ({ header, values }));
  return { sheet: sheetName, columns: cols };
}
