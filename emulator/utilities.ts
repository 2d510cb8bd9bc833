// Utilities: formatDate (Java SimpleDateFormat patterns over Intl), parseCsv, formatString, sleep, UUIDs,
// base64 and a minimal Blob.

import { counted, type EmulatorContext, enumOf, isDate } from './context';
import { DAYS, MONTHS, toWallClock } from './number-format';

/** Utilities.Charset values. */
export const Charset = enumOf('US_ASCII', 'UTF_8');

/** The text Apps Script throws when parseCsv meets malformed input. */
export const PARSE_CSV_MESSAGE = 'Could not parse text.';
/** "The maximum allowed value is 300000 (or 5 minutes)." */
export const MAX_SLEEP_MS = 300_000;

// ---------- bytes ----------

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** Java bytes are signed: -128..127. */
function toSigned(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}
function fromSigned(bytes: ArrayLike<number>): Uint8Array {
  return Uint8Array.from(Array.from(bytes), (b) => b & 0xff);
}
function encode(text: string, charset?: unknown): Uint8Array {
  if (charset === Charset.US_ASCII)
    return Uint8Array.from(text, (c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : 63));
  return encoder.encode(text);
}
function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
function fromBase64(text: string): Uint8Array {
  const clean = String(text).replace(/\s+/g, '');
  let bin: string;
  try {
    bin = atob(clean);
  } catch {
    throw new Error('Could not decode string.');
  }
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

// ---------- Blob ----------

/** A minimal Blob: bytes, a content type and a name. */
export class FakeBlob {
  private bytes: Uint8Array;
  private name: string | null;
  private contentType: string | null;
  self: this = this;

  constructor(
    private readonly ctx: EmulatorContext,
    data: string | ArrayLike<number>,
    contentType?: string | null,
    name?: string | null,
  ) {
    this.bytes = typeof data === 'string' ? encoder.encode(data) : fromSigned(data);
    this.contentType = contentType ?? (typeof data === 'string' ? 'text/plain' : null);
    this.name = name ?? null;
  }
  getDataAsString(charset?: string): string {
    if (charset === Charset.US_ASCII)
      return Array.from(this.bytes, (b) => String.fromCharCode(b & 0x7f)).join('');
    return decoder.decode(this.bytes);
  }
  setDataFromString(text: string): this {
    this.bytes = encoder.encode(String(text));
    return this.self;
  }
  getBytes(): number[] {
    return this.ctx.realm.Array.from(toSigned(this.bytes));
  }
  setBytes(data: ArrayLike<number>): this {
    this.bytes = fromSigned(data);
    return this.self;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): this {
    this.name = String(name);
    return this.self;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): this {
    this.contentType = contentType;
    return this.self;
  }
  copyBlob(): GoogleAppsScript.Base.Blob {
    return newBlob(this.ctx, toSigned(this.bytes), this.contentType, this.name);
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.self as unknown as GoogleAppsScript.Base.Blob;
  }
  isGoogleType(): boolean {
    return false;
  }
}

/** Creates a counted Blob. */
export function newBlob(
  ctx: EmulatorContext,
  data: string | ArrayLike<number>,
  contentType?: string | null,
  name?: string | null,
): GoogleAppsScript.Base.Blob {
  const blob = new FakeBlob(ctx, data, contentType, name);
  blob.self = counted(ctx, 'Blob', blob);
  return blob.self as unknown as GoogleAppsScript.Base.Blob;
}

// ---------- formatDate ----------

interface Fields {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number; // 0..23
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
  /** Minutes east of UTC. */
  offset: number;
}

/** `GMT`, `UTC`, `GMT+1`, `GMT+05:30`, `UTC-8` → fixed offset in minutes; otherwise null. */
function fixedOffset(timeZone: string): number | null {
  const m = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(timeZone);
  if (!m) return null;
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** Checks a time zone the way Intl does; unknown ids throw (Java would silently use GMT: we are stricter). */
export function assertTimeZone(timeZone: unknown): string {
  if (typeof timeZone !== 'string' || timeZone === '') throw new Error('Invalid argument: timeZone');
  if (fixedOffset(timeZone) !== null) return timeZone;
  try {
    toWallClock(0, timeZone);
  } catch {
    throw new Error(`Invalid argument: timeZone (unknown time zone ${timeZone})`);
  }
  return timeZone;
}

function fieldsOf(ms: number, timeZone: string): Fields {
  const fixed = fixedOffset(timeZone);
  if (fixed !== null) {
    const d = new Date(ms + fixed * 60_000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      ms: d.getUTCMilliseconds(),
      weekday: d.getUTCDay(),
      offset: fixed,
    };
  }
  const w = toWallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return {
    year: w.year,
    month: w.month,
    day: w.day,
    hour: w.hour,
    minute: w.minute,
    second: w.second,
    ms: w.millisecond,
    weekday: w.weekday,
    offset: Math.round((asUtc - ms) / 60_000),
  };
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function gmtOffset(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  return `GMT${sign}${pad(Math.floor(a / 60), 2)}:${pad(a % 60, 2)}`;
}

/** Short zone name as Java prints it for `z` (CET, CEST, PST, PDT, IST…), else `GMT+05:30`. */
function shortZoneName(ms: number, timeZone: string, offset: number): string {
  if (fixedOffset(timeZone) !== null)
    return offset === 0 ? (timeZone.startsWith('UTC') ? 'UTC' : 'GMT') : gmtOffset(offset);
  for (const locale of ['en-US', 'en-GB', 'en-IN']) {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name && !/^(GMT|UTC)[+-]/.test(name)) return name;
  }
  return gmtOffset(offset);
}

function longZoneName(ms: number, timeZone: string, offset: number): string {
  if (fixedOffset(timeZone) !== null) return gmtOffset(offset);
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'long' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')?.value;
  return name ?? gmtOffset(offset);
}

function dayOfYear(f: Fields): number {
  return Math.round((Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86_400_000) + 1;
}

function field(letter: string, count: number, f: Fields, ms: number, timeZone: string): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[f.month - 1]!;
      if (count === 3) return MONTHS[f.month - 1]!.slice(0, 3);
      return pad(f.month, count);
    case 'd':
      return pad(f.day, count);
    case 'D':
      return pad(dayOfYear(f), count);
    case 'E':
      return count >= 4 ? DAYS[f.weekday]! : DAYS[f.weekday]!.slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.ms, count);
    case 'z':
      return count >= 4 ? longZoneName(ms, timeZone, f.offset) : shortZoneName(ms, timeZone, f.offset);
    case 'Z': {
      const a = Math.abs(f.offset);
      return `${f.offset < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}${pad(a % 60, 2)}`;
    }
    case 'X': {
      if (f.offset === 0) return 'Z';
      const a = Math.abs(f.offset);
      const head = `${f.offset < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}`;
      if (count === 1) return head;
      return `${head}${count >= 3 ? ':' : ''}${pad(a % 60, 2)}`;
    }
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/**
 * "Formats date according to specification described in Java SE SimpleDateFormat class."
 * Letters supported: G y Y M L d D E u a H k K h m s S z Z X; 'quoted text' and '' for a quote.
 */
export function formatDate(date: unknown, timeZone: unknown, format: unknown): string {
  if (!isDate(date)) throw new Error('Invalid argument: date');
  const tz = assertTimeZone(timeZone);
  if (typeof format !== 'string') throw new Error('Invalid argument: format');
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error('Invalid argument: date');
  const f = fieldsOf(ms, tz);
  let out = '';
  let i = 0;
  while (i < format.length) {
    const c = format[i]!;
    if (c === "'") {
      if (format[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let lit = '';
      for (;;) {
        if (j >= format.length) throw new Error('Unterminated quote');
        if (format[j] === "'") {
          if (format[j + 1] === "'") {
            lit += "'";
            j += 2;
            continue;
          }
          break;
        }
        lit += format[j];
        j++;
      }
      out += lit;
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let n = 1;
      while (format[i + n] === c) n++;
      out += field(c, n, f, ms, tz);
      i += n;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

// ---------- parseCsv ----------

/** RFC 4180: fields in double quotes may hold the delimiter, CR/LF and "" for a quote. */
export function parseCsvRows(csv: string, delimiter = ','): string[][] {
  if (typeof csv !== 'string') throw new Error('Invalid argument: csv');
  if (typeof delimiter !== 'string' || delimiter.length !== 1) throw new Error('Invalid argument: delimiter');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  let afterQuote = false;
  const endCell = (): void => {
    row.push(cell);
    cell = '';
    afterQuote = false;
  };
  const endRow = (): void => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < csv.length) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"') {
        if (csv[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
        i++;
        continue;
      }
      cell += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (cell !== '' || afterQuote) throw new Error(PARSE_CSV_MESSAGE);
      quoted = true;
      i++;
    } else if (c === delimiter) {
      endCell();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && csv[i + 1] === '\n' ? 2 : 1;
    } else {
      if (afterQuote) throw new Error(PARSE_CSV_MESSAGE);
      cell += c;
      i++;
    }
  }
  if (quoted) throw new Error(PARSE_CSV_MESSAGE);
  if (cell !== '' || afterQuote || row.length > 0) endRow();
  return rows;
}

// ---------- formatString ----------

/** sprintf-like: %s %d %i %f %e %x %o %c %% with flags (-, 0, +, space), width and precision. */
export function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifeExXoc%])/g,
    (_m, flags: string, width?: string, precision?: string, conv?: string) => {
      if (conv === '%') return '%';
      if (next >= args.length) throw new Error('Too few arguments for the format string.');
      const v = args[next++];
      let s: string;
      const num = Number(v);
      switch (conv) {
        case 's':
          s = String(v);
          if (precision !== undefined) s = s.slice(0, Number(precision));
          break;
        case 'd':
        case 'i':
          s = String(Math.trunc(num));
          break;
        case 'f':
          s = num.toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 'e':
        case 'E':
          s = num.toExponential(precision === undefined ? 6 : Number(precision));
          if (conv === 'E') s = s.toUpperCase();
          break;
        case 'x':
        case 'X':
          s = Math.trunc(num).toString(16);
          if (conv === 'X') s = s.toUpperCase();
          break;
        case 'o':
          s = Math.trunc(num).toString(8);
          break;
        default:
          s = typeof v === 'number' ? String.fromCharCode(v) : String(v).charAt(0);
      }
      if (conv !== 's' && conv !== 'c' && num >= 0) {
        if (flags.includes('+')) s = `+${s}`;
        else if (flags.includes(' ')) s = ` ${s}`;
      }
      const w = width === undefined ? 0 : Number(width);
      if (s.length < w) {
        if (flags.includes('-')) s = s + ' '.repeat(w - s.length);
        else if (flags.includes('0') && conv !== 's') {
          const sign = /^[+\- ]/.test(s) ? s[0] : '';
          s = sign + '0'.repeat(w - s.length) + s.slice(sign.length);
        } else s = ' '.repeat(w - s.length) + s;
      }
      return s;
    },
  );
}

// ---------- the service ----------

/** A small deterministic generator, so UUIDs repeat from one test run to the next. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

/** The Utilities service. */
export class FakeUtilities {
  readonly Charset = Charset as unknown as typeof GoogleAppsScript.Utilities.Charset;
  private readonly random: () => number;
  /** Milliseconds "slept" in total (test helper). */
  slept = 0;

  constructor(private readonly ctx: EmulatorContext) {
    this.random = rng(ctx.clock.now() % 2 ** 31);
  }

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    return formatDate(date, timeZone, format);
  }
  /** "Returns a tabular 2D array representation of a CSV string." */
  parseCsv(csv: string, delimiter?: string): string[][] {
    const rows = parseCsvRows(csv, delimiter ?? ',');
    return this.ctx.realm.Array.from(rows, (r) => this.ctx.realm.Array.from(r));
  }
  /** "Performs sprintf-like string formatting using '%'-style format strings." */
  formatString(template: string, ...args: unknown[]): string {
    return formatString(template, args);
  }
  /** "Sleeps for specified number of milliseconds." The emulator only moves its clock. */
  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (typeof milliseconds !== 'number' || !Number.isFinite(ms) || ms < 0) {
      throw new Error('Invalid argument: milliseconds');
    }
    if (ms > MAX_SLEEP_MS) throw new Error('Argument too large: milliseconds');
    this.ctx.clock.advance(ms);
    this.slept += ms;
  }
  /** "Get a UUID as a string (equivalent to using the java.util.UUID.randomUUID() method)." */
  getUuid(): string {
    const hex = Array.from({ length: 4 }, () => this.random().toString(16).padStart(8, '0')).join('');
    const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
  /** "Generates a base-64 encoded string from the given string or byte array." */
  base64Encode(data: string | number[], charset?: string): string {
    return toBase64(typeof data === 'string' ? encode(data, charset) : fromSigned(data));
  }
  base64EncodeWebSafe(data: string | number[], charset?: string): string {
    return this.base64Encode(data, charset).replace(/\+/g, '-').replace(/\//g, '_');
  }
  /** "Decodes a base-64 encoded string into a UTF-8 byte array." */
  base64Decode(encoded: string): number[] {
    return this.ctx.realm.Array.from(toSigned(fromBase64(encoded)));
  }
  base64DecodeWebSafe(encoded: string): number[] {
    return this.base64Decode(String(encoded).replace(/-/g, '+').replace(/_/g, '/'));
  }
  /** newBlob(data[, contentType[, name]]). */
  newBlob(data: string | number[], contentType?: string, name?: string): GoogleAppsScript.Base.Blob {
    return newBlob(this.ctx, data, contentType, name);
  }
}

/** Creates the counted Utilities service. */
export function createUtilities(ctx: EmulatorContext): {
  utilities: FakeUtilities;
  Utilities: GoogleAppsScript.Utilities.Utilities;
} {
  const utilities = new FakeUtilities(ctx);
  return {
    utilities,
    Utilities: counted(ctx, 'Utilities', utilities) as unknown as GoogleAppsScript.Utilities.Utilities,
  };
}
