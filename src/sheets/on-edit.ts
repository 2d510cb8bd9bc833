// The simple onEdit trigger's run: stamps, Activity and follow-ups of the edited Contacts rows.

import { failureDetails, isUserError, plainMessage } from '../core/errors';
import { handleEdit } from './followups';
import { withDocumentLock } from './lock';

/** How a failed onEdit run is described in its toast (the edit itself stays in the cell). */
const EDIT_FAILURE = {
  action: 'Updating dates and follow-ups after your edit',
  again: 'run Referrals › Refresh follow-ups to bring the row up to date',
};

/**
 * Simple onEdit: a Status change on Contacts stamps its date, logs to Activity and recomputes the
 * edited rows' follow-ups. Never throws at the user: a problem becomes a toast.
 */
export function onEditHandler(e: GoogleAppsScript.Events.SheetsOnEdit | undefined): void {
  if (!e?.range) return;
  try {
    const ss = e.source ?? SpreadsheetApp.getActiveSpreadsheet();
    withDocumentLock(
      () =>
        handleEdit(
          ss,
          {
            range: e.range,
            ...('oldValue' in e ? { oldValue: e.oldValue } : {}),
            ...('value' in e ? { value: e.value } : {}),
          },
          Date.now(),
        ),
      5_000,
    );
  } catch (err) {
    if (!isUserError(err)) console.error(`onEdit failed: ${failureDetails(err)}`);
    const message = plainMessage(err, EDIT_FAILURE);
    try {
      (e.source ?? SpreadsheetApp.getActiveSpreadsheet()).toast(message, 'Referral tracker', 8);
    } catch {
      console.log(message);
    }
  }
}
