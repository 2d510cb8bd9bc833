// Sheets number formats: renders cell values as the display text Sheets shows, in a time zone.

/** Wall-clock parts of an instant in a time zone. */
export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Whether Intl knows a time zone id. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of an instant (epoch ms) in a time zone. */
export function toWallClock(ms: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '0';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    second: Number(get('second')),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(get('weekday')),
  };
}

const MS_PER_DAY = 86_400_000;

/**
 * The instant (epoch ms) at which a time zone's wall clock shows the given time. A time skipped by a
 * DST change (in the gap) moves forward by the gap, whichever side of UTC the zone is (São Paulo
 * skipped midnight on 2018-11-04: 00:00 reads as 01:00 that day, never 23:00 the day before); a time
 * that happens twice (clocks set back) is its earlier instant. That is how ECMA-262 resolves a local
 * time (UTC(t): "t represents a local time skipped at a positive time zone transition … the last
 * local time before the transition" gives the offset; of repeated instants the first), so how
 * `new Date(y, m, d, h)` reads in a script of that zone, and java.time's ZonedDateTime ("the local
 * date-time is adjusted to be later by the length of the gap"; an overlap keeps the earlier offset).
 * Like core/dates' zonedToInstant, it tries the offsets in force a day before and a day after.
 */
export function fromWallClock(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const target = Date.UTC(year, month - 1, day, hour, minute, second);
  /** The zone's offset from UTC at instant `ms`, in ms. */
  const offsetAt = (ms: number) => {
    const w = toWallClock(ms, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - (ms - w.millisecond);
  };
  const before = offsetAt(target - MS_PER_DAY);
  const after = offsetAt(target + MS_PER_DAY);
  if (before === after) return target - before;
  // Near a change: of the instants either offset gives, those whose wall clock reads the target.
  const early = target - before;
  const late = target - after;
  const fits = [early, late].filter((ms, i) => offsetAt(ms) === (i === 0 ? before : after));
  if (fits.length > 0) return Math.min(...fits);
  // In the gap: the offset in force before the change moves the time forward by the gap.
  return early;
}

/** The format getNumberFormat() reports for a cell with the automatic format. */
export const AUTOMATIC_FORMAT = '0.###############';

/** English month and day names, shared with Utilities.formatDate. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Renders a number the way the automatic format does: integers plain, else up to 10 significant digits. */
export function formatAutomaticNumber(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    const [m, e] = n.toExponential(2).split('e');
    const exp = Number(e);
    return `${m}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const s = n.toPrecision(10);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

type Token = { kind: 'lit'; text: string } | { kind: 'date'; code: string };

function tokenizeDate(format: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      tokens.push({ kind: 'lit', text: format.slice(i + 1, stop) });
      i = stop + 1;
      continue;
    }
    if (ch === '\\') {
      tokens.push({ kind: 'lit', text: format[i + 1] ?? '' });
      i += 2;
      continue;
    }
    const rest = format.slice(i);
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) {
      tokens.push({ kind: 'date', code: ampm[1].toLowerCase() === 'a/p' ? 'a/p' : 'am/pm' });
      i += ampm[1].length;
      continue;
    }
    const lower = ch.toLowerCase();
    if ('ymdhs'.includes(lower)) {
      let j = i;
      while (j < format.length && format[j].toLowerCase() === lower) j++;
      tokens.push({ kind: 'date', code: lower.repeat(j - i) });
      i = j;
      continue;
    }
    tokens.push({ kind: 'lit', text: ch });
    i++;
  }
  // 'm'/'mm' right after an hour or right before a second means minutes.
  const dateIdx = tokens.map((t, k) => (t.kind === 'date' ? k : -1)).filter((k) => k >= 0);
  for (let n = 0; n < dateIdx.length; n++) {
    const t = tokens[dateIdx[n]] as { kind: 'date'; code: string };
    if (t.code !== 'm' && t.code !== 'mm') continue;
    const prev = n > 0 ? (tokens[dateIdx[n - 1]] as { code: string }).code : '';
    const next = n + 1 < dateIdx.length ? (tokens[dateIdx[n + 1]] as { code: string }).code : '';
    if (prev.startsWith('h') || next.startsWith('s')) t.code = t.code === 'm' ? 'M' : 'MM';
  }
  return tokens;
}

/** Whether a number format is a date/time format (has y, m, d, h or s outside quotes and no 0/#). */
export function isDateFormat(format: string): boolean {
  const stripped = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymdhs]/i.test(stripped) && !/[0#]/.test(stripped);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Renders an instant with a date/time format in a time zone. */
export function formatDate(ms: number, format: string, timeZone: string): string {
  const w = toWallClock(ms, timeZone);
  const tokens = tokenizeDate(format);
  const hasAmPm = tokens.some((t) => t.kind === 'date' && (t.code === 'am/pm' || t.code === 'a/p'));
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'lit') {
      out += t.text;
      continue;
    }
    const h12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
    switch (t.code) {
      case 'y':
      case 'yy':
        out += pad(w.year % 100, 2);
        break;
      case 'm':
        out += String(w.month);
        break;
      case 'mm':
        out += pad(w.month, 2);
        break;
      case 'mmm':
        out += MONTHS[w.month - 1].slice(0, 3);
        break;
      case 'mmmmm':
        out += MONTHS[w.month - 1][0];
        break;
      case 'd':
        out += String(w.day);
        break;
      case 'dd':
        out += pad(w.day, 2);
        break;
      case 'ddd':
        out += DAYS[w.weekday].slice(0, 3);
        break;
      case 'h':
        out += String(hasAmPm ? h12 : w.hour);
        break;
      case 'hh':
        out += pad(hasAmPm ? h12 : w.hour, 2);
        break;
      case 'M':
        out += String(w.minute);
        break;
      case 'MM':
        out += pad(w.minute, 2);
        break;
      case 's':
        out += String(w.second);
        break;
      case 'ss':
        out += pad(w.second, 2);
        break;
      case 'am/pm':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'a/p':
        out += w.hour < 12 ? 'A' : 'P';
        break;
      default:
        if (t.code.startsWith('y')) out += String(w.year);
        else if (t.code.startsWith('mmmm')) out += MONTHS[w.month - 1];
        else if (t.code.startsWith('dddd')) out += DAYS[w.weekday];
        else if (t.code.startsWith('h')) out += pad(hasAmPm ? h12 : w.hour, 2);
        else if (t.code.startsWith('s')) out += pad(w.second, 2);
        else out += t.code;
    }
  }
  return out;
}

function stripQuoted(section: string): { prefix: string; core: string; suffix: string } {
  // Splits '"$"#,##0.00" USD"' into literal prefix, numeric core and literal suffix.
  let prefix = '';
  let suffix = '';
  let core = '';
  let i = 0;
  let seenCore = false;
  while (i < section.length) {
    const ch = section[i];
    let lit: string | null = null;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      lit = section.slice(i + 1, stop);
      i = stop + 1;
    } else if (ch === '\\') {
      lit = section[i + 1] ?? '';
      i += 2;
    } else if ('0#?.,'.includes(ch)) {
      core += ch;
      seenCore = true;
      i++;
      continue;
    } else {
      lit = ch;
      i++;
    }
    if (seenCore) suffix += lit;
    else prefix += lit;
  }
  return { prefix, core, suffix };
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Renders a number with a numeric format such as '0', '0.00', '#,##0', '0%', '$#,##0.00'. */
export function formatNumber(n: number, format: string): string {
  const sections = format.split(';');
  let section = sections[0];
  let value = n;
  if (n < 0 && sections.length > 1 && sections[1] !== '') {
    section = sections[1];
    value = -n;
  } else if (n === 0 && sections.length > 2 && sections[2] !== '') {
    section = sections[2];
  }
  const { prefix, core, suffix } = stripQuoted(section);
  if (!core) return prefix + suffix;
  const percent = (prefix + suffix).includes('%');
  if (percent) value *= 100;
  const dot = core.indexOf('.');
  const intPart = (dot < 0 ? core : core.slice(0, dot)).replace(/,+$/, '');
  const fracPart = dot < 0 ? '' : core.slice(dot + 1).replace(/,/g, '');
  const minFrac = (fracPart.match(/0/g) ?? []).length;
  const maxFrac = fracPart.length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const grouping = intPart.includes(',');
  const negative = value < 0;
  let fixed = Math.abs(value).toFixed(Math.min(maxFrac, 20));
  let [ip, fp = ''] = fixed.split('.');
  while (fp.length > minFrac && fp.endsWith('0')) fp = fp.slice(0, -1);
  if (ip === '0' && minInt === 0) ip = '';
  ip = ip.padStart(minInt, '0');
  if (grouping) ip = groupThousands(ip);
  fixed = fp ? `${ip}.${fp}` : maxFrac > 0 && minFrac === 0 && dot >= 0 && fp === '' ? ip : ip;
  const sign = negative && !/^0*\.?0*$/.test(fixed.replace(/,/g, '')) ? '-' : '';
  return `${sign}${prefix}${fixed}${suffix}`;
}

/** A value as the emulator stores it: a date is carried as epoch milliseconds. */
export type DisplayInput = string | number | boolean | { date: number };

/**
 * The text Sheets displays for a value under a number format (null/undefined/'' = automatic).
 * Automatic: integers plain, other numbers with up to 10 significant digits, booleans TRUE/FALSE,
 * dates 'M/d/yyyy' (or 'M/d/yyyy H:mm:ss' when the time of day is not midnight), in the en_US locale.
 */
export function formatValue(
  value: DisplayInput,
  format: string | null | undefined,
  timeZone: string,
): string {
  if (value === '' || value === null || value === undefined) return '';
  const fmt = format && format !== AUTOMATIC_FORMAT ? format : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    if (fmt.includes('@')) return fmt.replace(/"([^"]*)"/g, '$1').replace(/@/g, value);
    return value;
  }
  if (fmt === '@')
    return typeof value === 'number' ? formatAutomaticNumber(value) : formatDateAuto(value.date, timeZone);
  if (typeof value === 'number') {
    if (!fmt) return formatAutomaticNumber(value);
    if (isDateFormat(fmt)) return formatDate(serialToMillis(value, timeZone), fmt, timeZone);
    return formatNumber(value, fmt);
  }
  if (!fmt) return formatDateAuto(value.date, timeZone);
  if (isDateFormat(fmt)) return formatDate(value.date, fmt, timeZone);
  return formatNumber(millisToSerial(value.date, timeZone), fmt);
}

function formatDateAuto(ms: number, timeZone: string): string {
  const w = toWallClock(ms, timeZone);
  const midnight = w.hour === 0 && w.minute === 0 && w.second === 0;
  return formatDate(ms, midnight ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss', timeZone);
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** Sheets' serial day number (days since 1899-12-30, wall clock of the zone) of an instant. */
export function millisToSerial(ms: number, timeZone: string): number {
  const w = toWallClock(ms, timeZone);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return (wall - SERIAL_EPOCH) / MS_PER_DAY;
}

/** The instant of a serial day number, read as wall clock in the zone. */
export function serialToMillis(serial: number, timeZone: string): number {
  const wall = new Date(SERIAL_EPOCH + Math.round(serial * MS_PER_DAY));
  return fromWallClock(
    timeZone,
    wall.getUTCFullYear(),
    wall.getUTCMonth() + 1,
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
  );
}
