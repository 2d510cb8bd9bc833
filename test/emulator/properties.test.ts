import { CallCounter, Clock, type EmulatorContext, hostRealm } from '../../emulator/context';
import {
  createPropertiesService,
  createPropertyStores,
  STORE_FULL_MESSAGE,
  VALUE_TOO_LARGE_MESSAGE,
} from '../../emulator/properties';

function setup(guard?: (method: string) => void) {
  const ctx: EmulatorContext = {
    realm: hostRealm(),
    clock: new Clock(0),
    calls: new CallCounter(),
    user: 'me@x.com',
  };
  const stores = createPropertyStores(ctx);
  return { ctx, stores, PropertiesService: createPropertiesService(ctx, stores, guard) };
}

describe('PropertiesService', () => {
  it('keeps script, user and document properties in three separate stores', () => {
    const { PropertiesService, stores } = setup();
    PropertiesService.getScriptProperties().setProperty('k', 'script');
    PropertiesService.getUserProperties().setProperty('k', 'user');
    PropertiesService.getDocumentProperties().setProperty('k', 'doc');
    expect(PropertiesService.getScriptProperties().getProperty('k')).toBe('script');
    expect(PropertiesService.getUserProperties().getProperty('k')).toBe('user');
    expect(PropertiesService.getDocumentProperties().getProperty('k')).toBe('doc');
    PropertiesService.getUserProperties().deleteAllProperties();
    expect(stores.script.data.get('k')).toBe('script');
  });

  // "The Properties service stores all data as strings in key-value pairs. Data types that are not already
  // strings are automatically converted to strings"
  it('stores every value as a string', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getDocumentProperties();
    p.setProperty('n', 42 as unknown as string).setProperties({ b: true, o: { a: 1 } } as unknown as Record<
      string,
      string
    >);
    expect(p.getProperty('n')).toBe('42');
    expect(p.getProperty('b')).toBe('true');
    expect(p.getProperty('o')).toBe('[object Object]');
  });

  // "or null if no such key exists"
  it('returns null for a missing key', () => {
    const { PropertiesService } = setup();
    expect(PropertiesService.getScriptProperties().getProperty('missing')).toBeNull();
  });

  it('getProperties returns a copy, not a live view', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getUserProperties().setProperty('a', '1');
    const copy = p.getProperties();
    copy.a = '2';
    expect(p.getProperty('a')).toBe('1');
    expect(p.getKeys()).toEqual(['a']);
  });

  it('setProperties with deleteAllOthers replaces the whole store', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getScriptProperties().setProperties({ a: '1', b: '2' });
    p.setProperties({ c: '3' }, true);
    expect(p.getProperties()).toEqual({ c: '3' });
    expect(p.deleteProperty('c').getKeys()).toEqual([]);
  });

  it(`throws "${VALUE_TOO_LARGE_MESSAGE}" for a value over 9 KB`, () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getScriptProperties();
    expect(() => p.setProperty('ok', 'x'.repeat(9 * 1024))).not.toThrow();
    expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(VALUE_TOO_LARGE_MESSAGE);
    expect(p.getProperty('big')).toBeNull();
  });

  it('throws when a store would hold more than 500 KB, and keeps it unchanged', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getDocumentProperties();
    const chunk = 'x'.repeat(9000);
    for (let i = 0; i < 56; i++) p.setProperty(`k${i}`, chunk);
    expect(() => p.setProperty('k56', chunk)).toThrow(STORE_FULL_MESSAGE);
    expect(p.getKeys()).toHaveLength(56);
  });

  it('refuses a missing value rather than storing "undefined"', () => {
    const { PropertiesService } = setup();
    expect(() =>
      PropertiesService.getScriptProperties().setProperty('a', undefined as unknown as string),
    ).toThrow('Invalid argument: value');
  });

  it('counts calls, chained ones included, as Properties.method', () => {
    const { ctx, PropertiesService } = setup();
    PropertiesService.getUserProperties().setProperty('a', '1').setProperty('b', '2');
    expect(ctx.calls.get('PropertiesService.getUserProperties')).toBe(1);
    expect(ctx.calls.get('Properties.setProperty')).toBe(2);
  });

  it('lets the emulator refuse stores, e.g. in AuthMode.NONE', () => {
    const { PropertiesService } = setup((m) => {
      throw new Error(`no ${m}`);
    });
    expect(() => PropertiesService.getDocumentProperties()).toThrow('no getDocumentProperties');
  });
});
