import { CallCounter, Clock, type EmulatorContext, hostRealm } from '../../emulator/context';
import { createUtilities, formatDate, PARSE_CSV_MESSAGE } from '../../emulator/utilities';

function setup() {
  const ctx: EmulatorContext = {
    realm: hostRealm(),
    clock: new Clock(Date.parse('2026-03-02T09:00:00Z')),
    calls: new CallCounter(),
    user: 'me@example.com',
  };
  return { ctx, ...createUtilities(ctx) };
}
const at = (iso: string) => new Date(iso);

describe('Utilities.formatDate', () => {
  // "Formats date according to specification described in Java SE SimpleDateFormat class."
  it('prints the fields of a Java SimpleDateFormat pattern in the given time zone', () => {
    expect(formatDate(at('2026-03-02T09:05:07.042Z'), 'Europe/Paris', 'yyyy-MM-dd HH:mm:ss.SSS')).toBe(
      '2026-03-02 10:05:07.042',
    );
    expect(formatDate(at('2026-03-02T09:05:07Z'), 'Europe/Paris', 'yy M d H m s')).toBe('26 3 2 10 5 7');
  });

  it('names months and weekdays in English, short and long', () => {
    expect(formatDate(at('2026-03-02T09:00:00Z'), 'Europe/Paris', 'EEE EEEE MMM MMMM')).toBe(
      'Mon Monday Mar March',
    );
  });

  it('prints 12-hour clocks with AM/PM, midnight and noon as 12', () => {
    expect(formatDate(at('2026-03-02T23:30:00Z'), 'Europe/Paris', 'hh:mm a')).toBe('12:30 AM');
    expect(formatDate(at('2026-03-02T11:00:00Z'), 'Europe/Paris', 'h a')).toBe('12 PM');
    expect(formatDate(at('2026-03-02T09:00:00Z'), 'America/Los_Angeles', 'h:mm a')).toBe('1:00 AM');
  });

  it("copies 'quoted literals' and turns '' into a single quote", () => {
    expect(formatDate(at('2026-03-02T09:00:00Z'), 'Europe/Paris', "yyyy-MM-dd'T'HH:mm 'o''clock' ''")).toBe(
      "2026-03-02T10:00 o'clock '",
    );
  });

  it('switches from CET to CEST when Paris moves its clocks forward on 2026-03-29', () => {
    const p = 'yyyy-MM-dd HH:mm:ss z Z XXX';
    expect(formatDate(at('2026-03-29T00:59:59Z'), 'Europe/Paris', p)).toBe(
      '2026-03-29 01:59:59 CET +0100 +01:00',
    );
    expect(formatDate(at('2026-03-29T01:00:00Z'), 'Europe/Paris', p)).toBe(
      '2026-03-29 03:00:00 CEST +0200 +02:00',
    );
  });

  it('prints 02:30 twice when Paris moves its clocks back on 2026-10-25, with different offsets', () => {
    const p = 'HH:mm z Z';
    expect(formatDate(at('2026-10-25T00:30:00Z'), 'Europe/Paris', p)).toBe('02:30 CEST +0200');
    expect(formatDate(at('2026-10-25T01:30:00Z'), 'Europe/Paris', p)).toBe('02:30 CET +0100');
  });

  it('uses PST and PDT in America/Los_Angeles, around its own switch on 2026-03-08', () => {
    const p = 'yyyy-MM-dd HH:mm z Z X';
    expect(formatDate(at('2026-03-08T09:59:00Z'), 'America/Los_Angeles', p)).toBe(
      '2026-03-08 01:59 PST -0800 -08',
    );
    expect(formatDate(at('2026-03-08T10:00:00Z'), 'America/Los_Angeles', p)).toBe(
      '2026-03-08 03:00 PDT -0700 -07',
    );
  });

  it('handles the half-hour offset of Asia/Kolkata', () => {
    expect(formatDate(at('2026-03-02T09:00:00Z'), 'Asia/Kolkata', 'HH:mm z Z XXX X')).toBe(
      '14:30 IST +0530 +05:30 +05',
    );
  });

  it('prints Z for a zero offset with X patterns, and accepts GMT offsets as time zones', () => {
    expect(formatDate(at('2026-03-02T09:00:00Z'), 'UTC', 'HH:mm XXX')).toBe('09:00 Z');
    expect(formatDate(at('2026-03-02T09:00:00Z'), 'GMT+05:30', 'HH:mm Z')).toBe('14:30 +0530');
  });

  it('refuses pattern letters SimpleDateFormat does not know', () => {
    expect(() => formatDate(at('2026-03-02T09:00:00Z'), 'UTC', 'yyyy-qq')).toThrow(
      "Illegal pattern character 'q'",
    );
  });

  it('refuses an unknown time zone instead of silently using GMT like Java', () => {
    expect(() => formatDate(at('2026-03-02T09:00:00Z'), 'Europe/Pariss', 'yyyy')).toThrow(
      'Invalid argument: timeZone',
    );
  });

  it('refuses something that is not a Date, from any realm', () => {
    expect(() => formatDate('2026-03-02', 'UTC', 'yyyy')).toThrow('Invalid argument: date');
  });
});

describe('Utilities.parseCsv', () => {
  // "Returns a tabular 2D array representation of a CSV string."
  it('splits rows on LF and CRLF and cells on commas', () => {
    const { Utilities } = setup();
    expect(Utilities.parseCsv('a,b\r\nc,d\ne,f\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('keeps delimiters, newlines and doubled quotes inside quoted fields (RFC 4180)', () => {
    const { Utilities } = setup();
    expect(Utilities.parseCsv('"Smith, Jo","line1\r\nline2","say ""hi"""\n')).toEqual([
      ['Smith, Jo', 'line1\r\nline2', 'say "hi"'],
    ]);
  });

  it('accepts another delimiter and keeps empty cells', () => {
    const { Utilities } = setup();
    expect(Utilities.parseCsv('a\t\tc', '\t')).toEqual([['a', '', 'c']]);
  });

  it('throws on an unterminated quote', () => {
    const { Utilities } = setup();
    expect(() => Utilities.parseCsv('"abc')).toThrow(PARSE_CSV_MESSAGE);
  });

  it('returns arrays of the bundle realm', () => {
    const { ctx, Utilities } = setup();
    const rows = Utilities.parseCsv('a');
    expect(rows).toBeInstanceOf(ctx.realm.Array);
    expect(rows[0]).toBeInstanceOf(ctx.realm.Array);
  });
});

describe('Utilities, other methods', () => {
  it('formatString does sprintf-like formatting', () => {
    const { Utilities } = setup();
    expect(Utilities.formatString('%s has %d rows, %.2f%% done, %05d', 'Sheet', 12.7, 99.5, 42)).toBe(
      'Sheet has 12 rows, 99.50% done, 00042',
    );
  });

  it('sleep moves the emulator clock instead of waiting', () => {
    const { ctx, Utilities } = setup();
    const before = ctx.clock.now();
    Utilities.sleep(1500);
    expect(ctx.clock.now() - before).toBe(1500);
  });

  it('sleep refuses more than 300000 ms ("The maximum allowed value is 300000")', () => {
    const { Utilities } = setup();
    expect(() => Utilities.sleep(300_001)).toThrow();
  });

  it('getUuid returns distinct version-4 UUIDs', () => {
    const { Utilities } = setup();
    const a = Utilities.getUuid();
    const b = Utilities.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });

  it('base64 round-trips UTF-8 text, and decodes to signed Java bytes', () => {
    const { Utilities } = setup();
    const encoded = Utilities.base64Encode('héllo');
    expect(encoded).toBe('aMOpbGxv');
    expect(Utilities.base64Decode(encoded)).toEqual([104, -61, -87, 108, 108, 111]);
    expect(Utilities.newBlob(Utilities.base64Decode(encoded)).getDataAsString()).toBe('héllo');
  });

  it('newBlob keeps data, content type and name', () => {
    const { Utilities } = setup();
    const blob = Utilities.newBlob('a,b', 'text/csv', 'x.csv');
    expect(blob.getDataAsString()).toBe('a,b');
    expect(blob.getContentType()).toBe('text/csv');
    expect(blob.setName('y.csv').getName()).toBe('y.csv');
    expect(blob.getBytes()).toEqual([97, 44, 98]);
  });

  it('has the Charset enum and counts calls as Utilities.method', () => {
    const { ctx, Utilities } = setup();
    expect(Utilities.Charset.UTF_8).toBe('UTF_8');
    Utilities.formatDate(new Date(), 'UTC', 'yyyy');
    expect(ctx.calls.get('Utilities.formatDate')).toBe(1);
  });
});
