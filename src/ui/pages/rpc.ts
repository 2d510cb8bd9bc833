// The one typed google.script.run client every page uses: a Promise per server call, typed by the
// server API the page imports as a type, with Apps Script's error prefixes stripped from messages and
// Apps Script's own failures (a run stopped after 6 minutes…) put in plain words.

import { type FailureContext, knownFailure } from '../../core/errors';

interface GasRunner {
  withSuccessHandler(fn: (value: unknown) => void): GasRunner;
  withFailureHandler(fn: (error: unknown) => void): GasRunner;
  [name: string]: unknown;
}
declare const google: { script: { run: GasRunner; host: { close(): void } } };

/** A server API: each member is a function the page may call through google.script.run. */
export type ServerApi<Api> = { [K in keyof Api]: (...args: never[]) => unknown };

/** How a page names its calls in a failure sentence when it does not say (see core/errors). */
const REQUEST: FailureContext = { action: 'The request', again: 'try again' };

/**
 * The text of a google.script.run failure, as the user should read it: Apps Script delivers
 * thrown errors as "Exception: …", "Error: …" or "UserError: …"; the prefix is dropped. The server
 * sends plain sentences (ui/run.ts served); only Apps Script's own failures, raised outside the
 * server function (the 6-minute limit, authorization), arrive raw and are put in plain words.
 */
export function plainMessage(e: unknown, where: FailureContext = REQUEST): string {
  const raw =
    e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
  const text = raw.replace(/^(?:(?:Script|User)?Error|Exception|TypeError):\s*/, '').trim();
  return knownFailure(text, where) ?? (text || `${where.action} failed; try again.`);
}

/**
 * A typed caller for a server API: `const call = serverCall<SidebarApi>()`, then
 * `await call('sidebarDraft', 2)` runs the server function and resolves with its result, or rejects
 * with an Error whose message is plainMessage's (`where` names the action in failure sentences).
 */
export function serverCall<Api extends ServerApi<Api>>(where: FailureContext = REQUEST) {
  return <K extends keyof Api & string>(
    name: K,
    ...args: Parameters<Api[K]>
  ): Promise<Awaited<ReturnType<Api[K]>>> =>
    new Promise((resolve, reject) => {
      const runner = google.script.run
        .withSuccessHandler((v) => resolve(v as Awaited<ReturnType<Api[K]>>))
        .withFailureHandler((e) => reject(new Error(plainMessage(e, where))));
      (runner[name] as (...a: unknown[]) => void).apply(runner, args);
    });
}

/** Closes the dialog or sidebar the page is in. */
export function closeHost(): void {
  google.script.host.close();
}
