// The playground's HTTP server: CLI options, the JSON API over a PlaygroundSession, the page, xlsx in and out.

import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { type BuiltProject, readProject } from '../emulator/bundle';
import { type Answer, PlaygroundSession, type RunResult, type UiEvents } from './session';
import { readWorkbook, WorkbookFileError, writeWorkbook } from './store';
import { exportXlsx, importXlsx } from './xlsx';

/** Command-line options. */
export interface Options {
  workbook: string;
  reset: boolean;
  today?: string;
  port: number;
  host: string;
}

const USAGE = `Usage: node playground/server.mjs [--workbook PATH] [--reset] [--today YYYY-MM-DD] [--port N]
  --workbook PATH   save file (default .playground/workbook.json); created from the example data when missing
  --reset           start again from the example data (the old file is kept as PATH.bak)
  --today DATE      the emulator's clock: 09:00 that day in the spreadsheet's time zone (default: now)
  --port N          port on 127.0.0.1 (default 8787; 0 picks a free one)`;

/** Parses argv (without node and the script). */
export function parseArgs(argv: string[], root: string): Options {
  const o: Options = {
    workbook: join(root, '.playground', 'workbook.json'),
    reset: false,
    port: 8787,
    host: '127.0.0.1',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--workbook') o.workbook = resolve(next());
    else if (a === '--reset') o.reset = true;
    else if (a === '--today') {
      o.today = next();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(o.today)) throw new Error(`--today wants YYYY-MM-DD\n${USAGE}`);
    } else if (a === '--port') o.port = Number(next());
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Unknown option ${a}\n${USAGE}`);
  }
  return o;
}

/** Reads dist/: the bundle, its HTML pages and its manifest. */
function loadDist(root: string): { project: BuiltProject } {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'Code.js')))
    throw new Error('dist/Code.js is missing: run `npm run build` (or use `npm start`).');
  return { project: readProject(dist) };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

async function readBody(req: IncomingMessage, limit = 20 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('Request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readBody(req, 2 * 1024 * 1024)).toString('utf8');
  const v = text === '' ? {} : JSON.parse(text);
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('Expected a JSON object');
  return v as Record<string, unknown>;
}

/** A running playground. */
export interface Running {
  url: string;
  close(): Promise<void>;
}

/** Starts the playground. `root` is the repository (dist/ and .playground/ live there). */
export async function start(argv: string[], root: string, page: string): Promise<Running> {
  const opts = parseArgs(argv, root);
  const dist = loadDist(root);
  let saved = opts.reset ? undefined : readWorkbook(opts.workbook);
  let session = new PlaygroundSession({
    ...dist,
    ...(opts.today ? { today: opts.today } : {}),
    ...(saved ? { saved } : {}),
  });
  let startupUi: UiEvents = { dialogs: [], toasts: [], shown: [] };
  const save = () => writeWorkbook(opts.workbook, session.toSaved());
  if (!saved) {
    startupUi = session.seed();
    save();
  }
  saved = undefined;

  const respond = (res: ServerResponse, r: RunResult) => {
    save();
    send(res, 200, r);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
      case 'GET /index.html':
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
        });
        res.end(page);
        return;
      case 'GET /api/state': {
        const summary = session.summary();
        const name = url.searchParams.get('sheet') || summary.activeSheet;
        send(res, 200, { ...summary, sheet: session.sheetView(name), startupUi });
        startupUi = { dialogs: [], toasts: [], shown: [] };
        return;
      }
      case 'POST /api/edit': {
        const b = await readJson(req);
        const row = Number(b.row);
        const col = Number(b.col);
        if (typeof b.sheet !== 'string' || !(row >= 1) || !(col >= 1)) {
          send(res, 400, {
            ok: false,
            error: 'Expected {sheet, row, col, value} or {sheet, row, col, values}',
          });
          return;
        }
        const single = !Array.isArray(b.values);
        const values = single
          ? [[b.value ?? '']]
          : (b.values as unknown[]).map((r) => (Array.isArray(r) ? r : [r]));
        respond(res, session.edit(b.sheet, row, col, values, single));
        return;
      }
      case 'POST /api/menu': {
        const b = await readJson(req);
        const fn = String(b.fn ?? '');
        if (!session.isMenuFunction(fn)) {
          send(res, 400, { ok: false, error: `${fn} is not an item of the add-on's menu` });
          return;
        }
        const answers = Array.isArray(b.answers) ? (b.answers as Answer[]) : [];
        respond(res, session.execute(fn, [], answers));
        return;
      }
      case 'POST /api/run': {
        const b = await readJson(req);
        const args = b.args === undefined ? [] : b.args;
        if (!Array.isArray(args)) {
          send(res, 400, { ok: false, error: 'args must be an array' });
          return;
        }
        respond(res, session.run(String(b.fn ?? ''), args));
        return;
      }
      case 'POST /api/select': {
        const b = await readJson(req);
        try {
          session.select(String(b.sheet ?? ''), String(b.a1 ?? ''));
        } catch (e) {
          send(res, 400, { ok: false, error: (e as Error).message });
          return;
        }
        save();
        send(res, 200, { ok: true });
        return;
      }
      case 'GET /api/export.xlsx': {
        const buf = await exportXlsx(session.emu.spreadsheet.toJSON());
        res.writeHead(200, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': 'attachment; filename="referral-tracker.xlsx"',
        });
        res.end(buf);
        return;
      }
      case 'POST /api/import': {
        const body = await readBody(req);
        const current = session.toSaved();
        let book: Awaited<ReturnType<typeof importXlsx>>;
        try {
          book = await importXlsx(body, current);
        } catch (e) {
          send(res, 400, { ok: false, error: `Not a readable .xlsx file: ${(e as Error).message}` });
          return;
        }
        session = new PlaygroundSession({
          ...dist,
          clockOffset: session.clockOffset,
          saved: { ...book, playground: current.playground ?? {} },
        });
        save();
        send(res, 200, { ok: true, sheets: book.sheets.map((s) => s.name) });
        return;
      }
      case 'POST /api/reset': {
        session = new PlaygroundSession({ ...dist, ...(opts.today ? { today: opts.today } : {}) });
        const ui = session.seed();
        save();
        send(res, 200, { ok: true, ui });
        return;
      }
      default:
        send(res, 404, { ok: false, error: `No route ${route}` });
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error(e);
      if (!res.headersSent) send(res, 500, { ok: false, error: e instanceof Error ? e.message : String(e) });
      else res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${opts.host}:${port}/`;
  return {
    url,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export { WorkbookFileError };
