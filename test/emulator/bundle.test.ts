// The shared bundle loader: a built project folder loaded through gas-local against an emulator.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject, readProject } from '../../emulator/bundle';

let dir: string;
const SHEETS = 'https://www.googleapis.com/auth/spreadsheets.currentonly';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bundle-loader-'));
  // Two script files sharing one global scope, as the files of an Apps Script project do.
  writeFileSync(join(dir, 'Code.js'), 'function today() { return stamp(new Date()); }\n');
  writeFileSync(
    join(dir, 'Util.js'),
    'function stamp(d) { return [d instanceof Date, d.getTime(), Date.now()]; }\n' +
      'function rows() { return SpreadsheetApp.getActiveSheet().getRange(1, 1).getValues(); }\n' +
      'function fail(kind) {\n' +
      "  if (kind === 'user') { const e = new Error('Row 5 changed.'); e.name = 'UserError'; throw e; }\n" +
      "  if (kind === 'service') return SpreadsheetApp.getActiveSheet().getRange(0, 1);\n" +
      '  return { when: new Date(0), echo: kind };\n' +
      '}\n',
  );
  writeFileSync(join(dir, 'Page.html'), '<p>page</p>');
  writeFileSync(
    join(dir, 'appsscript.json'),
    JSON.stringify({
      timeZone: 'Asia/Tokyo',
      oauthScopes: [SHEETS],
    }),
  );
  mkdirSync(join(dir, 'notes'));
  writeFileSync(join(dir, 'notes', 'readme.txt'), 'not a script');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readProject', () => {
  it('reads the pages and the manifest of a built folder', () => {
    const project = readProject(dir);
    expect(project.html).toEqual({ Page: '<p>page</p>' });
    expect(project.manifest.oauthScopes).toEqual([SHEETS]);
  });

  it('refuses a folder without Code.js with a message saying how to build it', () => {
    expect(() => readProject(join(dir, 'notes'))).toThrow(/Code\.js is missing: run `npm run build`/);
  });
});

describe('loadProject (through gas-local)', () => {
  it('runs every .js file of the folder in one context, so files see each other', () => {
    const b = loadProject(readProject(dir), { now: '2026-03-02T09:00:00Z' });
    expect(b.functions().sort()).toEqual(['fail', 'rows', 'stamp', 'today']);
    expect(b.call('today')).toEqual([
      true,
      Date.parse('2026-03-02T09:00:00Z'),
      Date.parse('2026-03-02T09:00:00Z'),
    ]);
  });

  it("makes the bundle's clock the emulator's clock", () => {
    const b = loadProject(readProject(dir), { now: '2026-03-02T09:00:00Z' });
    b.emu.clock.advance(60_000);
    expect(b.evaluate('Date.now()')).toBe(Date.parse('2026-03-02T09:01:00Z'));
  });

  it("hands the bundle arrays of its own realm, and uses the manifest's time zone", () => {
    const b = loadProject(readProject(dir));
    expect(b.evaluate('rows() instanceof Array')).toBe(true);
    expect(b.emu.spreadsheet.timeZone).toBe('Asia/Tokyo');
  });

  it("enforces the manifest's scopes", () => {
    const b = loadProject(readProject(dir));
    expect(() => b.call('rows')).not.toThrow();
    b.emu.auth.declared = [];
    expect(() => b.call('rows')).toThrow(/not sufficient to call SpreadsheetApp\.getActiveSheet/);
  });

  it('says which function is missing', () => {
    const b = loadProject(readProject(dir));
    expect(() => b.call('nope')).toThrow('nope is not a global function of the bundle');
  });
});

describe('run (google.script.run from a page)', () => {
  // The failure handler receives an Error whose message is the thrown error as text, "Name: message":
  // Apps Script's service errors print as "Exception: …" (see emulator/script-run.ts).
  it("hands the failure handler the thrown error as 'Name: message'", () => {
    const b = loadProject(readProject(dir));
    expect(b.run('fail', 'user')).toEqual({
      ok: false,
      error: { name: 'ScriptError', message: 'UserError: Row 5 changed.' },
    });
    expect(b.run('fail', 'service')).toEqual({
      ok: false,
      error: { name: 'ScriptError', message: 'Exception: The starting row of the range is too small.' },
    });
  });

  it('refuses Date arguments and private or unknown functions, and nulls a result holding a Date', () => {
    const b = loadProject(readProject(dir));
    expect(b.run('fail', new Date(0))).toMatchObject({
      ok: false,
      error: { message: 'Error: Failed due to illegal value in property: 0' },
    });
    expect(b.run('nope')).toMatchObject({
      ok: false,
      error: { message: 'Error: Script function not found: nope' },
    });
    expect(b.run('fail', 'x')).toEqual({ ok: true, value: null });
  });
});
