// Score candidates through the bundle: the menu end to end, user columns untouched, call counts.
import { loadBundle } from '../helpers/bundle';
import {
  columnValues as column,
  headersOf as headers,
  sheetOf as sheet,
  sheetsCalls,
  writeRows,
} from '../helpers/sheets';

const COMPUTED = ['Score', 'Rank', 'Pick', 'Why', 'Credits', 'Next action', 'Due'];

describe('Score candidates', () => {
  it('scores the example tracker from the menu: scores, ranks, picks, credits and Jobs coverage', () => {
    const b = loadBundle({ now: '2026-03-10T08:00:00Z' });
    b.call('menuLoadExampleData');
    b.call('menuScoreCandidates');
    const scores = column(b, 'Score');
    const why = column(b, 'Why');
    expect(scores.filter((s) => typeof s === 'number').length).toBeGreaterThan(30);
    expect(why.every((w) => typeof w === 'string' && w.length > 0)).toBe(true);
    expect(column(b, 'Pick').filter((p) => p === '✓').length).toBeGreaterThanOrEqual(16);
    expect(new Set(column(b, 'Credits').filter((c) => c !== ''))).toEqual(new Set([0, 1]));
    const coverage = column(b, 'Coverage', 'Jobs');
    const outcome = column(b, 'Outcome', 'Jobs');
    expect(coverage.every((c) => ['ok', 'needs more', 'referred', 'closed'].includes(String(c)))).toBe(true);
    coverage.forEach((c, i) => {
      expect(c === 'closed').toBe(['Rejected', 'Withdrawn', 'Accepted'].includes(String(outcome[i])));
    });
    expect(b.emu.ui.dialogs.at(-1)?.prompt).toMatch(/Scored \d+ people/);
  });

  it('writes only the computed columns and keeps row order', () => {
    const b = loadBundle({ now: '2026-03-10T08:00:00Z' });
    b.call('menuLoadExampleData');
    const raw = b.emu.spreadsheet.sheetRaw('Contacts')!;
    const h = headers(b);
    const letters = (c: number): string =>
      (c > 26 ? String.fromCharCode(64 + Math.floor((c - 1) / 26)) : '') +
      String.fromCharCode(65 + ((c - 1) % 26));
    const computed = new Set(COMPUTED.map((x) => letters(h.indexOf(x) + 1)));
    const isComputed = (a1: string) => computed.has(a1.replace(/\d+$/, ''));
    const before = Object.entries(raw.cellsSnapshot()).filter(([a1]) => !isComputed(a1));
    b.call('menuScoreCandidates');
    const after = Object.entries(raw.cellsSnapshot()).filter(([a1]) => !isComputed(a1));
    expect(after).toEqual(before);
  });

  it('explains a bad row in Why, naming the column, and tells the user the row', () => {
    const b = loadBundle();
    b.call('menuSetUpTracker');
    writeRows(b, 'Contacts', [
      { Company: 'Acme', Name: 'Ann', Degree: '4th', Title: 'Data Scientist' },
      { Company: 'Acme', Name: 'Bob', Degree: '1st', Title: 'Data Scientist' },
      { Company: '', Name: 'Cy', Degree: '2nd' },
    ]);
    b.call('menuScoreCandidates');
    const why = column(b, 'Why') as string[];
    expect(why[0]).toMatch(/Degree/);
    expect(why[0]).toMatch(/4th/);
    expect(why[2]).toMatch(/Company/);
    expect(column(b, 'Score')[0]).toBe('');
    expect(typeof column(b, 'Score')[1]).toBe('number');
    expect(b.emu.ui.dialogs.at(-1)?.prompt).toMatch(/Row 2, Degree/);
  });

  it('never turns user text into a formula', () => {
    const b = loadBundle();
    b.call('menuSetUpTracker');
    writeRows(b, 'Contacts', [{ Company: '\'=HYPERLINK("http://x")', Name: 'Ann', Current: 'No' }]);
    b.call('menuScoreCandidates');
    const c = headers(b).indexOf('Why') + 1;
    expect(sheet(b).getRange(2, c).getFormula()).toBe('');
    expect(String(sheet(b).getRange(2, c).getValue())).toMatch(/HYPERLINK/);
  });

  it('leaves blank rows between contacts untouched', () => {
    const b = loadBundle();
    b.call('menuSetUpTracker');
    writeRows(b, 'Contacts', [{ Company: 'Acme', Name: 'Ann' }, {}, { Company: 'Acme', Name: 'Bob' }]);
    const c = headers(b).indexOf('Why') + 1;
    sheet(b).getRange(3, c).setBackground('#123456');
    b.call('menuScoreCandidates');
    expect(sheet(b).getRange(3, c).getValue()).toBe('');
    expect(sheet(b).getRange(3, c).getBackground()).toBe('#123456');
    expect(sheet(b).getRange(4, c).getValue()).not.toBe('');
  });

  it('uses no more Sheets calls for 2,000 rows than for 20', () => {
    const count = (n: number) => {
      const b = loadBundle();
      b.call('menuSetUpTracker');
      writeRows(
        b,
        'Contacts',
        Array.from({ length: n }, (_, i) => ({
          Company: `Company ${i % 100}`,
          Name: `Person ${i}`,
          Title: i % 2 ? 'Senior Data Scientist' : 'Recruiter',
          Degree: ['1st', '2nd', '3rd'][i % 3],
          Premium: i % 4 ? 'Yes' : 'No',
        })),
      );
      b.emu.calls.reset();
      b.call('menuScoreCandidates');
      return sheetsCalls(b);
    };
    const small = count(20);
    expect(count(2000)).toBeLessThanOrEqual(small);
  });
});

describe('job-aware picks (PRODUCT point 18)', () => {
  it('gives no new picks where the job is closed or someone referred you, and says why', () => {
    const b = loadBundle({ now: '2026-03-10T08:00:00Z' });
    b.call('menuSetUpTracker');
    writeRows(b, 'Jobs', [
      { Company: 'Contoso Energy', Job: 'Data Scientist', Outcome: 'Rejected' },
      { Company: 'Northwind Analytics', Job: 'Data Scientist' },
      { Company: 'Fabrikam Health', Job: 'Data Scientist' },
    ]);
    writeRows(b, 'Contacts', [
      { Company: 'Contoso Energy Inc.', Name: 'Closed A', Degree: '1st', Title: 'Data Scientist' },
      { Company: 'Contoso Energy', Name: 'Closed B', Status: 'Messaged', Degree: '2nd' },
      { Company: 'Northwind Analytics, Inc.', Name: 'Referrer', Status: 'Referred', Degree: '2nd' },
      { Company: 'Northwind Analytics', Name: 'Next', Degree: '1st', Title: 'Data Scientist' },
      { Company: 'Fabrikam Health SAS', Name: 'Open', Degree: '2nd', Title: 'Data Scientist' },
    ]);
    b.call('menuScoreCandidates');
    expect(column(b, 'Pick')).toEqual(['', '✓', '✓', '', '✓']);
    const why = column(b, 'Why') as string[];
    expect(why[0]).toMatch(/job closed$/);
    expect(why[3]).toMatch(/already referred at Northwind Analytics$/);
    expect(column(b, 'Coverage', 'Jobs')).toEqual(['closed', 'referred', 'needs more']);
    expect(column(b, 'Contacts', 'Jobs')).toEqual([2, 2, 1]);
    const message = String(b.emu.ui.dialogs.at(-1)?.prompt);
    expect(message).toContain('1 open job needs more picks: Fabrikam Health — Data Scientist.');
    expect(message).not.toMatch(/Contoso Energy —|Northwind Analytics —/);
  });
});

/** A set-up tracker with one contact, and the Settings row of `setting`. */
function trackerWithSetting(setting: string) {
  const b = loadBundle();
  b.call('menuSetUpTracker');
  writeRows(b, 'Contacts', [{ Company: 'Acme', Name: 'Ann' }]);
  const settings = sheet(b, 'Settings');
  const names = settings
    .getDataRange()
    .getValues()
    .map((r) => r[0]);
  const row = names.indexOf(setting) + 1;
  expect(row).toBeGreaterThan(1);
  return { b, settings, row };
}

describe('a bad Settings value', () => {
  it('gets a note and a message for a Premium trial date that is not a date', () => {
    const { b, settings, row } = trackerWithSetting('Premium trial ends on');
    settings.getRange(row, 2).setValue('end of March');
    b.call('menuScoreCandidates');
    expect(settings.getRange(row, 2).getNote()).toMatch(
      /Premium trial ends on: "end of March" is not a date/,
    );
    expect(b.emu.ui.dialogs.at(-1)?.prompt).toMatch(/Premium trial ends on/);
  });

  it('gets a note on its Value cell and a message naming the setting; the default is used, and the note goes once fixed', () => {
    const { b, settings, row } = trackerWithSetting('Picks per company');
    settings.getRange(row, 2).setValue('lots');
    b.call('menuScoreCandidates');
    expect(settings.getRange(row, 2).getNote()).toMatch(/Picks per company: must be a whole number/);
    expect(b.emu.ui.dialogs.at(-1)?.prompt).toMatch(/Picks per company/);
    expect(column(b, 'Pick')[0]).toBe('✓');
    settings.getRange(row, 2).setValue(2);
    b.call('menuScoreCandidates');
    expect(settings.getRange(row, 2).getNote()).toBe('');
  });
});
