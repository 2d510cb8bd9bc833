// Set up tracker's plan: which sheets to create, which headers to append, which seeds are missing.
import { CONTACTS } from '../../src/core/schema';
import { missingSeeds, planSheetRepair } from '../../src/core/setup-plan';

describe('planSheetRepair', () => {
  it('creates a missing sheet with every contract column', () => {
    const r = planSheetRepair(CONTACTS, null);
    expect(r.create).toBe(true);
    expect(r.append.map((c) => c.header)).toEqual(CONTACTS.columns.map((c) => c.header));
  });

  it('appends only missing headers, matching trimmed and case-insensitive, ignoring extra columns', () => {
    const present = CONTACTS.columns.map((c) => c.header).filter((h) => h !== 'Why' && h !== 'Mentor notes');
    const headers = ['My column', ...present.map((h) => ` ${h.toUpperCase()} `).reverse()];
    const r = planSheetRepair(CONTACTS, headers);
    expect(r.create).toBe(false);
    expect(r.append.map((c) => c.header)).toEqual(['Why', 'Mentor notes']);
  });

  it('plans nothing for a complete sheet', () => {
    expect(
      planSheetRepair(
        CONTACTS,
        CONTACTS.columns.map((c) => c.header),
      ).append,
    ).toEqual([]);
  });
});

describe('missingSeeds', () => {
  it('returns the seeds whose key no row has', () => {
    const rows = [
      ['Language', 'English'],
      ['picks per company', 3],
    ];
    const seeds = [{ name: 'Language' }, { name: 'Picks per company' }, { name: 'Sector' }];
    const key = (s: unknown) => String(s).trim().toLowerCase();
    expect(
      missingSeeds(
        rows,
        seeds,
        (r) => key(r[0]),
        (s) => key(s.name),
      ),
    ).toEqual([{ name: 'Sector' }]);
  });
});
