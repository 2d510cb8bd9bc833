// Property tests: random Contacts/Jobs/Settings never make planScoring throw or write outside its five columns.

import fc from 'fast-check';
import { zonedToInstant } from '../../src/core/dates';
import { C, CONTACTS, J, JOBS, STATUSES } from '../../src/core/schema';
import { planScoring, SCORING_COLUMNS } from '../../src/core/scoring-plan';
import { analyzeTitle, titleSimilarity } from '../../src/core/titles';
import type { Cell } from '../../src/core/values';

const TZ = 'Europe/Paris';
const NOW = zonedToInstant(2026, 3, 20, 10, 0, TZ);

const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    'Yes',
    'No',
    'oui',
    'N',
    'TRUE',
    '✓',
    '1st',
    '2nd',
    '3rd+',
    '4th',
    'Out of network',
    '=1+1',
    '@x',
  ),
  fc.constantFrom(...STATUSES),
  fc.constantFrom(
    'Senior Data Scientist II',
    'Ingénieur logiciel',
    'Chef de projet digital',
    'VP Sales',
    'Stagiaire',
  ),
  fc.integer({ min: -5, max: 5 }),
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(2025, 0, 1)), max: new Date(Date.UTC(2027, 0, 1)), noInvalidDate: true }),
);

const companyCell = fc.constantFrom('Acme', 'acme', 'Beta', '', '=EVIL()', 'Gamma');

/** Contacts headers shuffled, plus the user's own columns. */
const contactHeaders = fc
  .shuffledSubarray([...CONTACTS.columns.map((c) => c.header), 'My column', 'Extra'], { minLength: 3 })
  .map((h) => (h.includes(C.company) ? h : [C.company, ...h]));

const contactTable = contactHeaders.chain((headers) =>
  fc
    .array(
      fc
        .array(anyCell, { minLength: headers.length, maxLength: headers.length })
        .chain((row) =>
          companyCell.map((company) => headers.map((h, i) => (h === C.company ? company : (row[i] as Cell)))),
        ),
      { maxLength: 25 },
    )
    .map((rows) => ({ headers, rows })),
);

const jobTable = fc
  .array(
    fc.tuple(companyCell, fc.constantFrom('Data Scientist', 'Software Engineer', '', 'Chef de projet')),
    { maxLength: 6 },
  )
  .map((pairs) => {
    const headers = JOBS.columns.map((c) => c.header);
    return {
      headers,
      rows: pairs.map(([company, job]) =>
        headers.map((h) => (h === J.company ? company : h === J.job ? job : '')),
      ),
    };
  });

const settingsRows = fc.array(
  fc.tuple(
    fc.constantFrom(
      'Picks per company',
      'InMail credits left',
      'LinkedIn plan',
      'Weight: Premium',
      'Weight: Title match',
    ),
    anyCell,
  ),
  { maxLength: 5 },
);

describe('scoring properties', () => {
  it('never throws, writes only Score, Rank, Pick, Why, Credits, and keeps blank rows and row count', () => {
    fc.assert(
      fc.property(contactTable, jobTable, settingsRows, (contacts, jobs, settings) => {
        const plan = planScoring({ contacts, jobs, settingsRows: settings, timeZone: TZ, now: NOW });
        const allowed = new Set<string>(SCORING_COLUMNS);
        for (const c of plan.contacts.columns) {
          expect(allowed.has(c.header)).toBe(true);
          expect(c.values).toHaveLength(contacts.rows.length);
          contacts.rows.forEach((row, i) => {
            const blank = row.every((v) => v === '' || (typeof v === 'string' && v.trim() === ''));
            if (blank) expect(c.values?.[i]).toBeUndefined();
            else expect(c.values?.[i]).not.toBeUndefined();
          });
        }
        for (const c of plan.jobs.columns) {
          expect([J.contacts, J.picks, J.referrals, J.coverage]).toContain(c.header);
          expect(c.values).toHaveLength(jobs.rows.length);
        }
        const why = plan.contacts.columns.find((c) => c.header === C.why)?.values ?? [];
        for (const w of why) if (typeof w === 'string') expect(w).not.toMatch(/^[=+\-@\t\r]/);
        const score = plan.contacts.columns.find((c) => c.header === C.score)?.values ?? [];
        for (const s of score)
          if (typeof s === 'number') expect(s >= 0 && s <= 100 && Number.isInteger(s)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never picks more than "Picks per company" at a company', () => {
    fc.assert(
      fc.property(contactTable, jobTable, fc.integer({ min: 1, max: 4 }), (contacts, jobs, n) => {
        const plan = planScoring({
          contacts,
          jobs,
          settingsRows: [['Picks per company', n]],
          timeZone: TZ,
          now: NOW,
        });
        const pick = plan.contacts.columns.find((c) => c.header === C.pick)?.values;
        const ci = contacts.headers.indexOf(C.company);
        if (!pick || ci < 0) return;
        const per = new Map<string, number>();
        pick.forEach((p, i) => {
          if (p !== '✓') return;
          const key = String(contacts.rows[i]?.[ci]).trim().toLowerCase();
          per.set(key, (per.get(key) ?? 0) + 1);
        });
        for (const count of per.values()) expect(count).toBeLessThanOrEqual(n);
      }),
      { numRuns: 200 },
    );
  });

  it('title analysis never throws and similarity stays within 0..1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        analyzeTitle(a);
        const s = titleSimilarity(a, b);
        expect(s >= 0 && s <= 1).toBe(true);
      }),
    );
  });
});
