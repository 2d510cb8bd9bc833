// Tests for message types: template lookup (with replaced templates), channels, and what Mark as sent records.

import {
  channelFor,
  findTemplate,
  isMessageType,
  MESSAGE_INFO,
  MESSAGE_TYPES,
  markSentEffect,
} from '../../src/core/messages';
import type { Contact } from '../../src/core/rows';
import { LEGACY_TEMPLATES, SEED_TEMPLATES } from '../../src/core/template-seed';

describe('findTemplate', () => {
  const rows = SEED_TEMPLATES.map((t) => ({ ...t }));

  it('finds every message type’s template in both languages', () => {
    for (const type of MESSAGE_TYPES) {
      expect(findTemplate(rows, type, 'English')?.template.language).toBe('English');
      expect(findTemplate(rows, type, 'Français')?.template.language).toBe('Français');
      expect(findTemplate(rows, type, 'English')?.template.channel).toBe(MESSAGE_INFO[type].channel);
    }
  });

  it('falls back to English when the language is missing', () => {
    const englishOnly = rows.filter((r) => r.language === 'English');
    expect(findTemplate(englishOnly, 'thank-you', 'Français')?.template.language).toBe('English');
  });

  it('matches names case-insensitively and languages written loosely', () => {
    const t = findTemplate(
      [
        {
          name: ' first inmail (CALL REQUEST) ',
          language: 'francais',
          channel: 'InMail',
          subject: 's',
          body: 'b',
        },
      ],
      'first-inmail',
      'Français',
    );
    expect(t).toEqual({ template: expect.objectContaining({ body: 'b' }), legacy: false });
  });

  it('returns null when the sheet has no such template', () => {
    expect(findTemplate([], 'outcome', 'English')).toBeNull();
  });

  describe('a template renamed by a new version (First InMail → First InMail (call request))', () => {
    const old = LEGACY_TEMPLATES.map((t) => ({ ...t }));

    it('ignores the old row while it holds the old seeded wording (the new template supersedes it)', () => {
      expect(findTemplate(old, 'first-inmail', 'English')).toBeNull();
      expect(findTemplate([...old, ...rows], 'first-inmail', 'English')?.template.name).toBe(
        'First InMail (call request)',
      );
    });

    it('keeps using a row the user edited under the old name, before the new one', () => {
      const edited = { ...old[0]!, body: `${old[0]!.body}\nP.S. My own line.` };
      const found = findTemplate([edited, ...rows], 'first-inmail', 'English');
      expect(found).toEqual({ template: edited, legacy: true });
      // Only in its language: French still gets the new French template.
      expect(findTemplate([edited, ...rows], 'first-inmail', 'Français')?.template.name).toBe(
        'First InMail (call request)',
      );
    });
  });
});

describe('channelFor', () => {
  it('follows the person: a 1st-degree connection’s thank-you is a message, not a connection request', () => {
    expect(channelFor('thank-you', 'Connection note', { degree: 1 })).toBe('Message');
    expect(channelFor('thank-you', 'Connection note', { degree: 2 })).toBe('Connection note');
    expect(channelFor('first-inmail', 'InMail', { degree: 1 })).toBe('InMail');
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

  it('spends a credit only on an InMail: a first message or connection note is free', () => {
    for (const type of ['first-message', 'connection-note'] as const) {
      expect(markSentEffect(type, c())).toEqual({
        stamp: 'Messaged on',
        statusTo: 'Messaged',
        overwriteStamp: false,
        costsCredit: false,
      });
    }
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
