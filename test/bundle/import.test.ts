// Import LinkedIn connections through the bundle: the Connections sheet, only targets on Contacts, re-import,
// updates, later targets found by Score candidates, bad files changing nothing, escaping, writes by column block.
import type { ImportResult } from '../../src/core/connections';
import { type LoadedBundle, loadBundle } from '../helpers/bundle';
import { colOf, columnValues, headersOf, sheetOf, writeRows } from '../helpers/sheets';

const NOW = '2026-03-10T08:00:00Z';

const PREAMBLE = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more about this feature here: https://www.linkedin.com/help/linkedin/answer/261"',
  '',
].join('\n');
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

function csv(lines: string[]): string {
  return `${PREAMBLE}\n${HEADER}\n${lines.join('\n')}\n`;
}

const FILE = csv([
  'Ann,Lee,https://www.linkedin.com/in/ann-lee,,Contoso Energy Inc.,"Data Scientist, Health",01 Mar 2026',
  'Bob,Stone,https://www.linkedin.com/in/bob-stone,bob@example.com,Northwind Analytics,Engineer,02 Mar 2026',
  'Cy,Ray,https://www.linkedin.com/in/cy,,Freelance,Founder,03 Mar 2026',
  'Di,Fay,https://www.linkedin.com/in/di,,Self-employed,Coach,03 Mar 2026',
  'Ed,Po,https://www.linkedin.com/in/ed,,Proseware Cloud,PM,04 Mar 2026',
  'Flo,Ng,https://www.linkedin.com/in/flo,,Litware Games,Game Designer,04 Mar 2026',
  'Gus,,https://www.linkedin.com/in/gus,,,Student,05 Mar 2026',
  '"=cmd|\' /C calc\'!A0",Evil,https://www.linkedin.com/in/evil,,"Contoso Energy",-2+3,06 Mar 2026',
]);

/** A set-up tracker with three target companies on Jobs. */
function setUp(): LoadedBundle {
  const b = loadBundle({ now: NOW });
  b.call('menuSetUpTracker');
  writeRows(b, 'Jobs', [
    { Company: 'Contoso Energy', Job: 'Data Scientist' },
    { Company: 'Northwind Analytics', Job: 'Engineer' },
    { Company: 'Proseware', Job: 'PM' },
  ]);
  return b;
}

/** A sheet's rows as header → value objects. */
function rows(b: LoadedBundle, name = 'Contacts'): Record<string, unknown>[] {
  const s = b.emu.spreadsheet.self.getSheetByName(name);
  if (!s) return [];
  const [h, ...data] = s.getDataRange().getValues();
  return data.map((r) => Object.fromEntries(h!.map((x, i) => [String(x), r[i]])));
}

const importFile = (b: LoadedBundle, text: string) => b.call<ImportResult>('importConnections', text);

describe('Import LinkedIn connections', () => {
  it('opens a modal dialog with a .csv file input', () => {
    const b = setUp();
    b.call('menuImportConnections');
    const shown = b.emu.ui.lastShown()!;
    expect(shown.kind).toBe('modal');
    expect(shown.html).toMatch(/<input type="file" id="file" accept="\.csv/);
    expect(shown.html).toMatch(/importConnections/);
    expect(shown.html).not.toMatch(/innerHTML/);
  });

  it('keeps every connection on a Connections sheet, with LinkedIn’s own columns', () => {
    const b = setUp();
    expect(b.emu.spreadsheet.self.getSheetByName('Connections')).toBeNull();
    importFile(b, FILE);
    expect(headersOf(b, 'Connections')).toEqual([
      'First Name',
      'Last Name',
      'URL',
      'Email Address',
      'Company',
      'Position',
      'Connected On',
    ]);
    const kept = rows(b, 'Connections');
    expect(kept.map((r) => r['First Name'])).toEqual([
      'Ann',
      'Bob',
      'Cy',
      'Di',
      'Ed',
      'Flo',
      'Gus',
      "=cmd|' /C calc'!A0",
    ]);
    expect(kept[1]).toMatchObject({ 'Email Address': 'bob@example.com', Company: 'Northwind Analytics' });
    expect(sheetOf(b, 'Connections').getFrozenRows()).toBe(1);
  });

  it('adds to Contacts only the people at a target company, named as on Jobs', () => {
    const b = setUp();
    const r = importFile(b, FILE);
    const got = rows(b);
    expect(got.map((x) => [x.Company, x.Name])).toEqual([
      ['Contoso Energy', 'Ann Lee'],
      ['Northwind Analytics', 'Bob Stone'],
      ['Contoso Energy', "=cmd|' /C calc'!A0 Evil"],
    ]);
    expect(got[0]).toMatchObject({
      Title: 'Data Scientist, Health',
      'Profile URL': 'https://www.linkedin.com/in/ann-lee',
      Degree: '1st',
      Current: 'Yes',
      Status: 'To contact',
      Notes: '',
    });
    expect(r.contacts).toEqual({
      added: 3,
      byCompany: [
        { company: 'Contoso Energy', added: 2 },
        { company: 'Northwind Analytics', added: 1 },
      ],
      alreadyOnContacts: 0,
      notTarget: 4,
      noCompany: 1,
    });
    expect(r.nearMisses).toEqual([{ company: 'Proseware Cloud', target: 'Proseware', people: 1 }]);
    expect(r.summary).toContain(
      'Added to Contacts: 3 people at your target companies (Contoso Energy 2, Northwind Analytics 1).',
    );
    expect(r.summary.join('\n')).toMatch(/Proseware Cloud \(1 person\) — on Jobs: Proseware/);
  });

  it('is idempotent: the same file again adds nothing anywhere', () => {
    const b = setUp();
    importFile(b, FILE);
    const before = { contacts: rows(b), connections: rows(b, 'Connections') };
    const again = importFile(b, FILE);
    expect(again.connections).toEqual({ added: 0, updated: 0, unchanged: 8, repeated: 0 });
    expect(again.contacts.added).toBe(0);
    expect(again.contacts.alreadyOnContacts).toBe(3);
    expect(rows(b)).toEqual(before.contacts);
    expect(rows(b, 'Connections')).toEqual(before.connections);
  });

  it('takes a newer export: adds new people and updates a changed company or position, keeping the user’s columns', () => {
    const b = setUp();
    importFile(b, FILE);
    const con = sheetOf(b, 'Connections');
    // The user adds a column of notes and writes one.
    con.getRange(1, 8).setValue('How we met');
    con.getRange(3, 8).setValue('Hackathon 2024');
    const newer = csv([
      'Ann,Lee,https://www.linkedin.com/in/ann-lee,,Contoso Energy Inc.,Lead Data Scientist,01 Mar 2026',
      'Bob,Stone,https://www.linkedin.com/in/bob-stone,bob@example.com,Litware Games,Engineer,02 Mar 2026',
      'Hal,Ito,https://www.linkedin.com/in/hal,,Northwind Analytics,Analyst,09 Mar 2026',
    ]);
    const r = importFile(b, newer);
    expect(r.connections).toEqual({ added: 1, updated: 2, unchanged: 0, repeated: 0 });
    const kept = rows(b, 'Connections');
    expect(kept).toHaveLength(9);
    expect(kept[0]).toMatchObject({ Position: 'Lead Data Scientist', Company: 'Contoso Energy Inc.' });
    expect(kept[1]).toMatchObject({ Company: 'Litware Games', 'How we met': 'Hackathon 2024' });
    expect(kept[8]).toMatchObject({ 'First Name': 'Hal', Company: 'Northwind Analytics', 'How we met': '' });
    // Hal works at a target: added; Ann is on Contacts already; the evil name stays text.
    expect(rows(b).map((x) => x.Name)).toEqual([
      'Ann Lee',
      'Bob Stone',
      "=cmd|' /C calc'!A0 Evil",
      'Hal Ito',
    ]);
    const formulas = con
      .getDataRange()
      .getFormulas()
      .flat()
      .filter((f) => f !== '');
    expect(formulas).toEqual([]);
  });

  it('lets Score candidates find the people you know at a company added to Jobs later', () => {
    const b = setUp();
    importFile(b, FILE);
    expect(rows(b).some((x) => x.Name === 'Flo Ng')).toBe(false);
    writeRows(b, 'Jobs', [
      { Company: 'Contoso Energy', Job: 'Data Scientist' },
      { Company: 'Northwind Analytics', Job: 'Engineer' },
      { Company: 'Proseware', Job: 'PM' },
      { Company: 'Litware Games', Job: 'Game Designer' },
    ]);
    b.call('menuScoreCandidates');
    const flo = rows(b).find((x) => x.Name === 'Flo Ng')!;
    expect(flo).toMatchObject({
      Company: 'Litware Games',
      Title: 'Game Designer',
      Degree: '1st',
      Status: 'To contact',
    });
    expect(typeof flo.Score).toBe('number');
    expect(flo.Pick).toBe('✓');
    expect(b.emu.ui.dialogs.at(-1)?.prompt).toMatch(
      /^You know 1 person at Litware Games: added to Contacts\./,
    );
    // Nothing more to add next time.
    b.call('menuScoreCandidates');
    expect(rows(b).filter((x) => x.Name === 'Flo Ng')).toHaveLength(1);
    expect(b.emu.ui.dialogs.at(-1)?.prompt).not.toMatch(/You know/);
  });

  it('writes each sheet’s new rows in one write, whole, from the first to the last column it fills', () => {
    const b = setUp();
    const writes: { sheet: string; column: number; columns: number }[] = [];
    const stop = b.emu.calls.use({
      before(c) {
        if (c.key !== 'Range.setValues') return;
        const range = c.target as unknown as GoogleAppsScript.Spreadsheet.Range;
        writes.push({
          sheet: range.getSheet().getName(),
          column: range.getColumn(),
          columns: range.getNumColumns(),
        });
      },
    });
    importFile(b, FILE);
    stop();
    // Connections: its header row, then the 7 columns of the new rows.
    expect(writes.filter((w) => w.sheet === 'Connections').map((w) => w.columns)).toEqual([7, 7]);
    // Contacts: Company … Status (15 of the sheet's 30 columns), the columns between written blank.
    const contacts = writes.filter((w) => w.sheet === 'Contacts');
    expect(contacts).toEqual([{ sheet: 'Contacts', column: 1, columns: headersOf(b).indexOf('Status') + 1 }]);
    expect(headersOf(b).length).toBeGreaterThan(contacts[0]!.columns);
    expect(columnValues(b, 'Location')).toEqual(['', '', '']);
  });

  it('gives a new Connections sheet a formatted, frozen header and plain data rows', () => {
    const b = setUp();
    importFile(b, FILE);
    const con = sheetOf(b, 'Connections');
    expect(con.getFrozenRows()).toBe(1);
    expect(con.getRange(1, 1, 1, 7).getFontWeights()[0]).toEqual(Array(7).fill('bold'));
    expect(new Set(con.getRange(1, 1, 1, 7).getBackgrounds()[0])).toEqual(new Set(['#f1f3f4']));
    const data = con.getRange(2, 1, 8, 7);
    expect(new Set(data.getFontWeights().flat())).toEqual(new Set(['normal']));
    expect(new Set(data.getBackgrounds().flat())).toEqual(new Set(['#ffffff']));
  });

  it('brings the Connections header back to the contract on every import', () => {
    const b = setUp();
    importFile(b, FILE);
    const con = sheetOf(b, 'Connections');
    con.getRange(1, 1, 1, 7).setFontWeight('normal').setBackground(null);
    con.setFrozenRows(0);
    con.getRange(1, 8).setValue('How we met').setBackground('#d9ead3');
    importFile(b, FILE);
    expect(con.getFrozenRows()).toBe(1);
    expect(con.getRange(1, 1, 1, 7).getFontWeights()[0]).toEqual(Array(7).fill('bold'));
    // The user's own column keeps its own look.
    expect(con.getRange(1, 8).getBackground()).toBe('#d9ead3');
    expect(con.getRange(1, 8).getFontWeight()).toBe('normal');
  });

  it('keeps rows a user froze on Connections', () => {
    const b = setUp();
    importFile(b, FILE);
    sheetOf(b, 'Connections').setFrozenRows(2);
    importFile(b, FILE);
    expect(sheetOf(b, 'Connections').getFrozenRows()).toBe(2);
  });

  it('grows a full grid once: inserted rows keep dropdowns, not the fills of the row above', () => {
    const b = setUp();
    const contacts = sheetOf(b, 'Contacts');
    writeRows(b, 'Contacts', [{ Company: 'Acme', Name: 'Zed Last', Status: 'To contact' }]);
    contacts.deleteRows(3, contacts.getMaxRows() - 2);
    contacts.getRange(2, headersOf(b).indexOf('Due') + 1).setBackground('#f4cccc');
    importFile(b, FILE);
    const rowsNow = rows(b);
    expect(rowsNow.map((r) => r.Name)).toEqual([
      'Zed Last',
      'Ann Lee',
      'Bob Stone',
      "=cmd|' /C calc'!A0 Evil",
    ]);
    const due = contacts
      .getRange(3, headersOf(b).indexOf('Due') + 1, 3, 1)
      .getBackgrounds()
      .flat();
    expect(due).toEqual(['#ffffff', '#ffffff', '#ffffff']);
    expect(contacts.getRange(3, headersOf(b).indexOf('Status') + 1).getDataValidation()).not.toBeNull();
  });

  describe('keeps follow-ups live', () => {
    /** Jobs' and Contacts' Next action and Due, and the fills of Jobs' Next action. */
    const followUps = (b: LoadedBundle) => ({
      jobs: columnValues(b, 'Next action', 'Jobs'),
      jobsDue: columnValues(b, 'Due', 'Jobs').map(String),
      fills: sheetOf(b, 'Jobs')
        .getRange(2, colOf(b, 'Next action', 'Jobs'), 4, 1)
        .getBackgrounds()
        .flat(),
      contacts: columnValues(b, 'Next action'),
    });
    /** What a full Refresh follow-ups makes of the same sheets, on a copy. */
    const refreshed = (b: LoadedBundle) => {
      b.emu.endExecution();
      const copy = loadBundle({ workbook: b.emu.spreadsheet.toJSON(), now: NOW });
      copy.call('menuRefreshFollowUps');
      return followUps(copy);
    };

    it('ends "find people to contact" on the jobs of the people imported, as a refresh would', () => {
      const b = setUp();
      b.call('menuRefreshFollowUps');
      expect(columnValues(b, 'Next action', 'Jobs')).toEqual(Array(3).fill('find people to contact'));
      importFile(b, FILE);
      const now = followUps(b);
      // Contoso Energy and Northwind Analytics have someone to contact now; Proseware still does not.
      expect(now.jobs).toEqual(['', '', 'find people to contact']);
      expect(now).toEqual(refreshed(b));
    });

    it('does the same when Score candidates adds the people you know at a company added later', () => {
      const b = setUp();
      importFile(b, FILE);
      writeRows(b, 'Jobs', [
        { Company: 'Contoso Energy', Job: 'Data Scientist' },
        { Company: 'Northwind Analytics', Job: 'Engineer' },
        { Company: 'Proseware', Job: 'PM' },
        { Company: 'Litware Games', Job: 'Game Designer' },
      ]);
      b.call('menuRefreshFollowUps');
      expect(columnValues(b, 'Next action', 'Jobs')[3]).toBe('find people to contact');
      b.call('menuScoreCandidates');
      expect(columnValues(b, 'Next action', 'Jobs')[3]).toBe('');
      expect(followUps(b)).toEqual(refreshed(b));
    });

    it('reads nothing more when no job asks for people', () => {
      const count = (refresh: boolean) => {
        const b = setUp();
        if (refresh) b.call('menuRefreshFollowUps');
        b.emu.endExecution();
        const finds: string[] = [];
        b.emu.calls.use({ before: (c) => void (c.key === 'TextFinder.findAll' && finds.push(c.key)) });
        importFile(b, FILE);
        return finds.length;
      };
      expect(count(false)).toBe(0);
      expect(count(true)).toBe(2);
    });
  });

  it.each([
    ['not an export', 'First Name,Last Name,Company\nAnn,Lee,Acme\n', /lacks the columns URL, Position/],
    ['an unrelated file', 'a,b\n1,2\n', /does not look like LinkedIn/],
    ['a broken file', `${HEADER}\n"Ann,Lee`, /never closed/],
    ['a header with nobody', csv([]), /no connection under it/],
    ['an empty file', '   ', /empty/],
    ['a file over 5 MB', 'x'.repeat(5 * 1024 * 1024 + 1), /larger than 5 MB/],
  ])('changes nothing for %s, with a clear message', (_, text, message) => {
    const b = setUp();
    importFile(b, FILE);
    const before = { contacts: rows(b), connections: rows(b, 'Connections') };
    expect(() => importFile(b, text)).toThrow(message);
    expect(rows(b)).toEqual(before.contacts);
    expect(rows(b, 'Connections')).toEqual(before.connections);
  });

  it('creates nothing for a bad first file', () => {
    const b = setUp();
    expect(() => importFile(b, 'a,b\n1,2\n')).toThrow(/does not look like LinkedIn/);
    expect(b.emu.spreadsheet.self.getSheetByName('Connections')).toBeNull();
  });

  it('validates its argument: a string', () => {
    const b = setUp();
    expect(() => b.call('importConnections', 42)).toThrow(/Choose a Connections\.csv/);
    expect(() => b.call('importConnections', { csv: FILE })).toThrow(/Choose a Connections\.csv/);
  });

  it('asks to set up the tracker when Contacts is missing, and creates nothing', () => {
    const b = loadBundle({ now: NOW });
    expect(() => importFile(b, FILE)).toThrow(/Set up tracker/);
    expect(b.emu.spreadsheet.self.getSheetByName('Connections')).toBeNull();
  });

  it('dedupes against people typed on Contacts, in the sheet’s own column order', () => {
    const b = setUp();
    const s = sheetOf(b);
    const h = headersOf(b);
    const reordered = ['Name', ...h.filter((x) => x !== 'Name')];
    s.getRange(1, 1, 1, reordered.length).setValues([reordered]);
    s.getRange(2, 1, 1, reordered.length).setValues([
      reordered.map((x) =>
        x === 'Name' ? 'bob  stone' : x === 'Company' ? 'northwind analytics, inc.' : '',
      ),
    ]);
    const r = importFile(b, FILE);
    expect(r.contacts.alreadyOnContacts).toBe(1);
    expect(rows(b).map((x) => x.Name)).toEqual(['bob  stone', 'Ann Lee', "=cmd|' /C calc'!A0 Evil"]);
    expect(s.getRange(3, 1).getValue()).toBe('Ann Lee');
  });
});
