// The simple onEdit trigger's run: stamps, Activity and follow-ups of the edited Contacts rows.

import { isUserError } from '../core/errors';
import { handleEdit } from './followups';
import { withDocumentLock } from './lock';

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
    const message = isUserError(err)
      ? err.message
      : `Could not update follow-ups: ${err instanceof Error ? err.message : String(err)}`;
    try {
      (e.source ?? SpreadsheetApp.getActiveSpreadsheet()).toast(message, 'Referral tracker', 8);
    } catch {
      console.log(message);
    }
  }
}
