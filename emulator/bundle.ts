// The one bundle loader: reads a built project (dist/), loads its script files through gas-local into a
// fresh node:vm context, and builds the emulator for that context's realm. Tests and the playground use it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import gas from 'gas-local';
import {
  createEmulator,
  type Emulator,
  type EmulatorOptions,
  type Execution,
  realmFromEvaluate,
} from './index';
import type { AuthModeName } from './script-app';
import { illegalArg, type ScriptRunResult, serveScriptRun } from './script-run';

/** The part of appsscript.json the emulator reads. */
export interface Manifest {
  timeZone?: string;
  /** Explicit scopes: when present, Apps Script grants these and nothing else. */
  oauthScopes?: string[];
}

/** A built project as `clasp push` uploads it: the folder, its HTML pages and its manifest. */
export interface BuiltProject {
  /** The folder holding Code.js (every `.js` file there is a script file of the project). */
  dir: string;
  /** HTML files by name without `.html`. */
  html: Record<string, string>;
  manifest: Manifest;
}

/** Reads a built project folder (e.g. dist/): its pages and appsscript.json. */
export function readProject(dir: string): BuiltProject {
  if (!existsSync(join(dir, 'Code.js'))) {
    throw new Error(`${join(dir, 'Code.js')} is missing: run \`npm run build\`.`);
  }
  const html: Record<string, string> = {};
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.html')) html[f.slice(0, -'.html'.length)] = readFileSync(join(dir, f), 'utf8');
  }
  const manifestPath = join(dir, 'appsscript.json');
  const manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest)
    : {};
  return { dir, html, manifest };
}

/** A loaded bundle: its emulator, its vm context, and a way to call its globals. */
export interface LoadedBundle {
  emu: Emulator;
  context: vm.Context;
  /**
   * Calls a top-level function of the bundle as one Apps Script execution (see executionOf): a menu
   * item or google.script.run in AuthMode.FULL, onOpen/onEdit as simple triggers in the event's mode.
   * Inside an execution already in progress (a trigger being fired), it joins that execution.
   */
  call<T = unknown>(name: string, ...args: unknown[]): T;
  /**
   * A google.script.run call from a page: only a public global (no trailing underscore) with JSON
   * arguments, run as an editor execution; returns what the page's success or failure handler gets.
   */
  run(name: string, ...args: unknown[]): ScriptRunResult;
  /** Names of the bundle's top-level functions. */
  functions(): string[];
  /** Evaluates an expression inside the bundle's realm. */
  evaluate<T = unknown>(code: string): T;
}

/**
 * Options of loadProject: the emulator's, except the realm and pages, which come from the project.
 * `oauthScopes` defaults to the manifest's, so the strict scope checks use the real appsscript.json.
 */
export type LoadOptions = Omit<EmulatorOptions, 'realm' | 'htmlFiles'>;

const SIMPLE_TRIGGERS = new Set(['onOpen', 'onEdit', 'onSelectionChange']);

/**
 * The execution a direct call to a global starts: onOpen/onEdit run as simple triggers in the event's
 * authMode (LIMITED by default, NONE for an add-on not yet used in the document); onInstall and every
 * other function (menu items, google.script.run, the editor's Run) in AuthMode.FULL.
 */
export function executionOf(name: string, args: readonly unknown[]): Execution {
  const e = args[0] as { authMode?: unknown } | null | undefined;
  const mode = typeof e?.authMode === 'string' ? (e.authMode as AuthModeName) : undefined;
  if (SIMPLE_TRIGGERS.has(name)) return { kind: 'simple-trigger', authMode: mode ?? 'LIMITED' };
  return { kind: 'editor', authMode: name === 'onInstall' ? (mode ?? 'FULL') : 'FULL' };
}

/**
 * Loads a built project into a fresh context against a fresh emulator: the context gets a Date whose
 * `new Date()` and `Date.now()` follow the emulator's clock, the emulator creates its Dates and arrays
 * with that context's constructors (so `instanceof Date` holds inside the bundle, as in Apps Script),
 * and gas-local runs the project's script files in the context, as Apps Script runs a project's files
 * in one global scope.
 */
export function loadProject(project: BuiltProject, options: LoadOptions = {}): LoadedBundle {
  const context = vm.createContext({});
  const clock = { now: () => Date.now() };
  vm.runInContext(
    `(function (clock) {
       const RealDate = globalThis.Date;
       globalThis.Date = class Date extends RealDate {
         constructor(...args) { if (args.length === 0) super(clock.now()); else super(...args); }
         static now() { return clock.now(); }
       };
     })`,
    context,
  )(clock);
  const emu = createEmulator({
    ...(project.manifest.timeZone !== undefined ? { timeZone: project.manifest.timeZone } : {}),
    ...(project.manifest.oauthScopes !== undefined ? { oauthScopes: project.manifest.oauthScopes } : {}),
    ...options,
    realm: realmFromEvaluate((src) => vm.runInContext(src, context)),
    htmlFiles: project.html,
  });
  clock.now = () => emu.clock.now();
  Object.assign(context, emu.globals);
  // gas-local contextifies the object it is given: an already contextified one is used as is.
  gas.require(project.dir, context, { filter: (file: string) => file.endsWith('.js') });
  const bundle: LoadedBundle = {
    emu,
    context,
    call<T>(name: string, ...args: unknown[]): T {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`${name} is not a global function of the bundle`);
      const run = executionOf(name, args);
      return emu.execute(run.kind, run.authMode, () => fn(...args) as T);
    },
    functions() {
      return vm.runInContext(
        'Object.keys(globalThis).filter((k) => typeof globalThis[k] === "function" && k !== "Date")',
        context,
      ) as string[];
    },
    evaluate<T>(src: string): T {
      return vm.runInContext(src, context) as T;
    },
    run(name: string, ...args: unknown[]) {
      return serveScriptRun(() => {
        const fn = (context as Record<string, unknown>)[name];
        if (typeof fn !== 'function' || name.endsWith('_') || name === 'Date') {
          throw new Error(`Script function not found: ${name}`);
        }
        const bad = illegalArg(args);
        if (bad !== null) throw new Error(`Failed due to illegal value in property: ${bad}`);
        const inRealm = toRealm(emu, args) as unknown[];
        return emu.execute('editor', 'FULL', () => (fn as (...a: unknown[]) => unknown)(...inRealm));
      });
    },
  };
  return bundle;
}

/** A JSON value rebuilt with the bundle realm's arrays and objects (instanceof Array holds inside). */
export function toRealm(emu: Emulator, v: unknown): unknown {
  const { Array: A, Object: O } = emu.ctx.realm;
  if (Array.isArray(v)) return A.from(v, (x) => toRealm(emu, x));
  if (v && typeof v === 'object') {
    const out = O.create(O.prototype) as Record<string, unknown>;
    for (const [k, x] of Object.entries(v)) out[k] = toRealm(emu, x);
    return out;
  }
  return v;
}
