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
 * Runs `fn` holding the document lock; throws a UserError (BUSY_MESSAGE) if the lock cannot be had
 * in time — also when the lock call itself fails ("Lock timeout…"): the raw text goes to the log.
 * Where there is no current document (an add-on's time-driven run: getDocumentLock() returns
 * null), the user's lock serialises the user's own runs instead. Once the lock is held, edits kept
 * while it was busy are applied first (replayPendingEdits), then `fn` runs.
 */
export function withDocumentLock<T>(fn: () => T, waitMs = LOCK_WAIT_MS): T {
  let lock: GoogleAppsScript.Lock.Lock | null = null;
  let held = false;
  try {
    lock = LockService.getDocumentLock() ?? LockService.getUserLock();
    held = Boolean(lock?.tryLock(waitMs));
  } catch (e) {
    console.error(`The document lock could not be taken: ${failureDetails(e)}`);
  }
  if (!lock || !held) throw new UserError(BUSY_MESSAGE);
  try {
    replayPendingEdits(SpreadsheetApp.getActiveSpreadsheet(), Date.now());
    return fn();
  } finally {
    // Apps Script releases every lock at the end of the execution anyway: a failed release must
    // not turn a finished action into an error (or hide the action's own error).
    try {
      lock.releaseLock();
    } catch (e) {
      console.error(`Releasing the document lock failed: ${failureDetails(e)}`);
    }
  }
}
