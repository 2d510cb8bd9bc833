// planFollowUps: the write plan for Next action / Due on Contacts and Jobs, fills, onlyRows, due lists.

import { dayFromYmd, midnightOf, zonedToInstant } from '../../src/core/dates';
import { planFollowUps } from '../../src/core/followup-plan';
import { CONTACT_ACTIONS as A, JOB_ACTIONS } from '../../src/core/followups';
import { C, CONTACTS, DUE_TODAY_FILL, J, JOBS, OVERDUE_FILL } from '../../src/core/schema';
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
