// The Settings sheet: known settings, defaults, parsing with a clear message per bad value.

import { DEFAULT_WORKING_HOURS, parseAvailability } from './availability';
import { type Day, dayOf, isTimeZone, parseIsoDay } from './dates';
import { LANGUAGES, type Language, PLANS, type Plan } from './schema';
import { textKey } from './text';
import { type Cell, isBlank, isDate, parseYesNo } from './values';
import { defaultWeights, WEIGHTS, type WeightKey, type Weights } from './weights';

/** Parsed settings, every field filled (a bad or blank value falls back to its default). */
export interface Settings {
  yourName: string;
  yourSchool: string;
  sector: string;
  student: boolean;
  language: Language;
  /** IANA zone used to write availability; '' = the spreadsheet's. */
  yourTimeZone: string;
  availability: string;
  /** The contacts' working hours, in their own zones (PRODUCT.md point 17). */
  theirWorkingHours: string;
  plan: Plan;
  /** Last day of the Premium trial (spreadsheet time zone), or null when not on a trial. */
  trialEndsOn: Day | null;
  /** null = estimate from the plan and the sheet. */
  creditsLeft: number | null;
  picksPerCompany: number;
  answerWithinDays: number;
  thankWithinDays: number;
  noReplyAfterDays: number;
  applyWithinDays: number;
  shareOutcomeWithinDays: number;
  dailyDigest: boolean;
  weights: Weights;
}

/** One row of the Settings sheet as seeded by "Set up tracker". */
export interface SettingSpec {
  readonly name: string;
  /** The value written when the tracker is set up ('' = left blank). */
  readonly seed: string | number;
  readonly about: string;
  /** For list settings: the dropdown. */
  readonly list?: readonly string[];
}

const YES_NO_LIST = ['Yes', 'No'];

export const SETTING_SPECS: readonly SettingSpec[] = [
  { name: 'Your name', seed: '', about: 'Signs your messages ({{my_name}})' },
  { name: 'Your school', seed: '', about: 'Used to spot alumni' },
  { name: 'Sector', seed: '', about: 'Your field, for {{sector}} in templates' },
  { name: 'Student', seed: 'No', about: 'Yes adds a student line to first messages', list: YES_NO_LIST },
  { name: 'Language', seed: 'English', about: 'Language of drafted messages', list: LANGUAGES },
  { name: 'Your time zone', seed: '', about: 'IANA name, e.g. Europe/Paris; blank = the spreadsheet’s' },
  { name: 'Availability', seed: 'Mon-Fri 09:00-18:00', about: 'When you can take calls, in your time zone' },
  {
    name: 'Their working hours',
    seed: DEFAULT_WORKING_HOURS,
    about: 'Contacts’ working hours, in their own time zone: proposed times stay inside them',
  },
  { name: 'LinkedIn plan', seed: 'Recruiter Lite', about: 'Sets your monthly InMail credits', list: PLANS },
  {
    name: 'Premium trial ends on',
    seed: '',
    about: 'Optional date: from 5 days before, the advice counts the credits and picks left to use',
  },
  {
    name: 'InMail credits left',
    seed: '',
    about: 'Blank = estimated from your plan and the Messaged on dates',
  },
  {
    name: 'Picks per company',
    seed: 3,
    about: 'How many people to contact at each company (2–3; at most 10)',
  },
  { name: 'Answer within days', seed: 1, about: 'Answer a reply within this many days' },
  { name: 'Thank within days', seed: 1, about: 'Thank them this many days after the call' },
  { name: 'No reply after days', seed: 7, about: 'After this many days without reply, try someone else' },
  { name: 'Apply within days', seed: 2, about: 'Apply this many days after the referral' },
  {
    name: 'Share outcome within days',
    seed: 2,
    about: 'Tell your referrers the outcome within this many days',
  },
  {
    name: 'Daily digest email',
    seed: 'No',
    about: 'Yes emails you the overdue follow-ups each morning',
    list: YES_NO_LIST,
  },
  ...WEIGHTS.map((w) => ({ name: w.setting, seed: w.default, about: w.about })),
];

/** A bad value in Settings: which setting, which sheet row, and what is wrong. */
export interface SettingProblem {
  readonly setting: string;
  /** 1-based sheet row of the setting, or null when the setting row is missing. */
  readonly row: number | null;
  readonly message: string;
}

/** The default settings. */
export function defaultSettings(): Settings {
  return {
    yourName: '',
    yourSchool: '',
    sector: '',
    student: false,
    language: 'English',
    yourTimeZone: '',
    availability: 'Mon-Fri 09:00-18:00',
    theirWorkingHours: DEFAULT_WORKING_HOURS,
    plan: 'Recruiter Lite',
    trialEndsOn: null,
    creditsLeft: null,
    picksPerCompany: 3,
    answerWithinDays: 1,
    thankWithinDays: 1,
    noReplyAfterDays: 7,
    applyWithinDays: 2,
    shareOutcomeWithinDays: 2,
    dailyDigest: false,
    weights: defaultWeights(),
  };
}

function intIn(v: Cell, min: number, max: number): number | string {
  const n = typeof v === 'number' ? v : Number(String(v).trim().replace(',', '.'));
  if (!Number.isFinite(n) || !Number.isInteger(n)) return `must be a whole number from ${min} to ${max}`;
  if (n < min || n > max) return `must be from ${min} to ${max}`;
  return n;
}

function oneOf<T extends string>(v: Cell, list: readonly T[]): T | string {
  const s = textKey(v);
  const hit = list.find((x) => textKey(x) === s || (s === 'francais' && x === 'Français'));
  return hit ?? `must be one of ${list.join(', ')}`;
}

const DAY_SETTINGS: Record<string, keyof Settings> = {
  'answer within days': 'answerWithinDays',
  'thank within days': 'thankWithinDays',
  'no reply after days': 'noReplyAfterDays',
  'apply within days': 'applyWithinDays',
  'share outcome within days': 'shareOutcomeWithinDays',
};

/**
 * Reads the Settings sheet's rows (`[Setting, Value, …]`, header row excluded).
 * A bad value gets a problem naming the setting, and the default is used meanwhile.
 * Unknown setting names are ignored (users may keep their own notes there). Date cells are read as
 * calendar days in `timeZone` (the spreadsheet's).
 */
export function parseSettings(
  rows: readonly (readonly Cell[])[],
  firstRow = 2,
  timeZone = 'UTC',
): {
  settings: Settings;
  problems: SettingProblem[];
} {
  const s = defaultSettings();
  const weights: Record<WeightKey, number> = { ...s.weights };
  const problems: SettingProblem[] = [];
  rows.forEach((r, i) => {
    const name = textKey(r[0]);
    const v = r[1] ?? '';
    if (!name || isBlank(v)) return;
    const row = firstRow + i;
    const setting = String(r[0]).trim();
    const bad = (message: string) => problems.push({ setting, row, message: `${setting}: ${message}` });
    const text = typeof v === 'string' ? v.trim() : String(v);
    if (name in DAY_SETTINGS) {
      const n = intIn(v, 0, 365);
      if (typeof n === 'string') bad(n);
      else (s as unknown as Record<string, number>)[DAY_SETTINGS[name] as string] = n;
      return;
    }
    const weight = WEIGHTS.find((w) => textKey(w.setting) === name);
    if (weight) {
      const n = typeof v === 'number' ? v : Number(text);
      if (!Number.isFinite(n) || n < 0 || n > 1000) bad('must be a number from 0 to 1000');
      else weights[weight.key] = n;
      return;
    }
    switch (name) {
      case 'your name':
        s.yourName = text;
        return;
      case 'your school':
        s.yourSchool = text;
        return;
      case 'sector':
        s.sector = text;
        return;
      case 'student':
      case 'daily digest email': {
        const p = parseYesNo(v);
        if (!p.ok || p.value === null) bad('must be Yes or No');
        else if (name === 'student') s.student = p.value;
        else s.dailyDigest = p.value;
        return;
      }
      case 'language': {
        const l = oneOf(v, LANGUAGES);
        if ((LANGUAGES as readonly string[]).includes(l)) s.language = l as Language;
        else bad(l);
        return;
      }
      case 'your time zone':
        if (isTimeZone(text)) s.yourTimeZone = text;
        else bad(`"${text}" is not a time zone name like Europe/Paris or America/New_York`);
        return;
      case 'availability':
      case 'their working hours': {
        const parsed = parseAvailability(text);
        if (!parsed.ok) bad(`${parsed.problem}. Write days and hours like Mon-Fri 09:00-18:00`);
        else if (name === 'availability') s.availability = text;
        else s.theirWorkingHours = text;
        return;
      }
      case 'linkedin plan': {
        const p = oneOf(v, PLANS);
        if ((PLANS as readonly string[]).includes(p)) s.plan = p as Plan;
        else bad(p);
        return;
      }
      case 'premium trial ends on': {
        const day = isDate(v) ? dayOf(v.getTime(), timeZone) : parseIsoDay(text);
        if (day === null) bad(`"${text}" is not a date like 2026-03-31`);
        else s.trialEndsOn = day;
        return;
      }
      case 'inmail credits left': {
        const n = intIn(v, 0, 500);
        if (typeof n === 'string') bad(n);
        else s.creditsLeft = n;
        return;
      }
      case 'picks per company': {
        const n = intIn(v, 1, 10);
        if (typeof n === 'string') bad(n);
        else s.picksPerCompany = n;
        return;
      }
      default:
        return;
    }
  });
  s.weights = weights;
  return { settings: s, problems };
}
