// The spreadsheet's UI services (alerts, prompts, dialogs, sidebar, toasts, the menu) behind one
// adapter, so that ui/ decides what to show and never calls SpreadsheetApp or HtmlService itself.

type Ui = GoogleAppsScript.Base.Ui;

/** The spreadsheet's Ui (throws in a trigger run, where Apps Script has no UI). */
export function getUi(): Ui {
  return SpreadsheetApp.getUi();
}

/** Shows an alert with an OK button. */
export function alertOk(title: string, message: string): void {
  const ui = getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

/** Shows a project HTML file (e.g. `Help`) as a modal dialog. */
export function showDialog(file: string, title: string, width: number, height: number): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setWidth(width).setHeight(height);
  getUi().showModalDialog(html, title);
}

/** Shows a project HTML file as the sidebar. */
export function showSidebar(file: string, title: string): void {
  getUi().showSidebar(HtmlService.createHtmlOutputFromFile(file).setTitle(title));
}

/** A short non-blocking message in the active spreadsheet's corner (nothing when there is none). */
export function toast(message: string, title: string, seconds: number): void {
  SpreadsheetApp.getActiveSpreadsheet()?.toast(message, title, seconds);
}

/**
 * Whether the script runs as an installed add-on rather than bound to this spreadsheet:
 * ScriptApp.getInstallationSource() is NONE for "Script is not running as an add-on"
 * (https://developers.google.com/apps-script/reference/script/installation-source). Throws when Apps
 * Script cannot say: for an action that must not guess (Turn on daily reminders).
 */
export function installedAsAddon(): boolean {
  return ScriptApp.getInstallationSource() !== ScriptApp.InstallationSource.NONE;
}

/** installedAsAddon, or false when Apps Script cannot say (the caller keeps the bound script's behaviour). */
export function runsAsAddon(): boolean {
  try {
    return installedAsAddon();
  } catch {
    return false;
  }
}

/** Whether an onOpen/onInstall event runs in AuthMode.NONE (an add-on not yet used in this document). */
export function isAuthModeNone(e: { authMode?: unknown } | undefined | null): boolean {
  return e !== undefined && e !== null && e.authMode === ScriptApp.AuthMode.NONE;
}
