// Mark as sent as a plan: which cells it writes, what it logs, and what the row looks like after.
import { planMarkSent } from '../../src/core/mark-sent';
import { parseContacts } from '../../src/core/rows';
import type { Table } from '../../src/core/table';

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
