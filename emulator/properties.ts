// PropertiesService: three separate string key-value stores with the Apps Script size limits.

import { counted, type EmulatorContext } from './context';

/** "Properties value size: 9 KB / val". */
export const MAX_VALUE_BYTES = 9 * 1024;
/** "Properties total storage: 500 KB / property store". */
export const MAX_STORE_BYTES = 500 * 1024;
/** Thrown by setProperty when one value is over the limit. */
export const VALUE_TOO_LARGE_MESSAGE = 'Argument too large: value';
/** Thrown when a write would take a store over its total size. */
export const STORE_FULL_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

const utf8 = new TextEncoder();
const bytes = (s: string): number => utf8.encode(s).length;

/** One property store (script, user or document). Its `data` can be read and seeded by tests. */
export class FakeProperties {
  readonly data = new Map<string, string>();
  /** The counted proxy handed to the script; chainable methods return it so chained calls are counted. */
  self: this = this;

  constructor(
    private readonly ctx: EmulatorContext,
    readonly scope: 'script' | 'user' | 'document',
  ) {}

  /** "Gets the value associated with the given key in the current Properties store, or null if no such key exists." */
  getProperty(key: string): string | null {
    return this.data.get(String(key)) ?? null;
  }
  /** "Gets a copy of all key-value pairs in the current Properties store." */
  getProperties(): Record<string, string> {
    const out = new this.ctx.realm.Object() as Record<string, string>;
    for (const [k, v] of this.data) out[k] = v;
    return out;
  }
  /** "Gets all keys in the current Properties store." */
  getKeys(): string[] {
    return this.ctx.realm.Array.from(this.data.keys());
  }
  /** "Sets the given key-value pair in the current Properties store." Values are stored as strings. */
  setProperty(key: string, value: unknown): this {
    this.write([[key, value]], false);
    return this.self;
  }
  /** "Sets all key-value pairs from the given object", optionally deleting all others. */
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): this {
    if (properties === null || typeof properties !== 'object')
      throw new Error('Invalid argument: properties');
    this.write(Object.entries(properties), Boolean(deleteAllOthers));
    return this.self;
  }
  /** "Deletes the property with the given key in the current Properties store." */
  deleteProperty(key: string): this {
    this.data.delete(String(key));
    return this.self;
  }
  /** "Deletes all properties in the current Properties store." */
  deleteAllProperties(): this {
    this.data.clear();
    return this.self;
  }
  /** Bytes used by keys and values (test helper). */
  size(): number {
    let n = 0;
    for (const [k, v] of this.data) n += bytes(k) + bytes(v);
    return n;
  }

  private write(entries: [string, unknown][], deleteAllOthers: boolean): void {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.data);
    for (const [rawKey, rawValue] of entries) {
      if (rawKey === undefined || rawKey === null || String(rawKey) === '')
        throw new Error('Invalid argument: key');
      if (rawValue === undefined || rawValue === null) throw new Error('Invalid argument: value');
      const value = String(rawValue);
      if (bytes(value) > MAX_VALUE_BYTES) throw new Error(VALUE_TOO_LARGE_MESSAGE);
      next.set(String(rawKey), value);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > MAX_STORE_BYTES) throw new Error(STORE_FULL_MESSAGE);
    this.data.clear();
    for (const [k, v] of next) this.data.set(k, v);
  }
}

/** The three stores of one script (they outlive executions: keep one per emulator). */
export interface PropertyStores {
  script: FakeProperties;
  user: FakeProperties;
  document: FakeProperties;
}

/** Creates three empty stores. */
export function createPropertyStores(ctx: EmulatorContext): PropertyStores {
  return {
    script: new FakeProperties(ctx, 'script'),
    user: new FakeProperties(ctx, 'user'),
    document: new FakeProperties(ctx, 'document'),
  };
}

/**
 * The PropertiesService over the stores. `guard`, when given, is called with the method name before a store
 * is handed out, so a test can refuse it. `document` may return null: "Returns … null if the script is not
 * a container-bound script or an add-on running in a document" (an add-on's time-driven run).
 */
export function createPropertiesService(
  ctx: EmulatorContext,
  stores: {
    script: FakeProperties;
    user: FakeProperties;
    document: FakeProperties | (() => FakeProperties | null);
  },
  guard?: (method: string) => void,
): GoogleAppsScript.Properties.PropertiesService {
  const handOut = (store: FakeProperties): GoogleAppsScript.Properties.Properties => {
    if (store.self === store) store.self = counted(ctx, 'Properties', store);
    return store.self as unknown as GoogleAppsScript.Properties.Properties;
  };
  const document =
    typeof stores.document === 'function' ? stores.document : () => stores.document as FakeProperties;
  return counted(ctx, 'PropertiesService', {
    getScriptProperties: () => {
      guard?.('getScriptProperties');
      return handOut(stores.script);
    },
    getUserProperties: () => {
      guard?.('getUserProperties');
      return handOut(stores.user);
    },
    getDocumentProperties: () => {
      guard?.('getDocumentProperties');
      const store = document();
      // The @types say Properties; the reference says "or null".
      return store ? handOut(store) : (null as unknown as GoogleAppsScript.Properties.Properties);
    },
  });
}
