// Which of the add-on's permissions the user granted (granular consent), through
// ScriptApp.getAuthorizationInfo, and a plain refusal naming the one an action is missing.

import { UserError } from '../core/errors';
import { describeMissing } from '../core/permissions';

/** AuthorizationInfo as the reference documents it (the @types lack the scope list and getAuthorizedScopes). */
interface AuthorizationInfo {
  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus;
  getAuthorizationUrl(): string | null;
  getAuthorizedScopes(): string[] | null;
}
interface ScriptAppAuth {
  getAuthorizationInfo(mode: GoogleAppsScript.Script.AuthMode, scopes?: string[]): AuthorizationInfo;
}

function info(scopes: readonly string[]): AuthorizationInfo {
  return (ScriptApp as unknown as ScriptAppAuth).getAuthorizationInfo(ScriptApp.AuthMode.FULL, [...scopes]);
}

/** What the user granted of `scopes`, and where to grant the rest (null when nothing is missing). */
export function grantOf(scopes: readonly string[]): { missing: string[]; url: string | null } {
  const authorization = info(scopes);
  const granted = new Set(authorization.getAuthorizedScopes() ?? []);
  const missing = scopes.filter((s) => !granted.has(s));
  return { missing, url: missing.length > 0 ? authorization.getAuthorizationUrl() : null };
}

/** Throws a UserError naming the permissions of `scopes` the user did not grant, if any. */
export function requirePermissions(action: string, scopes: readonly string[]): void {
  const { missing, url } = grantOf(scopes);
  if (missing.length > 0) throw new UserError(describeMissing(action, missing, url));
}
