// Tests for message types: preselection by status, template lookup, and what Mark as sent records.

import { dayFromYmd } from '../../src/core/dates';
import {
  findTemplate,
  isMessageType,
  MESSAGE_INFO,
  MESSAGE_TYPES,
  markSentEffect,
  suggestMessageType,
} from '../../src/core/messages';
import type { Contact, Job } from '../../src/core/rows';
import type { Status } from '../../src/core/schema';
import { SEED_TEMPLATES } from '../../src/core/template-seed';

type C = Parameters<typeof suggestMessageType>[0];
type J = Pick<Job, 'outcome' | 'outcomeOn'>;

function person(over: Partial<C> = {}): C {
  return {
    status: 'To contact',
    degree: 2,
    mutual: '',
    thankedOn: null,
    referredOn: null,
    outcomeSharedOn: null,
    openProfile: null,
    ...over,
  };
}

const day = (m: number, d: number) => dayFromYmd(2026, m, d);
const noOutcome: J = { outcome: null, outcomeOn: null };

describe('suggestMessageType', () => {
  it('suggests the first InMail for someone to contact', () => {
    expect(suggestMessageType(person(), noOutcome)).toBe('first-inmail');
    expect(suggestMessageType(person({ degree: 1 }), null)).toBe('first-inmail');
  });

  it('suggests an intro request for a 2nd-degree contact with a mutual connection', () => {
    expect(suggestMessageType(person({ mutual: 'Pierre Martin' }), null)).toBe('intro-request');
    expect(suggestMessageType(person({ degree: 3, mutual: 'Pierre Martin' }), null)).toBe('first-inmail');
    expect(suggestMessageType(person({ mutual: '  ' }), null)).toBe('first-inmail');
  });

  it('suggests replying with availability once they replied or a call is set', () => {
    expect(suggestMessageType(person({ status: 'Replied' }), null)).toBe('reply-availability');
    expect(suggestMessageType(person({ status: 'Call scheduled' }), null)).toBe('reply-availability');
  });

  it.each<Status>(['Call done', 'Referred'])(
    'suggests the thank-you after %s until Thanked on is set',
    (status) => {
      expect(suggestMessageType(person({ status }), { outcome: 'Offer', outcomeOn: day(3, 1) })).toBe(
        'thank-you',
      );
      expect(
        suggestMessageType(person({ status, thankedOn: day(3, 2) }), {
          outcome: 'Offer',
          outcomeOn: day(3, 5),
        }),
      ).toBe('outcome');
    },
  );

  it('suggests the offer-accepted update when the job’s outcome is Accepted', () => {
    const c = person({ status: 'Referred', thankedOn: day(3, 2), referredOn: day(3, 1) });
    expect(suggestMessageType(c, { outcome: 'Accepted', outcomeOn: day(3, 20) })).toBe('offer-accepted');
  });

  it('suggests the outcome to a referrer whose status was moved on, while it is unshared', () => {
    const c = person({ status: 'No reply', referredOn: day(3, 1), thankedOn: day(3, 2) });
    expect(suggestMessageType(c, { outcome: 'Rejected', outcomeOn: day(3, 10) })).toBe('outcome');
    expect(
      suggestMessageType(
        { ...c, outcomeSharedOn: day(3, 11) },
        { outcome: 'Rejected', outcomeOn: day(3, 10) },
      ),
    ).toBe('first-inmail');
    expect(suggestMessageType(c, { outcome: 'Pending', outcomeOn: null })).toBe('first-inmail');
  });

  it.each<Status>(['Messaged', 'No reply', 'Declined', 'Skip'])(
    'falls back to the first InMail for %s',
    (status) => {
      expect(suggestMessageType(person({ status }), null)).toBe('first-inmail');
    },
  );
});

describe('findTemplate', () => {
  const rows = SEED_TEMPLATES.map((t) => ({ ...t }));

  it('finds every message type’s template in both languages', () => {
    for (const type of MESSAGE_TYPES) {
      expect(findTemplate(rows, type, 'English')?.language).toBe('English');
      expect(findTemplate(rows, type, 'Français')?.language).toBe('Français');
      expect(findTemplate(rows, type, 'English')?.channel).toBe(MESSAGE_INFO[type].channel);
    }
  });

  it('falls back to English when the language is missing', () => {
    const englishOnly = rows.filter((r) => r.language === 'English');
    expect(findTemplate(englishOnly, 'thank-you', 'Français')?.language).toBe('English');
  });

  it('matches names case-insensitively and languages written loosely', () => {
    const t = findTemplate(
      [{ name: ' first inmail ', language: 'francais', channel: 'InMail', subject: 's', body: 'b' }],
      'first-inmail',
      'Français',
    );
    expect(t?.body).toBe('b');
  });

  it('returns null when the sheet has no such template', () => {
    expect(findTemplate([], 'outcome', 'English')).toBeNull();
  });
});

describe('markSentEffect', () => {
  const c = (over: Partial<Contact> = {}) =>
    ({ status: 'To contact', degree: 2, openProfile: null, ...over }) as Pick<
      Contact,
      'status' | 'degree' | 'openProfile'
    >;

  it('stamps Messaged on, moves To contact to Messaged and costs a credit for a first InMail', () => {
    expect(markSentEffect('first-inmail', c())).toEqual({
      stamp: 'Messaged on',
      statusTo: 'Messaged',
      overwriteStamp: false,
      costsCredit: true,
    });
  });

  it('costs no credit for a 1st-degree contact or an Open Profile', () => {
    expect(markSentEffect('first-inmail', c({ degree: 1 })).costsCredit).toBe(false);
    expect(markSentEffect('first-inmail', c({ openProfile: true })).costsCredit).toBe(false);
    expect(markSentEffect('first-inmail', c({ openProfile: false, degree: 3 })).costsCredit).toBe(true);
  });

  it('does not move a status that is already past To contact', () => {
    expect(markSentEffect('first-inmail', c({ status: 'Replied' })).statusTo).toBeUndefined();
  });

  it('stamps Thanked on for the thank-you and Outcome shared on for outcome updates', () => {
    expect(markSentEffect('thank-you', c({ status: 'Call done' }))).toEqual({
      stamp: 'Thanked on',
      overwriteStamp: false,
      costsCredit: false,
    });
    for (const type of ['outcome', 'offer-accepted'] as const)
      expect(markSentEffect(type, c({ status: 'Referred' }))).toEqual({
        stamp: 'Outcome shared on',
        overwriteStamp: true,
        costsCredit: false,
      });
  });

  it('records no date and keeps the status for a reply or an intro request', () => {
    expect(markSentEffect('reply-availability', c({ status: 'Replied' }))).toEqual({
      overwriteStamp: false,
      costsCredit: false,
    });
    expect(markSentEffect('intro-request', c())).toEqual({ overwriteStamp: false, costsCredit: false });
  });

  it('validates message types from the sidebar', () => {
    expect(isMessageType('thank-you')).toBe(true);
    expect(isMessageType('drop-table')).toBe(false);
    expect(isMessageType(3)).toBe(false);
  });
});
