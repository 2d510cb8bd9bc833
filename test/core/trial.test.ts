// The Premium trial reminder (PRODUCT point 22): when it shows, what it counts, and where it is said.

import { dayFromYmd, midnightOf, zonedToInstant } from '../../src/core/dates';
import { buildDigest } from '../../src/core/digest';
import { planFollowUps } from '../../src/core/followup-plan';
import { JOB_ACTIONS } from '../../src/core/followups';
import { parseContacts } from '../../src/core/rows';
import { C, J } from '../../src/core/schema';
import type { Table } from '../../src/core/table';
import {
  describeTrial,
  picksToContact,
  TRIAL_WARNING_DAYS,
  trialJobAction,
  trialUse,
} from '../../src/core/trial';
import type { Cell } from '../../src/core/values';

const TZ = 'Europe/Paris';
const TODAY = dayFromYmd(2026, 3, 10);
const NOW = zonedToInstant(2026, 3, 10, 10, 0, TZ);
const endsIn = (days: number) => ({ trialEndsOn: TODAY + days });

describe('trialUse', () => {
  it('starts 5 days before the trial ends and stops after its last day', () => {
    expect(TRIAL_WARNING_DAYS).toBe(5);
    expect(trialUse(endsIn(6), TODAY, 10, 3)).toBeNull();
    expect(trialUse(endsIn(5), TODAY, 10, 3)).toEqual({
      endsOn: TODAY + 5,
      daysLeft: 5,
      credits: 10,
      picks: 3,
    });
    expect(trialUse(endsIn(0), TODAY, 10, 3)?.daysLeft).toBe(0);
    expect(trialUse(endsIn(-1), TODAY, 10, 3)).toBeNull();
    expect(trialUse({ trialEndsOn: null }, TODAY, 10, 3)).toBeNull();
  });

  it('words the reminder for the dashboard, the digest and Jobs', () => {
    expect(describeTrial(trialUse(endsIn(3), TODAY, 12, 5)!)).toBe(
      'Your Premium trial ends on 2026-03-13, in 3 days: 12 InMail credits and 5 picks left to use before it ends.',
    );
    expect(describeTrial(trialUse(endsIn(1), TODAY, 1, 1)!)).toBe(
      'Your Premium trial ends tomorrow (2026-03-11): 1 InMail credit and 1 pick left to use before it ends.',
    );
    expect(describeTrial(trialUse(endsIn(0), TODAY, 0, 0)!)).toMatch(
      /^Your Premium trial ends today \(2026-03-10\)/,
    );
    expect(trialJobAction(trialUse(endsIn(3), TODAY, 12, 5)!, 2)).toBe(
      'use your Premium trial before it ends on 2026-03-13: 12 InMail credits left, 2 picks to contact here',
    );
  });
});

const table = (headers: string[], rows: Record<string, Cell>[]): Table => ({
  headers,
  rows: rows.map((r) => headers.map((h) => r[h] ?? '')),
});
const CONTACT_HEADERS = [C.company, C.name, C.status, C.pick, C.degree, C.nextAction, C.due];
const contacts = table(CONTACT_HEADERS, [
  { [C.company]: 'Acme', [C.name]: 'A', [C.pick]: '✓' },
  { [C.company]: 'ACME Inc.', [C.name]: 'B', [C.pick]: '✓', [C.status]: 'To contact' },
  { [C.company]: 'Acme', [C.name]: 'C', [C.pick]: '✓', [C.status]: 'Messaged' },
  { [C.company]: 'Acme', [C.name]: 'D', [C.pick]: '' },
  { [C.company]: 'Beta', [C.name]: 'E', [C.pick]: '✓' },
]);

describe('picksToContact', () => {
  it('counts picked people still to contact per company, by the company-name rule', () => {
    const counts = picksToContact(contacts, parseContacts(contacts, TZ));
    expect([...counts]).toEqual([
      ['acme', 2],
      ['beta', 1],
    ]);
  });
});

describe('the trial on Jobs and in the digest', () => {
  const jobs = table(
    [J.company, J.job, J.outcome, J.nextAction, J.due],
    [
      { [J.company]: 'Acme', [J.job]: 'Engineer' },
      { [J.company]: 'Beta', [J.job]: 'Analyst', [J.outcome]: 'Rejected' },
      { [J.company]: 'Gamma', [J.job]: 'PM' },
    ],
  );
  const plan = (end: string) =>
    planFollowUps({
      contacts,
      jobs,
      settingsRows: [
        ['InMail credits left', 4],
        ['Premium trial ends on', end],
      ],
      timeZone: TZ,
      now: NOW,
    });

  it('advises open jobs with picks to contact to use the trial, due on its last day', () => {
    const p = plan('2026-03-13');
    expect(p.trial).toEqual({ endsOn: TODAY + 3, daysLeft: 3, credits: 4, picks: 3 });
    const action = p.jobs!.columns.find((c) => c.header === J.nextAction)!.values;
    const due = p.jobs!.columns.find((c) => c.header === J.due)!.values;
    expect(action).toEqual([
      'use your Premium trial before it ends on 2026-03-13: 4 InMail credits left, 2 picks to contact here',
      '', // Beta's job is closed
      JOB_ACTIONS.findPeople, // Gamma: nobody listed, nothing picked
    ]);
    expect(due?.[0]).toEqual(new Date(midnightOf(TODAY + 3, TZ)));
  });

  it('says nothing about the trial earlier than 5 days before', () => {
    const p = plan('2026-03-16');
    expect(p.trial).toBeNull();
    expect(p.jobs!.columns.find((c) => c.header === J.nextAction)!.values?.[0]).toBe('');
  });

  it('puts the reminder first in the digest, even when nothing is due', () => {
    const note = describeTrial(plan('2026-03-13').trial!);
    const mail = buildDigest([], [], 'My search', '', [note]);
    expect(mail?.subject).toBe('Referral follow-ups: Premium trial ending — My search');
    expect(mail?.body.split('\n').slice(0, 3)).toEqual(['Follow-ups in "My search":', '', note]);
    expect(buildDigest([], [], 'My search', '')).toBeNull();
  });
});
