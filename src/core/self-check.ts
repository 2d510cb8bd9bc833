// Referrals › Check this spreadsheet: what the add-on relies on in the real runtime (Intl time zones,
// Utilities.formatDate agreeing with them, the contract's sheets and headers, this spreadsheet's
// reminder triggers, the permissions granted), judged from facts sheets/ gathers, worded for the user.

import { isTimeZone, zonedParts } from './dates';
import { ADDON_REMINDERS_REASON, MANIFEST_SCOPES, NEEDS, permissionOf, SCOPES } from './permissions';
import { SETUP_SHEETS } from './schema';
import { planSheetRepair } from './setup-plan';

/** A fact that could not be read: the error's message. */
export interface Failed {
  error: string;
}

/** What sheets/ reads from the real runtime for the check. */
export interface SelfCheckFacts {
  /** The spreadsheet's time zone (File › Settings). */
  timeZone: string;
  /** The instant of the check, epoch ms. */
  now: number;
  /** Utilities.formatDate(now, timeZone, 'yyyy-MM-dd HH:mm'). */
  formatDate: string | Failed;
  /** Row 1 of each contract sheet, null when the sheet is missing. */
  sheets: readonly { name: string; headers: readonly unknown[] | null }[];
  /** The user's daily triggers as they relate to this spreadsheet. */
  triggers: { ours: number; unrecorded: number; total: number } | Failed;
  /** The manifest scopes the user granted. */
  granted: readonly string[] | Failed;
  /** Whether the script runs as an installed add-on (not bound to this spreadsheet). */
  addon: boolean;
  /** Whether Settings › Daily digest email is Yes. */
  digest: boolean;
}

/** One line of the report. */
export interface CheckLine {
  ok: boolean;
  topic: string;
  text: string;
}

/** Fixed instants with known wall clocks: a half-hour zone and a zone west of UTC, in winter and summer. */
const KNOWN = [
  { at: Date.UTC(2026, 0, 15, 12, 0), zone: 'Asia/Kolkata', wall: '2026-01-15 17:30' },
  { at: Date.UTC(2026, 0, 15, 12, 0), zone: 'America/Los_Angeles', wall: '2026-01-15 04:00' },
  { at: Date.UTC(2026, 6, 15, 12, 0), zone: 'America/Los_Angeles', wall: '2026-07-15 05:00' },
  { at: Date.UTC(2026, 6, 15, 12, 0), zone: 'Europe/Paris', wall: '2026-07-15 14:00' },
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** `yyyy-MM-dd HH:mm` of an instant in a zone, through Intl's formatToParts (core/dates). */
export function wallClock(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function failed<T>(v: T | Failed): v is Failed {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** Intl in this runtime: the spreadsheet's zone is known, and formatToParts gives the right wall clocks. */
export function checkIntl(timeZone: string): CheckLine {
  const topic = 'Time zones';
  try {
    if (typeof Intl?.DateTimeFormat?.prototype?.formatToParts !== 'function') {
      return { ok: false, topic, text: 'this runtime has no Intl formatToParts: dates cannot be computed.' };
    }
    if (!isTimeZone(timeZone)) {
      return {
        ok: false,
        topic,
        text: `this runtime does not know the spreadsheet's time zone "${timeZone}".`,
      };
    }
    const wrong = KNOWN.filter((k) => wallClock(k.at, k.zone) !== k.wall).map(
      (k) => `${k.zone} reads ${wallClock(k.at, k.zone)} instead of ${k.wall}`,
    );
    if (wrong.length > 0)
      return { ok: false, topic, text: `Intl gives wrong wall clocks: ${wrong.join('; ')}.` };
    return {
      ok: true,
      topic,
      text: `Intl knows ${timeZone} and reads wall clocks right (Asia/Kolkata, America/Los_Angeles, Europe/Paris, summer and winter).`,
    };
  } catch (e) {
    return { ok: false, topic, text: `Intl failed: ${message(e)}.` };
  }
}

/** Utilities.formatDate and Intl agree on the time now in the spreadsheet's zone. */
export function checkFormatDate(facts: Pick<SelfCheckFacts, 'timeZone' | 'now' | 'formatDate'>): CheckLine {
  const topic = 'Dates';
  if (failed(facts.formatDate)) {
    return { ok: false, topic, text: `Utilities.formatDate failed: ${facts.formatDate.error}.` };
  }
  let intl: string;
  try {
    intl = wallClock(facts.now, facts.timeZone);
  } catch (e) {
    return { ok: false, topic, text: `Intl could not read the time in ${facts.timeZone}: ${message(e)}.` };
  }
  return intl === facts.formatDate
    ? { ok: true, topic, text: `Utilities.formatDate and Intl agree: it is ${intl} in ${facts.timeZone}.` }
    : {
        ok: false,
        topic,
        text: `Utilities.formatDate says ${facts.formatDate} but Intl says ${intl} in ${facts.timeZone}: due dates may be a day off.`,
      };
}

/** Every contract sheet exists with every contract header. */
export function checkSheets(sheets: SelfCheckFacts['sheets']): CheckLine {
  const topic = 'Sheets';
  const problems: string[] = [];
  for (const spec of SETUP_SHEETS) {
    const found = sheets.find((s) => s.name === spec.name);
    const repair = planSheetRepair(spec, found?.headers ?? null);
    if (repair.create) problems.push(`${spec.name} is missing`);
    else if (repair.append.length > 0)
      problems.push(`${spec.name} lacks ${repair.append.map((c) => c.header).join(', ')}`);
  }
  return problems.length === 0
    ? {
        ok: true,
        topic,
        text: `${SETUP_SHEETS.map((s) => s.name).join(', ')} have every column the tracker needs.`,
      }
    : { ok: false, topic, text: `${problems.join('; ')}. Run Referrals › Set up tracker to add them.` };
}

/**
 * This spreadsheet's daily reminder triggers. In the add-on there are none to have (Turn on daily
 * reminders installs nothing there): one an earlier version installed cannot run, and is a problem.
 */
export function checkTriggers(triggers: SelfCheckFacts['triggers'], addon = false): CheckLine {
  const topic = 'Daily reminders';
  if (failed(triggers))
    return { ok: false, topic, text: `the triggers could not be read: ${triggers.error}.` };
  const notes: string[] = [];
  let ok = true;
  if (addon) {
    const left = triggers.ours + triggers.unrecorded;
    if (left === 0) {
      notes.push(
        `not available in the add-on (${ADDON_REMINDERS_REASON}); the red and amber highlighting stays right every day, and Refresh follow-ups updates Next action and Due`,
      );
    } else {
      ok = false;
      notes.push(
        `${left} reminder trigger(s) an earlier version set up here cannot run in the add-on (${ADDON_REMINDERS_REASON}): Turn off daily reminders removes them`,
      );
    }
  } else {
    if (triggers.ours === 0) notes.push('off for this spreadsheet');
    else if (triggers.ours === 1) notes.push('on for this spreadsheet (one morning trigger)');
    else {
      ok = false;
      notes.push(
        `on, but with ${triggers.ours} morning triggers for this spreadsheet: turn them off and on again to keep one`,
      );
    }
    if (triggers.unrecorded > 0) {
      ok = false;
      notes.push(
        `${triggers.unrecorded} reminder trigger(s) from an older version belong to no spreadsheet: Turn on daily reminders adopts one, Turn off removes them`,
      );
    }
  }
  if (triggers.total >= 18) {
    notes.push(`you have ${triggers.total} of the 20 triggers Apps Script allows per user for this script`);
  }
  return { ok, topic, text: `${notes.join('; ')}.` };
}

/**
 * The permissions granted, and what a missing one stops (granular consent). In the add-on the
 * trigger permission is needed only to remove an earlier version's reminder, and the digest's never
 * (no morning run reaches the tracker there).
 */
export function checkPermissions(
  facts: Pick<SelfCheckFacts, 'granted' | 'addon' | 'digest' | 'triggers'>,
): CheckLine {
  const topic = 'Permissions';
  if (failed(facts.granted)) return { ok: false, topic, text: `could not be read: ${facts.granted.error}.` };
  const granted = new Set(facts.granted);
  const missing = MANIFEST_SCOPES.filter((s) => !granted.has(s));
  const leftover = !failed(facts.triggers) && facts.triggers.ours + facts.triggers.unrecorded > 0;
  const needed = (scope: string): boolean => {
    if (scope === SCOPES.scriptApp) return !facts.addon || leftover;
    if ((NEEDS.digest as readonly string[]).includes(scope)) return facts.digest && !facts.addon;
    return true;
  };
  if (missing.length === 0)
    return { ok: true, topic, text: 'every permission Referral tracker asks for is granted.' };
  const lines = missing.map((s) => {
    const p = permissionOf(s);
    return `“${p.consent}” (to ${p.why})${needed(s) ? '' : ', not needed the way you use it'}`;
  });
  return {
    ok: missing.every((s) => !needed(s)),
    topic,
    text: `not granted: ${lines.join('; ')}. Choose a menu item that needs one and allow it when Google asks.`,
  };
}

/** Every check, in report order. */
export function runSelfCheck(facts: SelfCheckFacts): CheckLine[] {
  return [
    checkIntl(facts.timeZone),
    checkFormatDate(facts),
    checkSheets(facts.sheets),
    checkTriggers(facts.triggers, facts.addon),
    checkPermissions(facts),
    {
      ok: true,
      topic: 'Deployment',
      text: facts.addon
        ? 'installed as an add-on: the menu is under Extensions.'
        : 'script bound to this spreadsheet: the Referrals menu is at the top.',
    },
  ];
}

/** The plain report shown to the user. */
export function describeSelfCheck(lines: readonly CheckLine[]): string {
  const problems = lines.filter((l) => !l.ok).length;
  const head =
    problems === 0
      ? `All ${lines.length} checks passed.`
      : `${problems} of ${lines.length} checks found a problem.`;
  return [head, '', ...lines.map((l) => `${l.ok ? '✓' : '✗'} ${l.topic}: ${l.text}`)].join('\n');
}
