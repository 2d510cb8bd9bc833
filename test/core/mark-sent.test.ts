// Mark as sent as a plan: which cells it writes, what it logs, and what the row looks like after.
import type { ActivityEntry } from '../../src/core/advice';
import { dayOf } from '../../src/core/dates';
import { nextActionForJob } from '../../src/core/followups';
import {
  activityNeeded,
  changesJobFollowUp,
  decideMarkSent,
  type MarkSentRecord,
  markSentRecord,
  parseMarkSentRecord,
  planMarkSent,
  planRecordWrites,
} from '../../src/core/mark-sent';
import type { MessageType } from '../../src/core/messages';
import { MESSAGE_TYPES } from '../../src/core/messages';
import type { Job } from '../../src/core/rows';
import { parseContacts } from '../../src/core/rows';
import { STATUSES } from '../../src/core/schema';
import { defaultSettings } from '../../src/core/settings';
import type { Table } from '../../src/core/table';
import { makeContact } from '../helpers/fixtures';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const TZ = 'Europe/Paris';
const NOW = Date.parse('2026-03-10T08:00:00Z');
const HEADERS = ['Company', 'Name', 'Degree', 'Status', 'Messaged on', 'Thanked on', 'Outcome shared on'];

function plan(row: unknown[], type: Parameters<typeof planMarkSent>[0]['type']) {
  const contacts: Table = { headers: HEADERS, rows: [row as never] };
  const [contact] = parseContacts(contacts, TZ);
  return planMarkSent({ contacts, contact: contact!, type, timeZone: TZ, now: NOW });
}

const written = (p: ReturnType<typeof plan>) =>
  Object.fromEntries(p.plan.columns.map((c) => [c.header, c.values?.[0]]));

describe('planMarkSent', () => {
  it('moves To contact to Messaged, stamps Messaged on once and logs the move by Mark as sent', () => {
    const p = plan(['Acme', 'Ann', '2nd', 'To contact', '', '', ''], 'first-inmail');
    expect(p.statusTo).toBe('Messaged');
    expect(p.costsCredit).toBe(true);
    const w = written(p);
    expect(w.Status).toBe('Messaged');
    expect((w['Messaged on'] as Date).toISOString()).toBe('2026-03-09T23:00:00.000Z');
    expect(p.plan.columns.filter((c) => c.header === 'Messaged on')).toHaveLength(1);
    expect(p.activity).toEqual([[new Date(NOW), 'Acme', 'Ann', 'To contact', 'Messaged', 'Mark as sent']]);
    expect(p.after.rows[0]![3]).toBe('Messaged');
  });

  it('stamps Thanked on without moving Status and logs the message itself', () => {
    const p = plan(['Acme', 'Ann', '1st', 'Call done', '', '', ''], 'thank-you');
    expect(p.statusTo).toBe('Call done');
    expect(Object.keys(written(p))).toEqual(['Thanked on']);
    expect(p.activity[0]!.slice(3)).toEqual([
      'Call done',
      'Call done',
      'Mark as sent: Thank-you + connection request',
    ]);
  });

  it('never overwrites a Thanked on already there, but replaces an older Outcome shared on', () => {
    const old = new Date('2026-02-01T00:00:00Z');
    expect(written(plan(['Acme', 'Ann', '1st', 'Referred', '', old, ''], 'thank-you'))).toEqual({});
    expect(written(plan(['Acme', 'Ann', '1st', 'Referred', '', old, old], 'outcome'))).toHaveProperty(
      'Outcome shared on',
    );
  });

  it('escapes user text copied into Activity', () => {
    const p = plan(['=evil()', 'Ann', '1st', 'Call done', '', '', ''], 'thank-you');
    expect(p.activity[0]![1]).toBe("'=evil()");
  });
});

describe('decideMarkSent', () => {
  const headers = HEADERS;
  const SETTINGS = [['InMail credits left', 10]];
  const logged = (over: Partial<ActivityEntry> = {}): ActivityEntry => ({
    row: 5,
    at: NOW - 60_000,
    company: 'Acme',
    name: 'Ann',
    from: 'To contact',
    to: 'Messaged',
    by: 'Mark as sent',
    ...over,
  });

  function decide(
    row: unknown[],
    type: MessageType,
    activity: ActivityEntry[] = [],
    confirmed = false,
    unfinished: MarkSentRecord | null = null,
  ) {
    const contacts: Table = { headers, rows: [row as never] };
    const [contact] = parseContacts(contacts, TZ);
    return decideMarkSent({
      contacts,
      contact: contact!,
      job: null,
      type,
      plan: 'Recruiter Lite',
      settingsRows: SETTINGS,
      activity,
      unfinished,
      confirmed,
      timeZone: TZ,
      now: NOW,
    });
  }

  it('records a message the advice agrees with, without a confirm: what it writes, decided once', () => {
    const d = decide(['Acme', 'Ann', '2nd', 'To contact', '', '', ''], 'first-inmail');
    expect(d).toEqual({
      kind: 'record',
      finishing: false,
      record: {
        type: 'first-inmail',
        at: NOW,
        from: 'To contact',
        to: 'Messaged',
        by: 'Mark as sent',
        stamps: [{ header: 'Messaged on', at: Date.parse('2026-03-09T23:00:00Z'), was: 's' }],
        credit: { from: 10, to: 9 },
      },
    });
    // As stored and read back.
    if (d.kind === 'record') expect(parseMarkSentRecord(JSON.stringify(d.record))).toEqual(d.record);
  });

  it('refuses a message the advice warns about, or one already marked as sent, unless confirmed', () => {
    const messaged = new Date(NOW - 86_400_000 * 3);
    const d = decide(['Acme', 'Ann', '2nd', 'Messaged', messaged, '', ''], 'first-inmail');
    expect(d).toEqual({
      kind: 'refuse',
      message: expect.stringMatching(/^You messaged Ann on .* Nothing was recorded: confirm in the sidebar/),
    });
    const again = decide(['Acme', 'Ann', '2nd', 'Messaged', messaged, '', ''], 'first-inmail', [], true);
    expect(again.kind === 'record' && again.record).toMatchObject({
      from: 'Messaged',
      to: 'Messaged',
      by: 'Mark as sent: First InMail',
      stamps: [],
      credit: { from: 10, to: 9 },
    });
  });

  it('refuses a second identical reply logged on Activity unless confirmed', () => {
    const sent = logged({ from: 'Replied', to: 'Replied', by: 'Mark as sent: Reply with availability' });
    const d = decide(['Acme', 'Ann', '2nd', 'Replied', '', '', ''], 'reply-availability', [sent]);
    expect(d.kind === 'refuse' && d.message).toMatch(
      /^Already marked as sent on 2026-03-10 \(see Activity\)/,
    );
  });

  it('finishes the unfinished record of the same message whatever the row shows, without a confirm', () => {
    const first = decide(['Acme', 'Ann', '2nd', 'To contact', '', '', ''], 'first-inmail');
    if (first.kind !== 'record') throw new Error('recorded');
    const halfway = ['Acme', 'Ann', '2nd', 'Messaged', new Date(NOW), '', ''];
    expect(decide(halfway, 'first-inmail', [], false, first.record)).toEqual({
      kind: 'record',
      record: first.record,
      finishing: true,
    });
    // Another message's record is no reason to write without a confirm.
    expect(decide(halfway, 'first-message', [], false, first.record).kind).toBe('refuse');
  });

  it('does not take a stamp dated today for an unfinished Mark as sent: without its record, it is a repeat', () => {
    const today = ['Acme', 'Ann', '2nd', 'Messaged', new Date(NOW), '', ''];
    expect(decide(today, 'first-inmail').kind).toBe('refuse');
    expect(decide(today, 'first-inmail', [logged()]).kind).toBe('refuse');
    const thanked = ['Acme', 'Ann', '2nd', 'Call done', '', new Date(NOW), ''];
    expect(decide(thanked, 'thank-you').kind).toBe('refuse');
  });
});

describe('planRecordWrites', () => {
  const SETTINGS = [
    ['Your name', 'Sam'],
    ['InMail credits left', 10],
  ];

  function writesFor(
    row: unknown[],
    record: MarkSentRecord,
    o: { finishing?: boolean; activity?: ActivityEntry[]; settings?: unknown[][] } = {},
  ) {
    const contacts: Table = { headers: HEADERS, rows: [row as never] };
    const [contact] = parseContacts(contacts, TZ);
    return planRecordWrites({
      contacts,
      contact: contact!,
      record,
      settingsRows: (o.settings ?? SETTINGS) as never,
      activity: o.activity ?? [],
      finishing: o.finishing ?? true,
    });
  }

  const fresh = ['Acme', 'Ann', '2nd', 'To contact', '', '', ''];
  const contacts: Table = { headers: HEADERS, rows: [fresh as never] };
  const record = markSentRecord({
    type: 'first-inmail',
    now: NOW,
    planned: planMarkSent({
      contacts,
      contact: parseContacts(contacts, TZ)[0]!,
      type: 'first-inmail',
      timeZone: TZ,
      now: NOW,
    }),
    headers: HEADERS,
    cells: fresh as never,
    settingsRows: SETTINGS as never,
  });
  const midnight = new Date('2026-03-09T23:00:00Z');
  const cellsOf = (w: ReturnType<typeof writesFor>) =>
    Object.fromEntries(w.plan.columns.map((c) => [c.header, c.values?.[0]]));
  const row = [new Date(NOW), 'Acme', 'Ann', 'To contact', 'Messaged', 'Mark as sent'];
  /** That row as Activity holds it, once a run has appended it (row 9). */
  const annLogged = {
    row: 9,
    at: NOW,
    company: 'Acme',
    name: 'Ann',
    from: 'To contact',
    to: 'Messaged',
    by: 'Mark as sent',
  };

  it('on its first run, is the whole plan: Status, the stamp, the credit, the Activity row', () => {
    const w = writesFor(fresh, record, { finishing: false });
    expect(cellsOf(w)).toEqual({ Status: 'Messaged', 'Messaged on': midnight });
    expect(w.after.rows[0]).toEqual(['Acme', 'Ann', '2nd', 'Messaged', midnight, '', '']);
    expect(w.changed).toEqual(['Status', 'Messaged on']);
    expect(w.credit).toEqual({ index: 1, value: 9 });
    expect(w.creditsLeft).toBe(9);
    expect(w.activity).toEqual([row]);
  });

  it('after a stop, writes only what is left: each cell while it holds what the first run read', () => {
    // Stopped after the stamp: Status still To contact.
    const stamped = writesFor(['Acme', 'Ann', '2nd', 'To contact', midnight, '', ''], record);
    expect(cellsOf(stamped)).toEqual({ Status: 'Messaged' });
    expect(stamped.changed).toEqual(['Status', 'Messaged on']);
    // Stopped after Status and the stamp, and after the credit (Settings shows 9 now).
    const credited = writesFor(['Acme', 'Ann', '2nd', 'Messaged', midnight, '', ''], record, {
      settings: [['InMail credits left', 9]],
    });
    expect(cellsOf(credited)).toEqual({});
    expect(credited.credit).toBeNull();
    expect(credited.creditsLeft).toBe(9);
    expect(credited.activity).toEqual([row]);
    // Stopped after the Activity row: nothing left but to say so.
    const done = writesFor(['Acme', 'Ann', '2nd', 'Messaged', midnight, '', ''], record, {
      settings: [['InMail credits left', 9]],
      activity: [annLogged],
    });
    expect([done.plan.columns, done.credit, done.activity]).toEqual([[], null, []]);
  });

  it('leaves a cell the user changed since, and a credit figure they changed', () => {
    const w = writesFor(['Acme', 'Ann', '2nd', 'Replied', new Date(NOW - 86_400_000 * 5), '', ''], record, {
      settings: [['InMail credits left', 30]],
    });
    expect(cellsOf(w)).toEqual({});
    expect([w.credit, w.creditsLeft]).toEqual([null, null]);
  });

  it('logs again on a first run even when Activity shows the same message a moment ago (a confirmed repeat)', () => {
    const w = writesFor(fresh, record, {
      finishing: false,
      activity: [annLogged],
    });
    expect(w.activity).toEqual([row]);
  });
});

describe('parseMarkSentRecord', () => {
  it('ignores what is not a record', () => {
    for (const text of [
      null,
      '',
      'x',
      '{}',
      '[]',
      '{"type":"first-inmail"}',
      JSON.stringify({
        type: 'nope',
        at: 1,
        from: 'To contact',
        to: 'Messaged',
        by: '',
        stamps: [],
        credit: null,
      }),
    ])
      expect(parseMarkSentRecord(text)).toBeNull();
  });
});

describe('activityNeeded', () => {
  const contact = (row: unknown[]) => parseContacts({ headers: HEADERS, rows: [row as never] }, TZ)[0]!;

  it('reads Activity only for a message that stamps nothing, or one the row shows stamped today', () => {
    const fresh = contact(['Acme', 'Ann', '2nd', 'To contact', '', '', '']);
    expect(activityNeeded('first-inmail', fresh, NOW, TZ)).toBe(false);
    expect(activityNeeded('reply-availability', fresh, NOW, TZ)).toBe(true);
    expect(activityNeeded('intro-request', fresh, NOW, TZ)).toBe(true);
    expect(
      activityNeeded(
        'first-inmail',
        contact(['Acme', 'Ann', '2nd', 'Messaged', new Date(NOW), '', '']),
        NOW,
        TZ,
      ),
    ).toBe(true);
    expect(
      activityNeeded(
        'thank-you',
        contact(['Acme', 'Ann', '2nd', 'Call done', '', new Date(NOW - 86_400_000 * 2), '']),
        NOW,
        TZ,
      ),
    ).toBe(false);
  });
});

describe('changesJobFollowUp', () => {
  const settings = defaultSettings();

  it('says truly which messages can change a job’s follow-up (job rules run before and after on many companies)', () => {
    const random = rng(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const day = (d: number | null) => (d === null ? null : dayOf(NOW, TZ) - d);
    for (let trial = 0; trial < 400; trial++) {
      const job: Job = {
        index: 0,
        row: 2,
        company: 'Acme',
        job: 'Analyst',
        postingUrl: '',
        referralProcess: '',
        apply: pick([null, 'Before referral', 'After referral', 'Unknown'] as const),
        appliedOn: day(pick([null, 1])),
        outcome: pick([null, 'Pending', 'Offer', 'Accepted', 'Rejected'] as const),
        outcomeOn: day(pick([null, 2, 5])),
        problems: [],
      };
      const people = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) =>
        makeContact({
          index: i,
          row: i + 2,
          status: pick(STATUSES),
          degree: pick([1, 2, 3, null] as const),
          callOn: pick([null, NOW - 86_400_000, NOW + 86_400_000]),
          referredOn: day(pick([null, 3])),
          thankedOn: day(pick([null, 2])),
          outcomeSharedOn: day(pick([null, 1, 6])),
          messagedOn: day(pick([null, 4])),
        }),
      );
      for (const type of MESSAGE_TYPES) {
        const target = people[0]!;
        const contacts: Table = {
          headers: HEADERS,
          rows: [['Acme', target.name, '2nd', target.status, '', '', '']],
        };
        const p = planMarkSent({ contacts, contact: target, type, timeZone: TZ, now: NOW });
        const after = parseContacts(p.after, TZ)[0]!;
        const moved = {
          ...target,
          status: after.status,
          messagedOn: after.messagedOn ?? target.messagedOn,
          thankedOn: after.thankedOn ?? target.thankedOn,
          outcomeSharedOn: after.outcomeSharedOn ?? target.outcomeSharedOn,
        };
        const before = nextActionForJob(job, people, settings, NOW, TZ);
        const later = nextActionForJob(job, [moved, ...people.slice(1)], settings, NOW, TZ);
        if (!changesJobFollowUp(type)) expect({ type, trial, later }).toEqual({ type, trial, later: before });
      }
    }
  });
});
