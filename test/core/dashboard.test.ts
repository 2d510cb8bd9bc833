// Dashboard figures: cumulative funnel, rates vs Messaged, reply rate by signal, coverage, outcomes, layout.

import {
  computeDashboard,
  coverageOf,
  funnelOf,
  layoutDashboard,
  outcomesOf,
  signalsOf,
  stageOf,
} from '../../src/core/dashboard';
import type { Contact } from '../../src/core/rows';
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
    ['Declined counts as Messaged (not Replied)', ['Declined'], [1, 1, 0, 0, 0, 0]],
    ['Replied reached Messaged too', ['Replied'], [1, 1, 1, 0, 0, 0]],
    ['Call done reached every stage before it', ['Call done'], [1, 1, 1, 1, 1, 0]],
    ['Referred reached every stage', ['Referred'], [1, 1, 1, 1, 1, 1]],
    [
      'every status once',
      [...STATUSES],
      // Listed 9; Messaged: Messaged, Replied, Call scheduled, Call done, Referred, No reply, Declined = 7
      [9, 7, 4, 3, 2, 1],
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
    expect(stageOf({ status: 'Declined' })).toBe(1);
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
    ['2nd degree', 3, 1, 1 / 3],
    ['3rd degree', 0, 0, null],
    ['Premium: yes', 2, 1, 0.5],
    ['Premium: no', 2, 1, 0.5],
    ['Same school: yes', 1, 1, 1],
    ['Same school: no', 0, 0, null],
    ['In common: yes', 2, 2, 1],
    ['In common: no', 2, 0, 0],
    ['Open Profile: yes', 1, 0, 0],
  ])('%s: %i messaged, %i replied', (signal, messaged, replied, rate) => {
    expect(by[signal]).toEqual({ signal, messaged, replied, rate });
  });
});

describe('coverage per company', () => {
  it('counts people, picks, engaged and referrals, and flags companies short of picks first', () => {
    const list = [
      contact({ index: 0, company: 'Acme', status: 'Messaged' }),
      contact({ index: 1, company: 'acme ', status: 'Referred' }),
      contact({ index: 2, company: 'Acme', status: 'No reply' }),
      contact({ index: 3, company: 'Beta', status: 'To contact' }),
    ];
    const rows = coverageOf(list, new Set([0, 1, 3]), ['Gamma', 'Beta'], 2);
    expect(rows).toEqual([
      { company: 'Beta', people: 1, picks: 1, engaged: 0, referrals: 0, coverage: 'needs more' },
      { company: 'Gamma', people: 0, picks: 0, engaged: 0, referrals: 0, coverage: 'needs more' },
      { company: 'Acme', people: 3, picks: 2, engaged: 2, referrals: 1, coverage: 'ok' },
    ]);
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
    expect(data.coverage.map((c) => [c.company, c.coverage])).toEqual([
      ['Acme', 'needs more'],
      ['=Evil', 'ok'],
    ]);
    expect(data.credits.plan).toBe('Premium Career');
    expect(data.credits.allowance).toBe(5);
    expect(data.overdue.map((d) => d.name)).toEqual(['Ann']);
    expect(data.outcomes.find((o) => o.outcome === 'Pending')?.jobs).toBe(1);
  });

  it('lays blocks out without overlap, escapes user text and points the chart at the funnel', () => {
    const layout = layoutDashboard(data, 'Europe/Paris', NOW);
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
    expect(layout.chart.dataRow).toBe(funnel.row + 1);
    expect(layout.chart.numRows).toBe(7);
    expect(layout.chart.anchorCol).toBeGreaterThan(layout.width);
  });

  it('shows at most N follow-ups and says so in the title', () => {
    const many = { ...data, overdue: Array.from({ length: 30 }, () => data.overdue[0]!) };
    const layout = layoutDashboard(many, 'Europe/Paris', NOW, 10);
    const fu = layout.blocks.find((b) => b.key === 'followUps')!;
    expect(fu.values.length).toBe(12);
    expect(fu.values[0]![0]).toBe('Follow-ups: 30 overdue, 0 due today — first 10');
  });
});
