// Runs a write path under the document lock, or tells the user another update is running.

import { BUSY_MESSAGE, failureDetails, UserError } from '../core/errors';

/** How long a write path waits for the document lock before giving up, in ms. */
export const LOCK_WAIT_MS = 10_000;

/**
 * Runs `fn` holding the document lock; throws a UserError if the lock cannot be had in time. Where
 * there is no current document (an add-on's time-driven run: getDocumentLock() returns null), the
 * user's lock serialises the user's own runs instead.
 */
export function withDocumentLock<T>(fn: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = LockService.getDocumentLock() ?? LockService.getUserLock();
  if (!lock?.tryLock(waitMs)) {
    throw new UserError(BUSY_MESSAGE);
  }
  try {
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
