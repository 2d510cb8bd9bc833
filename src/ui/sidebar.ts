// The Draft-message sidebar: opens it, and the server functions it calls through google.script.run.

import { isUserError, UserError } from '../core/errors';
import { describePermissionError } from '../core/permissions';
import type { SidebarApi } from '../core/sidebar-api';
import { draftFor, markSent, saveCallGuide, selection } from '../sheets/draft';
import { showSidebar } from '../sheets/gas-ui';
import { activeSpreadsheet } from '../sheets/workbook';
import { runAction } from './run';

/** Opens the Draft message sidebar (a static page; it asks for the data itself). */
export function showDraftSidebar(): void {
  runAction('Draft message', () => {
    showSidebar('DraftMessage', 'Draft message');
  });
}

/**
 * Runs a sidebar server call: a UserError reaches the page as it is; a permission not granted is
 * named; any other failure (Google Sheets not answering, a timeout) is logged and becomes
 * `failed`, a plain sentence saying what to do — never Apps Script's raw text.
 */
function plainly<T>(label: string, failed: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isUserError(e)) throw e;
    const raw = e instanceof Error ? e.message : String(e);
    const permission = describePermissionError(label, raw);
    if (permission) throw new UserError(permission);
    console.error(`${label} failed`, e);
    throw new UserError(failed);
  }
}

/** The selected Contacts row and its fingerprint (cheap; polled by the sidebar). */
export const sidebarSelection: SidebarApi['sidebarSelection'] = () =>
  plainly(
    'Draft message',
    'Google Sheets did not answer while the sidebar looked at your selection; it tries again by itself.',
    () => selection(activeSpreadsheet()),
  );

/** The draft for a Contacts row; type and language default to the suggestion and Settings. */
export const sidebarDraft = (row: unknown, type?: unknown, language?: unknown) =>
  plainly(
    'Draft message',
    'Google Sheets did not answer while reading this row; select it again in a moment.',
    () => draftFor(activeSpreadsheet(), row, type, language, Date.now()),
  );

/**
 * Mark as sent: stamps, moves Status, logs to Activity, counts the credit; refuses if the row changed,
 * or if the message is advised against or already sent and `confirmed` is not true.
 */
export const sidebarMarkSent = (row: unknown, type: unknown, fingerprint: unknown, confirmed?: unknown) =>
  plainly(
    'Mark as sent',
    'Mark as sent did not finish: Google Sheets did not answer. Press Mark as sent again — what was already written is kept and finished, never recorded twice.',
    () => markSent(activeSpreadsheet(), row, type, fingerprint, confirmed, Date.now()),
  );

/** Saves Referral process and Apply to the contact's job on Jobs. */
export const sidebarSaveCallGuide = (row: unknown, referralProcess: unknown, apply: unknown) =>
  plainly(
    'Save call guide',
    'Saving the call guide did not finish: Google Sheets did not answer. Press Save to Jobs again.',
    () => saveCallGuide(activeSpreadsheet(), row, referralProcess, apply, Date.now()),
  );

// The functions above must match the API the client is typed against.
const _check: SidebarApi = {
  sidebarSelection,
  sidebarDraft,
  sidebarMarkSent,
  sidebarSaveCallGuide,
};
void _check;
