// Import LinkedIn connections through the bundle: the dialog, import, re-import, bad files, escaping, one write.
import { type LoadedBundle, loadBundle } from '../helpers/bundle';

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
  'Ann,Lee,https://www.linkedin.com/in/ann-lee,,Northwind,"Data Scientist, Health",01 Mar 2026',
  'Bob,Stone,https://www.linkedin.com/in/bob-stone,bob@example.com,Contoso,Engineer,02 Mar 2026',
  'Cy,,https://www.linkedin.com/in/cy,,,Founder,03 Mar 2026',
  '"=cmd|\' /C calc\'!A0",Evil,https://www.linkedin.com/in/evil,,"=HYPERLINK(""http://x"")",-2+3,04 Mar 2026',
]);

function contacts(b: LoadedBundle) {
  return b.emu.spreadsheet.self.getSheetByName('Contacts')!;
}
function rows(b: LoadedBundle): Record<string, unknown>[] {
  const s = contacts(b);
  const [h, ...data] = s.getDataRange().getValues();
  return data.map((r) => Object.fromEntries(h!.map((x, i) => [String(x), r[i]])));
}
function setUp(): LoadedBundle {
  const b = loadBundle({ now: NOW });
  b.call('menuSetUpTracker');
  return b;
}

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

  it('adds each new connection as a Contacts row mapped by header, and skips rows without name or company', () => {
    const b = setUp();
    const r = b.call<{ added: number; duplicates: number; skipped: number }>('importConnections', FILE);
    expect(JSON.parse(JSON.stringify(r))).toEqual({ added: 3, duplicates: 0, skipped: 1 });
    const got = rows(b);
    expect(got).toHaveLength(3);
    expect(got[0]).toMatchObject({
      Name: 'Ann Lee',
      Company: 'Northwind',
      Title: 'Data Scientist, Health',
      'Profile URL': 'https://www.linkedin.com/in/ann-lee',
      Degree: '1st',
      Current: 'Yes',
      Status: 'To contact',
      Notes: '',
      'Mentor notes': '',
    });
  });

  it('adds nothing when the same file is imported again', () => {
    const b = setUp();
    b.call('importConnections', FILE);
    const again = b.call<{ added: number; duplicates: number; skipped: number }>('importConnections', FILE);
    expect(JSON.parse(JSON.stringify(again))).toEqual({ added: 0, duplicates: 3, skipped: 1 });
    expect(rows(b)).toHaveLength(3);
  });

  it('writes names that look like formulas as text', () => {
    const b = setUp();
    b.call('importConnections', FILE);
    const s = contacts(b);
    expect(
      s
        .getDataRange()
        .getFormulas()
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    const evil = rows(b).find((r) => String(r.Name).startsWith('='))!;
    expect(evil.Name).toBe("=cmd|' /C calc'!A0 Evil");
    expect(evil.Company).toBe('=HYPERLINK("http://x")');
    expect(evil.Title).toBe('-2+3');
  });

  it('appends after the last row, follows the sheet’s own column order, and dedupes against typed rows', () => {
    const b = setUp();
    const s = contacts(b);
    // The user moved Name first and typed Bob (no URL) by hand.
    const h = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]!.map(String);
    const reordered = ['Name', ...h.filter((x) => x !== 'Name')];
    s.getRange(1, 1, 1, reordered.length).setValues([reordered]);
    s.getRange(2, 1, 1, reordered.length).setValues([
      reordered.map((x) => (x === 'Name' ? 'bob  stone' : x === 'Company' ? 'contoso' : '')),
    ]);
    b.emu.calls.reset();
    const r = b.call<{ added: number; duplicates: number }>('importConnections', FILE);
    expect(r.added).toBe(2);
    expect(r.duplicates).toBe(1);
    const got = rows(b);
    expect(got.map((x) => x.Name)).toEqual(['bob  stone', 'Ann Lee', "=cmd|' /C calc'!A0 Evil"]);
    expect(s.getRange(3, 1).getValue()).toBe('Ann Lee');
    expect(b.emu.calls.snapshot()['Range.setValues']).toBe(1);
  });

  it('refuses a file that is not a Connections export, naming the missing columns', () => {
    const b = setUp();
    expect(() => b.call('importConnections', 'First Name,Last Name,Company\nAnn,Lee,Acme\n')).toThrow(
      /lacks the columns URL, Position/,
    );
    expect(() => b.call('importConnections', 'a,b\n1,2\n')).toThrow(/does not look like LinkedIn/);
    expect(() => b.call('importConnections', `${HEADER}\n"Ann,Lee`)).toThrow(/never closed/);
    expect(rows(b)).toHaveLength(0);
  });

  it('validates its argument: a string of at most 5 MB', () => {
    const b = setUp();
    expect(() => b.call('importConnections', 42)).toThrow(/Choose a Connections\.csv/);
    expect(() => b.call('importConnections', { csv: FILE })).toThrow(/Choose a Connections\.csv/);
    expect(() => b.call('importConnections', 'x'.repeat(5 * 1024 * 1024 + 1))).toThrow(/larger than 5 MB/);
    expect(() => b.call('importConnections', '   ')).toThrow(/empty/);
  });

  it('asks to set up the tracker when Contacts is missing', () => {
    const b = loadBundle({ now: NOW });
    expect(() => b.call('importConnections', FILE)).toThrow(/Set up tracker/);
  });
});
