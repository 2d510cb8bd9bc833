// What the sidebar advises sending to a person (PRODUCT.md point 20), and why any other message needs a confirm (point 21).

import { sameCompany } from './companies';
import { dayOf, isoDay } from './dates';
import { FIRST_CONTACT, MESSAGE_INFO, type MessageType } from './messages';
import type { Contact, Job } from './rows';
import { ACTIVITY_SHEET, type Plan, type Status } from './schema';
import { textKey } from './text';
import { type Cell, isDate } from './values';

/** The person's fields the advice reads (a parsed Contact works). */
export type AdviceContact = Pick<
  Contact,
  | 'name'
  | 'company'
  | 'status'
  | 'current'
  | 'degree'
  | 'openProfile'
  | 'mutual'
  | 'messagedOn'
  | 'callOn'
  | 'referredOn'
  | 'thankedOn'
  | 'outcomeSharedOn'
>;

/** The job's fields the advice reads. */
export type AdviceJob = Pick<Job, 'outcome' | 'outcomeOn'>;

/** The suggestion: a message to send now, the call guide, or nothing — always with the reason. */
export interface Advice {
  readonly kind: 'message' | 'call-guide' | 'none';
  /** The message to send (kind 'message'), else null. */
  readonly suggested: MessageType | null;
  /** Why, in plain words. */
  readonly why: string;
}

/** One Activity row, as read. */
export interface ActivityEntry {
  /** 1-based sheet row. */
  readonly row: number;
  /** Timestamp (epoch ms), or null when the cell is not a date. */
  readonly at: number | null;
  readonly company: string;
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly by: string;
}

const day = (d: number | null) => (d === null ? '' : isoDay(d));

/** What the advice knows besides the person and the job. */
export interface AdviceContext {
  readonly plan: Plan;
  /** The spreadsheet's time zone (dates are told in it). */
  readonly timeZone: string;
}

/** Whether the job has an outcome (other than Pending) the contact has not been told about yet. */
export function outcomeToShare(contact: Pick<Contact, 'outcomeSharedOn'>, job: AdviceJob | null): boolean {
  if (!job?.outcome || job.outcome === 'Pending') return false;
  if (contact.outcomeSharedOn === null) return true;
  return job.outcomeOn !== null && contact.outcomeSharedOn < job.outcomeOn;
}

/**
 * The first message that fits the person: a Message to a 1st-degree connection, an intro request
 * when a 2nd-degree contact has a Mutual connection, a connection request note on a Free plan
 * (no InMail credits) unless they have Open Profile, else an InMail.
 */
export function firstMessageFor(
  c: Pick<Contact, 'degree' | 'mutual' | 'openProfile'>,
  plan: Plan,
): MessageType {
  if (c.degree === 1) return 'first-message';
  if (c.degree === 2 && c.mutual.trim()) return 'intro-request';
  if (plan === 'Free' && c.openProfile !== true) return 'connection-note';
  return 'first-inmail';
}

const WAIT: Partial<Record<Status, (c: AdviceContact) => string>> = {
  Messaged: (c) =>
    `You messaged ${c.name}${c.messagedOn === null ? '' : ` on ${day(c.messagedOn)}`}: wait for a reply; if none comes, try another person at ${c.company || 'the company'}.`,
  'No reply': (c) => `${c.name} did not reply: try another person at ${c.company || 'the company'}.`,
  Declined: (c) => `${c.name} declined: try another person at ${c.company || 'the company'}.`,
  Skip: (c) => `You chose to skip ${c.name} (Status Skip).`,
};

/**
 * What to send now (PRODUCT.md point 20): To contact → the first message that fits the person;
 * Replied → your availability; Call scheduled → the call guide; Call done or Referred → the
 * thank-you until Thanked on is set, then the outcome update (offer accepted when the job is
 * Accepted) while there is one to share. Messaged, No reply, Declined, Skip and Current = No
 * (before any contact) suggest nothing, and say why.
 */
export function adviseMessage(c: AdviceContact, job: AdviceJob | null, ctx: AdviceContext): Advice {
  const wait = WAIT[c.status];
  if (wait) return { kind: 'none', suggested: null, why: wait(c) };
  switch (c.status) {
    case 'To contact': {
      if (c.current === false)
        return {
          kind: 'none',
          suggested: null,
          why: `${c.name} no longer works at ${c.company || 'the company'} (Current = No), so they cannot refer you there.`,
        };
      const type = firstMessageFor(c, ctx.plan);
      const why: Record<string, string> = {
        'first-message': `${c.name} is a 1st-degree connection: a message is free.`,
        'intro-request': `${c.mutual.trim()} knows ${c.name}: ask them for an introduction.`,
        'connection-note': `On a Free plan you have no InMail credits: send a connection request with a short note (at most 200 characters).`,
        'first-inmail': `Ask ${c.name} for a 15-minute call.`,
      };
      return { kind: 'message', suggested: type, why: why[type] ?? '' };
    }
    case 'Replied':
      return {
        kind: 'message',
        suggested: 'reply-availability',
        why: `${c.name} replied: answer fast with your availability, in their time zone.`,
      };
    case 'Call scheduled':
      return {
        kind: 'call-guide',
        suggested: null,
        why:
          c.callOn === null
            ? 'Your call is scheduled: prepare your questions (Call guide tab).'
            : `Your call is on ${day(dayOf(c.callOn, ctx.timeZone))}: prepare your questions (Call guide tab).`,
      };
    default: {
      // Call done, Referred.
      if (c.thankedOn === null)
        return {
          kind: 'message',
          suggested: 'thank-you',
          why: `Thank ${c.name} the day after the call, with a connection request.`,
        };
      if (outcomeToShare(c, job)) {
        const accepted = job?.outcome === 'Accepted';
        return {
          kind: 'message',
          suggested: accepted ? 'offer-accepted' : 'outcome',
          why: accepted
            ? `You accepted the offer: tell ${c.name}, who helped you.`
            : `The job's outcome is ${job?.outcome}: tell ${c.name}.`,
        };
      }
      return {
        kind: 'none',
        suggested: null,
        why: `You thanked ${c.name} on ${day(c.thankedOn)}; nothing to send until the job's Outcome changes on Jobs.`,
      };
    }
  }
}

/** The message the editor opens on when nothing is suggested: what the person's stage would use. */
export function fallbackType(c: AdviceContact, job: AdviceJob | null, plan: Plan): MessageType {
  switch (c.status) {
    case 'Replied':
    case 'Call scheduled':
      return 'reply-availability';
    case 'Call done':
    case 'Referred':
      if (c.thankedOn === null) return 'thank-you';
      return job?.outcome === 'Accepted' ? 'offer-accepted' : 'outcome';
    default:
      return firstMessageFor(c, plan);
  }
}

/** Parses Activity rows read from any sheet rows (headers found by text). */
export function parseActivityRows(
  headers: readonly string[],
  rows: readonly { row: number; cells: readonly Cell[] }[],
): ActivityEntry[] {
  const at = (h: string) => headers.findIndex((x) => textKey(x) === textKey(h));
  // Timestamp, Company, Name, From status, To status, By (PRODUCT.md "Activity").
  const [iAt, iCompany, iName, iFrom, iTo, iBy] = ACTIVITY_SHEET.columns.map((c) => at(c.header));
  const text = (cells: readonly Cell[], i: number | undefined) =>
    i === undefined || i < 0 ? '' : String(cells[i] ?? '').trim();
  return rows.map(({ row, cells }) => {
    const t = iAt === undefined || iAt < 0 ? undefined : cells[iAt];
    return {
      row,
      at: isDate(t) ? t.getTime() : null,
      company: text(cells, iCompany),
      name: text(cells, iName),
      from: text(cells, iFrom),
      to: text(cells, iTo),
      by: text(cells, iBy),
    };
  });
}

/** The Activity "By" of a Mark as sent that did not move Status. */
export function markSentBy(type: MessageType): string {
  return `Mark as sent: ${MESSAGE_INFO[type].label}`;
}

/**
 * The latest Activity entry recording this message to this person (same Company and Name): a
 * "Mark as sent: <label>" row, or for a first message the "Mark as sent" Status move to Messaged.
 */
export function lastSent(
  type: MessageType,
  contact: Pick<Contact, 'company' | 'name'>,
  entries: readonly ActivityEntry[],
): ActivityEntry | null {
  const name = textKey(contact.name);
  const first = FIRST_CONTACT.includes(type);
  let best: ActivityEntry | null = null;
  for (const e of entries) {
    if (
      textKey(e.name) !== name ||
      !(sameCompany(e.company, contact.company) || textKey(e.company) === textKey(contact.company))
    )
      continue;
    const by = textKey(e.by);
    const same =
      by === textKey(markSentBy(type)) ||
      (first &&
        (FIRST_CONTACT.some((t) => by === textKey(markSentBy(t))) ||
          (by === 'mark as sent' && textKey(e.to) === 'messaged')));
    if (same && (best === null || (e.at ?? 0) >= (best.at ?? 0))) best = e;
  }
  return best;
}

const STAGE_OF: Record<Status, string> = {
  'To contact': 'you have not contacted them yet',
  Messaged: 'you are waiting for their reply',
  Replied: 'they replied',
  'Call scheduled': 'your call is scheduled',
  'Call done': 'the call is done',
  Referred: 'they referred you',
  'No reply': 'they did not reply',
  Declined: 'they declined',
  Skip: 'you chose to skip them',
};

/**
 * Why sending `type` to this person is advised against (empty when it is fine): the wrong stage
 * for it, a channel that does not fit (a message to a stranger, an InMail on a Free plan, a
 * connection request to a connection), nothing to tell, or the same message already marked as
 * sent (by its stamp, or by an Activity row for the messages that stamp nothing). Each reason is
 * one sentence; any reason needs an explicit confirm before Copy or Mark as sent.
 */
export function warningsFor(
  type: MessageType,
  c: AdviceContact,
  job: AdviceJob | null,
  ctx: AdviceContext & { readonly sent?: ActivityEntry | null },
): string[] {
  const { plan, sent } = ctx;
  const out: string[] = [];
  const stage = `Status is ${c.status}: ${STAGE_OF[c.status]}.`;
  const first = FIRST_CONTACT.includes(type) || type === 'intro-request';
  if (first) {
    if (c.status !== 'To contact') {
      const wait = WAIT[c.status];
      out.push(wait ? wait(c) : `This is a first message, and ${stage}`);
    } else if (c.current === false) {
      out.push(
        `${c.name} no longer works at ${c.company || 'the company'} (Current = No), so they cannot refer you there.`,
      );
    }
    if (c.messagedOn !== null && FIRST_CONTACT.includes(type))
      out.push(`Already marked as sent: Messaged on is ${day(c.messagedOn)}.`);
  }
  switch (type) {
    case 'first-message':
      if (c.degree !== 1)
        out.push(
          `${c.name} is not a 1st-degree connection: LinkedIn lets you message only your connections.`,
        );
      break;
    case 'first-inmail':
      if (c.degree === 1)
        out.push(`${c.name} is a 1st-degree connection: a message is free, an InMail is not needed.`);
      else if (plan === 'Free' && c.openProfile !== true)
        out.push('On a Free plan you have no InMail credits: send a connection request note instead.');
      break;
    case 'connection-note':
      if (c.degree === 1) out.push(`You are already connected to ${c.name}: send a message instead.`);
      break;
    case 'intro-request':
      if (!c.mutual.trim()) out.push('No Mutual connection on this row to ask for an introduction.');
      else if (c.degree === 1) out.push(`You are already connected to ${c.name}: message them directly.`);
      break;
    case 'reply-availability':
      if (c.status === 'Call scheduled')
        out.push('A call is already scheduled: prepare your questions on the Call guide tab instead.');
      else if (c.status !== 'Replied') out.push(`This answers a reply, and ${stage}`);
      break;
    case 'thank-you':
      if (c.status !== 'Call done' && c.status !== 'Referred')
        out.push(`The thank-you note follows the call, and ${stage}`);
      if (c.thankedOn !== null) out.push(`Already marked as sent: Thanked on is ${day(c.thankedOn)}.`);
      break;
    default: {
      // outcome, offer-accepted
      if (c.status !== 'Call done' && c.status !== 'Referred' && c.referredOn === null)
        out.push(`${c.name} has not helped you with this job yet (${stage.slice(0, -1)}).`);
      if (!job) out.push('No job on Jobs matches this contact, so there is no outcome to tell.');
      else if (!job.outcome || job.outcome === 'Pending')
        out.push(`The job's Outcome is ${job.outcome ?? 'blank'} on Jobs: nothing to tell yet.`);
      else if (!outcomeToShare(c, job))
        out.push(
          `Already marked as sent: Outcome shared on is ${day(c.outcomeSharedOn)}, after the outcome.`,
        );
      if (type === 'offer-accepted' && job && job.outcome !== 'Accepted')
        out.push("The job's Outcome is not Accepted: send this only if you accepted an offer elsewhere.");
    }
  }
  if (sent && !out.some((w) => w.startsWith('Already marked as sent'))) {
    const when = sent.at === null ? '' : ` on ${day(dayOf(sent.at, ctx.timeZone))}`;
    out.push(`Already marked as sent${when} (see Activity).`);
  }
  return out;
}
