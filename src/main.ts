// Entry points only: every export becomes a top-level function of dist/Code.js (menus, triggers,
// google.script.run). Each is a one-line wrapper; no work happens at load time.

import { dailyReminderHandler } from './sheets/daily';
import { onEditHandler } from './sheets/on-edit';
import {
  checkSpreadsheetAction,
  helpAction,
  importConnectionsAction,
  loadExampleDataAction,
  refreshDashboardAction,
  refreshFollowUpsAction,
  scoreCandidatesAction,
  setUpTrackerAction,
  shareWithMentorAction,
  turnOffRemindersAction,
  turnOnRemindersAction,
} from './ui/actions';
import { importConnectionsText } from './ui/import-dialog';
import { buildMenu } from './ui/menu';
import {
  sidebarDraft as draftForSidebar,
  sidebarMarkSent as markSentFromSidebar,
  sidebarSaveCallGuide as saveCallGuideFromSidebar,
  sidebarSelection as selectionForSidebar,
  showDraftSidebar,
} from './ui/sidebar';

/** Simple trigger: builds the Referrals menu (works in AuthMode.NONE). */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(e);
}

/** Add-on install: shows the menu at once. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  buildMenu(e as unknown as GoogleAppsScript.Events.SheetsOnOpen, true);
}

export function menuSetUpTracker(): void {
  setUpTrackerAction();
}

export function menuLoadExampleData(): void {
  loadExampleDataAction();
}

export function menuHelp(): void {
  helpAction();
}

export function menuCheckSpreadsheet(): void {
  checkSpreadsheetAction();
}

/** Simple trigger: stamps dates and updates follow-ups when Status changes on Contacts. */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  onEditHandler(e);
}

export function menuRefreshFollowUps(): void {
  refreshFollowUpsAction();
}

export function menuTurnOnReminders(): void {
  turnOnRemindersAction();
}

export function menuTurnOffReminders(): void {
  turnOffRemindersAction();
}

/** Time-driven trigger installed by "Turn on daily reminders" (its event is not needed). */
export function dailyReminder(): void {
  dailyReminderHandler();
}

export function menuScoreCandidates(): void {
  scoreCandidatesAction();
}

export function menuDraftMessage(): void {
  showDraftSidebar();
}

/** Sidebar: the selected Contacts row and its fingerprint. */
export function sidebarSelection() {
  return selectionForSidebar();
}

/** Sidebar: the draft for a Contacts row. */
export function sidebarDraft(row: unknown, type?: unknown, language?: unknown) {
  return draftForSidebar(row, type, language);
}

/** Sidebar: Mark as sent (`confirmed`: the user confirmed a message the draft warned about). */
export function sidebarMarkSent(row: unknown, type: unknown, fingerprint: unknown, confirmed?: unknown) {
  return markSentFromSidebar(row, type, fingerprint, confirmed);
}

/** Sidebar: saves the call guide's Referral process and Apply to Jobs. */
export function sidebarSaveCallGuide(row: unknown, referralProcess: unknown, apply: unknown) {
  return saveCallGuideFromSidebar(row, referralProcess, apply);
}

export function menuRefreshDashboard(): void {
  refreshDashboardAction();
}

export function menuImportConnections(): void {
  importConnectionsAction();
}

/** Import dialog: Connections.csv text (validated server-side: a string of at most 5 MB). */
export function importConnections(csv: unknown) {
  return importConnectionsText(csv);
}

export function menuShareWithMentor(): void {
  shareWithMentorAction();
}
