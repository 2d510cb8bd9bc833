// Message types of the method: which one a contact's status calls for, its template, and what sending it records.

import type { Contact, Job } from './rows';
import { C, type Channel, type Language, type Status } from './schema';
import { TEMPLATE_NAMES } from './template-seed';
import { parseLanguage, type TemplateRow } from './templates';
import { textKey } from './text';

export const MESSAGE_TYPES = [
  'first-inmail',
  'reply-availability',
  'thank-you',
  'outcome',
  'offer-accepted',
  'intro-request',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** What each message type is: label for the sidebar, template name, default channel. */
export interface MessageTypeInfo {
  readonly type: MessageType;
  readonly label: string;
  readonly template: string;
  readonly channel: Channel;
}

export const MESSAGE_INFO: Readonly<Record<MessageType, MessageTypeInfo>> = {
  'first-inmail': {
    type: 'first-inmail',
    label: 'First InMail',
    template: TEMPLATE_NAMES.firstInMail,
    channel: 'InMail',
  },
  'reply-availability': {
    type: 'reply-availability',
    label: 'Reply with availability',
    template: TEMPLATE_NAMES.replyAvailability,
    channel: 'Message',
  },
  'thank-you': {
    type: 'thank-you',
    label: 'Thank-you + connection request',
    template: TEMPLATE_NAMES.thankYou,
    channel: 'Connection note',
  },
  outcome: { type: 'outcome', label: 'Outcome update', template: TEMPLATE_NAMES.outcome, channel: 'Message' },
  'offer-accepted': {
    type: 'offer-accepted',
    label: 'Accepted an offer',
    template: TEMPLATE_NAMES.offerAccepted,
    channel: 'Message',
  },
  'intro-request': {
    type: 'intro-request',
    label: 'Intro request (mutual connection)',
    template: TEMPLATE_NAMES.introRequest,
    channel: 'Message',
  },
};

/** Whether a value is a message type (for validating sidebar payloads). */
export function isMessageType(v: unknown): v is MessageType {
  return typeof v === 'string' && (MESSAGE_TYPES as readonly string[]).includes(v);
}

type ContactFields = Pick<
  Contact,
  'status' | 'degree' | 'mutual' | 'thankedOn' | 'referredOn' | 'outcomeSharedOn' | 'openProfile'
>;
type JobFields = Pick<Job, 'outcome' | 'outcomeOn'>;

/** Whether the job has an outcome (other than Pending) the contact has not been told about yet. */
export function outcomeToShare(contact: ContactFields, job: JobFields | null): boolean {
  if (!job?.outcome || job.outcome === 'Pending') return false;
  if (contact.outcomeSharedOn === null) return true;
  return job.outcomeOn !== null && contact.outcomeSharedOn < job.outcomeOn;
}

/**
 * The message a contact's status calls for:
 * To contact → intro request when 2nd degree with a Mutual connection, else first InMail;
 * Messaged / No reply / Declined / Skip → first InMail; Replied and Call scheduled → reply with
 * availability; Call done or Referred → thank-you until Thanked on is set, then the outcome
 * update while the job's outcome is unshared (offer accepted when Outcome is Accepted).
 */
export function suggestMessageType(contact: ContactFields, job: JobFields | null): MessageType {
  const outcomeType: MessageType = job?.outcome === 'Accepted' ? 'offer-accepted' : 'outcome';
  switch (contact.status) {
    case 'To contact':
      return contact.degree === 2 && contact.mutual.trim() ? 'intro-request' : 'first-inmail';
    case 'Replied':
    case 'Call scheduled':
      return 'reply-availability';
    case 'Call done':
    case 'Referred':
      if (contact.thankedOn === null) return 'thank-you';
      return outcomeType;
    default:
      // A referrer whose status was moved on still hears the outcome.
      if (contact.referredOn !== null && outcomeToShare(contact, job)) return outcomeType;
      return 'first-inmail';
  }
}

/**
 * The template for a message type in a language: the row whose Name matches the type's template
 * name (case-insensitive) and whose Language matches; else the English one; else that name in
 * any language. Null when the Templates sheet has no such row.
 */
export function findTemplate<T extends TemplateRow>(
  templates: readonly T[],
  type: MessageType,
  language: Language,
): T | null {
  const name = textKey(MESSAGE_INFO[type].template);
  const named = templates.filter((t) => textKey(t.name) === name);
  return (
    named.find((t) => parseLanguage(t.language) === language) ??
    named.find((t) => parseLanguage(t.language) === 'English') ??
    named[0] ??
    null
  );
}

/** The date column a message stamps when marked as sent. */
export type StampHeader = typeof C.messagedOn | typeof C.thankedOn | typeof C.outcomeSharedOn;

/** What "Mark as sent" records for a message. */
export interface SentEffect {
  /** Date column to stamp with today. */
  stamp?: StampHeader;
  /** True when a newer date replaces an existing stamp (an outcome shared again after a new outcome). */
  overwriteStamp: boolean;
  /** Status to move to. */
  statusTo?: Status;
  /** Whether it spends an InMail credit. */
  costsCredit: boolean;
}

/**
 * What marking a message as sent does: the first InMail stamps Messaged on, moves To contact to
 * Messaged and costs a credit unless they are 1st degree or have Open Profile; the thank-you
 * stamps Thanked on; outcome and offer updates stamp Outcome shared on (replacing an older date,
 * since each new outcome is shared again); a reply or an intro request records no date.
 */
export function markSentEffect(
  type: MessageType,
  contact: Pick<Contact, 'status' | 'degree' | 'openProfile'>,
): SentEffect {
  switch (type) {
    case 'first-inmail': {
      const effect: SentEffect = {
        stamp: C.messagedOn,
        overwriteStamp: false,
        costsCredit: !(contact.degree === 1 || contact.openProfile === true),
      };
      if (contact.status === 'To contact') effect.statusTo = 'Messaged';
      return effect;
    }
    case 'thank-you':
      return { stamp: C.thankedOn, overwriteStamp: false, costsCredit: false };
    case 'outcome':
    case 'offer-accepted':
      return { stamp: C.outcomeSharedOn, overwriteStamp: true, costsCredit: false };
    default:
      return { overwriteStamp: false, costsCredit: false };
  }
}
