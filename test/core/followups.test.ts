// Follow-up rules for Contacts and Jobs, table-driven at a fixed "now", across time zones and DST changes.

import { type Day, dayFromYmd, dayOf, zonedToInstant } from '../../src/core/dates';
import {
  CONTACT_ACTIONS as A,
  contactFollowUps,
  type FollowUpContact,
  type FollowUpJob,
  type FollowUpSettings,
  fillFor,
  JOB_ACTIONS,
  jobFollowUps,
  nextActionForContact,
  nextActionForJob,
} from '../../src/core/followups';
import { DUE_TODAY_FILL, OVERDUE_FILL, type Status } from '../../src/core/schema';
import { defaultSettings } from '../../src/core/settings';

const PARIS = 'Europe/Paris';
const SETTINGS: FollowUpSettings = defaultSettings(); // answer 1, thank 1, no reply 7, apply 2, share 2

/** Fixed now: Tuesday 2026-03-10 10:00 in Paris. */
const NOW = zonedToInstant(2026, 3, 10, 10, 0, PARIS);
const D: Day = dayFromYmd(2026, 3, 10);
/** An instant on day D+offset at hh:mm, Paris wall clock. */
const at = (offset: number, hh: number, mm = 0, tz = PARIS): number => {
  const base = new Date((D + offset) * 86_400_000);
  return zonedToInstant(base.getUTCFullYear(), base.getUTCMonth() + 1, base.getUTCDate(), hh, mm, tz);
};

function contact(over: Partial<FollowUpContact> = {}): FollowUpContact {
  return {
    status: 'To contact',
    messagedOn: null,
    repliedOn: null,
    callOn: null,
    referredOn: null,
    thankedOn: null,
    outcomeSharedOn: null,
    ...over,
  };
}

function job(over: Partial<FollowUpJob> = {}): FollowUpJob {
  return { apply: null, appliedOn: null, outcome: null, outcomeOn: null, ...over };
}

describe('nextActionForContact', () => {
  const afterReferral = job({ apply: 'After referral' });
  const offer = (outcomeOn: Day | null) => job({ outcome: 'Offer', outcomeOn });

  type Case = [string, Partial<FollowUpContact>, FollowUpJob | null, string | null, number | null];
  const cases: Case[] = [
    ['Replied: answer within days of Replied on', { status: 'Replied', repliedOn: D - 1 }, null, A.answer, 0],
    ['Replied with a blank Replied on: due today', { status: 'Replied' }, null, A.answer, 0],
    ['Replied a while ago: overdue', { status: 'Replied', repliedOn: D - 4 }, null, A.answer, -3],
    [
      'Call scheduled ahead: prepare, due the call day',
      { status: 'Call scheduled', callOn: at(2, 15) },
      null,
      A.prepare,
      2,
    ],
    [
      'Call scheduled later today: still ahead',
      { status: 'Call scheduled', callOn: at(0, 11) },
      null,
      A.prepare,
      0,
    ],
    [
      'Call scheduled earlier today: log the call',
      { status: 'Call scheduled', callOn: at(0, 9) },
      null,
      A.logCall,
      0,
    ],
    [
      'Call scheduled exactly now: no longer ahead',
      { status: 'Call scheduled', callOn: NOW },
      null,
      A.logCall,
      0,
    ],
    [
      'Call scheduled last week: log, overdue',
      { status: 'Call scheduled', callOn: at(-6, 17) },
      null,
      A.logCall,
      -6,
    ],
    ['Call scheduled without Call on: nothing to compute', { status: 'Call scheduled' }, null, null, null],
    [
      'Call done: thank, Call on + Thank within days',
      { status: 'Call done', callOn: at(-1, 14) },
      null,
      A.thank,
      0,
    ],
    ['Call done without Call on: thank today', { status: 'Call done' }, null, A.thank, 0],
    [
      'Call done and thanked: nothing',
      { status: 'Call done', callOn: at(-1, 14), thankedOn: D },
      null,
      null,
      null,
    ],
    [
      'Referred, no call: thank from Referred on',
      { status: 'Referred', referredOn: D - 3, thankedOn: null },
      null,
      A.thank,
      -2,
    ],
    [
      'Referred, call known: thank from the call day, not Referred on',
      { status: 'Referred', callOn: at(-5, 18), referredOn: D },
      null,
      A.thank,
      -4,
    ],
    [
      'Referred, After referral, not applied: apply',
      { status: 'Referred', referredOn: D, thankedOn: D },
      afterReferral,
      A.apply,
      2,
    ],
    [
      'Referred, After referral but already applied: nothing',
      { status: 'Referred', referredOn: D, thankedOn: D },
      job({ apply: 'After referral', appliedOn: D }),
      null,
      null,
    ],
    [
      'Referred, Before referral: no apply-now on the contact',
      { status: 'Referred', referredOn: D, thankedOn: D },
      job({ apply: 'Before referral' }),
      null,
      null,
    ],
    [
      'Referred with no job row: no apply-now',
      { status: 'Referred', referredOn: D, thankedOn: D },
      null,
      null,
      null,
    ],
    [
      'Outcome known, referrer never told: tell them',
      { status: 'Referred', referredOn: D - 20, thankedOn: D - 19 },
      offer(D - 5),
      A.tellOutcome,
      -3,
    ],
    [
      'Outcome known, told before it was known: tell again',
      { status: 'Referred', referredOn: D - 20, thankedOn: D - 19, outcomeSharedOn: D - 6 },
      offer(D - 5),
      A.tellOutcome,
      -3,
    ],
    [
      'Outcome known, told that day: nothing',
      { status: 'Referred', referredOn: D - 20, thankedOn: D - 19, outcomeSharedOn: D - 5 },
      offer(D - 5),
      null,
      null,
    ],
    [
      'Outcome known without Outcome on, never told: due today',
      { status: 'Referred', referredOn: D - 20, thankedOn: D - 19 },
      offer(null),
      A.tellOutcome,
      0,
    ],
    [
      'Outcome known without Outcome on, told once: nothing',
      { status: 'Referred', referredOn: D - 20, thankedOn: D - 19, outcomeSharedOn: D - 2 },
      offer(null),
      null,
      null,
    ],
    [
      'Outcome Pending: nothing to tell',
      { status: 'Referred', referredOn: D - 20, thankedOn: D - 19 },
      job({ outcome: 'Pending', outcomeOn: D - 5 }),
      null,
      null,
    ],
    [
      'Outcome known, any status, has Referred on: tell',
      { status: 'Declined', referredOn: D - 20 },
      job({ outcome: 'Rejected', outcomeOn: D }),
      A.tellOutcome,
      2,
    ],
    [
      'Outcome known but no Referred on: nothing',
      { status: 'Call done', callOn: at(-3, 9), thankedOn: D - 2 },
      offer(D),
      null,
      null,
    ],
    ['Messaged: no reply after days', { status: 'Messaged', messagedOn: D - 7 }, null, A.noReply, 0],
    ['Messaged yesterday: due in six days', { status: 'Messaged', messagedOn: D - 1 }, null, A.noReply, 6],
    [
      'Messaged with a Replied on: they replied',
      { status: 'Messaged', messagedOn: D - 9, repliedOn: D - 8 },
      null,
      null,
      null,
    ],
    ['Messaged without Messaged on: nothing to count from', { status: 'Messaged' }, null, null, null],
    ['To contact: nothing', {}, null, null, null],
    ['No reply: nothing', { status: 'No reply', messagedOn: D - 30 }, null, null, null],
    ['Declined: nothing', { status: 'Declined', messagedOn: D - 30, repliedOn: D - 29 }, null, null, null],
    ['Skip: nothing', { status: 'Skip' }, null, null, null],
  ];

  it.each(cases)('%s', (_name, over, j, action, offset) => {
    const got = nextActionForContact(contact(over), j, SETTINGS, NOW, PARIS);
    if (action === null) expect(got).toBeNull();
    else expect(got).toEqual({ action, due: D + (offset as number) });
  });

  it('picks the earliest due of the rules that apply', () => {
    const c = contact({ status: 'Referred', callOn: at(-1, 10), referredOn: D - 1 });
    const settings = { ...SETTINGS, thankWithinDays: 5, applyWithinDays: 2 };
    expect(contactFollowUps(c, afterReferral, settings, NOW, PARIS).map((f) => f.action)).toEqual([
      A.thank,
      A.apply,
    ]);
    expect(nextActionForContact(c, afterReferral, settings, NOW, PARIS)).toEqual({
      action: A.apply,
      due: D + 1,
    });
  });

  it('on a tie, picks the rule higher in the table (thank before apply)', () => {
    const c = contact({ status: 'Referred', referredOn: D - 1 });
    const settings = { ...SETTINGS, thankWithinDays: 1, applyWithinDays: 1 };
    expect(nextActionForContact(c, afterReferral, settings, NOW, PARIS)).toEqual({ action: A.thank, due: D });
  });

  it('on a tie, picks apply before tell-the-outcome', () => {
    const c = contact({ status: 'Referred', referredOn: D - 2, thankedOn: D - 2 });
    const j = job({ apply: 'After referral', outcome: 'Rejected', outcomeOn: D - 2 });
    expect(contactFollowUps(c, j, SETTINGS, NOW, PARIS).map((f) => f.due)).toEqual([D, D]);
    expect(nextActionForContact(c, j, SETTINGS, NOW, PARIS)?.action).toBe(A.apply);
  });

  it('lets an older outcome to share win over a later thank-you', () => {
    const c = contact({ status: 'Referred', callOn: at(0, 8), referredOn: D - 30 });
    const j = job({ outcome: 'Interview', outcomeOn: D - 10 });
    expect(nextActionForContact(c, j, SETTINGS, NOW, PARIS)).toEqual({ action: A.tellOutcome, due: D - 8 });
  });

  it('uses the day counts from Settings', () => {
    const settings = { ...SETTINGS, answerWithinDays: 0, noReplyAfterDays: 14 };
    expect(
      nextActionForContact(contact({ status: 'Replied', repliedOn: D }), null, settings, NOW, PARIS)?.due,
    ).toBe(D);
    expect(
      nextActionForContact(contact({ status: 'Messaged', messagedOn: D }), null, settings, NOW, PARIS)?.due,
    ).toBe(D + 14);
  });
});

describe('follow-ups across time zones and DST changes', () => {
  const due = (status: Status, over: Partial<FollowUpContact>, now: number, tz: string) =>
    nextActionForContact(contact({ status, ...over }), null, SETTINGS, now, tz);

  it('Paris, spring forward (2026-03-29): today is the 29th just after midnight, calls land on their local day', () => {
    const now = zonedToInstant(2026, 3, 29, 0, 30, PARIS); // 2026-03-28T23:30Z
    expect(new Date(now).toISOString()).toBe('2026-03-28T23:30:00.000Z');
    const day29 = dayFromYmd(2026, 3, 29);
    expect(dayOf(now, PARIS)).toBe(day29);
    // A call at 00:15 on the 30th (after the change) is 22:15 UTC on the 29th: due the 30th.
    const call = zonedToInstant(2026, 3, 30, 0, 15, PARIS);
    expect(new Date(call).toISOString()).toBe('2026-03-29T22:15:00.000Z');
    expect(due('Call scheduled', { callOn: call }, now, PARIS)).toEqual({
      action: A.prepare,
      due: day29 + 1,
    });
    // A call at 03:30 on the 29th (just after the missing hour) is ahead and due today.
    const early = zonedToInstant(2026, 3, 29, 3, 30, PARIS);
    expect(due('Call scheduled', { callOn: early }, now, PARIS)).toEqual({ action: A.prepare, due: day29 });
    // Seven calendar days across the change: Messaged the 22nd → due the 29th = today.
    const messaged = dayFromYmd(2026, 3, 22);
    const f = due('Messaged', { messagedOn: messaged }, now, PARIS);
    expect(f).toEqual({ action: A.noReply, due: day29 });
    expect(fillFor(f!.due, dayOf(now, PARIS))).toBe(DUE_TODAY_FILL);
  });

  it('Paris, fall back (2026-10-25): late-evening now, a call just after midnight is tomorrow and ahead', () => {
    const now = zonedToInstant(2026, 10, 25, 23, 30, PARIS); // 22:30Z, after the change
    expect(new Date(now).toISOString()).toBe('2026-10-25T22:30:00.000Z');
    const day25 = dayFromYmd(2026, 10, 25);
    expect(dayOf(now, PARIS)).toBe(day25);
    const call = zonedToInstant(2026, 10, 26, 0, 30, PARIS); // 23:30Z on the 25th
    expect(due('Call scheduled', { callOn: call }, now, PARIS)).toEqual({
      action: A.prepare,
      due: day25 + 1,
    });
    // A call during the repeated hour (02:30, first pass) is past and due the 25th.
    const repeated = Date.UTC(2026, 9, 25, 0, 30); // 02:30 CEST
    expect(due('Call scheduled', { callOn: repeated }, now, PARIS)).toEqual({
      action: A.logCall,
      due: day25,
    });
    // Thank within 1 day of a call on the 24th: due the 25th, today.
    const before = zonedToInstant(2026, 10, 24, 23, 45, PARIS);
    expect(due('Call done', { callOn: before }, now, PARIS)).toEqual({ action: A.thank, due: day25 });
  });

  it('America/Los_Angeles: late evening is still "today" there though UTC has moved on', () => {
    const LA = 'America/Los_Angeles';
    const now = Date.UTC(2026, 2, 10, 6, 0); // 2026-03-09 23:00 PDT
    const day9 = dayFromYmd(2026, 3, 9);
    expect(dayOf(now, LA)).toBe(day9);
    const f = due('Messaged', { messagedOn: day9 - 7 }, now, LA);
    expect(f).toEqual({ action: A.noReply, due: day9 });
    expect(fillFor(f!.due, dayOf(now, LA))).toBe(DUE_TODAY_FILL); // in UTC it would already be overdue
    const call = Date.UTC(2026, 2, 10, 5, 0); // 22:00 PDT on the 9th
    expect(due('Call scheduled', { callOn: call }, now, LA)).toEqual({ action: A.logCall, due: day9 });
    // Across the US change (2026-03-08): a call at 01:30 PST on the 8th is still on the 8th.
    expect(due('Call done', { callOn: zonedToInstant(2026, 3, 8, 1, 30, LA) }, now, LA)).toEqual({
      action: A.thank,
      due: dayFromYmd(2026, 3, 9),
    });
  });

  it('Asia/Kolkata: half-hour offset moves the day before UTC does', () => {
    const IN = 'Asia/Kolkata';
    const now = Date.UTC(2026, 2, 9, 19, 0); // 2026-03-10 00:30 IST
    const day10 = dayFromYmd(2026, 3, 10);
    expect(dayOf(now, IN)).toBe(day10);
    const pastCall = Date.UTC(2026, 2, 9, 18, 45); // 00:15 IST on the 10th
    expect(due('Call scheduled', { callOn: pastCall }, now, IN)).toEqual({ action: A.logCall, due: day10 });
    const laterCall = Date.UTC(2026, 2, 10, 18, 29); // 23:59 IST on the 10th
    expect(due('Call scheduled', { callOn: laterCall }, now, IN)).toEqual({ action: A.prepare, due: day10 });
  });
});

describe('nextActionForJob', () => {
  const scheduled = (day: number) => contact({ status: 'Call scheduled', callOn: at(day, 15) });

  it('asks to apply online before asking, due the day of the first call', () => {
    const j = job({ apply: 'Before referral' });
    const got = nextActionForJob(
      j,
      [scheduled(3), scheduled(1), contact({ status: 'Messaged', messagedOn: D })],
      SETTINGS,
      NOW,
      PARIS,
    );
    expect(got).toEqual({ action: JOB_ACTIONS.applyBefore, due: D + 1 });
  });

  it('counts a call done as a reason to apply first, and a call with no date as due today', () => {
    const j = job({ apply: 'Before referral' });
    expect(
      nextActionForJob(j, [contact({ status: 'Call done', callOn: at(-2, 9) })], SETTINGS, NOW, PARIS),
    ).toEqual({
      action: JOB_ACTIONS.applyBefore,
      due: D - 2,
    });
    expect(nextActionForJob(j, [contact({ status: 'Call scheduled' })], SETTINGS, NOW, PARIS)?.due).toBe(D);
  });

  it('does not ask to apply before when already applied, when Apply is After/Unknown, or with no call yet', () => {
    const people = [scheduled(1)];
    expect(
      jobFollowUps(job({ apply: 'Before referral', appliedOn: D - 1 }), people, SETTINGS, NOW, PARIS),
    ).toEqual([]);
    expect(jobFollowUps(job({ apply: 'Unknown' }), people, SETTINGS, NOW, PARIS)).toEqual([]);
    expect(jobFollowUps(job({ apply: null }), people, SETTINGS, NOW, PARIS)).toEqual([]);
    expect(
      jobFollowUps(
        job({ apply: 'Before referral' }),
        [contact({ status: 'Messaged', messagedOn: D })],
        SETTINGS,
        NOW,
        PARIS,
      ),
    ).toEqual([]);
  });

  it('asks to apply now after the first referral when Apply = After referral', () => {
    const j = job({ apply: 'After referral' });
    const people = [
      contact({ status: 'Referred', referredOn: D - 1 }),
      contact({ status: 'Referred', referredOn: D - 4 }),
    ];
    expect(nextActionForJob(j, people, SETTINGS, NOW, PARIS)).toEqual({
      action: JOB_ACTIONS.applyAfter,
      due: D - 2,
    });
    expect(nextActionForJob({ ...j, appliedOn: D }, people, SETTINGS, NOW, PARIS)).toBeNull();
  });

  it('counts the referrers still to be told the outcome', () => {
    const j = job({ outcome: 'Accepted', outcomeOn: D - 1 });
    const people = [
      contact({ status: 'Referred', referredOn: D - 30 }),
      contact({ status: 'Referred', referredOn: D - 30, outcomeSharedOn: D - 10 }),
      contact({ status: 'Referred', referredOn: D - 30, outcomeSharedOn: D }),
      contact({ status: 'Call done', callOn: at(-20, 10) }),
    ];
    expect(nextActionForJob(j, people, SETTINGS, NOW, PARIS)).toEqual({
      action: 'tell 2 referrers the outcome',
      due: D + 1,
    });
    expect(nextActionForJob(j, people.slice(1), SETTINGS, NOW, PARIS)?.action).toBe(
      'tell 1 referrer the outcome',
    );
    expect(nextActionForJob(j, people.slice(2), SETTINGS, NOW, PARIS)).toBeNull();
  });

  it('asks to find people when nobody is listed or everyone is out, while the job is open', () => {
    expect(nextActionForJob(job(), [], SETTINGS, NOW, PARIS)).toEqual({
      action: JOB_ACTIONS.findPeople,
      due: D,
    });
    const gone = [
      contact({ status: 'No reply' }),
      contact({ status: 'Declined' }),
      contact({ status: 'Skip' }),
    ];
    expect(nextActionForJob(job({ outcome: 'Pending' }), gone, SETTINGS, NOW, PARIS)?.action).toBe(
      JOB_ACTIONS.findPeople,
    );
    expect(nextActionForJob(job(), [contact()], SETTINGS, NOW, PARIS)).toBeNull();
    expect(nextActionForJob(job({ outcome: 'Rejected', outcomeOn: D }), [], SETTINGS, NOW, PARIS)).toBeNull();
  });

  it('picks the earliest job-level action, and the first in order on a tie', () => {
    const j = job({ apply: 'After referral', outcome: 'Interview', outcomeOn: D - 5 });
    const people = [contact({ status: 'Referred', referredOn: D - 5 })];
    // apply now: D-3; tell: D-3 → tie, apply first.
    expect(jobFollowUps(j, people, SETTINGS, NOW, PARIS).map((f) => f.due)).toEqual([D - 3, D - 3]);
    expect(nextActionForJob(j, people, SETTINGS, NOW, PARIS)?.action).toBe(JOB_ACTIONS.applyAfter);
    expect(nextActionForJob({ ...j, outcomeOn: D - 6 }, people, SETTINGS, NOW, PARIS)?.action).toBe(
      'tell 1 referrer the outcome',
    );
  });
});

describe('fillFor', () => {
  it.each([
    ['red when overdue', D - 1, OVERDUE_FILL],
    ['red when long overdue', D - 100, OVERDUE_FILL],
    ['amber when due today', D, DUE_TODAY_FILL],
    ['no fill when due tomorrow', D + 1, null],
  ])('%s', (_n, due, fill) => {
    expect(fillFor(due, D)).toBe(fill);
  });
});
