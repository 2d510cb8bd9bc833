// Runs a write path under the document lock, or tells the user another update is running; the
// first thing each holder of the lock does is apply the edits kept while it was busy (sheets/pending).

import { BUSY_MESSAGE, failureDetails, UserError } from '../core/errors';
import { replayPendingEdits } from './pending';

/** How long a write path waits for the document lock before giving up, in ms. */
export const LOCK_WAIT_MS = 10_000;

/** Whether an error is the lock being busy (BUSY_MESSAGE). */
export function isBusy(e: unknown): boolean {
  return e instanceof Error && e.message === BUSY_MESSAGE;
}

/**
 * Commits the spreadsheet writes `fn` left in Apps Script's write cache before the lock is let go.
 * The Lock reference (https://developers.google.com/apps-script/reference/lock/lock, releaseLock())
 * says that a script working with a spreadsheet should call SpreadsheetApp.flush() before releasing
 * the lock, to commit all pending changes — else another execution can take the lock and read the
 * sheet before these writes are in it. With nothing
 * pending it waits for nothing. After a failure it is tried too (what was written is committed),
 * but its own failure is only logged, so that it does not hide the failure the user must read.
 */
function commitWrites(failed: boolean): void {
  if (!failed) {
    SpreadsheetApp.flush();
    return;
  }
  try {
    SpreadsheetApp.flush();
  } catch (e) {
    console.error(`Committing the writes of a failed action failed: ${failureDetails(e)}`);
  }
}

/**
 * Runs `fn` holding the lock `getLock` gives; throws a UserError saying `busy` when it cannot be had
 * in `waitMs` — also when the lock call itself fails ("Lock timeout…": the raw text goes to the
 * log). Before the lock is released its writes are committed (SpreadsheetApp.flush(), see
 * commitWrites); a failing commit after a finished `fn` is the action's failure (its writes may not
 * be in the sheet). A failed release is logged, never thrown: Apps Script releases every lock at
 * the end of the execution anyway, and a finished action must not turn into an error (nor hide its
 * own error).
 */
export function withLock<T>(
  getLock: () => GoogleAppsScript.Lock.Lock | null,
  fn: () => T,
  waitMs: number,
  busy: string,
): T {
  let lock: GoogleAppsScript.Lock.Lock | null = null;
  let held = false;
  try {
    lock = getLock();
    held = Boolean(lock?.tryLock(waitMs));
  } catch (e) {
    console.error(`The lock could not be taken: ${failureDetails(e)}`);
  }
  if (!lock || !held) throw new UserError(busy);
  let failed = true;
  try {
    const result = fn();
    failed = false;
    return result;
  } finally {
    try {
      commitWrites(failed);
    } finally {
      try {
        lock.releaseLock();
      } catch (e) {
        console.error(`Releasing a lock failed: ${failureDetails(e)}`);
      }
    }
  }
}

/**
 * Runs `fn` holding the document lock; throws a UserError (BUSY_MESSAGE) if the lock cannot be had
 * in time. Once the lock is held, edits kept while it was busy are applied first
 * (replayPendingEdits), then `fn` runs. Every caller runs with a current document (the daily run
 * ends before this where it has none), so getDocumentLock() has a lock to give.
 */
export function withDocumentLock<T>(fn: () => T, waitMs = LOCK_WAIT_MS): T {
  return withLock(
    () => LockService.getDocumentLock(),
    () => {
      replayPendingEdits(SpreadsheetApp.getActiveSpreadsheet(), Date.now());
      return fn();
    },
    waitMs,
    BUSY_MESSAGE,
  );
}
