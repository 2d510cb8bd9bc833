// InMail credits: what messaging a contact costs, the plan's monthly allowance, and an estimate of credits left.

import { type Day, ymdOf } from './dates';
import type { Contact } from './rows';
import type { Plan, Status } from './schema';
import type { Settings } from './settings';

/** InMail credits each LinkedIn plan grants per month (LinkedIn Help Center, 2025–2026). */
export const MONTHLY_CREDITS: Readonly<Record<Plan, number>> = {
  Free: 0,
  'Premium Career': 5,
  'Premium Business': 15,
  'Recruiter Lite': 30,
  'Sales Navigator': 50,
};

/** Days within which an answer returns the InMail credit. */
export const REFUND_WINDOW_DAYS = 90;

/**
 * Credits it costs to message a contact: 0 for a 1st-degree connection or an Open Profile,
 * else 1 (an unknown degree counts as a paid InMail).
 */
export function creditsFor(c: Pick<Contact, 'degree' | 'openProfile'>): 0 | 1 {
  return c.degree === 1 || c.openProfile === true ? 0 : 1;
}

/** Statuses that mean the person answered, even when Replied on was left blank. */
const ANSWERED: ReadonlySet<Status> = new Set<Status>([
  'Replied',
  'Call scheduled',
  'Call done',
  'Referred',
  'Declined',
]);

/** The credits left and how they were found. */
export interface CreditsLeft {
  /** Credits available now (never negative). */
  readonly left: number;
  /** true when estimated from the plan and the sheet, false when typed in Settings. */
  readonly estimated: boolean;
  /** The plan's monthly allowance. */
  readonly allowance: number;
  /** Paid InMails sent this calendar month. */
  readonly spent: number;
  /** Of those, answered within 90 days (credit returned). */
  readonly refunded: number;
}

/**
 * Credits left: Settings "InMail credits left" when given; else an estimate — the plan's
 * monthly allowance, minus one credit per paid InMail (Credits 1) whose Messaged on falls in
 * today's calendar month, plus one back for each of those that was answered: Replied on within
 * 90 days of Messaged on (and not after today), or, when Replied on is blank, a Status showing an
 * answer (Replied, Call scheduled, Call done, Referred, Declined). Credits rolled over from
 * earlier months are not counted: type the real figure in Settings when you know it.
 */
export function creditsLeft(contacts: readonly Contact[], settings: Settings, today: Day): CreditsLeft {
  const allowance = MONTHLY_CREDITS[settings.plan] ?? 0;
  let spent = 0;
  let refunded = 0;
  const now = ymdOf(today);
  for (const c of contacts) {
    if (c.messagedOn === null || c.messagedOn > today || creditsFor(c) === 0) continue;
    const m = ymdOf(c.messagedOn);
    if (m.year !== now.year || m.month !== now.month) continue;
    spent++;
    if (c.repliedOn !== null) {
      const wait = c.repliedOn - c.messagedOn;
      if (wait >= 0 && wait <= REFUND_WINDOW_DAYS && c.repliedOn <= today) refunded++;
    } else if (ANSWERED.has(c.status)) refunded++;
  }
  if (settings.creditsLeft !== null) {
    return { left: settings.creditsLeft, estimated: false, allowance, spent, refunded };
  }
  return { left: Math.max(0, allowance - spent + refunded), estimated: true, allowance, spent, refunded };
}
