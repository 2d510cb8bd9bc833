// Shared plumbing of the emulator: the bundle's realm, the clock, and the per-method call counter.

/**
 * The JavaScript realm the bundle runs in. Real Apps Script hands the script Dates and arrays of
 * its own realm; the emulator must too, or `instanceof Date` fails inside `node:vm` contexts.
 */
export interface Realm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  /** Evaluates code in the realm (used by HtmlService templates to reach the script's globals). */
  evaluate(code: string): unknown;
}

/** The realm of the caller (Node's own), for tests that do not load the bundle. */
export function hostRealm(): Realm {
  // An indirect eval runs in the global scope, as code in another realm's global would.
  // biome-ignore lint/security/noGlobalEval: tests of HtmlService templates evaluate template code
  const globalEval = globalThis.eval;
  return { Date, Array, Object, evaluate: (code: string) => globalEval(code) };
}

/** Counts calls to service methods, keyed `Class.method` (e.g. `Range.setValues`). */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  private readonly log: string[] = [];
  /** Records one call. */
  hit(key: string): void {
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
 * Wraps a service object so that every method call is counted as `name.method`.
 * Properties that are not functions pass through; `this` stays the real object.
 */
export function counted<T extends object>(ctx: EmulatorContext, name: string, target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const v = Reflect.get(obj, prop, receiver);
      if (typeof v !== 'function' || typeof prop !== 'string' || prop === 'constructor') return v;
      return (...args: unknown[]) => {
        ctx.calls.hit(`${name}.${prop}`);
        return v.apply(obj, args);
      };
    },
  });
}

/** An Apps Script enum: each name maps to itself, as Apps Script enum values print their name. */
export function enumOf<const T extends string>(...names: readonly T[]): Readonly<{ [K in T]: K }> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as { [K in T]: K };
}
