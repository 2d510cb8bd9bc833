// Shared plumbing of the emulator: the bundle's realm, the clock, and the per-method call counter.

/**
 * The JavaScript realm the bundle runs in. Real Apps Script hands the script Dates and arrays of
 * its own realm; the emulator must too, or `instanceof Date` fails inside `node:vm` contexts.
 */
export interface Realm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  /** The realm's Error, for the exceptions services throw (default: read through `evaluate`). */
  Error?: ErrorConstructor;
  /** Evaluates code in the realm (used by HtmlService templates to reach the script's globals). */
  evaluate(code: string): unknown;
}

/** The realm of the caller (Node's own), for tests that do not load the bundle. */
export function hostRealm(): Realm {
  // An indirect eval runs in the global scope, as code in another realm's global would.
  // biome-ignore lint/security/noGlobalEval: tests of HtmlService templates evaluate template code
  const globalEval = globalThis.eval;
  return { Date, Array, Object, Error, evaluate: (code: string) => globalEval(code) };
}

/**
 * An exception as Apps Script services throw it: an Error of the script's realm (so `e instanceof
 * Error` holds in the script) named `Exception`, so that `String(e)` and the execution log read
 * "Exception: message" while `e.message` is the message alone.
 */
export function scriptError(realm: Realm, message: string): Error {
  const ErrorC = realm.Error ?? (realm.evaluate('Error') as ErrorConstructor);
  const e = new ErrorC(message);
  e.name = 'Exception';
  return e;
}

/** Re-throws what a service call threw as Apps Script does: a plain Error becomes the realm's Exception. */
function asScriptError(realm: Realm, thrown: unknown): unknown {
  if (thrown === null || typeof thrown !== 'object') return thrown;
  const e = thrown as { name?: unknown; message?: unknown; stack?: unknown };
  if (e.name !== 'Error' || typeof e.message !== 'string') return thrown;
  const ex = scriptError(realm, e.message);
  if (typeof e.stack === 'string') ex.stack = e.stack.replace(/^Error/, 'Exception');
  return ex;
}

/** One call to a service method, as the hooks of a CallCounter see it. */
export interface CallInfo {
  /** `Class.method`, e.g. `Range.setValues`. */
  readonly key: string;
  /** The service or class name (`Range`, `SpreadsheetApp`, …). */
  readonly service: string;
  readonly method: string;
  readonly args: readonly unknown[];
  /** The emulator object the method belongs to (not the counting proxy). */
  readonly target: object;
  /** 1-based position of this call among every counted call since the last reset. */
  readonly index: number;
}

/**
 * Watches calls to service methods: `before` runs after the call is counted and before it takes
 * effect (throwing there makes the call fail with no effect), `after` once it has returned
 * (throwing there makes a call that took effect fail, as a timeout after a write would).
 * Used by the strict checks (scopes, auth modes), fault injection and the cost model.
 */
export interface CallHook {
  before?(call: CallInfo): void;
  after?(call: CallInfo, result: unknown): void;
}

/** Counts calls to service methods, keyed `Class.method` (e.g. `Range.setValues`), and runs the hooks. */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  private readonly log: string[] = [];
  private readonly hooks: CallHook[] = [];
  private index = 0;
  /** Adds a hook; returns a function that removes it. Hooks run in the order they were added. */
  use(hook: CallHook): () => void {
    this.hooks.push(hook);
    return () => {
      const i = this.hooks.indexOf(hook);
      if (i >= 0) this.hooks.splice(i, 1);
    };
  }
  /** Counts a call and runs it between the hooks' `before` and `after`. */
  run<R>(service: string, method: string, target: object, args: readonly unknown[], fn: () => R): R {
    const key = `${service}.${method}`;
    this.hit(key);
    if (this.hooks.length === 0) return fn();
    const info: CallInfo = { key, service, method, args, target, index: this.index };
    for (const h of [...this.hooks]) h.before?.(info);
    const result = fn();
    for (const h of [...this.hooks]) h.after?.(info, result);
    return result;
  }
  /** Records one call. */
  hit(key: string): void {
    this.index++;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.log.length < 100_000) this.log.push(key);
  }
  /** Calls of one `Class.method`. */
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }
  /** Sum over all keys starting with a prefix (e.g. `Range.` or `` for everything). */
  total(prefix = ''): number {
    let n = 0;
    for (const [k, v] of this.counts) if (k.startsWith(prefix)) n += v;
    return n;
  }
  /** All counts, as a plain object sorted by key. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
  /** The sequence of calls since the last reset (capped). */
  sequence(): readonly string[] {
    return this.log;
  }
  reset(): void {
    this.counts.clear();
    this.log.length = 0;
    this.index = 0;
  }
}

/** The emulator's clock: fixed unless a test moves it. */
export class Clock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  set(when: Date | string | number): void {
    this.ms = toMillis(when);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Converts a Date (any realm), ISO string or epoch milliseconds to epoch milliseconds. */
export function toMillis(when: Date | string | number): number {
  if (typeof when === 'number') return when;
  if (typeof when === 'string') {
    const ms = Date.parse(when);
    if (Number.isNaN(ms)) throw new Error(`Not a date: ${when}`);
    return ms;
  }
  return when.getTime();
}

/** Whether a value is a Date from any realm. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Everything the emulator's services share. */
export interface EmulatorContext {
  realm: Realm;
  clock: Clock;
  calls: CallCounter;
  /** Email of the user running the script. */
  user: string;
}

/**
 * Wraps a service object so that every method call is counted as `name.method` and passes
 * through the counter's hooks; what a call throws reaches the script as Apps Script's Exception.
 * Properties that are not functions pass through; `this` stays the real object.
 */
export function counted<T extends object>(ctx: EmulatorContext, name: string, target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const v = Reflect.get(obj, prop, receiver);
      if (typeof v !== 'function' || typeof prop !== 'string' || prop === 'constructor') return v;
      return (...args: unknown[]) => {
        try {
          return ctx.calls.run(name, prop, obj, args, () => v.apply(obj, args));
        } catch (e) {
          throw asScriptError(ctx.realm, e);
        }
      };
    },
  });
}

/** An Apps Script enum: each name maps to itself, as Apps Script enum values print their name. */
export function enumOf<const T extends string>(...names: readonly T[]): Readonly<{ [K in T]: K }> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as { [K in T]: K };
}
