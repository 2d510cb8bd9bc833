// Runs menu actions and google.script.run calls: every failure reaches the user as a plain
// sentence (core/errors plainMessage) and its details go to the execution log.

import { type FailureContext, failureDetails, isUserError, plainMessage, UserError } from '../core/errors';
import { alertOk, toast as showToast } from '../sheets/gas-ui';

/** Shows a message in an alert when a UI is available, else logs it (triggers have no UI). */
export function tell(message: string, title = 'Referral tracker'): void {
  try {
    alertOk(title, message);
  } catch {
    console.log(`${title}: ${message}`);
  }
}

/** A short non-blocking message in the spreadsheet's corner. */
export function toast(message: string, title = 'Referral tracker', seconds = 5): void {
  showToast(message, title, seconds);
}

/**
 * The sentence the user reads for a failure of `where`; an unexpected failure's details (message
 * and stack) go to the execution log with console.error, a UserError's text with console.log.
 */
export function failureMessage(e: unknown, where: FailureContext | string): string {
  const action = typeof where === 'string' ? where : where.action;
  if (isUserError(e)) console.log(`${action}: ${e.message}`);
  else console.error(`${action} failed: ${failureDetails(e)}`);
  return plainMessage(e, where);
}

/** Runs a menu action; any failure is shown as a plain sentence in an alert titled `label`. */
export function runAction(label: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    tell(failureMessage(e, label), label);
  }
}

/**
 * Wraps a function the pages call through google.script.run: a failure reaches the page's failure
 * handler as a UserError whose message is the plain sentence (the details are logged here).
 */
export function served<A extends unknown[], R>(
  label: FailureContext | string,
  fn: (...args: A) => R,
): (...args: A) => R {
  return (...args: A): R => {
    try {
      return fn(...args);
    } catch (e) {
      throw new UserError(failureMessage(e, label));
    }
  };
}
