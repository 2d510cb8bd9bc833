// The Premium trial reminder (PRODUCT point 22): from 5 days before it ends, the credits and picks left to use.

import { companyKey } from './companies';
import { type Day, isoDay } from './dates';
import type { Contact } from './rows';
import { C } from './schema';
import type { Settings } from './settings';
import { col, headerIndex, type Table } from './table';
import { plural } from './text';
import { isBlank } from './values';

/** The reminder starts this many days before the trial's last day. */
export const TRIAL_WARNING_DAYS = 5;

/** What is left to use before the Premium trial ends. */
export interface TrialUse {
  /** The trial's last day. */
  readonly endsOn: Day;
  /** Days from today to endsOn (0 = it ends today). */
  readonly daysLeft: number;
  /** InMail credits left (Settings, or the estimate). */
  readonly credits: number;
  /** People picked (✓) still to contact, across companies. */
  readonly picks: number;
}

/**
 * The trial reminder, or null when there is no trial date, it is more than 5 days away, or it
 * has passed. `credits` are the credits left; `picks` the picks still to contact.
 */
export function trialUse(
  settings: Pick<Settings, 'trialEndsOn'>,
  today: Day,
  credits: number,
  picks: number,
): TrialUse | null {
  const endsOn = settings.trialEndsOn;
  if (endsOn === null || today > endsOn || today < endsOn - TRIAL_WARNING_DAYS) return null;
  return { endsOn, daysLeft: endsOn - today, credits, picks };
}

/** "ends today" / "ends tomorrow (2026-03-14)" / "ends on 2026-03-14, in 3 days". */
function whenWords(t: TrialUse): string {
  if (t.daysLeft === 0) return `ends today (${isoDay(t.endsOn)})`;
  if (t.daysLeft === 1) return `ends tomorrow (${isoDay(t.endsOn)})`;
  return `ends on ${isoDay(t.endsOn)}, in ${t.daysLeft} days`;
}

/**
 * The reminder in one sentence, for the Dashboard and the digest: "Your Premium trial ends on
 * 2026-03-14, in 3 days: 12 InMail credits and 5 picks left to use before it ends."
 */
export function describeTrial(t: TrialUse): string {
  return `Your Premium trial ${whenWords(t)}: ${plural(t.credits, 'InMail credit', 'InMail credits')} and ${plural(t.picks, 'pick', 'picks')} left to use before it ends.`;
}

/**
 * The job-level advice for a company with picks still to contact: "use your Premium trial before
 * it ends on 2026-03-14: 12 InMail credits left, 2 picks to contact here".
 */
export function trialJobAction(t: TrialUse, picksHere: number): string {
  return `use your Premium trial before it ends on ${isoDay(t.endsOn)}: ${plural(t.credits, 'InMail credit', 'InMail credits')} left, ${plural(picksHere, 'pick', 'picks')} to contact here`;
}

/**
 * People picked (Pick not blank, as last written by Score candidates) whose Status is still
 * To contact, per company key (core/companies). `contacts` are parsed from `table`.
 */
export function picksToContact(table: Table, contacts: readonly Contact[]): Map<string, number> {
  const pick = col(headerIndex(table.headers), C.pick);
  const out = new Map<string, number>();
  if (pick < 0) return out;
  for (const c of contacts) {
    if (c.status !== 'To contact' || isBlank(table.rows[c.index]?.[pick])) continue;
    const k = companyKey(c.company);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** The sum of a per-company count. */
export function total(counts: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const v of counts.values()) n += v;
  return n;
}
