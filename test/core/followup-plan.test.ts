// planFollowUps: the write plan for Next action / Due on Contacts and Jobs, fills, onlyRows, due lists.

import fc from 'fast-check';
import { dayFromYmd, midnightOf, zonedToInstant } from '../../src/core/dates';
import {
  affectedCompanies,
  companyPattern,
  needsAllReferrers,
  needsEveryReferrer,
  planAffected,
  planFollowUps,
  recomputesReferrer,
  type SheetRows,
  sameTextPattern,
} from '../../src/core/followup-plan';
import { CONTACT_ACTIONS as A, JOB_ACTIONS } from '../../src/core/followups';
import { jobIndex, parseJobs } from '../../src/core/rows';
import {
  APPLY_CHOICES,
  C,
  CONTACTS,
  DUE_TODAY_FILL,
  J,
  JOBS,
  OUTCOMES,
  OVERDUE_FILL,
  STATUSES,
} from '../../src/core/schema';
import type { ColumnWrite, Table, WritePlan } from '../../src/core/table';
import type { Cell } from '../../src/core/values';

const TZ = 'Europe/Paris';
const NOW = zonedToInstant(2026, 3, 10, 10, 0, TZ);
const D = dayFromYmd(2026, 3, 10);
const date = (offset: number, tz = TZ) => new Date(midnightOf(D + offset, tz));

/** A table with the contract's headers in a shuffled order plus a user column, rows given by header. */
function table(headers: readonly string[], rows: Record<string, Cell>[]): Table {
  return { headers, rows: rows.map((r) => headers.map((h) => r[h] ?? '')) };
}
const CONTACT_HEADERS = ['My own column', ...CONTACTS.columns.map((c) => c.header).reverse()];
const JOB_HEADERS = [...JOBS.columns.map((c) => c.header), 'Priority'];

function column(plan: WritePlan, header: string): ColumnWrite {
  const c = plan.columns.find((x) => x.header === header);
  if (!c) throw new Error(`no ${header} in plan`);
  return c;
}

const contactRows: Record<string, Cell>[] = [
  { [C.company]: 'Acme', [C.name]: 'Ann Replied', [C.status]: 'Replied', [C.repliedOn]: date(-3) }, // overdue
  { [C.company]: 'Acme', [C.name]: 'Bob Msg', [C.status]: 'Messaged', [C.messagedOn]: date(-7) }, // due today
  {}, // blank row
  {
    [C.company]: 'Acme',
    [C.name]: 'Cy Future',
    [C.status]: 'Call scheduled',
    [C.callOn]: new Date(NOW + 86_400_000),
  },
  { [C.company]: 'Beta', [C.name]: 'Di Done', [C.status]: 'To contact', 'My own column': 'keep' }, // nothing
  {
    [C.company]: 'Beta',
    [C.name]: 'Ed Bad',
    [C.status]: 'Messaged',
    [C.messagedOn]: date(-8),
    [C.degree]: 'fourth', // a problem elsewhere in the row
  },
  {
    [C.company]: 'Acme',
    [C.job]: 'Engineer',
    [C.name]: 'Flo Ref',
    [C.status]: 'Referred',
    [C.referredOn]: date(-1),
    [C.thankedOn]: date(0),
  },
];

const jobRows: Record<string, Cell>[] = [
  { [J.company]: 'Acme', [J.job]: 'Engineer', [J.apply]: 'After referral' },
  { [J.company]: 'Gamma', [J.job]: 'Analyst' },
  {},
  { [J.company]: 'Beta', [J.job]: 'PM', [J.outcome]: 'Rejected', [J.outcomeOn]: date(-1) },
];

const settingsRows: Cell[][] = [
  ['Setting', 'Value'],
  ['Answer within days', 1],
];

function plan(over: Partial<Parameters<typeof planFollowUps>[0]> = {}) {
  return planFollowUps({
    contacts: table(CONTACT_HEADERS, contactRows),
    jobs: table(JOB_HEADERS, jobRows),
    settingsRows,
    timeZone: TZ,
    now: NOW,
    ...over,
  });
}

describe('planFollowUps', () => {
  it('writes only Next action and Due, values and backgrounds, on both sheets', () => {
    const p = plan();
    expect(p.contacts.sheet).toBe('Contacts');
    expect(p.contacts.columns.map((c) => c.header)).toEqual([C.nextAction, C.due]);
    expect(p.jobs?.sheet).toBe('Jobs');
    expect(p.jobs?.columns.map((c) => c.header)).toEqual([J.nextAction, J.due]);
    for (const c of [...p.contacts.columns, ...(p.jobs?.columns ?? [])]) {
      expect(c.notes).toBeUndefined();
      expect(c.values).toBeDefined();
      expect(c.backgrounds).toBeDefined();
    }
  });

  it('gives each Contacts row its action, a midnight Due date and a matching fill', () => {
    const p = plan();
    const actions = column(p.contacts, C.nextAction);
    const dues = column(p.contacts, C.due);
    expect(actions.values).toEqual([A.answer, A.noReply, undefined, A.prepare, '', A.noReply, A.apply]);
    expect(dues.values).toEqual([date(-2), date(0), undefined, date(1), '', date(-1), date(1)]);
    const fills = [OVERDUE_FILL, DUE_TODAY_FILL, undefined, null, null, OVERDUE_FILL, null];
    expect(actions.backgrounds).toEqual(fills);
    expect(dues.backgrounds).toEqual(fills);
    // Aligned with the table's rows.
    expect(actions.values).toHaveLength(contactRows.length);
  });

  it('writes Due as a Date at midnight in the spreadsheet time zone', () => {
    const dues = column(plan().contacts, C.due).values as Date[];
    expect(dues[0]).toBeInstanceOf(Date);
    expect(dues[0]!.toISOString()).toBe('2026-03-07T23:00:00.000Z');
    const la = plan({ timeZone: 'America/Los_Angeles', now: Date.UTC(2026, 2, 10, 18) });
    const laDue = column(la.contacts, C.due).values?.[3] as Date;
    expect(laDue.toISOString()).toBe('2026-03-11T07:00:00.000Z'); // midnight PDT
  });

  it('computes Jobs: apply now after a referral, find people, tell the outcome; blank rows untouched', () => {
    const p = plan();
    const actions = column(p.jobs!, J.nextAction);
    // Acme Engineer: referred D-1 + 2; Gamma: nobody listed; Beta PM: rejected, no referrers, closed.
    expect(actions.values).toEqual([JOB_ACTIONS.applyAfter, JOB_ACTIONS.findPeople, undefined, '']);
    expect(column(p.jobs!, J.due).values).toEqual([date(1), date(0), undefined, '']);
    expect(actions.backgrounds).toEqual([null, DUE_TODAY_FILL, undefined, null]);
  });

  it('links a contact with a blank Job to its company’s only job', () => {
    const rows = [
      {
        [C.company]: 'Beta',
        [C.name]: 'Gil',
        [C.status]: 'Referred',
        [C.referredOn]: date(-9),
        [C.thankedOn]: date(-8),
      },
    ];
    const p = plan({ contacts: table(CONTACT_HEADERS, rows) });
    expect(column(p.contacts, C.nextAction).values).toEqual([A.tellOutcome]);
    expect(column(p.jobs!, J.nextAction).values?.[3]).toBe('tell 1 referrer the outcome');
  });

  it('lists overdue and due-today follow-ups from both sheets, earliest first', () => {
    const p = plan();
    expect(p.overdue).toEqual([
      { sheet: 'Contacts', row: 2, company: 'Acme', name: 'Ann Replied', action: A.answer, due: D - 2 },
      { sheet: 'Contacts', row: 7, company: 'Beta', name: 'Ed Bad', action: A.noReply, due: D - 1 },
    ]);
    expect(p.dueToday).toEqual([
      { sheet: 'Contacts', row: 3, company: 'Acme', name: 'Bob Msg', action: A.noReply, due: D },
      { sheet: 'Jobs', row: 3, company: 'Gamma', name: 'Analyst', action: JOB_ACTIONS.findPeople, due: D },
    ]);
  });

  it('recomputes only the given rows with onlyRows, and leaves Jobs alone', () => {
    const p = plan({ onlyRows: [5, 1, 2, 99, -1, 1] });
    expect(p.jobs).toBeNull();
    expect(column(p.contacts, C.nextAction).values).toEqual([
      undefined,
      A.noReply,
      undefined,
      undefined,
      undefined,
      A.noReply,
      undefined,
    ]);
    expect(column(p.contacts, C.due).backgrounds).toEqual([
      undefined,
      DUE_TODAY_FILL,
      undefined,
      undefined,
      undefined,
      OVERDUE_FILL,
      undefined,
    ]);
    expect(p.overdue.map((x) => x.row)).toEqual([7]);
    expect(p.dueToday.map((x) => x.row)).toEqual([3]);
  });

  it('still links edited rows to their job with onlyRows', () => {
    const p = plan({ onlyRows: [6] });
    expect(column(p.contacts, C.nextAction).values?.[6]).toBe(A.apply);
  });

  it('clears a resolved row: empty text, empty Due, no fill', () => {
    const rows = [
      {
        [C.company]: 'Acme',
        [C.name]: 'Ann',
        [C.status]: 'Call done',
        [C.callOn]: new Date(NOW - 3e8),
        [C.thankedOn]: date(0),
      },
    ];
    const p = plan({ contacts: table(CONTACT_HEADERS, rows) });
    expect(column(p.contacts, C.nextAction).values).toEqual(['']);
    expect(column(p.contacts, C.due).values).toEqual(['']);
    expect(column(p.contacts, C.due).backgrounds).toEqual([null]);
  });

  it('uses the day counts from Settings, with or without the header row', () => {
    const slow = plan({ settingsRows: [['Answer within days', 5]] });
    expect(column(slow.contacts, C.due).values?.[0]).toEqual(date(2));
    expect(column(slow.contacts, C.due).backgrounds?.[0]).toBeNull();
    const bad = plan({ settingsRows: [['Answer within days', 'soon']] }); // default 1 meanwhile
    expect(column(bad.contacts, C.due).values?.[0]).toEqual(date(-2));
  });

  it('leaves out a column the sheet lacks', () => {
    const headers = CONTACT_HEADERS.filter((h) => h !== C.due);
    const p = plan({ contacts: table(headers, contactRows) });
    expect(p.contacts.columns.map((c) => c.header)).toEqual([C.nextAction]);
  });

  it('finds columns by header text whatever the case and spacing', () => {
    const headers = CONTACT_HEADERS.map((h) =>
      h === C.status ? '  STATUS ' : h === C.nextAction ? 'next  action' : h,
    );
    const rows = contactRows.map((r) => ({ ...r, '  STATUS ': r[C.status] ?? '' }));
    const p = plan({ contacts: table(headers, rows) });
    expect(p.contacts.columns.map((c) => c.header)).toEqual([C.nextAction, C.due]);
    expect(column(p.contacts, C.nextAction).values?.[0]).toBe(A.answer);
  });

  it('handles empty sheets', () => {
    const p = plan({
      contacts: { headers: CONTACT_HEADERS, rows: [] },
      jobs: { headers: JOB_HEADERS, rows: [] },
    });
    expect(column(p.contacts, C.nextAction).values).toEqual([]);
    expect(p.overdue).toEqual([]);
    expect(p.dueToday).toEqual([]);
  });

  it('plans 10,000 contacts over 500 companies', () => {
    const rows: Record<string, Cell>[] = [];
    for (let i = 0; i < 10_000; i++)
      rows.push({
        [C.company]: `Co ${i % 500}`,
        [C.name]: `P ${i}`,
        [C.status]: 'Messaged',
        [C.messagedOn]: date(-(i % 10)),
      });
    const jobs: Record<string, Cell>[] = [];
    for (let i = 0; i < 500; i++) jobs.push({ [J.company]: `Co ${i}`, [J.job]: 'Role' });
    const p = plan({ contacts: table(CONTACT_HEADERS, rows), jobs: table(JOB_HEADERS, jobs) });
    expect(p.overdue.length + p.dueToday.length).toBe(3000);
  });
});

describe('an accepted offer', () => {
  const referrer = (company: string, name: string, sharedOn: Cell = '') => ({
    [C.company]: company,
    [C.name]: name,
    [C.status]: 'Referred',
    [C.referredOn]: date(-20),
    [C.thankedOn]: date(-19),
    [C.outcomeSharedOn]: sharedOn,
  });
  const jobs: Record<string, Cell>[] = [
    { [J.company]: 'Acme', [J.job]: 'Engineer', [J.outcome]: 'Accepted', [J.outcomeOn]: date(-1) },
    { [J.company]: 'Beta', [J.job]: 'PM', [J.outcome]: 'Rejected', [J.outcomeOn]: date(-10) },
    { [J.company]: 'Gamma', [J.job]: 'Analyst' },
  ];
  const contacts: Record<string, Cell>[] = [
    referrer('Acme', 'Ann'),
    referrer('Beta', 'Bob', date(-9)), // told of the rejection, not of the offer
    referrer('Gamma', 'Cy'),
    referrer('Gamma', 'Di', date(0)), // already told
    { [C.company]: 'Gamma', [C.name]: 'Ed', [C.status]: 'Messaged', [C.messagedOn]: date(-1) },
  ];
  const p = () => plan({ contacts: table(CONTACT_HEADERS, contacts), jobs: table(JOB_HEADERS, jobs) });

  it('tells every referrer at every company who has not heard since it was accepted', () => {
    expect(column(p().contacts, C.nextAction).values).toEqual([
      A.tellOutcome,
      A.tellOutcome,
      A.tellOutcome,
      '',
      A.noReply,
    ]);
    expect(column(p().contacts, C.due).values?.[1]).toEqual(date(1)); // Outcome on + 2 days
  });

  it('makes the accepted job’s advice count every referrer still to tell', () => {
    expect(column(p().jobs!, J.nextAction).values?.[0]).toBe(JOB_ACTIONS.tellAccepted(3));
    expect(JOB_ACTIONS.tellAccepted(3)).toBe('tell every referrer you accepted this offer (3 to tell)');
  });
});

// ---------------------------------------------------------------- planAffected

/** A random tracker: a few companies, their jobs, their contacts, any dates. */
const dayCell = fc.option(
  fc.integer({ min: -15, max: 5 }).map((o) => date(o)),
  { nil: '' as Cell },
);
const contactArb = fc.record({
  [C.company]: fc.constantFrom('Acme', 'acme ', 'Beta', 'Gamma', 'Delta'),
  [C.job]: fc.constantFrom('', 'Engineer', 'PM'),
  [C.name]: fc.constantFrom('Ann', 'Bob', 'Cy', 'Di'),
  [C.status]: fc.constantFrom<string>(...STATUSES, ''),
  [C.messagedOn]: dayCell,
  [C.repliedOn]: dayCell,
  [C.callOn]: dayCell,
  [C.referredOn]: dayCell,
  [C.thankedOn]: dayCell,
  [C.outcomeSharedOn]: dayCell,
}) as fc.Arbitrary<Record<string, Cell>>;
const jobArb = fc.record({
  [J.company]: fc.constantFrom('Acme', 'Beta', 'Gamma', 'Delta'),
  [J.job]: fc.constantFrom('Engineer', 'PM'),
  [J.apply]: fc.constantFrom<string>('', ...APPLY_CHOICES),
  [J.appliedOn]: dayCell,
  [J.outcome]: fc.constantFrom<string>('', ...OUTCOMES),
  [J.outcomeOn]: dayCell,
}) as fc.Arbitrary<Record<string, Cell>>;

/** The rows of `t` at these indexes, as sparse SheetRows. */
function pick(t: Table, indexes: Iterable<number>): SheetRows {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  return { headers: t.headers, rows: sorted.map((i) => t.rows[i]!), rowNumbers: sorted.map((i) => i + 2) };
}

/** A TextFinder's test, as Sheets runs it: whole cell, any case, diacritics ignored. */
function finder(pattern: string): (text: string) => boolean {
  const plain = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '');
  const re = new RegExp(`^(?:${plain(pattern)})$`, 'iu');
  return (text) => text !== '' && re.test(plain(text));
}

/** What readAffected reads, done in memory: changed rows, every row of the companies, referrers. */
function neighbourhood(contacts: Table, jobs: Table, changedC: number[], changedJ: number[], every: boolean) {
  const iCo = CONTACT_HEADERS.indexOf(C.company);
  const iRef = CONTACT_HEADERS.indexOf(C.referredOn);
  const jCo = JOB_HEADERS.indexOf(J.company);
  const jOut = JOB_HEADERS.indexOf(J.outcome);
  const c = new Set(changedC.map((r) => r - 2));
  const j = new Set(changedJ.map((r) => r - 2));
  const addWhere = (t: Table, test: (r: readonly Cell[]) => boolean, set: Set<number>) => {
    t.rows.forEach((r, i) => {
      if (test(r)) set.add(i);
    });
  };
  const referrers = (r: readonly Cell[]) => r[iRef] !== '';
  const accepted = (r: readonly Cell[]) => r[jOut] === 'Accepted';
  if (every) {
    addWhere(contacts, referrers, c);
    addWhere(jobs, accepted, j);
  }
  const companies = affectedCompanies({
    contacts: pick(contacts, c),
    jobs: pick(jobs, j),
    settingsRows,
    timeZone: TZ,
    now: NOW,
    changedContacts: changedC,
    changedJobs: changedJ,
    everyReferrer: every,
  });
  const re = finder(companyPattern(companies));
  if (companies.length > 0) {
    addWhere(contacts, (r) => re(String(r[iCo])), c);
    addWhere(jobs, (r) => re(String(r[jCo])), j);
  }
  const base = { settingsRows, timeZone: TZ, now: NOW, changedContacts: changedC, changedJobs: changedJ };
  // A referrer among them: the Accepted jobs; an Accepted job recomputed: every referrer.
  if (recomputesReferrer({ ...base, contacts: pick(contacts, c), jobs: pick(jobs, j), everyReferrer: every }))
    addWhere(jobs, accepted, j);
  if (needsAllReferrers({ ...base, contacts: pick(contacts, c), jobs: pick(jobs, j), everyReferrer: every }))
    addWhere(contacts, referrers, c);
  return { contacts: pick(contacts, c), jobs: pick(jobs, j) };
}

describe('planAffected', () => {
  it('recomputes exactly what a full refresh computes, for the edited rows and every row they affect', () => {
    fc.assert(
      fc.property(
        fc.array(contactArb, { minLength: 1, maxLength: 12 }),
        fc.array(jobArb, { minLength: 0, maxLength: 6 }),
        fc.array(fc.nat(11), { maxLength: 3 }),
        fc.array(fc.nat(5), { maxLength: 2 }),
        fc.boolean(),
        (cRows, jRows, cIdx, jIdx, every) => {
          const contacts = table(CONTACT_HEADERS, cRows);
          const jobs = table(JOB_HEADERS, jRows);
          const changedC = cIdx.filter((i) => i < cRows.length).map((i) => i + 2);
          const changedJ = jIdx.filter((i) => i < jRows.length).map((i) => i + 2);
          const full = planFollowUps({ contacts, jobs, settingsRows, timeZone: TZ, now: NOW });
          const near = neighbourhood(contacts, jobs, changedC, changedJ, every);
          const got = planAffected({
            ...near,
            settingsRows,
            timeZone: TZ,
            now: NOW,
            changedContacts: changedC,
            changedJobs: changedJ,
            everyReferrer: every,
          });
          for (const [sheetPlan, fullPlan, rows, t] of [
            [got.contacts, full.contacts, got.contactRows, near.contacts],
            [got.jobs, full.jobs!, got.jobRows, near.jobs],
          ] as const) {
            for (const header of [C.nextAction, C.due]) {
              const mine = column(sheetPlan, header);
              const theirs = column(fullPlan, header);
              rows.forEach((row) => {
                const k = t.rowNumbers!.indexOf(row);
                expect([row, mine.values?.[k]]).toEqual([row, theirs.values?.[row - 2]]);
                expect(mine.backgrounds?.[k]).toEqual(theirs.backgrounds?.[row - 2]);
              });
              // Rows not recomputed are left alone.
              const untouched = mine.values?.filter((_, k) => !rows.includes(t.rowNumbers![k]!));
              expect(untouched?.every((v) => v === undefined)).toBe(true);
            }
          }
          // Every edited non-blank contact is recomputed, and so is its job.
          const parsedJobs = parseJobs(jobs, TZ);
          const jobOf = jobIndex(parsedJobs);
          for (const row of changedC) {
            const r = cRows[row - 2]!;
            expect(got.contactRows).toContain(row);
            const job = jobOf({ company: String(r[C.company]).trim(), job: String(r[C.job]) });
            if (job) expect(got.jobRows).toContain(job.row);
          }
          for (const row of changedJ)
            if (parsedJobs.some((x) => x.row === row)) expect(got.jobRows).toContain(row);
        },
      ),
      { seed: 20260310, numRuns: 150 },
    );
  });

  it('recomputes a job’s contacts when the job changes, and the job when a contact changes', () => {
    const contacts = table(CONTACT_HEADERS, [
      {
        [C.company]: 'Acme',
        [C.name]: 'Ann',
        [C.status]: 'Referred',
        [C.referredOn]: date(-1),
        [C.thankedOn]: date(0),
      },
      { [C.company]: 'Beta', [C.name]: 'Bob', [C.status]: 'Messaged', [C.messagedOn]: date(-1) },
    ]);
    const jobs = table(JOB_HEADERS, [
      { [J.company]: 'Acme', [J.job]: 'Engineer', [J.apply]: 'After referral' },
    ]);
    const base = { contacts, jobs, settingsRows, timeZone: TZ, now: NOW };
    const byJob = planAffected({ ...base, changedJobs: [2] });
    expect([byJob.contactRows, byJob.jobRows]).toEqual([[2], [2]]);
    expect(column(byJob.contacts, C.nextAction).values).toEqual([A.apply, undefined]);
    const byContact = planAffected({ ...base, changedContacts: [2] });
    expect(column(byContact.jobs, J.nextAction).values).toEqual([JOB_ACTIONS.applyAfter]);
  });
});

describe('what a live recompute must read', () => {
  it('names each company once, from the changed rows only', () => {
    const contacts: SheetRows = {
      headers: CONTACT_HEADERS,
      rows: table(CONTACT_HEADERS, [
        { [C.company]: 'Acme' },
        { [C.company]: ' ACME ' },
        { [C.company]: 'Beta' },
      ]).rows,
      rowNumbers: [5, 9, 12],
    };
    const jobs: SheetRows = {
      headers: JOB_HEADERS,
      rows: table(JOB_HEADERS, [{ [J.company]: 'Gamma' }]).rows,
      rowNumbers: [3],
    };
    const input = { contacts, jobs, settingsRows, timeZone: TZ, now: NOW };
    expect(affectedCompanies({ ...input, changedContacts: [5, 9], changedJobs: [3] })).toEqual([
      'Acme',
      'Gamma',
    ]);
    expect(affectedCompanies({ ...input, changedContacts: [] })).toEqual([]);
  });

  it('involves every referrer for an Outcome change, or for a referrer while an offer is accepted', () => {
    expect(needsEveryReferrer({ outcomeEdited: true, anyAccepted: false, referrerEdited: false })).toBe(true);
    expect(needsEveryReferrer({ outcomeEdited: false, anyAccepted: true, referrerEdited: true })).toBe(true);
    expect(needsEveryReferrer({ outcomeEdited: false, anyAccepted: false, referrerEdited: true })).toBe(
      false,
    );
    expect(needsEveryReferrer({ outcomeEdited: false, anyAccepted: true, referrerEdited: false })).toBe(
      false,
    );
  });

  it('searches for every spelling of a company that links to the same job, and no other company', () => {
    const names = [
      'Acme',
      '  acme ',
      'ACME Inc.',
      'The Acme Group',
      'A.C.M.E',
      'Acme, S.A.S.',
      'Coca-Cola',
      'coca cola company',
      'CocaCola',
      'Procter & Gamble',
      'Procter and Gamble Co',
      "L'Oréal",
      'LOREAL',
      'Straße AG',
      'strasse',
      'Øresund Læger',
      'oresund laeger',
      'Beta',
      'Betamax',
      'Co 1',
      'Co 10',
      'a(c)me?',
    ];
    for (const a of names) {
      const test = finder(companyPattern([a]));
      for (const b of names) {
        const jobs = parseJobs(table(JOB_HEADERS, [{ [J.company]: a, [J.job]: 'X' }]), TZ);
        const links = jobIndex(jobs)({ company: b.trim(), job: 'X' }) !== null;
        expect([a, b, test(b)]).toEqual([a, b, links]);
      }
    }
  });

  it('finds people by name whatever the case and spacing', () => {
    const test = finder(sameTextPattern(['Ann  Lee', 'Bo (B)']));
    expect(['ann lee', ' ANN LEE ', 'Bo (B)', 'Ann', 'Bo B'].map(test)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
