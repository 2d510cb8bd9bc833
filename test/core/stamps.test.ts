// Status-change stamps (never overwriting) and Activity rows (formula-escaped) for Contacts edits.

import { dayFromYmd, midnightOf, zonedToInstant } from '../../src/core/dates';
import { C, CONTACTS } from '../../src/core/schema';
import { applyStamps, personKey, stampsForStatusChange } from '../../src/core/stamps';
import type { Table } from '../../src/core/table';
import type { Cell } from '../../src/core/values';

const TZ = 'Europe/Paris';
const NOW = zonedToInstant(2026, 3, 29, 0, 30, TZ) + 42_500; // just after midnight on DST day, with seconds
const TODAY = new Date(midnightOf(dayFromYmd(2026, 3, 29), TZ));
const HEADERS = [...CONTACTS.columns.map((c) => c.header).reverse(), 'Extra'];

function table(rows: Record<string, Cell>[]): Table {
  return { headers: HEADERS, rows: rows.map((r) => HEADERS.map((h) => r[h] ?? '')) };
}

const run = (
  rows: Record<string, Cell>[],
  changed: number[],
  previous?: (string | undefined)[],
  by = 'edit',
) => stampsForStatusChange({ contacts: table(rows), rows: changed, previous, timeZone: TZ, now: NOW, by });

describe('stampsForStatusChange', () => {
  it.each([
    ['Messaged', C.messagedOn],
    ['Replied', C.repliedOn],
    ['Referred', C.referredOn],
  ])('stamps %s on %s with midnight of today in the spreadsheet zone', (status, header) => {
    const r = run([{ [C.company]: 'Acme', [C.name]: 'Ann', [C.status]: status }], [0], ['To contact']);
    expect(r.writes).toEqual([{ row: 0, header, value: TODAY }]);
    expect(TODAY.toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('stamps Call on with now (to the minute) when a call is marked done and Call on is blank', () => {
    const r = run([{ [C.company]: 'Acme', [C.name]: 'Ann', [C.status]: 'Call done' }], [0]);
    expect(r.writes).toEqual([
      { row: 0, header: C.callOn, value: new Date(Math.floor(NOW / 60_000) * 60_000) },
    ]);
  });

  it('never overwrites an existing stamp', () => {
    const old = new Date(Date.UTC(2026, 0, 5));
    const rows: Record<string, Cell>[] = [
      { [C.company]: 'A', [C.name]: 'Ann', [C.status]: 'Messaged', [C.messagedOn]: old },
      { [C.company]: 'A', [C.name]: 'Bob', [C.status]: 'Replied', [C.repliedOn]: '2026-01-05' },
      { [C.company]: 'A', [C.name]: 'Cy', [C.status]: 'Call done', [C.callOn]: old },
      { [C.company]: 'A', [C.name]: 'Di', [C.status]: 'Referred', [C.referredOn]: 'sometime' },
    ];
    const r = run(rows, [0, 1, 2, 3]);
    expect(r.writes).toEqual([]);
    expect(r.activity).toHaveLength(4);
  });

  it('stamps nothing for statuses without a date column, but logs them', () => {
    const r = run(
      [
        { [C.company]: 'A', [C.name]: 'Ann', [C.status]: 'Call scheduled' },
        { [C.company]: 'A', [C.name]: 'Bob', [C.status]: 'Declined' },
      ],
      [0, 1],
    );
    expect(r.writes).toEqual([]);
    expect(r.activity.map((a) => a[4])).toEqual(['Call scheduled', 'Declined']);
  });

  it('handles a multi-row paste (no old values) and stamps each row', () => {
    const rows: Record<string, Cell>[] = [
      { [C.company]: 'A', [C.name]: 'Ann', [C.status]: 'messaged' },
      {},
      { [C.company]: 'B', [C.name]: 'Bob', [C.status]: 'Messaged', [C.messagedOn]: TODAY },
      { [C.company]: 'C', [C.name]: 'Cy', [C.status]: 'REPLIED' },
    ];
    const r = run(rows, [0, 1, 2, 3, 0, 42]);
    expect(r.writes).toEqual([
      { row: 0, header: C.messagedOn, value: TODAY },
      { row: 3, header: C.repliedOn, value: TODAY },
    ]);
    // The blank row, the duplicate and the out-of-range row are skipped; statuses are canonical.
    expect(r.activity).toEqual([
      [new Date(NOW), 'A', 'Ann', '', 'Messaged', 'edit'],
      [new Date(NOW), 'B', 'Bob', '', 'Messaged', 'edit'],
      [new Date(NOW), 'C', 'Cy', '', 'Replied', 'edit'],
    ]);
  });

  it('logs a single-cell edit with its old status, and skips a row whose status did not change', () => {
    const rows = [
      { [C.company]: 'A', [C.name]: 'Ann', [C.status]: 'Replied' },
      { [C.company]: 'A', [C.name]: 'Bob', [C.status]: 'Messaged' },
    ];
    const r = run(rows, [0, 1], ['messaged', 'Messaged'], 'Mark as sent');
    expect(r.activity).toEqual([[new Date(NOW), 'A', 'Ann', 'Messaged', 'Replied', 'Mark as sent']]);
    expect(r.writes).toEqual([{ row: 0, header: C.repliedOn, value: TODAY }]);
  });

  it('logs a status that is not in the list, without a stamp, and a cleared status', () => {
    const rows = [
      { [C.company]: 'A', [C.name]: 'Ann', [C.status]: 'Ghosted' },
      { [C.company]: 'A', [C.name]: 'Bob', [C.status]: '' },
    ];
    const r = run(rows, [0, 1], ['Messaged', 'Replied']);
    expect(r.writes).toEqual([]);
    expect(r.activity.map((a) => [a[3], a[4]])).toEqual([
      ['Messaged', 'Ghosted'],
      ['Replied', ''],
    ]);
  });

  it('escapes text copied to Activity so it cannot become a formula', () => {
    const rows = [
      { [C.company]: '=HYPERLINK("http://x","y")', [C.name]: '+33 Ann', [C.status]: '@Messaged' },
    ];
    const r = run(rows, [0], ['-old'], '=by');
    expect(r.activity).toEqual([
      [new Date(NOW), `'=HYPERLINK("http://x","y")`, "'+33 Ann", "'-old", "'@Messaged", "'=by"],
    ]);
    expect(r.writes).toEqual([]);
  });

  it('copies non-text cells as text and never throws on a missing column', () => {
    const noDates: Table = { headers: [C.company, C.name, C.status], rows: [[42, true, 'Messaged']] };
    const r = stampsForStatusChange({ contacts: noDates, rows: [0], timeZone: TZ, now: NOW, by: 'edit' });
    expect(r.writes).toEqual([]);
    expect(r.activity).toEqual([[new Date(NOW), '42', 'true', '', 'Messaged', 'edit']]);
    const noStatus: Table = { headers: [C.company], rows: [['A']] };
    expect(
      stampsForStatusChange({ contacts: noStatus, rows: [0], timeZone: TZ, now: NOW, by: 'edit' }),
    ).toEqual({
      writes: [],
      activity: [],
    });
  });

  it('stamps today in Los Angeles when UTC is already tomorrow', () => {
    const now = Date.UTC(2026, 2, 10, 6, 0); // 2026-03-09 23:00 PDT
    const r = stampsForStatusChange({
      contacts: table([{ [C.company]: 'A', [C.name]: 'Ann', [C.status]: 'Messaged' }]),
      rows: [0],
      timeZone: 'America/Los_Angeles',
      now,
      by: 'edit',
    });
    expect(r.writes[0]?.value.toISOString()).toBe('2026-03-09T07:00:00.000Z');
  });
});

describe('applyStamps', () => {
  it('returns a copy with the stamps written and the original untouched', () => {
    const t = table([{ [C.company]: 'A', [C.name]: 'Ann', [C.status]: 'Messaged' }]);
    const { writes } = stampsForStatusChange({ contacts: t, rows: [0], timeZone: TZ, now: NOW, by: 'edit' });
    const after = applyStamps(t, writes);
    const i = HEADERS.indexOf(C.messagedOn);
    expect(after.rows[0]?.[i]).toEqual(TODAY);
    expect(t.rows[0]?.[i]).toBe('');
    expect(applyStamps(t, [])).toBe(t);
  });
});

describe('retried Status changes', () => {
  const ann = { [C.company]: 'Acme', [C.name]: 'Ann', [C.status]: 'Messaged' };
  const logged = (to: string) => new Map([[personKey(' ACME', 'ann '), to]]);
  const retry = (previous: (string | undefined)[] | undefined, lastLogged?: Map<string, string>) =>
    stampsForStatusChange({
      contacts: table([ann]),
      rows: [0],
      previous,
      lastLogged,
      timeZone: TZ,
      now: NOW,
      by: 'edit',
    });

  it('never logs a second row for a change Activity already shows', () => {
    expect(retry(['To contact'], logged('Messaged')).activity).toEqual([]);
    expect(retry(undefined, logged('messaged')).activity).toEqual([]);
    // …but still repairs a missing stamp.
    expect(retry(undefined, logged('Messaged')).writes).toHaveLength(1);
  });

  it('logs the real transition when the same value is entered again after its log row was lost', () => {
    const r = retry(['Messaged'], logged('To contact'));
    expect(r.activity.map((a) => a.slice(3))).toEqual([['To contact', 'Messaged', 'edit']]);
  });

  it('takes From from the last logged status when a paste gives no old value', () => {
    expect(retry(undefined, logged('Replied')).activity[0]!.slice(3, 5)).toEqual(['Replied', 'Messaged']);
    expect(retry(undefined, new Map()).activity[0]!.slice(3, 5)).toEqual(['', 'Messaged']);
  });

  it('still skips the same value entered again when nothing needs repairing', () => {
    expect(retry(['Messaged']).activity).toEqual([]);
    expect(retry(['Messaged'], new Map()).activity).toEqual([]);
  });
});
