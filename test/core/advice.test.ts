// What the sidebar advises (PRODUCT.md point 20) and what needs a confirm (point 21), in core.
import {
  type ActivityEntry,
  type AdviceContact,
  adviseMessage,
  fallbackType,
  firstMessageFor,
  lastSent,
  parseActivityRows,
  warningsFor,
} from '../../src/core/advice';
import { dayFromYmd } from '../../src/core/dates';
import { MESSAGE_TYPES, type MessageType } from '../../src/core/messages';
import type { Job } from '../../src/core/rows';
import { type Plan, STATUSES, type Status } from '../../src/core/schema';

const TZ = 'Europe/Paris';
const day = (m: number, d: number) => dayFromYmd(2026, m, d);
const ctx = (plan: Plan = 'Recruiter Lite') => ({ plan, timeZone: TZ });
type J = Pick<Job, 'outcome' | 'outcomeOn'>;
const pending: J = { outcome: 'Pending', outcomeOn: null };

function person(over: Partial<AdviceContact> = {}): AdviceContact {
  return {
    name: 'Ann Lee',
    company: 'Acme',
    status: 'To contact',
    current: true,
    degree: 2,
    openProfile: null,
    mutual: '',
    messagedOn: null,
    callOn: null,
    referredOn: null,
    thankedOn: null,
    outcomeSharedOn: null,
    ...over,
  };
}

describe('adviseMessage', () => {
  it('suggests a free Message, no InMail, to a 1st-degree connection', () => {
    expect(adviseMessage(person({ degree: 1 }), null, ctx())).toMatchObject({
      kind: 'message',
      suggested: 'first-message',
    });
  });

  it('suggests an intro request when a 2nd-degree contact has a Mutual connection', () => {
    const a = adviseMessage(person({ mutual: 'Pierre Martin' }), null, ctx());
    expect(a).toMatchObject({
      suggested: 'intro-request',
      why: 'Pierre Martin knows Ann Lee: ask them for an introduction.',
    });
    expect(adviseMessage(person({ degree: 3, mutual: 'Pierre Martin' }), null, ctx()).suggested).toBe(
      'first-inmail',
    );
  });

  it('suggests a connection note (at most 200 characters) on a Free plan, unless they have Open Profile', () => {
    const a = adviseMessage(person(), null, ctx('Free'));
    expect(a.suggested).toBe('connection-note');
    expect(a.why).toMatch(/200 characters/);
    expect(adviseMessage(person({ openProfile: true }), null, ctx('Free')).suggested).toBe('first-inmail');
    expect(adviseMessage(person(), null, ctx('Premium Career')).suggested).toBe('first-inmail');
  });

  it('suggests the reply with availability once they replied', () => {
    expect(adviseMessage(person({ status: 'Replied' }), null, ctx()).suggested).toBe('reply-availability');
  });

  it('points to the call guide for a scheduled call, with its date in the spreadsheet’s zone', () => {
    const a = adviseMessage(
      person({ status: 'Call scheduled', callOn: Date.parse('2026-03-12T23:30:00Z') }),
      null,
      ctx(),
    );
    expect(a).toEqual({
      kind: 'call-guide',
      suggested: null,
      why: 'Your call is on 2026-03-13: prepare your questions (Call guide tab).',
    });
  });

  it.each<Status>(['Call done', 'Referred'])(
    'suggests the thank-you after %s, then the outcome',
    (status) => {
      expect(adviseMessage(person({ status }), pending, ctx()).suggested).toBe('thank-you');
      const thanked = person({ status, thankedOn: day(3, 2) });
      expect(adviseMessage(thanked, { outcome: 'Offer', outcomeOn: day(3, 5) }, ctx()).suggested).toBe(
        'outcome',
      );
      expect(adviseMessage(thanked, { outcome: 'Accepted', outcomeOn: day(3, 5) }, ctx()).suggested).toBe(
        'offer-accepted',
      );
      expect(adviseMessage(thanked, pending, ctx())).toMatchObject({ kind: 'none', suggested: null });
      const told = { ...thanked, outcomeSharedOn: day(3, 6) };
      expect(adviseMessage(told, { outcome: 'Offer', outcomeOn: day(3, 5) }, ctx()).kind).toBe('none');
    },
  );

  it.each<[Status, RegExp]>([
    [
      'Messaged',
      /^You messaged Ann Lee on 2026-03-02: wait for a reply; if none comes, try another person at Acme\.$/,
    ],
    ['No reply', /^Ann Lee did not reply: try another person at Acme\.$/],
    ['Declined', /^Ann Lee declined: try another person at Acme\.$/],
    ['Skip', /^You chose to skip Ann Lee/],
  ])('suggests nothing for %s, and says why', (status, why) => {
    const a = adviseMessage(person({ status, messagedOn: day(3, 2) }), null, ctx());
    expect(a.kind).toBe('none');
    expect(a.suggested).toBeNull();
    expect(a.why).toMatch(why);
  });

  it('suggests nothing to someone who no longer works there (Current = No), and says why', () => {
    expect(adviseMessage(person({ current: false }), null, ctx())).toEqual({
      kind: 'none',
      suggested: null,
      why: 'Ann Lee no longer works at Acme (Current = No), so they cannot refer you there.',
    });
  });

  it('never suggests a message it would warn about', () => {
    for (const status of STATUSES)
      for (const degree of [1, 2, 3, null] as const)
        for (const plan of ['Free', 'Recruiter Lite'] as Plan[])
          for (const mutual of ['', 'Pierre'])
            for (const thankedOn of [null, day(3, 1)]) {
              const c = person({ status, degree, mutual, thankedOn });
              const job: J = { outcome: 'Offer', outcomeOn: day(3, 2) };
              const a = adviseMessage(c, job, ctx(plan));
              if (a.suggested)
                expect({ c, w: warningsFor(a.suggested, c, job, ctx(plan)) }).toEqual({ c, w: [] });
              else expect(MESSAGE_TYPES).toContain(fallbackType(c, job, plan));
            }
  });
});

describe('firstMessageFor', () => {
  it('picks the channel that fits the person and the plan', () => {
    expect(firstMessageFor({ degree: 1, mutual: 'x', openProfile: null }, 'Free')).toBe('first-message');
    expect(firstMessageFor({ degree: null, mutual: '', openProfile: false }, 'Free')).toBe('connection-note');
    expect(firstMessageFor({ degree: 3, mutual: '', openProfile: true }, 'Free')).toBe('first-inmail');
  });
});

describe('warningsFor', () => {
  const w = (
    type: MessageType,
    over: Partial<AdviceContact> = {},
    job: J | null = pending,
    plan: Plan = 'Recruiter Lite',
  ) => warningsFor(type, person(over), job, ctx(plan));

  it('warns before a first message to someone Declined, Skip, No reply, already Messaged or gone', () => {
    expect(w('first-inmail', { status: 'Declined' })).toEqual([
      'Ann Lee declined: try another person at Acme.',
    ]);
    expect(w('first-inmail', { status: 'Skip' })[0]).toMatch(/skip/);
    expect(w('first-inmail', { status: 'No reply' })[0]).toMatch(/did not reply/);
    expect(w('first-inmail', { status: 'Messaged', messagedOn: day(3, 2) })).toEqual([
      'You messaged Ann Lee on 2026-03-02: wait for a reply; if none comes, try another person at Acme.',
      'Already marked as sent: Messaged on is 2026-03-02.',
    ]);
    expect(w('first-inmail', { current: false })[0]).toMatch(/Current = No/);
    expect(w('first-inmail')).toEqual([]);
  });

  it('warns when the channel does not fit the person', () => {
    expect(w('first-inmail', { degree: 1 })[0]).toMatch(/1st-degree connection: a message is free/);
    expect(w('first-inmail', {}, pending, 'Free')[0]).toMatch(/Free plan you have no InMail credits/);
    expect(w('first-inmail', { openProfile: true }, pending, 'Free')).toEqual([]);
    expect(w('first-message', { degree: 2 })[0]).toMatch(/not a 1st-degree connection/);
    expect(w('connection-note', { degree: 1 })[0]).toMatch(/already connected/);
    expect(w('intro-request')[0]).toMatch(/No Mutual connection/);
    expect(w('connection-note')).toEqual([]);
  });

  it('warns about the availability reply before a reply or once the call is set', () => {
    expect(w('reply-availability', { status: 'Call scheduled' })[0]).toMatch(/call is already scheduled/);
    expect(w('reply-availability', { status: 'Messaged' })[0]).toBe(
      'This answers a reply, and Status is Messaged: you are waiting for their reply.',
    );
    expect(w('reply-availability', { status: 'Replied' })).toEqual([]);
  });

  it('warns about a thank-you before the call or when already thanked', () => {
    expect(w('thank-you', { status: 'Replied' })[0]).toMatch(/follows the call/);
    expect(w('thank-you', { status: 'Call done', thankedOn: day(3, 3) })).toEqual([
      'Already marked as sent: Thanked on is 2026-03-03.',
    ]);
  });

  it('warns about an outcome update with nothing to tell, already told, or to someone who did not help', () => {
    const done = { status: 'Referred' as Status, thankedOn: day(3, 1), referredOn: day(3, 1) };
    expect(w('outcome', done)[0]).toMatch(/Outcome is Pending on Jobs: nothing to tell yet/);
    expect(w('outcome', done, null)[0]).toMatch(/No job on Jobs/);
    expect(
      w('outcome', { ...done, outcomeSharedOn: day(3, 9) }, { outcome: 'Offer', outcomeOn: day(3, 8) }),
    ).toEqual(['Already marked as sent: Outcome shared on is 2026-03-09, after the outcome.']);
    expect(w('outcome', done, { outcome: 'Offer', outcomeOn: day(3, 8) })).toEqual([]);
    expect(w('outcome', { status: 'Messaged' }, { outcome: 'Offer', outcomeOn: day(3, 8) })[0]).toMatch(
      /has not helped you/,
    );
    expect(w('offer-accepted', done, { outcome: 'Offer', outcomeOn: day(3, 8) })).toEqual([
      "The job's Outcome is not Accepted: send this only if you accepted an offer elsewhere.",
    ]);
  });

  it('warns when Activity already holds the same message to this person', () => {
    const sent: ActivityEntry = {
      row: 7,
      at: Date.parse('2026-03-09T10:00:00Z'),
      company: 'ACME',
      name: 'ann lee',
      from: 'Replied',
      to: 'Replied',
      by: 'Mark as sent: Reply with availability',
    };
    const c = person({ status: 'Replied' });
    expect(lastSent('reply-availability', c, [sent])).toBe(sent);
    expect(lastSent('reply-availability', { ...c, name: 'Bob' }, [sent])).toBeNull();
    expect(warningsFor('reply-availability', c, null, { ...ctx(), sent })).toEqual([
      'Already marked as sent on 2026-03-09 (see Activity).',
    ]);
  });
});

describe('Activity rows', () => {
  it('are read by header, and a first message is recognised by its Status move or its label', () => {
    const rows = parseActivityRows(
      ['Timestamp', 'Company', 'Name', 'From status', 'To status', 'By'],
      [
        {
          row: 2,
          cells: [new Date('2026-03-01T09:00:00Z'), 'Acme', 'Ann Lee', 'To contact', 'Messaged', 'edit'],
        },
        {
          row: 3,
          cells: [
            new Date('2026-03-02T09:00:00Z'),
            'Acme',
            'Ann Lee',
            'To contact',
            'Messaged',
            'Mark as sent',
          ],
        },
        {
          row: 4,
          cells: [
            'not a date',
            'Acme',
            'Ann Lee',
            'Messaged',
            'Messaged',
            'Mark as sent: Connection request note',
          ],
        },
      ],
    );
    expect(rows[2]).toMatchObject({ row: 4, at: null, by: 'Mark as sent: Connection request note' });
    const c = person();
    expect(lastSent('first-inmail', c, rows.slice(0, 2))?.row).toBe(3);
    expect(lastSent('first-message', c, rows)?.row).toBe(3);
    expect(lastSent('first-inmail', c, rows.slice(0, 1))).toBeNull();
    expect(lastSent('thank-you', c, rows)).toBeNull();
  });
});
