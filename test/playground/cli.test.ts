// The playground's command line, run as node child processes: a bad option, a busy port or a workbook file that
// is not a workbook each stop it with one line and exit status 2 before anything is written; --reset keeps the
// workbook it replaces as PATH.bak.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlayground } from '../helpers/browser';
import { builtArtifacts } from '../helpers/bundle';

jest.setTimeout(60_000);

const SERVER = join(__dirname, '..', '..', 'playground', 'server.mjs');

/** Runs the server and expects it to stop by itself; resolves with its exit code and output. */
function runServer(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [SERVER, ...args],
      { timeout: 45_000 },
      (error, stdout, stderr) =>
        done({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

describe('playground command line', () => {
  let dir: string;
  let workbook: string;
  beforeAll(() => builtArtifacts());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'playground-cli-'));
    workbook = join(dir, 'workbook.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Expects a one-line error matching `re`, exit status 2, and the folder exactly as it was. */
  const refuses = async (args: string[], re: RegExp) => {
    const before = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const r = await runServer(['--workbook', workbook, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^playground: [^\n]+\n$/);
    expect(r.stderr).toMatch(re);
    const after = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    expect(after).toEqual(before);
  };

  it.each([['2026-13-45'], ['2026-02-30'], ['2026-3-10']])(
    'refuses --today %s, a day that is not in the calendar',
    async (day) => {
      await refuses(
        ['--port', '0', '--today', day],
        new RegExp(`--today ${day} is not a day of the calendar`),
      );
    },
  );

  it.each([['abc'], ['70000'], ['-1']])('refuses --port %s', async (port) => {
    await refuses(['--port', port], new RegExp(`--port ${port} is not a port number`));
  });

  it('refuses a busy port, even with --reset, and writes nothing', async () => {
    const busy: Server = createServer();
    await new Promise<void>((ok) => busy.listen(0, '127.0.0.1', () => ok()));
    const port = (busy.address() as { port: number }).port;
    try {
      writeFileSync(workbook, '{"kept": true}');
      await refuses(
        ['--port', String(port), '--reset'],
        new RegExp(`port ${port} on 127\\.0\\.0\\.1 is busy`),
      );
      expect(existsSync(`${workbook}.bak`)).toBe(false);
    } finally {
      busy.close();
    }
  });

  it('refuses a save file that is not JSON and leaves it untouched', async () => {
    writeFileSync(workbook, '{"version": 1, "sheets": [');
    await refuses(['--port', '0'], /is not valid JSON .*left untouched/);
  });

  it.each([
    [
      'a cell outside the grid',
      { Z99: { value: 'x' } },
      /sheet "Contacts" has cell Z99 outside its 5 × 5 grid/,
    ],
    ['a cell named like a range', { 'A1:B2': { value: 'x' } }, /sheet "Contacts" has a cell named "A1:B2"/],
    ['a value that is an array', { A1: { value: [1] } }, /cell A1 has a value that is not text/],
  ])('refuses a workbook with %s, naming it, and leaves it untouched', async (_what, cells, re) => {
    const book = {
      version: 1,
      timeZone: 'Europe/Paris',
      sheets: [{ name: 'Contacts', maxRows: 5, maxCols: 5, cells }],
    };
    writeFileSync(workbook, JSON.stringify(book));
    await refuses(['--port', '0'], re);
  });

  it('refuses a workbook the emulator cannot load (a protection on no range) and leaves it untouched', async () => {
    const book = {
      version: 1,
      timeZone: 'Europe/Paris',
      sheets: [
        {
          name: 'Contacts',
          maxRows: 5,
          maxCols: 5,
          cells: {},
          protections: [
            {
              type: 'RANGE',
              range: 'nowhere',
              description: '',
              warningOnly: true,
              editors: [],
              unprotected: [],
            },
          ],
        },
      ],
    };
    writeFileSync(workbook, JSON.stringify(book));
    await refuses(['--port', '0'], /is not a workbook the playground can open \(Range not found: nowhere\)/);
  });

  it('--reset starts from the example data and keeps the workbook it replaced as the .bak', async () => {
    const old = JSON.stringify({
      version: 1,
      timeZone: 'Europe/Paris',
      sheets: [{ name: 'Mine', maxRows: 5, maxCols: 5, cells: { A1: { value: 'my work' } } }],
    });
    writeFileSync(workbook, old);
    const pg = await startPlayground(['--reset'], dir);
    try {
      expect(readFileSync(`${workbook}.bak`, 'utf8')).toBe(old);
      const saved = JSON.parse(readFileSync(workbook, 'utf8')) as { sheets: { name: string }[] };
      expect(saved.sheets.map((s) => s.name)).toContain('Contacts');
      // Later saves leave the backup alone.
      const r = await fetch(`${pg.url}api/edit`, {
        method: 'POST',
        body: JSON.stringify({ sheet: 'Contacts', row: 2, col: 1, value: 'Acme' }),
      });
      expect(r.status).toBe(200);
      expect(readFileSync(`${workbook}.bak`, 'utf8')).toBe(old);
    } finally {
      await pg.stop();
    }
  });
});
