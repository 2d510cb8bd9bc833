// Edits that could not be handled at once (the document lock was busy, or Sheets failed) are kept in
// document properties and applied by the next run that holds the lock: no stamp or Activity row lost.

import { C, SHEET } from '../core/schema';
import { col, headerIndex } from '../core/table';
import { type EditInput, handleEdit } from './followups';
import { readHeaders } from './gas-table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Document property keys of pending edits start with this (then the edit's time, to replay in order). */
export const PENDING_PREFIX = 'referralTracker.pendingEdit.';
/** Rows per record: a record's Status values stay well under the 9 KB a property value may hold. */
export const ROWS_PER_RECORD = 100;
/** A record that keeps failing is dropped (and logged) after this many replays. */
export const MAX_REPLAYS = 5;

/** One pending edit, as stored (short keys: it counts against the 9 KB limit). */
interface PendingEdit {
  /** Sheet name. */
  s: string;
  /** First row, first column, rows, columns of the edited range. */
  r: number;
  c: number;
  nr: number;
  nc: number;
  /** e.oldValue / e.value of a single-cell edit. */
  o?: string;
  v?: string;
  /** The Status of each edited row when the edit was made (Contacts Status edits). */
  st?: string[];
  /** When the edit was made (ms): its stamps and Activity rows carry that time. */
  at: number;
  /** Replays that failed so far. */
  n?: number;
}

const store = () => PropertiesService.getDocumentProperties();

/**
 * Keeps an edit for later: its range, its single-cell old and new values, and — for a Status edit
 * on Contacts — the Status of each row now (read here; the lock is not needed to read), split in
 * records of ROWS_PER_RECORD rows, each under its own key (no read-modify-write: two edits kept at
 * the same moment cannot overwrite each other). Returns how many records were kept.
 */
export function recordPendingEdit(
  edit: { range: GoogleAppsScript.Spreadsheet.Range; oldValue?: unknown; value?: unknown },
  at: number,
): number {
  const sheet = edit.range.getSheet();
  const name = sheet.getName();
  const top = Math.max(edit.range.getRow(), 2);
  const last = edit.range.getLastRow();
  if (last < top) return 0;
  const first = edit.range.getColumn();
  const width = edit.range.getLastColumn() - first + 1;
  let statuses: string[] | undefined;
  if (name === SHEET.contacts) {
    try {
      const i = col(headerIndex(readHeaders(sheet)), C.status) + 1;
      if (i >= first && i < first + width) {
        statuses = sheet
          .getRange(top, i, last - top + 1, 1)
          .getValues()
          .map((r) => String(r[0] ?? ''));
      }
    } catch (e) {
      // Sheets failing now: the replay will read the rows as they are then.
      console.log(`Pending edit kept without its statuses: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const single = top === last && width === 1;
  const props = store();
  let kept = 0;
  for (let r = top; r <= last; r += ROWS_PER_RECORD) {
    const nr = Math.min(ROWS_PER_RECORD, last - r + 1);
    const record: PendingEdit = { s: name, r, c: first, nr, nc: width, at };
    if (single && edit.oldValue !== undefined) record.o = String(edit.oldValue);
    if (single && edit.value !== undefined) record.v = String(edit.value);
    if (statuses) record.st = statuses.slice(r - top, r - top + nr);
    const key = `${PENDING_PREFIX}${String(at).padStart(15, '0')}.${String(r).padStart(8, '0')}.${Math.random().toString(36).slice(2, 8)}`;
    props.setProperty(key, JSON.stringify(record));
    kept++;
  }
  return kept;
}

/** The pending edits, oldest first ([] where the run has no document properties). */
function pendingEdits(): [string, PendingEdit][] {
  const props = store();
  if (!props) return []; // an add-on's time-driven run: no document
  const all = props.getProperties();
  return Object.keys(all)
    .filter((k) => k.startsWith(PENDING_PREFIX))
    .sort()
    .flatMap((k): [string, PendingEdit][] => {
      try {
        return [[k, JSON.parse(all[k] ?? '') as PendingEdit]];
      } catch {
        return [];
      }
    });
}

/**
 * Applies the pending edits, oldest first, under the lock the caller holds: each is handled as the
 * edit it was (its stamps and Activity rows dated when it was made, follow-ups computed now), then
 * its record is deleted. Handling an edit twice changes nothing more (stamps never overwrite,
 * Activity does not log a change it already shows), so a replay cut short is safe to run again.
 * A failing record is kept for the next run (the caller's own action goes on), and dropped with a
 * log line after MAX_REPLAYS. Returns how many were applied.
 */
export function replayPendingEdits(ss: Spreadsheet | null, now: number): number {
  if (!ss) return 0;
  // A failure to read the store fails the action (in plain words, by its caller): nothing written yet.
  const edits = pendingEdits();
  let applied = 0;
  for (const [key, p] of edits) {
    try {
      const sheet = ss.getSheetByName(p.s);
      if (sheet) {
        const input: EditInput = {
          range: sheet.getRange(p.r, p.c, p.nr, p.nc),
          at: p.at,
          ...(p.o !== undefined ? { oldValue: p.o } : {}),
          ...(p.v !== undefined ? { value: p.v } : {}),
          ...(p.st ? { statuses: p.st } : {}),
        };
        handleEdit(ss, input, now);
      }
      store().deleteProperty(key);
      applied++;
    } catch (e) {
      const tries = (p.n ?? 0) + 1;
      console.log(
        `Pending edit of ${p.s} row ${p.r} not applied (try ${tries}): ${e instanceof Error ? e.message : String(e)}`,
      );
      try {
        if (tries >= MAX_REPLAYS) store().deleteProperty(key);
        else store().setProperty(key, JSON.stringify({ ...p, n: tries }));
      } catch {
        // Properties failing too: the record stays as it was.
      }
      break; // keep the order: later edits wait for this one
    }
  }
  return applied;
}
