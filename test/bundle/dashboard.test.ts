// Refresh dashboard through the bundle: the Dashboard sheet, its funnel, one chart, values only, call counts.
import { type LoadedBundle, loadBundle } from '../helpers/bundle';
import { headersOf as headers, setSetting, sheetsCalls, writeRows } from '../helpers/sheets';

function sheet(b: LoadedBundle, name: string) {
  return b.emu.spreadsheet.self.getSheetByName(name);
}

const NOW = '2026-03-10T08:00:00Z';

/** All values of the Dashboard as a grid. */
function grid(b: LoadedBundle): unknown[][] {
  return sheet(b, 'Dashboard')!.getDataRange().getValues();
}
/** The rows of the block whose title starts with `title` (header row first), up to the blank row. */
function block(b: LoadedBundle, title: string): unknown[][] {
  const g = grid(b);
  const start = g.findIndex((r) => String(r[0]).startsWith(title));
  if (start < 0) throw new Error(`no block ${title}`);
  const out: unknown[][] = [];
  for (let i = start + 1; i < g.length && g[i]!.some((v) => v !== ''); i++) out.push(g[i]!);
  return out;
}

describe('Refresh dashboard', () => {
  it('creates the Dashboard sheet from the example data with a cumulative funnel and a frozen title row', () => {
    const b = loadBundle({ now: NOW });
    b.call('menuLoadExampleData');
    expect(sheet(b, 'Dashboard')).toBeNull();
    b.call('menuScoreCandidates');
    b.call('menuRefreshDashboard');
    const dash = sheet(b, 'Dashboard')!;
    expect(dash).not.toBeNull();
    expect(dash.getFrozenRows()).toBe(1);
    expect(String(dash.getRange(1, 1).getValue())).toMatch(/dashboard/i);
    expect(String(dash.getRange(1, 3).getValue())).toMatch(/^updated 2026-03-10 09:00/);

    const funnel = block(b, 'Funnel');
    expect(funnel[0]!.slice(0, 3)).toEqual(['Stage', 'People', 'Of messaged']);
    const stages = funnel.slice(1).map((r) => r[0]);
    expect(stages).toEqual(['Listed', 'Messaged', 'Replied', 'Call scheduled', 'Call done', 'Referred']);
    const people = funnel.slice(1).map((r) => r[1] as number);
    for (let i = 1; i < people.length; i++) expect(people[i]).toBeLessThanOrEqual(people[i - 1]!);

    // Recount from Contacts' Status with the contract's rule (No reply and Declined = Messaged).
    const status = sheet(b, 'Contacts')!
      .getRange(2, headers(b).indexOf('Status') + 1, sheet(b, 'Contacts')!.getLastRow() - 1, 1)
      .getValues()
      .map((r) => String(r[0]));
    const atLeastMessaged = status.filter((s) => !['To contact', 'Skip', ''].includes(s)).length;
    const referred = status.filter((s) => s === 'Referred').length;
    expect(people[0]).toBe(status.length);
    expect(people[1]).toBe(atLeastMessaged);
    expect(people[5]).toBe(referred);
    expect(funnel[2]![2]).toBeCloseTo(1);
    expect(funnel[6]![2]).toBeCloseTo(referred / atLeastMessaged);

    expect(block(b, 'Reply rate by signal')[0]![0]).toBe('Signal');
    expect(block(b, 'Coverage per target company').length).toBeGreaterThan(2);
    expect(block(b, 'InMail credits')[1]!.slice(0, 2)).toEqual(['LinkedIn plan', 'Recruiter Lite']);
    expect(block(b, 'Jobs by outcome').map((r) => r[0])).toContain('Interview');
    expect(String(grid(b).find((r) => String(r[0]).startsWith('Follow-ups'))?.[0])).toMatch(
      /\d+ overdue, \d+ due today/,
    );
  });

  it('keeps exactly one funnel chart, over the funnel block, when refreshed twice', () => {
    const b = loadBundle({ now: NOW });
    b.call('menuLoadExampleData');
    b.call('menuRefreshDashboard');
    b.call('menuRefreshDashboard');
    const charts = sheet(b, 'Dashboard')!.getCharts();
    expect(charts).toHaveLength(1);
    const chart = charts[0]!;
    expect(chart.getOptions().get('title')).toBe('Referral funnel');
    const range = chart.getRanges()[0]!;
    // The chart starts at Messaged: Listed stays a number in the block, so later stages stay readable.
    expect(range.getValues().map((r) => r[0])).toEqual([
      'Messaged',
      'Replied',
      'Call scheduled',
      'Call done',
      'Referred',
    ]);
  });

  it('keeps a chart the user added to the Dashboard', () => {
    const b = loadBundle({ now: NOW });
    b.call('menuLoadExampleData');
    b.call('menuRefreshDashboard');
    const dash = sheet(b, 'Dashboard')!;
    dash.insertChart(
      dash.newChart().asPieChart().addRange(dash.getRange('A4:B10')).setOption('title', 'Mine').build(),
    );
    b.call('menuRefreshDashboard');
    const titles = dash.getCharts().map((c) => c.getOptions().get('title'));
    expect(titles.sort()).toEqual(['Mine', 'Referral funnel']);
  });

  it('writes no formula and escapes company and person names that look like formulas', () => {
    const b = loadBundle({ now: NOW });
    b.call('menuSetUpTracker');
    writeRows(b, 'Contacts', [
      // Typed as text (a leading apostrophe), as a user or the import would store them.
      {
        Company: `'=HYPERLINK("http://evil")`,
        Name: "'=cmd|x",
        Status: 'Replied',
        'Replied on': new (b.evaluate<DateConstructor>('Date'))('2026-03-01T00:00:00Z'),
      },
      { Company: "'+Acme", Name: "'@Ann", Status: 'Messaged' },
    ]);
    // Coverage lists target companies: companies on Jobs.
    writeRows(b, 'Jobs', [
      { Company: `'=HYPERLINK("http://evil")`, Job: "'=1+1" },
      { Company: "'+Acme", Job: 'Analyst' },
    ]);
    b.call('menuRefreshDashboard');
    const dash = sheet(b, 'Dashboard')!;
    const formulas = dash
      .getDataRange()
      .getFormulas()
      .flat()
      .filter((f) => f !== '');
    expect(formulas).toEqual([]);
    const values = grid(b).flat().map(String);
    expect(values).toContain('=HYPERLINK("http://evil")');
    expect(values).toContain('+Acme');
    expect(values).toContain('=cmd|x');
  });

  it('uses as many Sheets calls for 2,000 contacts as for 20', () => {
    const count = (n: number) => {
      const b = loadBundle({ now: NOW });
      b.call('menuSetUpTracker');
      writeRows(
        b,
        'Contacts',
        Array.from({ length: n }, (_, i) => ({
          Company: `Co ${i % 20}`,
          Name: `Person ${i}`,
          Status: ['To contact', 'Messaged', 'Replied', 'Referred', 'No reply'][i % 5],
          Degree: ['1st', '2nd', '3rd'][i % 3],
        })),
      );
      b.call('menuRefreshDashboard');
      b.emu.calls.reset();
      b.call('menuRefreshDashboard');
      return sheetsCalls(b);
    };
    const small = count(20);
    expect(count(2000)).toBe(small);
    expect(small).toBeLessThan(80);
  });

  it('tells the user to set up the tracker when Contacts is missing', () => {
    const b = loadBundle({ now: NOW });
    b.call('menuRefreshDashboard');
    expect(b.emu.ui.dialogs.at(-1)?.prompt).toMatch(/Set up tracker/);
    expect(sheet(b, 'Dashboard')).toBeNull();
  });

  it('is refreshed by the daily reminder when it exists, and not created by it', () => {
    const b = loadBundle({ now: NOW });
    b.call('menuLoadExampleData');
    b.call('dailyReminder');
    expect(sheet(b, 'Dashboard')).toBeNull();
    b.call('menuRefreshDashboard');
    sheet(b, 'Dashboard')!.getRange(1, 3).setValue('stale');
    b.call('dailyReminder');
    expect(String(sheet(b, 'Dashboard')!.getRange(1, 3).getValue())).toMatch(/^updated /);
  });

  it('speaks about target companies: coverage lists companies on Jobs, the others are counted once', () => {
    const b = loadBundle({ now: NOW });
    b.call('menuSetUpTracker');
    writeRows(b, 'Jobs', [
      { Company: 'Contoso Energy', Job: 'Data Scientist' },
      { Company: 'Fabrikam Health', Job: 'Analyst', Outcome: 'Rejected' },
    ]);
    writeRows(b, 'Contacts', [
      { Company: 'Contoso Energy Inc.', Name: 'Ann', Status: 'Declined' },
      { Company: 'Contoso Energy', Name: 'Bob', Status: 'Messaged' },
      { Company: 'Fabrikam Health SAS', Name: 'Cy', Status: 'To contact' },
      { Company: 'Freelance', Name: 'Di', Status: 'To contact' },
      { Company: 'Stealth Startup', Name: 'Ed', Status: 'To contact' },
    ]);
    b.call('menuRefreshDashboard');
    const coverage = block(b, 'Coverage per target company');
    expect(coverage.map((r) => r[0])).toEqual([
      'Company',
      'Contoso Energy',
      'Fabrikam Health',
      'Not a target company (2 companies)',
    ]);
    expect(coverage[1]!.slice(1, 6)).toEqual([2, 0, 1, 0, 'needs more']);
    expect(coverage[2]![5]).toBe('closed');
    expect(coverage[3]!.slice(1, 6)).toEqual([2, '', '', '', 'add the job on Jobs to target them']);
    // Declined is an answer: Ann counts as Replied.
    const funnel = block(b, 'Funnel').slice(1);
    expect(funnel.map((r) => [r[0], r[1]])).toEqual([
      ['Listed', 5],
      ['Messaged', 2],
      ['Replied', 1],
      ['Call scheduled', 0],
      ['Call done', 0],
      ['Referred', 0],
    ]);
    expect(String(b.emu.spreadsheet.toasts.at(-1)?.message ?? '')).toMatch(
      /2 people are at a company with no job on Jobs/,
    );
  });

  it('counts people helped from the Pay it forward sheet, and 0 without it', () => {
    const b = loadBundle({ now: NOW });
    b.call('menuSetUpTracker');
    const ss = b.emu.spreadsheet.self;
    // A tracker set up before the sheet existed: counted as 0.
    const existing = ss.getSheetByName('Pay it forward');
    if (existing) ss.deleteSheet(existing);
    b.call('menuRefreshDashboard');
    const figures = () => block(b, 'Pay it forward').map((r) => r.slice(0, 2));
    expect(figures().slice(1)).toEqual([
      ['Asked you for help', 0],
      ['Helped', 0],
    ]);
    const sheet = ss.insertSheet('Pay it forward');
    sheet.getRange(1, 1, 4, 6).setValues([
      ['Date', 'Name', 'Asked for', 'What I did', 'Follow up on', 'Notes'],
      ['', 'Zoe', 'CV review', 'Sent comments', '', ''],
      ['', 'Yann', 'Referral', '', '', ''],
      ['', 'zoe', 'Intro', 'Introduced her to Ann', '', ''],
    ]);
    b.call('menuRefreshDashboard');
    expect(figures().slice(1)).toEqual([
      ['Asked you for help', 2],
      ['Helped', 1],
    ]);
  });

  it('says what is left to use in the 5 days before the Premium trial ends', () => {
    const b = loadBundle({ now: NOW });
    b.call('menuLoadExampleData');
    setSetting(b, 'Premium trial ends on', '2026-03-13');
    setSetting(b, 'InMail credits left', 9);
    b.call('menuScoreCandidates');
    b.call('menuRefreshDashboard');
    const notice = String(sheet(b, 'Dashboard')!.getRange(2, 1).getValue());
    expect(notice).toMatch(
      /^Your Premium trial ends on 2026-03-13, in 3 days: 9 InMail credits and \d+ picks left to use before it ends\.$/,
    );
    setSetting(b, 'Premium trial ends on', '2026-03-31');
    b.call('menuRefreshDashboard');
    expect(sheet(b, 'Dashboard')!.getRange(2, 1).getValue()).toBe('');
  });
});
