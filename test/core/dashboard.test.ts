// Dashboard figures: cumulative funnel, rates vs Messaged, reply rate by signal, coverage, outcomes, layout.

import {
  computeDashboard,
  coverageOf,
  describeDashboard,
  funnelOf,
  layoutDashboard,
  outcomesOf,
  payItForwardOf,
  signalsOf,
  stageOf,
} from '../../src/core/dashboard';
import { dayFromYmd, isoDay } from '../../src/core/dates';
import { type Contact, parseJobs } from '../../src/core/rows';
import { C, J, STATUSES, type Status } from '../../src/core/schema';
import type { Table } from '../../src/core/table';
import { makeContact } from '../helpers/fixtures';

const contact = (over: Partial<Contact>): Contact => makeContact(over);

const people = (statuses: Status[]) => funnelOf(statuses.map((status) => ({ status }))).map((f) => f.people);

describe('dashboard funnel', () => {
  it.each<[string, Status[], number[]]>([
    ['nobody', [], [0, 0, 0, 0, 0, 0]],
    ['one to contact', ['To contact'], [1, 0, 0, 0, 0, 0]],
    ['a skipped person is listed only', ['Skip'], [1, 0, 0, 0, 0, 0]],
    ['No reply counts as Messaged', ['No reply'], [1, 1, 0, 0, 0, 0]],
    ['Declined counts as Replied: they answered, with a no', ['Declined'], [1, 1, 1, 0, 0, 0]],
    ['Replied reached Messaged too', ['Replied'], [1, 1, 1, 0, 0, 0]],
    ['Call done reached every stage before it', ['Call done'], [1, 1, 1, 1, 1, 0]],
    ['Referred reached every stage', ['Referred'], [1, 1, 1, 1, 1, 1]],
    [
      'every status once',
      [...STATUSES],
      // Listed 9; Messaged: Messaged, Replied, Call scheduled, Call done, Referred, No reply, Declined = 7;
      // Replied: Replied, Call scheduled, Call done, Referred, Declined = 5
      [9, 7, 5, 3, 2, 1],
    ],
  ])('%s', (_, statuses, expected) => {
    expect(people(statuses)).toEqual(expected);
  });

  it('never lets a later stage exceed an earlier one', () => {
    const all = people(['Referred', 'Messaged', 'No reply', 'Call scheduled', 'To contact', 'Declined']);
    for (let i = 1; i < all.length; i++) expect(all[i]).toBeLessThanOrEqual(all[i - 1]!);
  });

  it('gives rates against Messaged, none for Listed, and none when nobody was messaged', () => {
    const f = funnelOf(
      ['Messaged', 'No reply', 'Replied', 'Referred', 'To contact'].map((s) => ({ status: s as Status })),
    );
    expect(f.map((x) => x.rate)).toEqual([null, 1, 0.5, 0.25, 0.25, 0.25]);
    expect(funnelOf([{ status: 'To contact' }]).map((x) => x.rate)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('maps each status to its stage', () => {
    expect(stageOf({ status: 'Declined' })).toBe(2);
    expect(stageOf({ status: 'No reply' })).toBe(1);
    expect(stageOf({ status: 'Call scheduled' })).toBe(3);
  });
});

describe('reply rate by signal', () => {
  const list = [
    contact({ status: 'Replied', degree: 1, premium: true, sameSchool: true, inCommon: ['chess'] }),
    contact({ status: 'No reply', degree: 2, premium: true, openProfile: true }),
    contact({ status: 'Declined', degree: 2, premium: false }),
    contact({ status: 'Referred', degree: 2, premium: false, inCommon: ['Lyon'] }),
    contact({ status: 'To contact', degree: 1, premium: true }),
  ];
  const by = Object.fromEntries(signalsOf(list).map((s) => [s.signal, s]));

  it.each<[string, number, number, number | null]>([
    ['1st degree', 1, 1, 1],
    // Declined is an answer: 2 of the 3 2nd-degree people messaged replied.
    ['2nd degree', 3, 2, 2 / 3],
    ['3rd degree', 0, 0, null],
    ['Premium: yes', 2, 1, 0.5],
    ['Premium: no', 2, 2, 1],
    ['Same school: yes', 1, 1, 1],
    ['Same school: no', 0, 0, null],
    ['In common: yes', 2, 2, 1],
    ['In common: no', 2, 1, 0.5],
    ['Open Profile: yes', 1, 0, 0],
  ])('%s: %i messaged, %i replied', (signal, messaged, replied, rate) => {
    expect(by[signal]).toEqual({ signal, messaged, replied, rate });
  });
});

describe('coverage per target company', () => {
  const jobs = (rows: string[][]) => parseJobs({ headers: [J.company, J.job, J.outcome], rows }, 'UTC');

  it('lists target companies only, matched by name rule, and counts the others once', () => {
    const list = [
      contact({ index: 0, company: 'Acme Inc.', status: 'Messaged' }),
      contact({ index: 1, company: 'acme ', status: 'Referred', job: 'Analyst' }),
      contact({ index: 2, company: 'ACME', status: 'No reply' }),
      contact({ index: 3, company: 'Beta SAS', status: 'To contact' }),
      contact({ index: 4, company: 'Freelance', status: 'To contact' }),
      contact({ index: 5, company: 'Self-employed', status: 'To contact' }),
      contact({ index: 6, company: 'Freelance', status: 'To contact' }),
    ];
    const data = coverageOf(
      list,
      new Set([0, 1, 3, 4]),
      jobs([
        ['Gamma', 'PM', ''],
        ['Beta', 'Engineer', ''],
        ['Acme', 'Analyst', 'Interview'],
        ['Acme', 'Engineer', ''],
      ]),
      2,
    );
    expect(data.rows).toEqual([
      { company: 'Beta', people: 1, picks: 1, engaged: 0, referrals: 0, coverage: 'needs more' },
      { company: 'Gamma', people: 0, picks: 0, engaged: 0, referrals: 0, coverage: 'needs more' },
      { company: 'Acme', people: 3, picks: 2, engaged: 2, referrals: 1, coverage: 'ok' },
    ]);
    expect(data).toMatchObject({ notTargetPeople: 3, notTargetCompanies: 2 });
  });

  it('says closed when every job is closed and referred when every open job has a referral', () => {
    const list = [
      contact({ index: 0, company: 'Done', status: 'Messaged' }),
      contact({ index: 1, company: 'Helped', status: 'Call done', referredOn: 5 }),
    ];
    const data = coverageOf(
      list,
      new Set([0, 1]),
      jobs([
        ['Done', 'A', 'Rejected'],
        ['Done', 'B', 'Withdrawn'],
        ['Helped', 'C', 'Pending'],
        ['Open', 'D', 'Offer'],
      ]),
      1,
    );
    expect(data.rows.map((r) => [r.company, r.coverage])).toEqual([
      ['Open', 'needs more'],
      ['Helped', 'referred'],
      ['Done', 'closed'],
    ]);
  });

  it('sorts names as text: leading "=", "-" or quotes do not put a company first', () => {
    const data = coverageOf(
      [],
      new Set(),
      jobs([
        ['Zeta', 'x', ''],
        ['-Minus Corp', 'x', ''],
        ['Alpha', 'x', ''],
        ["'Quoted", 'x', ''],
        ['=1+1', 'x', ''],
      ]),
      1,
    );
    expect(data.rows.map((r) => r.company)).toEqual(['=1+1', 'Alpha', '-Minus Corp', "'Quoted", 'Zeta']);
  });
});

describe('pay it forward', () => {
  it('counts people who asked and people helped, each once; a missing sheet is 0', () => {
    const table: Table = {
      headers: ['Date', 'Name', 'Asked for', 'What I did', 'Follow up on', 'Notes'],
      rows: [
        ['', 'Zoe', 'CV review', 'Sent comments', '', ''],
        ['', 'zoe ', 'Referral', '', '', ''],
        ['', 'Yann', 'Intro', '', '', ''],
        ['', '', '', '', '', 'a note'],
      ],
    };
    expect(payItForwardOf(table)).toEqual({ asked: 2, helped: 1 });
    expect(payItForwardOf(null)).toEqual({ asked: 0, helped: 0 });
    expect(payItForwardOf({ headers: ['Other'], rows: [['x']] })).toEqual({ asked: 0, helped: 0 });
  });
});

describe('jobs by outcome', () => {
  it('counts each outcome and blank ones as Not set', () => {
    const rows = outcomesOf([{ outcome: 'Interview' }, { outcome: null }, { outcome: 'Interview' }]);
    expect(rows.find((r) => r.outcome === 'Interview')?.jobs).toBe(2);
    expect(rows.find((r) => r.outcome === 'Not set')?.jobs).toBe(1);
    expect(rows.find((r) => r.outcome === 'Offer')?.jobs).toBe(0);
  });
});

describe('computeDashboard and layout', () => {
  const NOW = Date.UTC(2026, 2, 10, 8);
  const contacts: Table = {
    headers: [C.company, C.name, C.status, C.repliedOn, C.pick, C.degree],
    rows: [
      ['=Evil', 'Ann', 'Replied', '2026-03-01', '✓', '2nd'],
      ['Acme', '@Bob', 'Messaged', '', '', '1st'],
      ['', '', '', '', '', ''],
    ],
  };
  const jobs: Table = {
    headers: [J.company, J.job, J.outcome],
    rows: [['Acme', 'Data Scientist', 'Pending']],
  };
  const data = computeDashboard({
    contacts,
    jobs,
    settingsRows: [
      ['Picks per company', 1],
      ['LinkedIn plan', 'Premium Career'],
    ],
    timeZone: 'Europe/Paris',
    now: NOW,
  });

  it('computes every block from the tables', () => {
    expect(data.funnel.map((f) => f.people)).toEqual([2, 2, 1, 0, 0, 0]);
    expect(data.coverage.rows.map((c) => [c.company, c.coverage])).toEqual([['Acme', 'needs more']]);
    expect(data.coverage.notTargetPeople).toBe(1);
    expect(data.trial).toBeNull();
    expect(data.payItForward).toEqual({ asked: 0, helped: 0 });
    expect(data.credits.plan).toBe('Premium Career');
    expect(data.credits.allowance).toBe(5);
    expect(data.overdue.map((d) => d.name)).toEqual(['Ann']);
    expect(data.outcomes.find((o) => o.outcome === 'Pending')?.jobs).toBe(1);
  });

  it('lays blocks out without overlap, escapes user text and points the chart at the funnel from Messaged', () => {
    const evil = {
      ...data,
      coverage: { ...data.coverage, rows: [{ ...data.coverage.rows[0]!, company: '=Evil' }] },
    };
    const layout = layoutDashboard(evil, 'Europe/Paris', NOW);
    let next = 3;
    for (const b of layout.blocks) {
      expect(b.row).toBeGreaterThanOrEqual(next);
      expect(b.values.every((r) => r.length === b.width)).toBe(true);
      next = b.row + b.values.length + 1;
    }
    const text = layout.blocks.flatMap((b) => b.values.flat()).filter((v) => typeof v === 'string');
    expect(text).toContain("'=Evil");
    expect(text).not.toContain('=Evil');
    expect(layout.titleRow[2]).toBe('updated 2026-03-10 09:00 (Europe/Paris)');
    const funnel = layout.blocks[0]!;
    // Title, header, Listed: the chart's data is Messaged…Referred, Listed stays a number.
    expect(funnel.values[2]![0]).toBe('Listed');
    expect(funnel.values[3]![0]).toBe('Messaged');
    expect(layout.chart.dataRow).toBe(funnel.row + 3);
    expect(layout.chart.numRows).toBe(5);
    expect(layout.noticeRow).toEqual([]);
    expect(layout.chart.anchorCol).toBeGreaterThan(layout.width);
  });

  it('shows at most N follow-ups and says so in the title', () => {
    const many = { ...data, overdue: Array.from({ length: 30 }, () => data.overdue[0]!) };
    const layout = layoutDashboard(many, 'Europe/Paris', NOW, 10);
    const fu = layout.blocks.find((b) => b.key === 'followUps')!;
    expect(fu.values.length).toBe(12);
    expect(fu.values[0]![0]).toBe('Follow-ups: 30 overdue, 0 due today — first 10');
  });

  it('ends Coverage with the people at companies that are not targets, and a hint', () => {
    const cov = layoutDashboard(data, 'Europe/Paris', NOW).blocks.find((b) => b.key === 'coverage')!;
    expect(cov.values[0]![0]).toMatch(/^Coverage per target company/);
    expect(cov.values.at(-1)).toEqual([
      'Not a target company (1 company)',
      1,
      '',
      '',
      '',
      'add the job on Jobs to target them',
    ]);
    expect(describeDashboard(data)).toContain('1 person is at a company with no job on Jobs');
  });

  it('counts people helped in a Pay it forward block', () => {
    const helped = { ...data, payItForward: { asked: 3, helped: 2 } };
    const block = layoutDashboard(helped, 'Europe/Paris', NOW).blocks.find((b) => b.key === 'payItForward')!;
    expect(block.values.slice(2)).toEqual([
      ['Asked you for help', 3],
      ['Helped', 2],
    ]);
  });

  it('says how many credits and picks are left from 5 days before the Premium trial ends', () => {
    const today = dayFromYmd(2026, 3, 10);
    const at = (end: number) =>
      computeDashboard({
        contacts,
        jobs,
        settingsRows: [
          ['InMail credits left', 7],
          ['Premium trial ends on', isoDay(end)],
        ],
        timeZone: 'Europe/Paris',
        now: NOW,
      });
    expect(at(today + 6).trial).toBeNull();
    expect(at(today - 1).trial).toBeNull();
    const soon = at(today + 5);
    // Ann is picked (✓) but already answered: no pick is left to contact.
    expect(soon.trial).toEqual({ endsOn: today + 5, daysLeft: 5, credits: 7, picks: 0 });
    const line =
      'Your Premium trial ends on 2026-03-15, in 5 days: 7 InMail credits and 0 picks left to use before it ends.';
    expect(layoutDashboard(soon, 'Europe/Paris', NOW).noticeRow).toEqual([line]);
    expect(describeDashboard(soon)).toContain(line);
  });
});
