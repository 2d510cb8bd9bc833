// The simple onEdit trigger's run: stamps, Activity and follow-ups of the edited rows, or the edit
// kept for the next run when the lock is busy or Sheets fails (sheets/pending).

import { failureDetails, isUserError, plainMessage } from '../core/errors';
import { handleEdit } from './followups';
import { isBusy, withDocumentLock } from './lock';
import { recordPendingEdit } from './pending';

/** How long onEdit waits for the lock (a simple trigger has 30 s in all). */
export const ON_EDIT_WAIT_MS = 10_000;

/** The toast when the edit is kept for later because another update holds the lock. */
export const KEPT_MESSAGE =
  'Another Referral tracker update is running: your edit is kept, and the next action fills in its date stamp, Activity row and follow-ups (run Referrals › Refresh follow-ups when the other update ends, or just go on).';

/** How a failed onEdit run is described in its toast (the edit itself stays in the cell, and is kept). */
const EDIT_FAILURE = {
  action: 'Updating dates and follow-ups after your edit',
  again: 'the next action (any menu item or edit) finishes your edit',
  failed:
    'Google Sheets did not answer while updating follow-ups: your edit is kept, and the next action finishes it (run Referrals › Refresh follow-ups in a moment, or just go on).',
};

/**
 * Simple onEdit: a Status change on Contacts stamps its date and logs to Activity; a change of any
 * rule's column recomputes the affected rows' follow-ups. When the lock stays busy or Sheets
 * fails, the edit is kept (recordPendingEdit) and finished by the next run that holds the lock.
 * Never throws at the user: a problem becomes a toast in plain words.
 */
export function onEditHandler(e: GoogleAppsScript.Events.SheetsOnEdit | undefined): void {
  if (!e?.range) return;
  const now = Date.now();
  const edit = {
    range: e.range,
    ...('oldValue' in e ? { oldValue: e.oldValue } : {}),
    ...('value' in e ? { value: e.value } : {}),
  };
  let message: string;
  try {
    const ss = e.source ?? SpreadsheetApp.getActiveSpreadsheet();
    withDocumentLock(() => handleEdit(ss, edit, now), ON_EDIT_WAIT_MS);
    return;
  } catch (err) {
    if (!isUserError(err)) console.error(`onEdit failed: ${failureDetails(err)}`);
    if (isUserError(err) && !isBusy(err)) {
      message = err.message;
    } else {
      try {
        recordPendingEdit(edit, now);
        message = isBusy(err) ? KEPT_MESSAGE : plainMessage(err, EDIT_FAILURE);
      } catch (kept) {
        console.error(`onEdit: the edit could not be kept: ${failureDetails(kept)}`);
        message = plainMessage(err, {
          action: 'Updating dates and follow-ups after your edit',
          again: 'run Referrals › Refresh follow-ups to bring the row up to date',
        });
      }
    }
  }
  try {
    (e.source ?? SpreadsheetApp.getActiveSpreadsheet()).toast(message, 'Referral tracker', 8);
  } catch {
    console.log(message);
  }
}
