// Mark as sent as a plan: which cells it writes, what it logs, and what the row looks like after.
import type { ActivityEntry } from '../../src/core/advice';
import { dayOf } from '../../src/core/dates';
import { nextActionForJob } from '../../src/core/followups';
import { activityNeeded, changesJobFollowUp, decideMarkSent, planMarkSent } from '../../src/core/mark-sent';
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

  function decide(row: unknown[], type: MessageType, activity: ActivityEntry[] = [], confirmed = false) {
    const contacts: Table = { headers, rows: [row as never] };
    const [contact] = parseContacts(contacts, TZ);
    return decideMarkSent({
      contacts,
      contact: contact!,
      job: null,
      type,
      plan: 'Recruiter Lite',
      activity,
      confirmed,
      timeZone: TZ,
      now: NOW,
    });
  }

  it('records a message the advice agrees with, without a confirm', () => {
    const d = decide(['Acme', 'Ann', '2nd', 'To contact', '', '', ''], 'first-inmail');
    expect(d.kind).toBe('record');
    if (d.kind === 'record') expect(d.completing).toBe(false);
  });

  it('refuses a message the advice warns about, or one already marked as sent, unless confirmed', () => {
    const messaged = new Date(NOW - 86_400_000 * 3);
    const d = decide(['Acme', 'Ann', '2nd', 'Messaged', messaged, '', ''], 'first-inmail');
    expect(d).toEqual({
      kind: 'refuse',
      message: expect.stringMatching(/^You messaged Ann on .* Nothing was recorded: confirm in the sidebar/),
    });
    const again = decide(['Acme', 'Ann', '2nd', 'Messaged', messaged, '', ''], 'first-inmail', [], true);
    expect(again.kind).toBe('record');
    if (again.kind === 'record')
      expect(again.plan.activity).toEqual([
        [new Date(NOW), 'Acme', 'Ann', 'Messaged', 'Messaged', 'Mark as sent: First InMail'],
      ]);
  });

  it('refuses a second identical reply logged on Activity unless confirmed', () => {
    const sent = logged({ from: 'Replied', to: 'Replied', by: 'Mark as sent: Reply with availability' });
    const d = decide(['Acme', 'Ann', '2nd', 'Replied', '', '', ''], 'reply-availability', [sent]);
    expect(d.kind === 'refuse' && d.message).toMatch(
      /^Already marked as sent on 2026-03-10 \(see Activity\)/,
    );
  });

  it('completes a Mark as sent that stopped after stamping: logs the real transition once, writes no cell again', () => {
    const d = decide(['Acme', 'Ann', '2nd', 'Messaged', new Date(NOW), '', ''], 'first-inmail');
    expect(d.kind).toBe('record');
    if (d.kind !== 'record') return;
    expect(d.completing).toBe(true);
    expect(d.plan.plan.columns).toEqual([]);
    expect(d.plan.activity).toEqual([
      [new Date(NOW), 'Acme', 'Ann', 'To contact', 'Messaged', 'Mark as sent'],
    ]);
    expect(d.plan.costsCredit).toBe(true);
    const thanks = decide(['Acme', 'Ann', '2nd', 'Call done', '', new Date(NOW), ''], 'thank-you');
    expect(thanks.kind === 'record' && thanks.plan.activity[0]!.slice(3)).toEqual([
      'Call done',
      'Call done',
      'Mark as sent: Thank-you + connection request',
    ]);
  });

  it('does not complete when Activity has today’s row (a repeat), an edit logged it, or the stamp is older', () => {
    const today = ['Acme', 'Ann', '2nd', 'Messaged', new Date(NOW), '', ''];
    expect(decide(today, 'first-inmail', [logged()]).kind).toBe('refuse');
    expect(decide(today, 'first-inmail', [logged({ by: 'edit' })]).kind).toBe('refuse');
    const older = ['Acme', 'Ann', '2nd', 'Messaged', new Date(NOW - 3 * 86_400_000), '', ''];
    expect(decide(older, 'first-inmail').kind).toBe('refuse');
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
