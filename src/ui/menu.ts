// The Referrals menu: its items (label → global function name) and how onOpen builds it.

import { getUi, isAuthModeNone, runsAsAddon } from '../sheets/gas-ui';

/** A menu entry: a label and the global function it runs, or a separator. */
export type MenuEntry = { readonly label: string; readonly fn: string } | 'separator';

/** The Referrals menu, top to bottom. Every `fn` is a global function of the bundle. */
export const MENU: readonly MenuEntry[] = [
  { label: 'Set up tracker', fn: 'menuSetUpTracker' },
  { label: 'Load example data', fn: 'menuLoadExampleData' },
  'separator',
  { label: 'Score candidates', fn: 'menuScoreCandidates' },
  { label: 'Draft message…', fn: 'menuDraftMessage' },
  { label: 'Refresh follow-ups', fn: 'menuRefreshFollowUps' },
  { label: 'Turn on daily reminders', fn: 'menuTurnOnReminders' },
  { label: 'Turn off daily reminders', fn: 'menuTurnOffReminders' },
  { label: 'Refresh dashboard', fn: 'menuRefreshDashboard' },
  'separator',
  { label: 'Import LinkedIn connections…', fn: 'menuImportConnections' },
  { label: 'Share with mentor…', fn: 'menuShareWithMentor' },
  'separator',
  { label: 'Help', fn: 'menuHelp' },
  { label: 'Check this spreadsheet', fn: 'menuCheckSpreadsheet' },
];

export const MENU_TITLE = 'Referrals';

/**
 * Builds the menu. Touches no Properties and no sheets, so it works in AuthMode.NONE, where an
 * editor add-on's onOpen runs before the user has used it in this document. An add-on (installing,
 * in AuthMode.NONE, or installed: ScriptApp.getInstallationSource() is not NONE) uses the add-on menu
 * under Extensions, as Google asks published add-ons to; the bound script a top-level "Referrals" menu.
 */
export function buildMenu(e: GoogleAppsScript.Events.SheetsOnOpen | undefined, forceAddon = false): void {
  const ui = getUi();
  const addon = forceAddon || isAuthModeNone(e) || runsAsAddon();
  const menu = addon ? ui.createAddonMenu() : ui.createMenu(MENU_TITLE);
  for (const entry of MENU) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(entry.label, entry.fn);
  }
  menu.addToUi();
}
