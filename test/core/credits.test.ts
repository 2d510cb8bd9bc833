// InMail credits: cost per contact, monthly allowance per plan, and the estimate of credits left.

import { creditsFor, creditsLeft, MONTHLY_CREDITS } from '../../src/core/credits';
import { dayFromYmd } from '../../src/core/dates';
import type { Contact } from '../../src/core/rows';
import { defaultSettings, type Settings } from '../../src/core/settings';
import { makeContact } from '../helpers/fixtures';

const TODAY = dayFromYmd(2026, 3, 20);

const contact = (over: Partial<Contact>): Contact => makeContact({ degree: 2, status: 'Messaged', ...over });

const settings = (over: Partial<Settings> = {}): Settings => ({ ...defaultSettings(), ...over });

describe('credits', () => {
  it('costs nothing to message a 1st-degree connection or an Open Profile, one credit otherwise', () => {
    expect(creditsFor({ degree: 1, openProfile: null })).toBe(0);
    expect(creditsFor({ degree: 1, openProfile: false })).toBe(0);
    expect(creditsFor({ degree: 2, openProfile: true })).toBe(0);
    expect(creditsFor({ degree: 3, openProfile: true })).toBe(0);
    expect(creditsFor({ degree: 2, openProfile: false })).toBe(1);
    expect(creditsFor({ degree: 3, openProfile: null })).toBe(1);
    expect(creditsFor({ degree: null, openProfile: null })).toBe(1);
  });

  it.each([
    ['Free', 0],
    ['Premium Career', 5],
    ['Premium Business', 15],
    ['Recruiter Lite', 30],
    ['Sales Navigator', 50],
  ] as const)('grants %s %i credits a month', (plan, n) => {
    expect(MONTHLY_CREDITS[plan]).toBe(n);
    expect(creditsLeft([], settings({ plan }), TODAY)).toMatchObject({ left: n, estimated: true });
  });

  it('uses "InMail credits left" from Settings when given', () => {
    const sent = [contact({ messagedOn: TODAY - 1 })];
    expect(creditsLeft(sent, settings({ creditsLeft: 7 }), TODAY)).toMatchObject({
      left: 7,
      estimated: false,
    });
  });

  it('estimates: allowance minus paid InMails sent this calendar month', () => {
    const list = [
      contact({ messagedOn: dayFromYmd(2026, 3, 1) }),
      contact({ messagedOn: dayFromYmd(2026, 3, 19) }),
      contact({ messagedOn: dayFromYmd(2026, 2, 28) }), // last month: not counted
      contact({ messagedOn: dayFromYmd(2026, 3, 10), degree: 1 }), // free
      contact({ messagedOn: dayFromYmd(2026, 3, 10), openProfile: true }), // free
      contact({ messagedOn: null }),
    ];
    expect(creditsLeft(list, settings({ plan: 'Premium Business' }), TODAY)).toEqual({
      left: 13,
      estimated: true,
      allowance: 15,
      spent: 2,
      refunded: 0,
    });
  });

  it('gives a credit back for an InMail answered within 90 days', () => {
    const list = [
      contact({ messagedOn: dayFromYmd(2026, 3, 2), repliedOn: dayFromYmd(2026, 3, 5), status: 'Replied' }),
      contact({ messagedOn: dayFromYmd(2026, 3, 3), status: 'Call done' }), // answered, date not stamped
      contact({ messagedOn: dayFromYmd(2026, 3, 4), status: 'No reply' }),
    ];
    expect(creditsLeft(list, settings({ plan: 'Premium Career' }), TODAY)).toMatchObject({
      left: 4,
      spent: 3,
      refunded: 2,
    });
  });

  it('never estimates fewer than zero credits', () => {
    const list = Array.from({ length: 9 }, () => contact({ messagedOn: TODAY }));
    expect(creditsLeft(list, settings({ plan: 'Premium Career' }), TODAY).left).toBe(0);
  });
});
