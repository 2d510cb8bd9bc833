// Calendar days and time-zone arithmetic with Intl only (no Apps Script), for follow-ups and availability.

/** A calendar day, as days since 1970-01-01 (a plain integer, so day arithmetic is exact). */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a time zone. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The wall-clock fields of `ms` in `timeZone`. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) out[p.type] = p.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour) % 24,
    minute: Number(out.minute),
    second: Number(out.second),
    weekday: WEEKDAYS.indexOf(out.weekday ?? 'Sun'),
  };
}

/** Whether a string is an IANA time zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  if (!tz || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$|^UTC$|^GMT$/.test(tz)) return false;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `timeZone` from UTC at instant `ms`, in minutes (Paris in winter: +60). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the wall clock in `timeZone` reads the given fields. A time skipped by a DST
 * change (in the gap) moves forward by the gap, whichever side of UTC the zone is (São Paulo skipped
 * midnight in 2018: 00:00 reads as 01:00); a time that happens twice gives one of its two instants.
 */
export function zonedToInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const offset = offsetMinutes(guess, timeZone);
  const ms = guess - offset * 60_000;
  if (offsetMinutes(ms, timeZone) === offset) return ms;
  // Near a change: try the offsets in force a day before and a day after.
  const before = offsetMinutes(guess - MS_PER_DAY, timeZone);
  const after = offsetMinutes(guess + MS_PER_DAY, timeZone);
  const early = guess - before * 60_000;
  const late = guess - after * 60_000;
  if (offsetMinutes(early, timeZone) === before) return early;
  if (offsetMinutes(late, timeZone) === after) return late;
  // In the gap: the offset in force before the change moves the time forward by the gap.
  return early;
}

const dayCache = new Map<string, Map<number, Day>>();

/** The calendar day of an instant in a time zone (memoised: sheets repeat the same dates). */
export function dayOf(ms: number, timeZone: string): Day {
  let cache = dayCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    dayCache.set(timeZone, cache);
  }
  let d = cache.get(ms);
  if (d === undefined) {
    const p = zonedParts(ms, timeZone);
    d = Math.round(Date.UTC(p.year, p.month - 1, p.day) / MS_PER_DAY);
    if (cache.size > 50_000) cache.clear();
    cache.set(ms, d);
  }
  return d;
}

/** Day from year, month (1–12), day of month. */
export function dayFromYmd(year: number, month: number, day: number): Day {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Day → {year, month, day}. */
export function ymdOf(d: Day): { year: number; month: number; day: number } {
  const dt = new Date(d * MS_PER_DAY);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

/** Day of week of a Day: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(d: Day): number {
  return new Date(d * MS_PER_DAY).getUTCDay();
}

/** 'YYYY-MM-DD' of a Day. */
export function isoDay(d: Day): string {
  const { year, month, day } = ymdOf(d);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses 'YYYY-MM-DD' to a Day, or null. */
export function parseIsoDay(s: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const d = dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  return isoDay(d) === s.trim() ? d : null;
}

/** The instant of midnight starting `d` in `timeZone` (what a date-only cell holds). */
export function midnightOf(d: Day, timeZone: string): number {
  const { year, month, day } = ymdOf(d);
  return zonedToInstant(year, month, day, 0, 0, timeZone);
}
