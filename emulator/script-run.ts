// google.script.run's server side: what a page may send, what it gets back, and the Error a
// failure handler receives — shared by the bundle tests and the playground.

import { isDate } from './context';

/**
 * What a page's withFailureHandler receives when the server function throws: an Error whose message
 * is the thrown error as text — "Name: message", so a service's exception arrives as "Exception: …",
 * `throw new Error('x')` as "Error: x" and a custom class as "UserError: x". That is the V8 runtime's
 * behaviour as its execution log and failure handlers show it (an Apps Script exception prints as
 * "Exception: …", https://developers.google.com/apps-script/guides/support/troubleshooting); pages
 * strip that prefix before showing the message. A thrown non-Error arrives as its String().
 */
export function failureMessage(thrown: unknown): string {
  if (thrown !== null && typeof thrown === 'object' && 'message' in thrown) {
    const e = thrown as { name?: unknown; message?: unknown };
    const name = typeof e.name === 'string' && e.name !== '' ? e.name : 'Error';
    return `${name}: ${String(e.message)}`;
  }
  return String(thrown);
}

/** Path of the first value google.script.run refuses (Date, function, undefined inside objects...), or null. */
export function illegalArg(v: unknown, path = ''): string | null {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? null : path || '0';
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const bad = illegalArg(v[i], path ? `${path}.${i}` : String(i));
      if (bad !== null) return bad;
    }
    return null;
  }
  if (typeof v === 'object' && !isDate(v) && Object.getPrototypeOf(v) === Object.prototype) {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const bad = illegalArg(x, path ? `${path}.${k}` : k);
      if (bad !== null) return bad;
    }
    return null;
  }
  return path || '0';
}

/**
 * A server return value as google.script.run hands it to the page: JSON values pass; a Date
 * anywhere in it makes the whole result null, as in Apps Script.
 */
export function toClientValue(v: unknown): unknown {
  const hasIllegal = (x: unknown): boolean => {
    if (isDate(x) || typeof x === 'function' || typeof x === 'symbol' || typeof x === 'bigint') return true;
    if (Array.isArray(x)) return x.some(hasIllegal);
    if (x && typeof x === 'object') return Object.values(x).some(hasIllegal);
    return false;
  };
  if (v === undefined) return null;
  if (hasIllegal(v)) return null;
  return JSON.parse(JSON.stringify(v));
}

/** The outcome of one google.script.run call, as the page sees it. */
export type ScriptRunResult =
  | { ok: true; value: unknown }
  | { ok: false; error: { name: string; message: string } };

/**
 * Runs `call` as the server side of google.script.run: a value reaches the success handler as JSON;
 * what it throws reaches the failure handler as an Error named ScriptError with failureMessage's text.
 */
export function serveScriptRun(call: () => unknown): ScriptRunResult {
  try {
    return { ok: true, value: toClientValue(call()) };
  } catch (e) {
    return { ok: false, error: { name: 'ScriptError', message: failureMessage(e) } };
  }
}
