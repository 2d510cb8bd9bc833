// Entry points only: every export becomes a top-level function of dist/Code.js (menus, triggers,
// google.script.run). Each is a one-line wrapper; no work happens at load time.

import { helpAction, loadExampleDataAction, setUpTrackerAction } from './ui/actions';
import { buildMenu } from './ui/menu';

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
