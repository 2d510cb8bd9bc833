// Runs a menu action: user-facing problems become an alert, unexpected errors are logged and shown.

import { isUserError } from '../core/errors';
import { describePermissionError } from '../core/permissions';
import { alertOk, toast as showToast } from '../sheets/gas-ui';

/** Shows a message in an alert when a UI is available, else logs it (triggers have no UI). */
export function tell(message: string, title = 'Referral tracker'): void {
  try {
    alertOk(title, message);
  } catch {
    console.log(`${title}: ${message}`);
  }
}

/** A short non-blocking message in the spreadsheet's corner. */
export function toast(message: string, title = 'Referral tracker', seconds = 5): void {
  showToast(message, title, seconds);
}

/** Runs a menu action; a UserError is shown as is, anything else is logged and shown briefly. */
export function runAction(label: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (isUserError(e)) {
      tell(e.message, label);
      return;
    }
    // A permission the user did not grant (granular consent): name it instead of Apps Script's text.
    const permission = describePermissionError(label, e instanceof Error ? e.message : String(e));
    if (permission) {
      tell(permission, label);
      return;
    }
    console.error(`${label} failed`, e);
    tell(`${label} failed: ${e instanceof Error ? e.message : String(e)}`, label);
  }
}
