// planScoring: Score/Rank/Pick/Why/Credits on Contacts, counts and Coverage on Jobs, picks, credits, bad input; a run's write budget.

import { dayFromYmd, midnightOf, zonedToInstant } from '../../src/core/dates';
import { C, CONTACTS, J, JOBS } from '../../src/core/schema';
import { budgetScoring, describeScoring, planScoring, SCORING_COLUMNS } from '../../src/core/scoring-plan';
import { type Table, type WritePlan, withPlan } from '../../src/core/table';
import type { Cell } from '../../src/core/values';

const TZ = 'Europe/Paris';
const NOW = zonedToInstant(2026, 3, 20, 10, 0, TZ);
const date = (y: number, m: number, d: number) => new Date(midnightOf(dayFromYmd(y, m, d), TZ));

const CONTACT_HEADERS = ['My column', ...CONTACTS.columns.map((c) => c.header).reverse()];
const JOB_HEADERS = [...JOBS.columns.map((c) => c.header), 'Priority'];

function table(headers: readonly string[], rows: Record<string, Cell>[]): Table {
  return { headers, rows: rows.map((r) => headers.map((h) => r[h] ?? '')) };
}

function values(plan: WritePlan, header: string): readonly (Cell | undefined)[] {
  const c = plan.columns.find((x) => x.header === header);
  if (!c?.values) throw new Error(`no ${header} in plan`);
  return c.values;
}

type Row = Record<string, Cell>;
const person = (company: string, name: string, over: Row = {}): Row => ({
  [C.company]: company,
  [C.name]: name,
  [C.title]: 'Data Scientist',
  [C.current]: 'Yes',
  [C.degree]: '2nd',
  [C.status]: 'To contact',
  ...over,
});

function plan(contacts: Row[], opts: { jobs?: Row[]; settings?: Cell[][] } = {}) {
  return planScoring({
    contacts: table(CONTACT_HEADERS, contacts),
    jobs: table(JOB_HEADERS, opts.jobs ?? [{ [J.company]: 'Acme', [J.job]: 'Data Scientist' }]),
    settingsRows: [['Setting', 'Value'], ...(opts.settings ?? [['InMail credits left', 100]])],
    timeZone: TZ,
    now: NOW,
  });
}

describe('planScoring', () => {
  it('writes only Score, Rank, Pick, Why and Credits, one value per row, blank rows untouched', () => {
    const p = plan([
      person('Acme', 'Ann', { 'My column': 'mine', [C.notes]: 'keep' }),
      {},
      person('Acme', 'Bob'),
    ]);
    expect(p.contacts.sheet).toBe('Contacts');
    expect(p.contacts.columns.map((c) => c.header).sort()).toEqual([...SCORING_COLUMNS].sort());
    for (const c of p.contacts.columns) {
      expect(c.values).toHaveLength(3);
      expect(c.values?.[1]).toBeUndefined();
      expect(c.backgrounds).toBeUndefined();
    }
    expect(values(p.contacts, C.score)[0]).toEqual(expect.any(Number));
  });

  it('leaves out computed columns the sheet does not have', () => {
    const headers = [C.company, C.name, C.degree, C.score, C.pick];
    const p = planScoring({
      contacts: table(headers, [person('Acme', 'Ann')]),
      jobs: table(JOB_HEADERS, []),
      settingsRows: [],
      timeZone: TZ,
      now: NOW,
    });
    expect(p.contacts.columns.map((c) => c.header)).toEqual([C.score, C.pick]);
  });

  it('ranks within each company by score, ties in sheet order', () => {
    const p = plan([
      person('Acme', 'Low', { [C.degree]: '3rd' }),
      person('Beta', 'Solo'),
      person('Acme', 'Tie 1'),
      person('Acme', 'High', { [C.degree]: '1st' }),
      person('acme ', 'Tie 2'),
    ]);
    expect(values(p.contacts, C.rank)).toEqual([4, 1, 2, 1, 3]);
  });

  it('picks the best "Picks per company" still to contact, never Declined, Skip or No reply', () => {
    const p = plan(
      [
        person('Acme', 'Declined', { [C.degree]: '1st', [C.status]: 'Declined' }),
        person('Acme', 'Skip', { [C.degree]: '1st', [C.status]: 'Skip' }),
        person('Acme', 'No reply', { [C.degree]: '1st', [C.status]: 'No reply' }),
        person('Acme', 'Good', { [C.premium]: 'Yes' }),
        person('Acme', 'Best', { [C.sameSchool]: 'oui' }),
        person('Acme', 'Weak', { [C.degree]: '3rd' }),
      ],
      { settings: [['Picks per company', 2]] },
    );
    expect(values(p.contacts, C.pick)).toEqual(['', '', '', '✓', '✓', '']);
    expect(p.summary.picks).toBe(2);
  });

  it('picks people already engaged first, then the best to contact, up to the limit', () => {
    const p = plan(
      [
        person('Acme', 'Star', { [C.degree]: '1st', [C.sameSchool]: 'Yes' }),
        person('Acme', 'Messaged', { [C.degree]: '3rd', [C.status]: 'Messaged' }),
        person('Acme', 'Call done', { [C.degree]: '3rd', [C.status]: 'Call done' }),
        person('Acme', 'Other', { [C.degree]: '1st' }),
      ],
      { settings: [['Picks per company', 3]] },
    );
    expect(values(p.contacts, C.pick)).toEqual(['✓', '✓', '✓', '']);
  });

  it('does not score or pick someone no longer at the company, and says why', () => {
    const p = plan([
      person('Acme', 'Gone', { [C.current]: 'Non', [C.degree]: '1st' }),
      person('Acme', 'Here'),
    ]);
    expect(values(p.contacts, C.score)[0]).toBe('');
    expect(values(p.contacts, C.rank)[0]).toBe('');
    expect(values(p.contacts, C.pick)[0]).toBe('');
    expect(values(p.contacts, C.why)[0]).toBe('not at Acme now');
    expect(values(p.contacts, C.rank)[1]).toBe(1);
    expect(p.summary).toMatchObject({ scored: 1, skipped: 1 });
  });

  it('writes the credits each person costs', () => {
    const p = plan([
      person('Acme', 'A', { [C.degree]: '1st' }),
      person('Acme', 'B', { [C.openProfile]: 'Y' }),
      person('Acme', 'C'),
    ]);
    expect(values(p.contacts, C.credits)).toEqual([0, 0, 1]);
  });

  it('when credits run short, prefers free contacts and spends credits where they buy the most', () => {
    const p = plan(
      [
        // Acme: two strong paid people and a weak free one.
        person('Acme', 'Acme paid strong', { [C.sameSchool]: 'Yes', [C.premium]: 'Yes' }),
        person('Acme', 'Acme paid weaker', { [C.premium]: 'Yes' }),
        person('Acme', 'Acme free', { [C.degree]: '3rd', [C.openProfile]: 'Yes' }),
        // Beta: one weak paid person.
        person('Beta', 'Beta paid weak', { [C.degree]: '3rd', [C.title]: 'Comptable' }),
      ],
      {
        jobs: [
          { [J.company]: 'Acme', [J.job]: 'Data Scientist' },
          { [J.company]: 'Beta', [J.job]: 'Data Scientist' },
        ],
        settings: [
          ['Picks per company', 2],
          ['InMail credits left', 1],
        ],
      },
    );
    expect(values(p.contacts, C.pick)).toEqual(['✓', '', '✓', '']);
    const why = values(p.contacts, C.why);
    expect(why[1]).toContain('would be a pick, but not enough InMail credits left');
    expect(why[3]).toContain('would be a pick, but not enough InMail credits left');
    expect(why[0]).not.toContain('credits');
    expect(p.summary).toMatchObject({ creditsNeeded: 3, creditsLeft: 1, leftOutForCredits: 2, picks: 2 });
  });

  it('picks everyone it can when credits cover every paid pick', () => {
    const p = plan([person('Acme', 'A'), person('Acme', 'B'), person('Acme', 'C')], {
      settings: [['InMail credits left', 3]],
    });
    expect(values(p.contacts, C.pick)).toEqual(['✓', '✓', '✓']);
    expect(p.summary.leftOutForCredits).toBe(0);
  });

  it('estimates credits left from the plan and this month’s paid InMails when Settings is blank', () => {
    const sent = (name: string, d: Date, over: Row = {}) =>
      person('Beta', name, { [C.status]: 'Messaged', [C.messagedOn]: d, ...over });
    const p = plan(
      [
        sent('S1', date(2026, 3, 2)),
        sent('S2', date(2026, 3, 3)),
        sent('S3', date(2026, 3, 4), { [C.status]: 'Replied', [C.repliedOn]: date(2026, 3, 6) }),
        sent('Old', date(2026, 2, 27)),
        person('Acme', 'A'),
        person('Acme', 'B'),
        person('Acme', 'C'),
      ],
      { settings: [['LinkedIn plan', 'Premium Career']] },
    );
    expect(p.summary).toMatchObject({ creditsLeft: 3, creditsEstimated: true });
  });

  it('fills Jobs: Contacts, Picks, Referrals and Coverage (referred jobs get no new picks)', () => {
    const p = plan(
      [
        person('Acme', 'A', { [C.job]: 'Data Scientist' }),
        person('Acme', 'B', { [C.job]: 'data scientist', [C.status]: 'Referred' }),
        person('Acme', 'C', {
          [C.job]: 'ML Engineer',
          [C.referredOn]: date(2026, 3, 1),
          [C.status]: 'Call done',
        }),
        person('Beta', 'D'), // blank Job: Beta's only job
        person('Beta', 'E', { [C.current]: 'No' }),
      ],
      {
        jobs: [
          { [J.company]: 'Acme', [J.job]: 'Data Scientist' },
          { [J.company]: 'Acme', [J.job]: 'ML Engineer' },
          {},
          { [J.company]: 'Beta', [J.job]: 'Analyst', Priority: 'high' },
          { [J.company]: 'Gamma', [J.job]: 'PM' },
        ],
        settings: [['Picks per company', 3]],
      },
    );
    expect(p.jobs.sheet).toBe('Jobs');
    expect(p.jobs.columns.map((c) => c.header)).toEqual([J.contacts, J.picks, J.referrals, J.coverage]);
    expect(values(p.jobs, J.contacts)).toEqual([2, 1, undefined, 2, 0]);
    // Both Acme jobs have a referral: the engaged B and C keep their pick, A gets none.
    expect(values(p.jobs, J.picks)).toEqual([1, 1, undefined, 1, 0]);
    expect(values(p.jobs, J.referrals)).toEqual([1, 1, undefined, 0, 0]);
    expect(values(p.jobs, J.coverage)).toEqual([
      'referred',
      'referred',
      undefined,
      'needs more',
      'needs more',
    ]);
    expect(p.summary.needsMore).toEqual([
      { company: 'Beta', job: 'Analyst' },
      { company: 'Gamma', job: 'PM' },
    ]);
  });

  describe('job-aware picks (PRODUCT point 18)', () => {
    const acme = (outcome: string, job = 'Data Scientist') => ({
      [J.company]: 'Acme',
      [J.job]: job,
      [J.outcome]: outcome,
    });

    it.each(['Rejected', 'Withdrawn', 'Accepted'])(
      'gives no new picks and no credits at a company whose only job is %s; engaged people keep their pick',
      (outcome) => {
        const p = plan(
          [
            person('Acme', 'New', { [C.degree]: '1st' }),
            person('Acme', 'Paid'),
            person('Acme', 'Talking', { [C.status]: 'Replied' }),
          ],
          { jobs: [acme(outcome)] },
        );
        expect(values(p.contacts, C.pick)).toEqual(['', '', '✓']);
        const why = values(p.contacts, C.why);
        expect(why[0]).toMatch(/; job closed$/);
        expect(why[1]).toMatch(/; job closed$/);
        expect(why[2]).not.toContain('job closed');
        expect(values(p.jobs, J.coverage)).toEqual(['closed']);
        expect(p.summary).toMatchObject({ creditsNeeded: 0, needsMore: [], closedCompanies: 1 });
      },
    );

    it('keeps picking while one of the company’s jobs is still open', () => {
      const p = plan([person('Acme Inc.', 'A'), person('ACME', 'B')], {
        jobs: [acme('Rejected'), acme('Interview', 'ML Engineer')],
        settings: [['Picks per company', 3]],
      });
      expect(values(p.contacts, C.pick)).toEqual(['✓', '✓']);
      expect(values(p.jobs, J.coverage)).toEqual(['closed', 'needs more']);
      expect(p.summary.needsMore).toEqual([{ company: 'Acme', job: 'ML Engineer' }]);
    });

    it('gives no new picks where someone already referred you for the open job, and says so in Why', () => {
      const p = plan(
        [
          person('Acme Corp', 'Referrer', { [C.status]: 'Call done', [C.referredOn]: date(2026, 3, 2) }),
          person('Acme', 'Next', { [C.degree]: '1st' }),
          person('Acme', 'Declined', { [C.status]: 'Declined' }),
        ],
        { jobs: [acme('Pending')] },
      );
      expect(values(p.contacts, C.pick)).toEqual(['✓', '', '']);
      const why = values(p.contacts, C.why);
      expect(why[1]).toMatch(/; already referred at Acme$/);
      expect(why[2]).not.toContain('already referred');
      expect(values(p.jobs, J.coverage)).toEqual(['referred']);
      expect(p.summary).toMatchObject({ needsMore: [], referredCompanies: 1, creditsNeeded: 0 });
    });

    it('spends the credits a closed company would have taken on an open one', () => {
      const p = plan(
        [person('Acme', 'Acme best', { [C.sameSchool]: 'Yes' }), person('Beta', 'Beta person')],
        {
          jobs: [acme('Withdrawn'), { [J.company]: 'Beta', [J.job]: 'Data Scientist' }],
          settings: [['InMail credits left', 1]],
        },
      );
      expect(values(p.contacts, C.pick)).toEqual(['', '✓']);
      expect(p.summary).toMatchObject({ creditsNeeded: 1, leftOutForCredits: 0 });
    });

    it('still picks at a company that has no job on Jobs (PRODUCT point 5)', () => {
      const p = plan([person('Nowhere', 'A')], { jobs: [] });
      expect(values(p.contacts, C.pick)).toEqual(['✓']);
    });
  });

  describe('describeScoring', () => {
    it('names the open jobs that need more picks and the companies that get none', () => {
      const p = plan([person('Acme', 'A'), person('Beta', 'B', { [C.status]: 'Referred' })], {
        jobs: [
          { [J.company]: 'Acme', [J.job]: 'Data Scientist' },
          { [J.company]: 'Beta', [J.job]: 'Analyst' },
          { [J.company]: 'Gamma', [J.job]: 'PM', [J.outcome]: 'Rejected' },
        ],
      });
      const text = describeScoring(p.summary);
      expect(text).toContain('Scored 2 people; 2 picked (✓).');
      expect(text).toContain('1 open job needs more picks: Acme — Data Scientist.');
      expect(text).not.toContain('Gamma');
      expect(text).toContain(
        'No new picks at 1 company with every job closed or 1 company where someone already referred you.',
      );
    });
  });

  it('does not score a row with bad input; Why and the summary name the row and column', () => {
    const p = plan([
      person('Acme', 'Ok'),
      person('Acme', 'Bad degree', { [C.degree]: '4th' }),
      person('', 'No company'),
      person('Acme', 42 as unknown as string),
      person('Acme', 'Date title', { [C.title]: new Date(NOW) }),
    ]);
    const why = values(p.contacts, C.why);
    expect(why[1]).toBe('Degree: "4th" is not a degree (1st, 2nd, 3rd)');
    expect(why[2]).toBe('Company is missing');
    expect(why[3]).toBe('Name: the number 42 where text was expected');
    expect(why[4]).toBe('Title: a date where text was expected');
    expect(values(p.contacts, C.score).slice(1)).toEqual(['', '', '', '']);
    expect(values(p.contacts, C.pick).slice(1)).toEqual(['', '', '', '']);
    expect(p.summary.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'Degree' }),
        expect.objectContaining({ row: 4, column: 'Company' }),
        expect.objectContaining({ row: 5, column: 'Name' }),
        expect.objectContaining({ row: 6, column: 'Title' }),
      ]),
    );
    expect(p.summary).toMatchObject({ scored: 1, skipped: 4 });
  });

  it('formula-escapes user text copied into Why', () => {
    const p = plan([
      person('=HYPERLINK("http://x")', 'A', { [C.current]: 'No' }),
      person('Acme', 'B', { [C.mutual]: '@Jean' }),
    ]);
    const why = values(p.contacts, C.why);
    expect(why[0]).toBe(`not at '=HYPERLINK("http://x") now`);
    expect(why[1]).toContain(`mutual: '@Jean`);
    for (const w of why) expect(String(w)).not.toMatch(/^[=+\-@]/);
  });

  it('reports bad Settings values and uses the default meanwhile', () => {
    const p = plan([person('Acme', 'A'), person('Acme', 'B'), person('Acme', 'C'), person('Acme', 'D')], {
      settings: [
        ['Picks per company', 'lots'],
        ['InMail credits left', 50],
      ],
    });
    expect(p.summary.settingProblems[0]?.message).toContain('Picks per company');
    expect(p.summary.picks).toBe(3);
  });

  it('handles an empty sheet', () => {
    const p = planScoring({
      contacts: { headers: CONTACT_HEADERS, rows: [] },
      jobs: { headers: JOB_HEADERS, rows: [] },
      settingsRows: [],
      timeZone: TZ,
      now: NOW,
    });
    expect(p.summary).toMatchObject({ scored: 0, skipped: 0, picks: 0, creditsNeeded: 0 });
  });
});

describe('budgetScoring', () => {
  const COLS = [C.score, C.rank, C.pick, C.why, C.credits];
  /** `n` people, the even ones picked: their sheet rows as read (blank unless given) and the plan. */
  const setUp = (n: number, read: (r: number) => Cell[] = () => ['', '', '', '', '']) => {
    const headers = ['Name', ...COLS];
    const rows = Array.from({ length: n }, (_, r) => [`P${r}`, ...read(r)]);
    const planned = (r: number): Cell[] => [50 - r, 1, r % 2 ? '' : '✓', `why ${r}`, r % 2];
    const contacts: WritePlan = {
      sheet: 'Contacts',
      columns: COLS.map((header, j) => ({ header, values: rows.map((_, r) => planned(r)[j]) })),
    };
    return { table: { headers, rows } as Table, contacts, planned };
  };
  const cellsOf = (p: WritePlan) =>
    p.columns.flatMap((w) => w.values ?? []).filter((v) => v !== undefined).length;
  const rowsOf = (p: WritePlan) => [
    ...new Set(p.columns.flatMap((w) => (w.values ?? []).flatMap((v, r) => (v === undefined ? [] : [r])))),
  ];

  it('leaves the plan whole when it fits', () => {
    const { table: t, contacts } = setUp(10);
    const b = budgetScoring(t, contacts, 1_000);
    expect(b.rowsLeft).toBe(0);
    expect(cellsOf(b.picks) + cellsOf(b.rest)).toBe(50);
  });

  it('writes every Pick, then the other columns of the first rows the rest of the budget covers', () => {
    const { table: t, contacts } = setUp(10);
    // 5 picks to mark, then 4 columns a row: 11 cells leave room for 2 rows.
    const b = budgetScoring(t, contacts, 5 + 11);
    expect(b.picks.columns.map((w) => w.header)).toEqual([C.pick]);
    expect(b.picks.columns[0]!.values).toEqual(contacts.columns[2]!.values);
    expect(b.rest.columns.map((w) => w.header)).toEqual([C.score, C.rank, C.why, C.credits]);
    expect(rowsOf(b.rest)).toEqual([0, 1]);
    expect(b.rowsLeft).toBe(8);
  });

  it('does not count cells that already hold their value, and starts where the changes start', () => {
    const {
      table: t,
      contacts,
      planned,
    } = setUp(10, (r) => (r < 6 ? [50 - r, 1, r % 2 ? '' : '✓', `why ${r}`, r % 2] : ['', '', '', '', '']));
    expect(planned(0)).toEqual(t.rows[0]!.slice(1));
    // Picks left to mark: rows 6 and 8.
    const b = budgetScoring(t, contacts, 2 + 8);
    expect(rowsOf(b.rest).filter((r) => r >= 6)).toEqual([6, 7]);
    expect(b.rowsLeft).toBe(2);
  });

  it('takes at least one row, so a run always makes progress', () => {
    const { table: t, contacts } = setUp(4);
    const b = budgetScoring(t, contacts, 1);
    expect(rowsOf(b.rest)).toEqual([0]);
    expect(b.rowsLeft).toBe(3);
  });

  it('converges: each rerun writes what is left until the sheet holds the whole plan, then nothing', () => {
    const { table: first, contacts } = setUp(25);
    let t = first;
    const left: number[] = [];
    for (let run = 0; run < 6; run++) {
      const b = budgetScoring(t, contacts, 40);
      left.push(b.rowsLeft);
      t = withPlan(withPlan(t, b.picks), b.rest);
    }
    // 13 picks and 6 rows, then 10 rows, then the last 9.
    expect(left).toEqual([19, 9, 0, 0, 0, 0]);
    expect(t).toEqual(withPlan(first, contacts));
  });

  it('says what is left and how to finish', () => {
    const p = plan([person('Acme', 'A')]);
    expect(describeScoring(p.summary)).not.toContain('again');
    expect(describeScoring({ ...p.summary, rowsLeft: 1_200 })).toContain(
      "Score, Rank, Why and Credits of 1,200 more rows are left so this run stays within Google's time limit: run Score candidates again to finish.",
    );
  });
});
