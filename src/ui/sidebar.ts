// The Draft-message sidebar: opens it, and the server functions it calls through google.script.run.

import type { SidebarApi } from '../core/sidebar-api';
import { draftFor, markSent, saveCallGuide, selection } from '../sheets/draft';
import { showSidebar } from '../sheets/gas-ui';
import { activeSpreadsheet } from '../sheets/workbook';
import { runAction, served } from './run';

/** Opens the Draft message sidebar (a static page; it asks for the data itself). */
export function showDraftSidebar(): void {
  runAction('Draft message', () => {
    showSidebar('DraftMessage', 'Draft message');
  });
}

// Each call reaches the page through `served` (ui/run.ts): a UserError as it is, a permission or a
// known Apps Script limit in plain words, and Google Sheets not answering as the sentence below.

/** The selected Contacts row and its fingerprint (cheap; polled by the sidebar). */
export const sidebarSelection: SidebarApi['sidebarSelection'] = served(
  {
    action: 'Draft message',
    failed:
      'Google Sheets did not answer while the sidebar looked at your selection; it tries again by itself.',
  },
  () => selection(activeSpreadsheet()),
);

/** The draft for a Contacts row; type and language default to the suggestion and Settings. */
export const sidebarDraft = served(
  {
    action: 'Draft message',
    again: 'select the row again',
    failed: 'Google Sheets did not answer while reading this row; select it again in a moment.',
  },
  (row: unknown, type?: unknown, language?: unknown) =>
    draftFor(activeSpreadsheet(), row, type, language, Date.now()),
);

/**
 * Mark as sent: stamps, moves Status, logs to Activity, counts the credit; refuses if the row changed,
 * or if the message is advised against or already sent and `confirmed` is not true.
 */
export const sidebarMarkSent = served(
  {
    action: 'Mark as sent',
    again: 'press Mark as sent again: what was already written is kept and finished, never recorded twice',
    failed:
      'Mark as sent did not finish: Google Sheets did not answer. Press Mark as sent again — what was already written is kept and finished, never recorded twice.',
  },
  (row: unknown, type: unknown, fingerprint: unknown, confirmed?: unknown) =>
    markSent(activeSpreadsheet(), row, type, fingerprint, confirmed, Date.now()),
);

/** Saves Referral process and Apply to the contact's job on Jobs. */
export const sidebarSaveCallGuide = served(
  {
    action: 'Save call guide',
    again: 'press Save to Jobs again',
    failed: 'Saving the call guide did not finish: Google Sheets did not answer. Press Save to Jobs again.',
  },
  (row: unknown, referralProcess: unknown, apply: unknown) =>
    saveCallGuide(activeSpreadsheet(), row, referralProcess, apply, Date.now()),
);

// The functions above must match the API the client is typed against.
const _check: SidebarApi = {
  sidebarSelection,
  sidebarDraft,
  sidebarMarkSent,
  sidebarSaveCallGuide,
};
void _check;
