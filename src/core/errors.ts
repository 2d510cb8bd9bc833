// Errors the user reads: UserError for problems they can fix, and the plain sentence for every
// known Apps Script failure (quota, timeout, busy lock, a Sheets call that failed), so that no
// raw service text, stack trace or "[object Object]" ever reaches an alert, toast or page.

import { describePermissionError } from './permissions';

/** A problem the user can fix; its message says what and where in plain words. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** Whether a value is a UserError (works across realms and bundles by checking the name). */
export function isUserError(e: unknown): e is UserError {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'UserError';
}

/** What the user reads when another execution holds the document lock (nothing was changed). */
export const BUSY_MESSAGE =
  'Another Referral tracker update is running on this spreadsheet, so nothing was changed. Try again in a moment.';

/** The text of any thrown value: an Error's message, a string, else a JSON or String rendering. */
export function errorText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') {
    return (e as { message: string }).message;
  }
  if (typeof e === 'object' && e !== null) {
    try {
      return JSON.stringify(e);
    } catch {
      return Object.prototype.toString.call(e);
    }
  }
  return String(e);
}

/** The details of a failure for the execution log: name, message and stack when there is one. */
export function failureDetails(e: unknown): string {
  const stack =
    typeof e === 'object' && e !== null && typeof (e as { stack?: unknown }).stack === 'string'
      ? (e as { stack: string }).stack
      : '';
  const text = errorText(e);
  return stack.includes(text) ? stack : [text, stack].filter(Boolean).join('\n');
}

/** What each daily quota of "Service invoked too many times for one day: <what>" is about. */
const QUOTA_WORDS: Record<string, string> = {
  email: 'sending email',
  properties: 'saving settings',
  triggers: 'daily reminders',
};

/** Who failed and what the user should do about it, for the plain sentences below. */
export interface FailureContext {
  /** The action, as the subject of a sentence: `Score candidates`. */
  action: string;
  /** What to do, as a clause: `try Score candidates again` (the default). */
  again?: string;
  /**
   * The whole sentence for a failure that is neither the user's nor a known limit (Google Sheets
   * not answering, an unexpected error), when the caller can say it better than the default.
   */
  failed?: string;
}

type Say = (action: string, again: string, m: RegExpMatchArray) => string;

/**
 * Known Apps Script failures (the service's own text, with or without an "Exception: " prefix),
 * each as a plain sentence: what happened and what to do. Sources: Apps Script quotas and limits
 * (developers.google.com/apps-script/guides/services/quotas: "your script throws an exception and
 * execution stops"; 6 minutes per execution), LockService (waitLock's timeout text), and
 * SpreadsheetApp's protected-range and transient service errors.
 */
const KNOWN: readonly { test: RegExp; say: Say; transient?: true }[] = [
  {
    test: /Lock timeout|another process was holding the lock|too many LockService operations/i,
    say: () => BUSY_MESSAGE,
  },
  {
    test: /Exceeded maximum execution time/i,
    say: (a, again) =>
      `${a} ran out of time (Google stops any run after 6 minutes) and did not finish. Nothing you typed was lost; ${again}.`,
  },
  {
    test: /Service invoked too many times for one day:?\s*([A-Za-z ]*)/i,
    say: (a, _again, m) => {
      const what = QUOTA_WORDS[(m[1] ?? '').trim().toLowerCase()] ?? 'this kind of request';
      return `${a} stopped: your Google account reached today's limit for ${what}. Nothing you typed was lost; try again tomorrow.`;
    },
  },
  {
    test: /Service invoked too many times in a short time|Rate Limit Exceeded|too many requests/i,
    say: (a, again) =>
      `${a} stopped because Google asked to slow down. Nothing you typed was lost; wait a minute, then ${again}.`,
  },
  {
    test: /trying to edit a protected cell|protected (cell|range|sheet)/i,
    say: (a, again) =>
      `${a} could not write to a protected range of this spreadsheet. Ask its owner for edit access (Data › Protect sheets and ranges), then ${again}.`,
  },
  {
    test: /Authorization is required|You do not have permission|PERMISSION_DENIED|requires authorization/i,
    say: (a, again) =>
      `${a} needs your permission first. Reload the spreadsheet, choose a Referrals menu item and accept the request, then ${again}.`,
  },
  {
    transient: true,
    test: /Service [A-Za-z ]+ failed|Service (is )?(temporarily )?unavailable|server error occurred|Internal error|timed out|Address unavailable|Try again later/i,
    say: (a, again) =>
      `${a} was interrupted because Google Sheets did not respond. Nothing you typed was lost; wait a moment, then ${again}.`,
  },
];

function context(c: FailureContext | string): Required<Omit<FailureContext, 'failed'>> & FailureContext {
  const ctx = typeof c === 'string' ? { action: c } : c;
  return { ...ctx, again: ctx.again ?? `try ${ctx.action} again` };
}

/**
 * The plain sentence for a known Apps Script failure text, or null when the text is not one. A
 * permission the user did not grant (granular consent) is named by core/permissions.
 */
export function knownFailure(text: string, where: FailureContext | string): string | null {
  const { action, again, failed } = context(where);
  const permission = describePermissionError(action, text);
  if (permission) return permission;
  for (const k of KNOWN) {
    const m = text.match(k.test);
    if (m) return k.transient && failed ? failed : k.say(action, again, m);
  }
  return null;
}

/**
 * What the user reads when an action failed with `e`: a UserError's own message; a known Apps
 * Script failure in plain words; anything else a sentence saying the action did not finish and
 * what to do (the details belong in the execution log, never in front of the user).
 */
export function plainMessage(e: unknown, where: FailureContext | string): string {
  if (isUserError(e)) return e.message;
  const { action, again, failed } = context(where);
  return (
    knownFailure(errorText(e), where) ??
    failed ??
    `${action} did not finish because of an unexpected problem. Nothing you typed was lost; ${again}. If it keeps failing, the details are in Extensions › Apps Script › Executions.`
  );
}
