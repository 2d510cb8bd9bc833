// The playground's engine, in a worker thread: owns the session (emulator + dist/Code.js) and the save file, so
// that a script can block in ui.alert / ui.prompt until the person in the page answers, as in Apps Script,
// while the HTTP server on the main thread keeps serving the page.

import { existsSync } from 'node:fs';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { BuiltProject } from '../emulator/bundle';
import { BUTTONS_OF, type ButtonName } from '../emulator/ui';
import {
  type Answer,
  emptyUi,
  PlaygroundSession,
  type RunResult,
  type SavedFile,
  type UiEvents,
  type WaitingDialog,
} from './session';
import { backupWorkbook, writeWorkbook } from './store';

/** What the main thread hands the engine at start. */
export interface EngineInit {
  /** dist/ as read by the shared loader's readProject (plain data: it crosses to the worker). */
  project: BuiltProject;
  today?: string;
  /** The save file as read (absent: start from the example data). */
  saved?: SavedFile;
  /** Path of the save file. */
  workbook: string;
  /** --reset: the file there (if any) becomes PATH.bak before the fresh workbook is written. */
  reset: boolean;
  /** Int32Array over a SharedArrayBuffer: the main thread bumps [0] after each message (wakes a waiting script). */
  signal: SharedArrayBuffer;
}

/** A request from the main thread. */
export interface EngineRequest {
  id: number;
  op: string;
  args: Record<string, unknown>;
}

/** The engine's messages to the main thread. */
export type EngineMessage =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'reply'; id: number; status: number; body: unknown };

/** An HTTP-shaped reply. */
interface Reply {
  status: number;
  body: unknown;
}

const port = parentPort!;
const init = workerData as EngineInit;
const signal = new Int32Array(init.signal);
const dist = { project: init.project };

let session: PlaygroundSession;
/** The alerts and toasts of the startup seeding, handed to the first page that asks for the state. */
let startupUi: UiEvents = emptyUi();
/** The alert or prompt the running script waits on, if any. */
let waiting: WaitingDialog | undefined;
/** The request that gets the next reply of the running execution (the one that started it, then each answer). */
let current = 0;

const post = (m: EngineMessage) => port.postMessage(m);
const reply = (id: number, r: Reply) => post({ type: 'reply', id, status: r.status, body: r.body });
const ok = (body: unknown): Reply => ({ status: 200, body });
const bad = (status: number, error: string): Reply => ({ status, body: { ok: false, error } });
const save = () => writeWorkbook(init.workbook, session.toSaved());

/** The next message from the main thread, waiting for it synchronously (a script is blocked in a dialog). */
function nextMessageSync(): EngineRequest {
  for (;;) {
    const seen = Atomics.load(signal, 0);
    const m = receiveMessageOnPort(port);
    if (m) return m.message as EngineRequest;
    Atomics.wait(signal, 0, seen);
  }
}

/**
 * The asker: replies to the pending request with the dialog, then serves read-only requests until the answer
 * for that dialog arrives, and returns it to the script.
 */
function ask(dialog: WaitingDialog, ui: UiEvents): Answer {
  waiting = dialog;
  save();
  reply(current, ok({ ok: true, waiting: dialog, ui }));
  for (;;) {
    const m = nextMessageSync();
    if (m.op !== 'answer') {
      reply(m.id, READ_ONLY.has(m.op) ? handle(m) : busy());
      continue;
    }
    const button = String(m.args.button ?? '') as ButtonName;
    if (m.args.id !== dialog.id) {
      reply(m.id, bad(409, `No dialog ${String(m.args.id)} is waiting (the one waiting is ${dialog.id}).`));
      continue;
    }
    if (button !== 'CLOSE' && !BUTTONS_OF[dialog.buttons].includes(button)) {
      reply(m.id, bad(400, `${button} is not one of the buttons of this dialog (${dialog.buttons}).`));
      continue;
    }
    current = m.id;
    waiting = undefined;
    return { button, text: dialog.kind === 'prompt' ? String(m.args.text ?? '') : '' };
  }
}

function busy(): Reply {
  const title = waiting?.title ? `"${waiting.title}"` : 'a dialog';
  return bad(409, `The script is waiting for an answer to ${title}: answer it first.`);
}

/** Requests served while a script waits for an answer (they change nothing). */
const READ_ONLY = new Set(['state', 'saved']);

/** Runs one execution that a person can answer. */
function interactive(run: () => RunResult): Reply {
  session.asker = ask;
  try {
    return ok(run());
  } finally {
    session.asker = undefined;
    save();
  }
}

function handle(m: EngineRequest): Reply {
  const a = m.args;
  switch (m.op) {
    case 'state': {
      const summary = session.summary();
      const name = typeof a.sheet === 'string' && a.sheet ? a.sheet : summary.activeSheet;
      const body = { ...summary, sheet: session.sheetView(name), startupUi, waiting: waiting ?? null };
      startupUi = emptyUi();
      return ok(body);
    }
    case 'saved':
      return ok(session.toSaved());
    case 'answer':
      return bad(409, 'No dialog is waiting for an answer.');
    case 'edit':
      return interactive(() =>
        session.edit(
          String(a.sheet),
          Number(a.row),
          Number(a.col),
          a.values as unknown[][],
          a.single === true,
        ),
      );
    case 'menu': {
      const fn = String(a.fn ?? '');
      if (!session.isMenuFunction(fn)) return bad(400, `${fn} is not an item of the add-on's menu`);
      const answers = Array.isArray(a.answers) ? (a.answers as Answer[]) : [];
      return interactive(() => session.execute(fn, [], answers));
    }
    case 'run':
      return interactive(() => session.run(String(a.fn ?? ''), a.args as unknown[]));
    case 'select':
      try {
        session.select(String(a.sheet ?? ''), String(a.a1 ?? ''));
      } catch (e) {
        return bad(400, (e as Error).message);
      }
      save();
      return ok({ ok: true });
    case 'reset': {
      // The workbook being replaced stays as PATH.bak; seeding answers its own alerts (shown afterwards).
      const next = new PlaygroundSession({ ...dist, ...(init.today ? { today: init.today } : {}) });
      const ui = next.seed();
      backupWorkbook(init.workbook);
      session = next;
      save();
      return ok({ ok: true, ui });
    }
    case 'replace': {
      const next = new PlaygroundSession({
        ...dist,
        clockOffset: session.clockOffset,
        saved: a.book as SavedFile,
      });
      backupWorkbook(init.workbook);
      session = next;
      save();
      return ok({ ok: true });
    }
    default:
      return bad(404, `Unknown engine request ${m.op}`);
  }
}

function serve(m: EngineRequest): void {
  current = m.id;
  let r: Reply;
  try {
    r = handle(m);
  } catch (e) {
    r = bad(500, e instanceof Error ? e.message : String(e));
  }
  reply(current, r);
}

function start(): void {
  try {
    session = new PlaygroundSession({
      ...dist,
      ...(init.today ? { today: init.today } : {}),
      ...(init.saved ? { saved: init.saved } : {}),
    });
    if (!init.saved) {
      startupUi = session.seed();
      if (init.reset && existsSync(init.workbook)) backupWorkbook(init.workbook);
      save();
    }
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
    post({
      type: 'fatal',
      message: init.saved
        ? `${init.workbook} is not a workbook the playground can open (${why}). It was left untouched; fix it, restore it from the .bak copy next to it, or start again with --reset.`
        : `The example workbook could not be built: ${why}`,
    });
    return;
  }
  port.on('message', serve);
  post({ type: 'ready' });
}

start();
