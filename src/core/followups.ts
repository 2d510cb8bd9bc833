// Follow-up rules (PRODUCT.md "Follow-up rules"): the next action and due day of a contact or a job.

import { type Day, dayOf } from './dates';
import type { Contact, Job } from './rows';
import { DUE_TODAY_FILL, OVERDUE_FILL } from './schema';
import type { Settings } from './settings';

/** What to do next and the calendar day (spreadsheet time zone) it is due. */
export interface FollowUp {
  readonly action: string;
  readonly due: Day;
}

/** The Contacts actions, worded exactly as the product contract's table, in table order. */
export const CONTACT_ACTIONS = {
  answer: 'answer with your availability',
  prepare: 'prepare your questions',
  logCall: 'log the call (did you ask for a referral?)',
  thank: 'send thank-you + connection request',
  apply: 'apply online now',
  tellOutcome: 'tell them the outcome',
  noReply: 'no reply yet — try another person at the company',
} as const;

/** The Jobs actions (job-level rules documented in docs/followups.md), in priority order. */
export const JOB_ACTIONS = {
  applyBefore: 'apply online before asking for a referral',
  applyAfter: 'apply online now',
  /** Followed by the count: "tell 2 referrers the outcome". */
  tellOutcome: (n: number) => `tell ${n} ${n === 1 ? 'referrer' : 'referrers'} the outcome`,
  /**
   * An accepted offer concerns every referrer, at every company (step 6: "tell them again when you
   * accept an offer anywhere"): "tell every referrer you accepted this offer (3 to tell)".
   */
  tellAccepted: (n: number) => `tell every referrer you accepted this offer (${n} to tell)`,
  findPeople: 'find people to contact',
} as const;

/** The settings the rules read (a full Settings works). */
export type FollowUpSettings = Pick<
  Settings,
  'answerWithinDays' | 'thankWithinDays' | 'noReplyAfterDays' | 'applyWithinDays' | 'shareOutcomeWithinDays'
>;

/** The contact fields the rules read (a parsed Contact works). */
export type FollowUpContact = Pick<
  Contact,
  'status' | 'messagedOn' | 'repliedOn' | 'callOn' | 'referredOn' | 'thankedOn' | 'outcomeSharedOn'
>;

/** The job fields the rules read (a parsed Job works). */
export type FollowUpJob = Pick<Job, 'apply' | 'appliedOn' | 'outcome' | 'outcomeOn'>;

let memo: { now: number; timeZone: string; day: Day } | null = null;

/** dayOf(now) with a one-entry memo: a refresh asks for the same "today" once per row. */
function todayOf(now: number, timeZone: string): Day {
  if (memo === null || memo.now !== now || memo.timeZone !== timeZone)
    memo = { now, timeZone, day: dayOf(now, timeZone) };
  return memo.day;
}

/** Whether the job's outcome is known (set and not Pending). */
function outcomeKnown(job: FollowUpJob | null): job is FollowUpJob {
  return job !== null && job.outcome !== null && job.outcome !== 'Pending';
}

/** Whether the job is still open: no outcome yet, or Pending. */
function jobOpen(job: FollowUpJob): boolean {
  return job.outcome === null || job.outcome === 'Pending';
}

/**
 * Whether a referrer still has to be told the outcome: they referred you (Referred on set)
 * and Outcome shared on is blank or before the day the outcome became known. When Outcome on
 * is blank, a filled Outcome shared on counts as told.
 */
function owesOutcome(c: FollowUpContact, job: FollowUpJob): boolean {
  if (c.referredOn === null) return false;
  if (c.outcomeSharedOn === null) return true;
  return job.outcomeOn !== null && c.outcomeSharedOn < job.outcomeOn;
}

/** Whether the job's Outcome is Accepted. */
export function isAccepted(job: FollowUpJob | null): boolean {
  return job !== null && job.outcome === 'Accepted';
}

/**
 * Of the Accepted jobs, the one accepted last (a blank Outcome on counts as the latest): the
 * offer every referrer must hear about. Null when no job is Accepted.
 */
export function latestAccepted<T extends FollowUpJob>(jobs: readonly T[]): T | null {
  let best: T | null = null;
  for (const j of jobs) {
    if (!isAccepted(j)) continue;
    if (best === null || j.outcomeOn === null) best = j;
    else if (best.outcomeOn !== null && j.outcomeOn > best.outcomeOn) best = j;
    if (best.outcomeOn === null) break;
  }
  return best;
}

/**
 * Every contract rule that applies to a contact, in table order, with its due day.
 * A rule whose anchor date is blank (Replied on, Call on/Referred on, Referred on, Outcome on)
 * is due today; "no reply yet" needs Messaged on and "prepare"/"log the call" need Call on.
 * `accepted` is the offer accepted anywhere (latestAccepted): a referrer at any company is told
 * of it too ("tell them the outcome", due its Outcome on + Share outcome within days).
 */
export function contactFollowUps(
  contact: FollowUpContact,
  job: FollowUpJob | null,
  settings: FollowUpSettings,
  now: number,
  timeZone: string,
  accepted: FollowUpJob | null = null,
): FollowUp[] {
  const today = todayOf(now, timeZone);
  const out: FollowUp[] = [];
  const { status } = contact;
  const callDay = contact.callOn === null ? null : dayOf(contact.callOn, timeZone);

  if (status === 'Replied') {
    out.push({
      action: CONTACT_ACTIONS.answer,
      due: contact.repliedOn === null ? today : contact.repliedOn + settings.answerWithinDays,
    });
  }
  if (status === 'Call scheduled' && contact.callOn !== null && callDay !== null) {
    const ahead = contact.callOn > now;
    out.push({ action: ahead ? CONTACT_ACTIONS.prepare : CONTACT_ACTIONS.logCall, due: callDay });
  }
  if ((status === 'Call done' || status === 'Referred') && contact.thankedOn === null) {
    const anchor = callDay ?? contact.referredOn;
    out.push({
      action: CONTACT_ACTIONS.thank,
      due: anchor === null ? today : anchor + settings.thankWithinDays,
    });
  }
  if (status === 'Referred' && job !== null && job.apply === 'After referral' && job.appliedOn === null) {
    out.push({
      action: CONTACT_ACTIONS.apply,
      due: contact.referredOn === null ? today : contact.referredOn + settings.applyWithinDays,
    });
  }
  const tell = (about: FollowUpJob) => ({
    action: CONTACT_ACTIONS.tellOutcome,
    due: about.outcomeOn === null ? today : about.outcomeOn + settings.shareOutcomeWithinDays,
  });
  if (outcomeKnown(job) && owesOutcome(contact, job)) out.push(tell(job));
  else if (accepted !== null && accepted !== job && owesOutcome(contact, accepted)) out.push(tell(accepted));
  if (status === 'Messaged' && contact.repliedOn === null && contact.messagedOn !== null) {
    out.push({ action: CONTACT_ACTIONS.noReply, due: contact.messagedOn + settings.noReplyAfterDays });
  }
  return out;
}

/** Of several follow-ups, the one with the earliest due day; on a tie, the first (higher in the table). */
export function earliest(list: readonly FollowUp[]): FollowUp | null {
  let best: FollowUp | null = null;
  for (const f of list) if (best === null || f.due < best.due) best = f;
  return best;
}

/**
 * The one Next action of a Contacts row (PRODUCT.md precise point 2), or null when no rule applies.
 * `job` is the contact's row on Jobs (null when none matches). `now` is an instant (ms);
 * "today" and call days are calendar days in the spreadsheet's `timeZone`.
 */
export function nextActionForContact(
  contact: FollowUpContact,
  job: FollowUpJob | null,
  settings: FollowUpSettings,
  now: number,
  timeZone: string,
  accepted: FollowUpJob | null = null,
): FollowUp | null {
  return earliest(contactFollowUps(contact, job, settings, now, timeZone, accepted));
}

const ACTIVE_GONE = new Set(['No reply', 'Declined', 'Skip']);

/**
 * Every job-level rule that applies, in priority order:
 * 1. Apply = Before referral, Applied on blank, job open, someone's call is scheduled or done →
 *    "apply online before asking for a referral", due the day of the earliest such call (today if no Call on).
 * 2. Apply = After referral, Applied on blank, someone has Referred on →
 *    "apply online now", due the earliest Referred on + Apply within days.
 * 3. Outcome known (not blank/Pending), N referrers not yet told →
 *    "tell N referrer(s) the outcome", due Outcome on + Share outcome within days (today if blank).
 *    When the Outcome is Accepted and `referrers` (everyone with Referred on, at any company) is
 *    given, every referrer counts: "tell every referrer you accepted this offer (N to tell)".
 * 4. Job open and nobody active on it (no contacts, or all No reply / Declined / Skip) →
 *    "find people to contact", due today.
 * 5. Job open and `trial` given (the Premium trial reminder worded by core/trial, PRODUCT point 22)
 *    → that action, due on the trial's last day.
 */
export function jobFollowUps(
  job: FollowUpJob,
  contactsForJob: readonly FollowUpContact[],
  settings: FollowUpSettings,
  now: number,
  timeZone: string,
  trial: FollowUp | null = null,
  referrers?: readonly FollowUpContact[],
): FollowUp[] {
  const today = todayOf(now, timeZone);
  const out: FollowUp[] = [];
  const open = jobOpen(job);

  if (job.apply === 'Before referral' && job.appliedOn === null && open) {
    let hasCall = false;
    let firstCall: Day | null = null;
    for (const c of contactsForJob) {
      if (c.status !== 'Call scheduled' && c.status !== 'Call done') continue;
      hasCall = true;
      if (c.callOn !== null) {
        const d = dayOf(c.callOn, timeZone);
        if (firstCall === null || d < firstCall) firstCall = d;
      }
    }
    if (hasCall) out.push({ action: JOB_ACTIONS.applyBefore, due: firstCall ?? today });
  }
  if (job.apply === 'After referral' && job.appliedOn === null) {
    let firstReferral: Day | null = null;
    for (const c of contactsForJob) {
      if (c.referredOn !== null && (firstReferral === null || c.referredOn < firstReferral))
        firstReferral = c.referredOn;
    }
    if (firstReferral !== null)
      out.push({ action: JOB_ACTIONS.applyAfter, due: firstReferral + settings.applyWithinDays });
  }
  if (outcomeKnown(job)) {
    const everyone = isAccepted(job) && referrers !== undefined;
    let owed = 0;
    for (const c of everyone ? referrers : contactsForJob) if (owesOutcome(c, job)) owed++;
    if (owed > 0) {
      out.push({
        action: everyone ? JOB_ACTIONS.tellAccepted(owed) : JOB_ACTIONS.tellOutcome(owed),
        due: job.outcomeOn === null ? today : job.outcomeOn + settings.shareOutcomeWithinDays,
      });
    }
  }
  if (open && !contactsForJob.some((c) => !ACTIVE_GONE.has(c.status))) {
    out.push({ action: JOB_ACTIONS.findPeople, due: today });
  }
  if (open && trial !== null) out.push(trial);
  return out;
}

/**
 * The one Next action of a Jobs row: of the job-level rules that apply (see jobFollowUps),
 * the earliest due; on a tie, the first in priority order. Null when none applies.
 */
export function nextActionForJob(
  job: FollowUpJob,
  contactsForJob: readonly FollowUpContact[],
  settings: FollowUpSettings,
  now: number,
  timeZone: string,
  trial: FollowUp | null = null,
  referrers?: readonly FollowUpContact[],
): FollowUp | null {
  return earliest(jobFollowUps(job, contactsForJob, settings, now, timeZone, trial, referrers));
}

/** The highlight of a Next action / Due pair: red when overdue, amber when due today, else no fill. */
export function fillFor(due: Day, today: Day): string | null {
  if (due < today) return OVERDUE_FILL;
  if (due === today) return DUE_TODAY_FILL;
  return null;
}
