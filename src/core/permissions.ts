// The OAuth scopes the add-on declares (appsscript.json), what each is for, the plain sentence a
// user reads when a permission they did not grant (granular consent) is needed, and what the add-on
// gives up by keeping to this-spreadsheet-only access.

/** One scope of the manifest: its URL, the consent screen's wording, and why the add-on asks for it. */
export interface Permission {
  readonly scope: string;
  /** How Google's consent screen names it. */
  readonly consent: string;
  /** What the add-on does with it, in a few words. */
  readonly why: string;
}

const AUTH = 'https://www.googleapis.com/auth/';

/** The scopes, by name. */
export const SCOPES = {
  currentOnly: `${AUTH}spreadsheets.currentonly`,
  containerUi: `${AUTH}script.container.ui`,
  scriptApp: `${AUTH}script.scriptapp`,
  sendMail: `${AUTH}script.send_mail`,
  email: `${AUTH}userinfo.email`,
} as const;

/** Every scope of appsscript.json's oauthScopes, in its order (a test keeps the two equal). */
export const PERMISSIONS: readonly Permission[] = [
  {
    scope: SCOPES.currentOnly,
    consent: 'View and manage spreadsheets that this application has been installed in',
    why: 'read and write this spreadsheet',
  },
  {
    scope: SCOPES.containerUi,
    consent: 'Display and run third-party web content in prompts and sidebars inside Google applications',
    why: 'show the Draft message sidebar, Help and the import dialog',
  },
  {
    scope: SCOPES.scriptApp,
    consent: 'Allow this application to run when you are not present',
    why: 'run the daily reminder each morning',
  },
  {
    scope: SCOPES.sendMail,
    consent: 'Send email as you',
    why: 'send the opt-in daily digest email',
  },
  {
    scope: SCOPES.email,
    consent: 'See your primary Google Account email address',
    why: 'address the daily digest to you',
  },
];

/** The manifest's oauthScopes, in order. */
export const MANIFEST_SCOPES: readonly string[] = PERMISSIONS.map((p) => p.scope);

/** What each feature needs besides the spreadsheet itself. */
export const NEEDS = {
  reminders: [SCOPES.scriptApp],
  digest: [SCOPES.sendMail, SCOPES.email],
  dialogs: [SCOPES.containerUi],
} as const;

/**
 * Why the add-on has no daily reminders, in words a user reads: its time-driven run has no active
 * spreadsheet (PRODUCT point 16), and opening one by id (`SpreadsheetApp.openById`) needs the
 * `spreadsheets` scope — every Google Sheet the user has — which the manifest does not ask for.
 */
export const ADDON_REMINDERS_REASON =
  "an add-on's morning run has no open spreadsheet, and Referral tracker keeps to this-spreadsheet-only access";

/** The Permission of a scope URL (a scope outside the manifest gets its URL as its name). */
export function permissionOf(scope: string): Permission {
  return PERMISSIONS.find((p) => p.scope === scope) ?? { scope, consent: scope, why: 'this action' };
}

/**
 * The sentence a user reads when `missing` scopes (of the manifest) were not granted: which
 * permission, by the consent screen's words, and how to grant it.
 */
export function describeMissing(action: string, missing: readonly string[], url: string | null): string {
  const names = missing.map((s) => `“${permissionOf(s).consent}”`);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const them = names.length === 1 ? 'it' : 'them';
  const how = url
    ? `Open ${url} to grant ${them}, then try again.`
    : `Choose the menu item again and allow ${them} when Google asks.`;
  return `${action} needs the permission ${list}, which was not granted to Referral tracker. ${how}`;
}

/**
 * The scopes an Apps Script permission error names ("You do not have permission to call X. Required
 * permissions: S" or "Specified permissions are not sufficient to call X. Required permissions:
 * (S1 || S2)"), or null when the message is not one.
 */
export function scopesOfPermissionError(message: string): string[] | null {
  const m =
    /(?:You do not have permission|Specified permissions are not sufficient) to call [\w.]+\. Required permissions: \(?([^)]+)\)?/.exec(
      message,
    );
  if (!m) return null;
  return m[1]!
    .split('||')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * The plain sentence for an Apps Script permission error met while doing `action`, or null when the
 * message is not one. The error lists alternatives ("(A || B)"): the narrowest the manifest declares
 * (the first in PERMISSIONS order) is the one to grant.
 */
export function describePermissionError(action: string, message: string): string | null {
  const scopes = scopesOfPermissionError(message);
  if (!scopes) return null;
  const declared = MANIFEST_SCOPES.find((s) => scopes.includes(s));
  return describeMissing(action, [declared ?? scopes[0]!], null);
}
