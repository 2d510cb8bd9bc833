// OAuth scopes per Apps Script member (from the reference's "Authorization" lines) and the errors
// Apps Script raises when a call is outside the manifest's scopes or the user's grant.

/** The scopes this project's members need, by their full URL. */
export const SCOPE = {
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  spreadsheetsCurrentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  sendMail: 'https://www.googleapis.com/auth/script.send_mail',
  userinfoEmail: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

const SHEETS = [SCOPE.spreadsheetsCurrentOnly, SCOPE.spreadsheets] as const;

/**
 * Every class of the Spreadsheet service: each of their methods says "Scripts that use this method
 * require authorization with one or more of the following scopes: …/auth/spreadsheets.currentonly,
 * …/auth/spreadsheets" (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app,
 * /spreadsheet, /sheet, /range, /protection, /embedded-chart, /data-validation, …).
 */
const SPREADSHEET_CLASSES = [
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'Selection',
  'Protection',
  'DataValidation',
  'DataValidationBuilder',
  'ConditionalFormatRule',
  'ConditionalFormatRuleBuilder',
  'BooleanCondition',
  'EmbeddedChart',
  'EmbeddedChartBuilder',
  'ContainerInfo',
  'ChartOptions',
] as const;

/**
 * Members whose scopes differ from their class's, or whose class needs none. Each entry: the member,
 * the scopes that authorize it (any one is enough), and the reference page it comes from.
 */
const MEMBERS: Record<string, { scopes: readonly string[]; source: string }> = {
  // "openById … Authorization: https://www.googleapis.com/auth/spreadsheets" — the whole Sheets of the
  // user, not only the current spreadsheet (same for openByUrl, open and create).
  'SpreadsheetApp.openById': {
    scopes: [SCOPE.spreadsheets],
    source: 'reference/spreadsheet/spreadsheet-app#openById(String)',
  },
  'SpreadsheetApp.openByUrl': {
    scopes: [SCOPE.spreadsheets],
    source: 'reference/spreadsheet/spreadsheet-app#openByUrl(String)',
  },
  'SpreadsheetApp.open': {
    scopes: [SCOPE.spreadsheets],
    source: 'reference/spreadsheet/spreadsheet-app#open(File)',
  },
  'SpreadsheetApp.create': {
    scopes: [SCOPE.spreadsheets],
    source: 'reference/spreadsheet/spreadsheet-app#create(String)',
  },
  // getUi, the builders and the enums have no Authorization section.
  'SpreadsheetApp.getUi': { scopes: [], source: 'reference/spreadsheet/spreadsheet-app#getUi()' },
  'SpreadsheetApp.newDataValidation': {
    scopes: [],
    source: 'reference/spreadsheet/spreadsheet-app#newDataValidation()',
  },
  'SpreadsheetApp.newConditionalFormatRule': {
    scopes: [],
    source: 'reference/spreadsheet/spreadsheet-app#newConditionalFormatRule()',
  },
  // Ui: dialogs and sidebars with HTML need "…/auth/script.container.ui"; alert, prompt and menus need none.
  'Ui.showSidebar': { scopes: [SCOPE.containerUi], source: 'reference/base/ui#showSidebar(Object)' },
  'Ui.showModalDialog': {
    scopes: [SCOPE.containerUi],
    source: 'reference/base/ui#showModalDialog(Object,String)',
  },
  'Ui.showModelessDialog': {
    scopes: [SCOPE.containerUi],
    source: 'reference/base/ui#showModelessDialog(Object,String)',
  },
  // ScriptApp: triggers need "…/auth/script.scriptapp".
  'ScriptApp.newTrigger': {
    scopes: [SCOPE.scriptApp],
    source: 'reference/script/script-app#newTrigger(String)',
  },
  'ScriptApp.getProjectTriggers': {
    scopes: [SCOPE.scriptApp],
    source: 'reference/script/script-app#getProjectTriggers()',
  },
  'ScriptApp.getUserTriggers': {
    scopes: [SCOPE.scriptApp],
    source: 'reference/script/script-app#getUserTriggers(Spreadsheet)',
  },
  'ScriptApp.deleteTrigger': {
    scopes: [SCOPE.scriptApp],
    source: 'reference/script/script-app#deleteTrigger(Trigger)',
  },
  'ClockTriggerBuilder.create': {
    scopes: [SCOPE.scriptApp],
    source: 'reference/script/clock-trigger-builder#create()',
  },
  'SpreadsheetTriggerBuilder.create': {
    scopes: [SCOPE.scriptApp],
    source: 'reference/script/spreadsheet-trigger-builder#create()',
  },
  // Session: the user's identity needs "…/auth/userinfo.email".
  'Session.getActiveUser': {
    scopes: [SCOPE.userinfoEmail],
    source: 'reference/base/session#getActiveUser()',
  },
  'Session.getEffectiveUser': {
    scopes: [SCOPE.userinfoEmail],
    source: 'reference/base/session#getEffectiveUser()',
  },
  // MailApp: "…/auth/script.send_mail".
  'MailApp.sendEmail': {
    scopes: [SCOPE.sendMail],
    source: 'reference/mail/mail-app#sendEmail(String,String,String)',
  },
  'MailApp.getRemainingDailyQuota': {
    scopes: [SCOPE.sendMail],
    source: 'reference/mail/mail-app#getRemainingDailyQuota()',
  },
};

/** The reference pages the table comes from, relative to this base. */
export const REFERENCE_BASE = 'https://developers.google.com/apps-script/';

/**
 * The scopes that authorize a member (`Class.method`), any one being enough; [] when the member needs
 * none (Utilities, Logger, HtmlService, PropertiesService, LockService, Ui.alert, menus…).
 */
export function scopesFor(key: string): readonly string[] {
  const member = MEMBERS[key];
  if (member) return member.scopes;
  const cls = key.slice(0, key.indexOf('.'));
  return (SPREADSHEET_CLASSES as readonly string[]).includes(cls) ? SHEETS : [];
}

/** The reference page a member's scopes come from. */
export function sourceOf(key: string): string {
  const member = MEMBERS[key];
  if (member) return REFERENCE_BASE + member.source;
  const cls = key.slice(0, key.indexOf('.'));
  const page = cls.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  return `${REFERENCE_BASE}reference/spreadsheet/${page}`;
}

/** "Required permissions: X" or "(X || Y)", as Apps Script words it. */
function required(scopes: readonly string[]): string {
  return scopes.length === 1 ? scopes[0]! : `(${scopes.join(' || ')})`;
}

/**
 * The error for a member the manifest's explicit `oauthScopes` do not cover, e.g.
 * "Specified permissions are not sufficient to call SpreadsheetApp.openById. Required permissions:
 * https://www.googleapis.com/auth/spreadsheets".
 */
export function notSufficientMessage(key: string, scopes: readonly string[]): string {
  return `Specified permissions are not sufficient to call ${key}. Required permissions: ${required(scopes)}`;
}

/**
 * The error for a member the current execution may not use: a scope the user did not grant (granular
 * consent), or a service a simple trigger or AuthMode.NONE cannot reach, e.g. "You do not have
 * permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail".
 */
export function noPermissionMessage(key: string, scopes: readonly string[]): string {
  const base = `You do not have permission to call ${key}`;
  return scopes.length ? `${base}. Required permissions: ${required(scopes)}` : base;
}

/** "Cannot call SpreadsheetApp.getUi() from this context." — getUi() in a run with no editor open. */
export const NO_UI_MESSAGE = 'Cannot call SpreadsheetApp.getUi() from this context.';
