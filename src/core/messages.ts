// Message types of the method: their labels, templates and channels, and what sending each one records.

import type { Contact } from './rows';
import { C, type Channel, type Language, type Status } from './schema';
import { LEGACY_TEMPLATES, TEMPLATE_NAMES } from './template-seed';
import { parseLanguage, type TemplateRow } from './templates';
import { textKey } from './text';

export const MESSAGE_TYPES = [
  'first-inmail',
  'first-message',
  'connection-note',
  'intro-request',
  'reply-availability',
  'thank-you',
  'outcome',
  'offer-accepted',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** The first messages to a person (they move To contact to Messaged when marked as sent). */
export const FIRST_CONTACT: readonly MessageType[] = ['first-inmail', 'first-message', 'connection-note'];

/** What each message type is: label for the sidebar, template name, default channel. */
export interface MessageTypeInfo {
  readonly type: MessageType;
  readonly label: string;
  readonly template: string;
  readonly channel: Channel;
}

function info(type: MessageType, label: string, template: string, channel: Channel): MessageTypeInfo {
  return { type, label, template, channel };
}

export const MESSAGE_INFO: Readonly<Record<MessageType, MessageTypeInfo>> = {
  'first-inmail': info('first-inmail', 'First InMail', TEMPLATE_NAMES.firstInMail, 'InMail'),
  'first-message': info(
    'first-message',
    'First message (1st degree)',
    TEMPLATE_NAMES.firstMessage,
    'Message',
  ),
  'connection-note': info(
    'connection-note',
    'Connection request note',
    TEMPLATE_NAMES.connectionNote,
    'Connection note',
  ),
  'intro-request': info(
    'intro-request',
    'Intro request (mutual connection)',
    TEMPLATE_NAMES.introRequest,
    'Message',
  ),
  'reply-availability': info(
    'reply-availability',
    'Reply with availability',
    TEMPLATE_NAMES.replyAvailability,
    'Message',
  ),
  'thank-you': info(
    'thank-you',
    'Thank-you + connection request',
    TEMPLATE_NAMES.thankYou,
    'Connection note',
  ),
  outcome: info('outcome', 'Outcome update', TEMPLATE_NAMES.outcome, 'Message'),
  'offer-accepted': info('offer-accepted', 'Offer accepted', TEMPLATE_NAMES.offerAccepted, 'Message'),
};

/** Whether a value is a message type (for validating sidebar payloads). */
export function isMessageType(v: unknown): v is MessageType {
  return typeof v === 'string' && (MESSAGE_TYPES as readonly string[]).includes(v);
}

/**
 * The channel a message goes through: the template's, except that a 1st-degree connection is
 * already connected, so their thank-you is a Message rather than a connection request.
 */
export function channelFor(
  type: MessageType,
  templateChannel: Channel,
  contact: Pick<Contact, 'degree'>,
): Channel {
  if (type === 'thank-you' && contact.degree === 1) return 'Message';
  return templateChannel;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Whether a Templates row under a replaced name still holds the wording an earlier version seeded. */
function isUnchangedLegacy(t: TemplateRow): boolean {
  const name = textKey(t.name);
  return LEGACY_TEMPLATES.some(
    (l) =>
      textKey(l.name) === name &&
      squash(l.body) === squash(t.body) &&
      squash(l.subject) === squash(t.subject),
  );
}

/**
 * The template for a message type in a language. Rows named like the type's template count, and
 * so do rows under the name it replaced (LEGACY_TEMPLATES) when the user edited them: the user's
 * wording wins over the new seed. A replaced row still holding the old seeded wording is ignored
 * (the new template supersedes it). In order: that language, English, any language; null when the
 * sheet has none (the caller then uses the built-in seed).
 */
export function findTemplate<T extends TemplateRow>(
  templates: readonly T[],
  type: MessageType,
  language: Language,
): { template: T; legacy: boolean } | null {
  const name = textKey(MESSAGE_INFO[type].template);
  const replaced = new Set(
    LEGACY_TEMPLATES.filter((l) => textKey(l.replacedBy) === name).map((l) => textKey(l.name)),
  );
  const edited = templates.filter((t) => replaced.has(textKey(t.name)) && !isUnchangedLegacy(t));
  const current = templates.filter((t) => textKey(t.name) === name);
  const inLanguage = (lang: Language) => (t: T) => parseLanguage(t.language) === lang;
  for (const test of [inLanguage(language), inLanguage('English'), () => true]) {
    const mine = edited.find(test);
    if (mine) return { template: mine, legacy: true };
    const ours = current.find(test);
    if (ours) return { template: ours, legacy: false };
  }
  return null;
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
 * What marking a message as sent does: a first message (InMail, message or connection note)
 * stamps Messaged on and moves To contact to Messaged; only the InMail costs a credit, and not to
 * a 1st-degree connection or an Open Profile. The thank-you stamps Thanked on; outcome and offer
 * updates stamp Outcome shared on (replacing an older date, since each new outcome is shared
 * again); a reply or an intro request (sent to the mutual connection) records no date.
 */
export function markSentEffect(
  type: MessageType,
  contact: Pick<Contact, 'status' | 'degree' | 'openProfile'>,
): SentEffect {
  switch (type) {
    case 'first-inmail':
    case 'first-message':
    case 'connection-note': {
      const effect: SentEffect = {
        stamp: C.messagedOn,
        overwriteStamp: false,
        costsCredit: type === 'first-inmail' && !(contact.degree === 1 || contact.openProfile === true),
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
