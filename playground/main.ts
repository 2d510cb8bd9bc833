// The playground's HTTP server: command-line options, the page, the JSON API, xlsx in and out. The session runs
// in a worker thread (engine.ts) so that a script can wait for an alert's answer while this thread serves the page.

import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type BuiltProject, readProject } from '../emulator/bundle';
import type { EngineInit, EngineMessage } from './engine';
import type { SavedFile } from './session';
import { readWorkbook, WorkbookFileError } from './store';
import { exportXlsx, importXlsx, NotXlsxError } from './xlsx';

/** A reason the playground cannot start, in one line (server.mjs prints it and exits with status 2). */
export class PlaygroundError extends Error {}

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

/** A YYYY-MM-DD day that exists in the calendar (2026-02-30 and 2026-13-45 do not), or null. */
export function calendarDay(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? text : null;
}

/** Parses argv (without node and the script); throws PlaygroundError with a one-line message. */
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
      if (v === undefined) throw new PlaygroundError(`${a} needs a value (--help for usage)`);
      return v;
    };
    if (a === '--workbook') o.workbook = resolve(next());
    else if (a === '--reset') o.reset = true;
    else if (a === '--today') {
      const v = next();
      const day = calendarDay(v);
      if (!day)
        throw new PlaygroundError(
          `--today ${v} is not a day of the calendar: use YYYY-MM-DD, e.g. 2026-03-10`,
        );
      o.today = day;
    } else if (a === '--port') {
      const v = next();
      if (!/^\d{1,5}$/.test(v) || Number(v) > 65535)
        throw new PlaygroundError(`--port ${v} is not a port number: use 1-65535, or 0 for a free one`);
      o.port = Number(v);
    } else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new PlaygroundError(`Unknown option ${a} (--help for usage)`);
  }
  return o;
}

/** Reads dist/: the bundle, its HTML pages and its manifest. */
function loadDist(root: string): { project: BuiltProject } {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'Code.js')))
    throw new PlaygroundError('dist/Code.js is missing: run `npm run build` (or use `npm start`).');
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

async function readJson(req: IncomingMessage, limit = 2 * 1024 * 1024): Promise<Record<string, unknown>> {
  const text = (await readBody(req, limit)).toString('utf8');
  const v = text === '' ? {} : JSON.parse(text);
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('Expected a JSON object');
  return v as Record<string, unknown>;
}

/** The engine worker seen from this thread: one request at a time is enough for it, replies come by id. */
interface Engine {
  call(op: string, args?: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/** Starts the engine worker; resolves once the workbook is loaded (or seeded and saved). */
function startEngine(init: Omit<EngineInit, 'signal'>): Promise<Engine> {
  const signal = new SharedArrayBuffer(4);
  const wake = new Int32Array(signal);
  const worker = new Worker(new URL('./engine.bundle.mjs', import.meta.url), {
    workerData: { ...init, signal } satisfies EngineInit,
  });
  const pending = new Map<number, (r: { status: number; body: unknown }) => void>();
  let nextId = 1;
  let stopped = false;
  const engine: Engine = {
    call(op, args = {}) {
      if (stopped) return Promise.resolve({ status: 500, body: { ok: false, error: 'The engine stopped' } });
      const id = nextId++;
      return new Promise((done) => {
        pending.set(id, done);
        worker.postMessage({ id, op, args });
        // Wakes the engine if a script is waiting for an answer (it reads messages synchronously then).
        Atomics.add(wake, 0, 1);
        Atomics.notify(wake, 0);
      });
    },
    async stop() {
      stopped = true;
      await worker.terminate();
    },
  };
  return new Promise((ready, fail) => {
    worker.on('message', (m: EngineMessage) => {
      if (m.type === 'ready') ready(engine);
      else if (m.type === 'fatal') {
        void worker.terminate();
        fail(new PlaygroundError(m.message));
      } else {
        pending.get(m.id)?.({ status: m.status, body: m.body });
        pending.delete(m.id);
      }
    });
    worker.on('error', (e: Error) => {
      stopped = true;
      fail(new PlaygroundError(`The playground engine failed: ${e.message.replace(/\s+/g, ' ')}`));
      console.error(e);
      for (const done of pending.values())
        done({ status: 500, body: { ok: false, error: `The playground engine failed: ${e.message}` } });
      pending.clear();
    });
  });
}

/** Listens on host:port; a busy or forbidden port is a PlaygroundError. */
async function listen(server: ReturnType<typeof createServer>, opts: Options): Promise<void> {
  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE')
        fail(
          new PlaygroundError(
            `port ${opts.port} on ${opts.host} is busy (another playground?): choose another with --port N, or --port 0 for a free one`,
          ),
        );
      else if (e.code === 'EACCES')
        fail(
          new PlaygroundError(
            `port ${opts.port} on ${opts.host} is not allowed here: choose another with --port N`,
          ),
        );
      else fail(new PlaygroundError(`cannot listen on ${opts.host}:${opts.port}: ${e.message}`));
    });
    server.listen(opts.port, opts.host, () => ok());
  });
}

/** A running playground. */
export interface Running {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the playground. `root` is the repository (dist/ and .playground/ live there). Every reason not to
 * start (options, dist/, the save file, the port) is found before anything is written.
 */
export async function start(argv: string[], root: string, page: string): Promise<Running> {
  const opts = parseArgs(argv, root);
  const dist = loadDist(root);
  const saved = opts.reset ? undefined : readWorkbook(opts.workbook);

  let engine: Engine | undefined;
  const forward = async (res: ServerResponse, op: string, args: Record<string, unknown> = {}) => {
    const r = await engine!.call(op, args);
    send(res, r.status, r.body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
      case 'GET /index.html':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(page);
        return;
      case 'GET /api/state':
        return forward(res, 'state', { sheet: url.searchParams.get('sheet') ?? '' });
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
        return forward(res, 'edit', { sheet: b.sheet, row, col, values, single });
      }
      case 'POST /api/menu': {
        const b = await readJson(req);
        return forward(res, 'menu', {
          fn: String(b.fn ?? ''),
          answers: Array.isArray(b.answers) ? b.answers : [],
        });
      }
      case 'POST /api/run': {
        // A google.script.run argument may be a whole Connections.csv (up to 5 MB of text, which JSON
        // escaping can double).
        const b = await readJson(req, 12 * 1024 * 1024);
        const args = b.args === undefined ? [] : b.args;
        if (!Array.isArray(args)) {
          send(res, 400, { ok: false, error: 'args must be an array' });
          return;
        }
        return forward(res, 'run', { fn: String(b.fn ?? ''), args });
      }
      case 'POST /api/answer': {
        const b = await readJson(req);
        return forward(res, 'answer', { id: b.id, button: b.button, text: b.text });
      }
      case 'POST /api/select': {
        const b = await readJson(req);
        return forward(res, 'select', { sheet: b.sheet, a1: b.a1 });
      }
      case 'GET /api/export.xlsx': {
        const r = await engine!.call('saved');
        const buf = await exportXlsx(r.body as SavedFile);
        res.writeHead(200, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': 'attachment; filename="referral-tracker.xlsx"',
        });
        res.end(buf);
        return;
      }
      case 'POST /api/import': {
        const body = await readBody(req);
        const current = (await engine!.call('saved')).body as SavedFile;
        let book: Awaited<ReturnType<typeof importXlsx>>;
        try {
          book = await importXlsx(body, current);
        } catch (e) {
          const message =
            e instanceof NotXlsxError
              ? e.message
              : `This .xlsx file could not be read (${(e as Error).message}). Nothing was changed.`;
          send(res, 400, { ok: false, error: message });
          return;
        }
        const r = await engine!.call('replace', { book: { ...book, playground: current.playground ?? {} } });
        if (r.status !== 200) return send(res, r.status, r.body);
        send(res, 200, { ok: true, sheets: book.sheets.map((s) => s.name) });
        return;
      }
      case 'POST /api/reset':
        return forward(res, 'reset');
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
  await listen(server, opts);
  try {
    engine = await startEngine({
      ...dist,
      ...(opts.today ? { today: opts.today } : {}),
      ...(saved ? { saved } : {}),
      workbook: opts.workbook,
      reset: opts.reset,
    });
  } catch (e) {
    await new Promise<void>((ok) => server.close(() => ok()));
    throw e;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host}:${port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await engine?.stop();
    },
  };
}

export { WorkbookFileError };
