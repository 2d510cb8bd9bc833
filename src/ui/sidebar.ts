// The Draft-message sidebar: opens it, and the server functions it calls through google.script.run.

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

/** The selected Contacts row and its fingerprint (cheap; polled by the sidebar). */
export const sidebarSelection: SidebarApi['sidebarSelection'] = () => selection(activeSpreadsheet());

/** The draft for a Contacts row; type and language default to the suggestion and Settings. */
export const sidebarDraft = (row: unknown, type?: unknown, language?: unknown) =>
  draftFor(activeSpreadsheet(), row, type, language, Date.now());

/**
 * Mark as sent: logs to Activity, stamps, moves Status, counts the credit; refuses if the row changed,
 * or if the message is advised against or already sent and `confirmed` is not true.
 */
export const sidebarMarkSent = (row: unknown, type: unknown, fingerprint: unknown, confirmed?: unknown) =>
  markSent(activeSpreadsheet(), row, type, fingerprint, confirmed, Date.now());

/** Saves Referral process and Apply to the contact's job on Jobs. */
export const sidebarSaveCallGuide = (row: unknown, referralProcess: unknown, apply: unknown) =>
  saveCallGuide(activeSpreadsheet(), row, referralProcess, apply, Date.now());

// The functions above must match the API the client is typed against.
const _check: SidebarApi = {
  sidebarSelection,
  sidebarDraft,
  sidebarMarkSent,
  sidebarSaveCallGuide,
};
void _check;
