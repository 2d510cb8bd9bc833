// Runs a write path under the document lock, or tells the user another update is running.

import { UserError } from '../core/errors';

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
    throw new UserError(
      'Another Referral tracker update is running on this spreadsheet. Try again in a moment.',
    );
  }
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
