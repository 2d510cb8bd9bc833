// Availability to propose: your Settings availability overlapped with the contact's working hours, written in their time zone.

import {
  type Day,
  dayOf,
  isTimeZone,
  midnightOf,
  weekdayOf,
  ymdOf,
  zonedParts,
  zonedToInstant,
} from './dates';
import { inferTimeZone } from './locations';
import type { Contact } from './rows';
import type { Language } from './schema';
import type { Settings } from './settings';

/** A weekly window: these weekdays (0 = Sunday … 6 = Saturday), from startMin to endMin (minutes; 1440 = midnight at the end). */
export interface AvailabilityWindow {
  weekdays: number[];
  startMin: number;
  endMin: number;
}

/** Parsed availability, or a problem in plain words. */
export type AvailabilityParse = { ok: true; windows: AvailabilityWindow[] } | { ok: false; problem: string };

const DAY_NAMES: Record<string, number> = {};
(
  [
    [0, 'su sun sunday dim dimanche'],
    [1, 'mo mon monday lun lundi'],
    [2, 'tu tue tues tuesday mar mardi'],
    [3, 'we wed weds wednesday mer mercredi'],
    [4, 'th thu thur thurs thursday jeu jeudi'],
    [5, 'fr fri friday ven vendredi'],
    [6, 'sa sat saturday sam samedi'],
  ] as const
).forEach(([n, names]) => {
  for (const name of names.split(' ')) DAY_NAMES[name] = n;
});

const WEEKDAYS = [1, 2, 3, 4, 5];
const GROUPS: Record<string, number[]> = {
  weekdays: WEEKDAYS,
  weekday: WEEKDAYS,
  'en semaine': WEEKDAYS,
  semaine: WEEKDAYS,
  weekend: [0, 6],
  weekends: [0, 6],
  'week end': [0, 6],
  'le week end': [0, 6],
  daily: [0, 1, 2, 3, 4, 5, 6],
  everyday: [0, 1, 2, 3, 4, 5, 6],
  'every day': [0, 1, 2, 3, 4, 5, 6],
  'tous les jours': [0, 1, 2, 3, 4, 5, 6],
};

function plain(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function parseDays(text: string): number[] | string {
  let s = plain(text)
    .replace(/\./g, '')
    .replace(/[:]$/, '')
    .replace(/\s+(from|de|du)$/, '')
    .replace(/^(from|du|de)\s+/, '')
    .trim();
  if (!s) return WEEKDAYS;
  if (GROUPS[s]) return GROUPS[s];
  s = s.replace(/\s+(to|through|thru|au|a)\s+/g, '-').replace(/\s*-\s*/g, '-');
  const days = new Set<number>();
  for (const item of s.split(/[\s,/+&]+|\bet\b|\band\b/).filter(Boolean)) {
    const [a, b, extra] = item.split('-');
    const from = DAY_NAMES[a ?? ''];
    if (from === undefined) return `"${a}" is not a day (use Mon, Tue… or Lun, Mar…)`;
    if (b === undefined) {
      days.add(from);
      continue;
    }
    const to = DAY_NAMES[b];
    if (to === undefined || extra !== undefined) return `"${item}" is not a range of days like Mon-Fri`;
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
  }
  return [...days].sort((x, y) => x - y);
}

const TIME = String.raw`(\d{1,2})(?:\s*[:h.]\s*(\d{2}))?\s*(am|pm|h)?`;
const RANGE = new RegExp(`^${TIME}\\s*(?:-|to|until|till|a|au|jusqu'a)\\s*${TIME}$`);

function minutes(h: string, m: string | undefined, suffix: string | undefined): number | null {
  let hour = Number(h);
  const min = m === undefined ? 0 : Number(m);
  if (min > 59) return null;
  if (suffix === 'am' || suffix === 'pm') {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (suffix === 'pm' ? 12 : 0);
  }
  if (hour > 24 || (hour === 24 && min > 0)) return null;
  return hour * 60 + min;
}

function parseRange(text: string): { startMin: number; endMin: number } | string {
  const s = plain(text).replace(/\b([ap])\.?m\.?(?=\s|$|-)/g, '$1m');
  const m = RANGE.exec(s);
  if (!m) return `"${text.trim()}" is not a time range like 09:00-18:00 or 9h-18h`;
  const [, h1, m1, s1, h2, m2, s2] = m;
  let start = minutes(h1 ?? '', m1, s1);
  let end = minutes(h2 ?? '', m2, s2);
  // "1-5pm": the end's am/pm also applies to the start when that keeps the range in order.
  if (start !== null && end !== null && !s1 && (s2 === 'am' || s2 === 'pm')) {
    const withSuffix = minutes(h1 ?? '', m1, s2);
    if (withSuffix !== null && withSuffix < end) start = withSuffix;
  }
  if (start === null || end === null) return `"${text.trim()}" has a time that does not exist`;
  if (start === 1440) return `"${text.trim()}" starts at 24:00; use 0:00`;
  if (end === 0) end = 1440;
  if (end <= start)
    return `"${text.trim()}" ends before it starts; split a range that crosses midnight, e.g. "Fri 22-24; Sat 0-2"`;
  return { startMin: start, endMin: end };
}

/**
 * Parses an availability setting: segments separated by `;` or new lines, each days then one or
 * more time ranges separated by `,`. Days in English or French ("Mon-Fri", "Lun-Ven", "Mon Wed",
 * "weekdays", "tous les jours"; no days = Monday to Friday); times as "09:00-18:00", "9-17",
 * "9h-18h30", "9am-5pm". Examples: `Mon-Fri 09:00-18:00`, `Mon-Thu 9-17; Sat 10:00-12:00`,
 * `Lun-Ven 9h-12h, 14h-18h`.
 */
export function parseAvailability(text: string): AvailabilityParse {
  const windows: AvailabilityWindow[] = [];
  const segments = String(text ?? '')
    .split(/[;\n|]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (segments.length === 0) return { ok: false, problem: 'it is empty; write e.g. Mon-Fri 09:00-18:00' };
  for (const segment of segments) {
    // "Mon, Wed 9-12": days listed without times join the next days; "Mon-Fri 9-12, 14-18": a
    // range without days keeps the previous days.
    let pending: number[] = [];
    let current: number[] | null = null;
    for (const piece of segment.split(/,|&|\s(?:and|et)\s/i).map((p) => p.trim())) {
      if (!piece) continue;
      const firstDigit = piece.search(/\d/);
      const dayText = firstDigit < 0 ? piece : piece.slice(0, firstDigit);
      const timeText = firstDigit < 0 ? '' : piece.slice(firstDigit);
      if (dayText.trim()) {
        const days = parseDays(dayText);
        if (typeof days === 'string') return { ok: false, problem: days };
        if (!timeText) {
          pending.push(...days);
          continue;
        }
        current = [...pending, ...days];
        pending = [];
      } else if (pending.length > 0) {
        current = pending;
        pending = [];
      } else if (current === null) {
        current = WEEKDAYS;
      }
      const range = parseRange(timeText);
      if (typeof range === 'string') return { ok: false, problem: range };
      windows.push({ weekdays: [...new Set(current)].sort((a, b) => a - b), ...range });
    }
    if (pending.length > 0)
      return {
        ok: false,
        problem: `"${segment}" has no times; write e.g. ${segment} 09:00-18:00`,
      };
  }
  return { ok: true, windows };
}

/** A time range on one calendar day of the contact's zone (minutes; endMin 1440 = until midnight). */
export interface DayRanges {
  day: Day;
  ranges: { startMin: number; endMin: number }[];
}

/** The default of Settings "Their working hours": a contact's working hours, in their own zone. */
export const DEFAULT_WORKING_HOURS = 'Mon-Fri 09:00-18:00';

/** What availabilitySlots and availabilityText need. */
export interface AvailabilityOptions {
  /** Settings "Availability", read in your zone. */
  availability: string;
  /** Settings "Their working hours", read in the contact's zone (default Mon-Fri 09:00-18:00). */
  workingHours?: string;
  /** Your IANA zone (the zone the availability is written in). */
  yourTimeZone: string;
  /** The contact's IANA zone (the zone their working hours are in, and the text is written in). */
  contactTimeZone: string;
  /** Now, epoch ms. */
  now: number;
  language: Language;
  /** How many of their working days to look at (default 5). */
  days?: number;
}

/** Why no time can be proposed: a setting or zone that cannot be read, or no overlap at all. */
export type SlotsProblem = { ok: false; reason: 'setting' | 'zone' | 'no-overlap'; problem: string };

type Interval = [number, number];

function wallMinutes(ms: number, tz: string): number {
  const p = zonedParts(ms, tz);
  return p.hour * 60 + p.minute;
}

/** The instants of a weekly window on calendar day `d` of `tz` (empty when the window skips that weekday). */
function windowsOn(windows: readonly AvailabilityWindow[], d: Day, tz: string): Interval[] {
  const { year, month, day } = ymdOf(d);
  return windows
    .filter((w) => w.weekdays.includes(weekdayOf(d)))
    .map((w) => {
      const start = zonedToInstant(year, month, day, Math.floor(w.startMin / 60), w.startMin % 60, tz);
      const end =
        w.endMin >= 1440
          ? midnightOf(d + 1, tz)
          : zonedToInstant(year, month, day, Math.floor(w.endMin / 60), w.endMin % 60, tz);
      return [start, end] as Interval;
    })
    .filter(([a, b]) => b > a);
}

/** Merges overlapping or touching ranges of one day. */
function merge(list: { startMin: number; endMin: number }[]): { startMin: number; endMin: number }[] {
  const out: { startMin: number; endMin: number }[] = [];
  for (const r of [...list].sort((a, b) => a.startMin - b.startMin)) {
    const last = out[out.length - 1];
    if (last && r.startMin <= last.endMin) last.endMin = Math.max(last.endMin, r.endMin);
    else out.push({ ...r });
  }
  return out;
}

/**
 * The times to propose (PRODUCT.md point 17): the overlap of your Availability (in your zone)
 * and their working hours (in their zone), on their next working days from tomorrow (their
 * calendar), always looking at their next Friday too. Each day's ranges are in their zone; DST
 * and half-hour zones are handled by intersecting real instants. Never a time outside their
 * working hours: with no overlap at all, the result says so.
 */
export function availabilitySlots(opts: AvailabilityOptions): { ok: true; days: DayRanges[] } | SlotsProblem {
  const yours = parseAvailability(opts.availability);
  if (!yours.ok) return { ok: false, reason: 'setting', problem: `Availability: ${yours.problem}` };
  const hours = opts.workingHours?.trim() ? opts.workingHours : DEFAULT_WORKING_HOURS;
  const theirs = parseAvailability(hours);
  if (!theirs.ok) return { ok: false, reason: 'setting', problem: `Their working hours: ${theirs.problem}` };
  const mine = opts.yourTimeZone;
  const tz = opts.contactTimeZone;
  if (!isTimeZone(mine)) return { ok: false, reason: 'zone', problem: `"${mine}" is not a time zone` };
  if (!isTimeZone(tz)) return { ok: false, reason: 'zone', problem: `"${tz}" is not a time zone` };
  const wanted = Math.max(1, Math.floor(opts.days ?? 5));
  const today = dayOf(opts.now, tz);
  const workdays: Day[] = [];
  for (let d = today + 1; workdays.length < wanted && d <= today + 14; d++) {
    if (windowsOn(theirs.windows, d, tz).length > 0) workdays.push(d);
  }
  const friday = today + 1 + ((5 - weekdayOf(today + 1) + 7) % 7);
  if (!workdays.includes(friday)) workdays.push(friday);

  const days: DayRanges[] = [];
  for (const d of workdays.sort((a, b) => a - b)) {
    const ranges: { startMin: number; endMin: number }[] = [];
    const dayEnd = midnightOf(d + 1, tz);
    for (const [ts, te] of windowsOn(theirs.windows, d, tz)) {
      // Your calendar days that can touch this window.
      for (let y = dayOf(ts, mine) - 1; y <= dayOf(te - 1, mine) + 1; y++) {
        for (const [ys, ye] of windowsOn(yours.windows, y, mine)) {
          const start = Math.max(ts, ys);
          const end = Math.min(te, ye);
          if (end <= start) continue;
          ranges.push({
            startMin: wallMinutes(start, tz),
            endMin: end >= dayEnd ? 1440 : wallMinutes(end, tz),
          });
        }
      }
    }
    const merged = merge(ranges.filter((r) => r.endMin > r.startMin));
    if (merged.length > 0) days.push({ day: d, ranges: merged });
  }
  if (days.length === 0) {
    return {
      ok: false,
      reason: 'no-overlap',
      problem: noOverlapProblem(theirs.windows, hours, opts, workdays[0] ?? today + 1),
    };
  }
  return { ok: true, days };
}

/** "Your Availability … does not overlap …; their working hours are 11:00 pm – 8:00 am for you: widen …". */
function noOverlapProblem(
  theirs: readonly AvailabilityWindow[],
  hours: string,
  opts: AvailabilityOptions,
  sample: Day,
): string {
  const mine = opts.yourTimeZone;
  const yoursText = windowsOn(theirs, sample, opts.contactTimeZone)
    .map(
      ([a, b]) =>
        `${formatTime(wallMinutes(a, mine), 'English')} – ${formatTime(wallMinutes(b, mine) || 1440, 'English')}`,
    )
    .join(', ');
  return (
    `Your Availability (${opts.availability.trim()}, ${mine}) does not overlap their working hours ` +
    `(${hours.trim()}, ${opts.contactTimeZone}) on their next working days, so no time is proposed. ` +
    `${yoursText ? `Their working hours are ${yoursText} in your time zone: ` : ''}` +
    'widen your Availability in Settings to include some of them.'
  );
}

const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FR_DAYS = ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'];
const FR_MONTHS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];

/** "Tue 3 Mar" / "mar. 3 mars". */
export function formatDay(d: Day, language: Language): string {
  const { month, day } = ymdOf(d);
  const wd = weekdayOf(d);
  return language === 'Français'
    ? `${FR_DAYS[wd]} ${day} ${FR_MONTHS[month - 1]}`
    : `${EN_DAYS[wd]} ${day} ${EN_MONTHS[month - 1]}`;
}

/** "9:00 am", "1:30 pm", "midnight" / "9 h", "13 h 30", "24 h". `end` marks the end of a range. */
export function formatTime(min: number, language: Language): string {
  const h = Math.floor(min / 60);
  const m = min % 60;
  if (language === 'Français') return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
  if (min === 0 || min === 1440) return 'midnight';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${String(m).padStart(2, '0')} ${h < 12 ? 'am' : 'pm'}`;
}

/**
 * `{{availability}}`: the times to propose (see availabilitySlots), one line per day of theirs, as
 * wide ranges, in the template's language, then a line naming their zone:
 *
 *     Wed 11 Mar: 9:00 am – 1:00 pm
 *     (times in your time zone, America/New_York)
 *
 *     lun. 9 mars : 9 h – 13 h 30
 *     (heures dans votre fuseau horaire, Asia/Kolkata)
 *
 * Returns '' when nothing can be proposed (the placeholder then stays unfilled; availabilitySlots
 * says why).
 */
export function availabilityText(opts: AvailabilityOptions): string {
  const slots = availabilitySlots(opts);
  if (!slots.ok) return '';
  const fr = opts.language === 'Français';
  const lines = slots.days.map((d) => {
    const ranges = d.ranges
      .map((r) => `${formatTime(r.startMin, opts.language)} – ${formatTime(r.endMin, opts.language)}`)
      .join(', ');
    return `${formatDay(d.day, opts.language)}${fr ? ' : ' : ': '}${ranges}`;
  });
  lines.push(
    fr
      ? `(heures dans votre fuseau horaire, ${opts.contactTimeZone})`
      : `(times in your time zone, ${opts.contactTimeZone})`,
  );
  return lines.join('\n');
}

/** Where a contact's time zone came from. */
export type ZoneSource = 'time zone' | 'location' | 'your time zone' | 'spreadsheet';

/** Your zone: Settings "Your time zone" if set, else the spreadsheet's. */
export function yourZone(settings: Pick<Settings, 'yourTimeZone'>, spreadsheetTz: string): string {
  return settings.yourTimeZone && isTimeZone(settings.yourTimeZone) ? settings.yourTimeZone : spreadsheetTz;
}

/**
 * The contact's zone: their Time zone cell if it is a valid IANA name, else inferred from
 * Location (or from a place typed in the Time zone cell), else yours. `problem` names a Time
 * zone cell that could not be read.
 */
export function contactZone(
  contact: Pick<Contact, 'timeZone' | 'location'>,
  settings: Pick<Settings, 'yourTimeZone'>,
  spreadsheetTz: string,
): { timeZone: string; source: ZoneSource; problem?: string } {
  const typed = contact.timeZone.trim();
  if (typed && isTimeZone(typed)) return { timeZone: typed, source: 'time zone' };
  const problem = typed ? `Time zone "${typed}" is not a time zone name like Europe/Paris` : undefined;
  const inferred = inferTimeZone(contact.location) ?? (typed ? inferTimeZone(typed) : null);
  const withProblem = <T extends object>(r: T) => (problem ? { ...r, problem } : r);
  if (inferred) return withProblem({ timeZone: inferred, source: 'location' as const });
  if (settings.yourTimeZone && isTimeZone(settings.yourTimeZone))
    return withProblem({ timeZone: settings.yourTimeZone, source: 'your time zone' as const });
  return withProblem({ timeZone: spreadsheetTz, source: 'spreadsheet' as const });
}
