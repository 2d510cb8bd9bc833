// The one bundle loader: reads a built project (dist/), loads its script files through gas-local into a
// fresh node:vm context, and builds the emulator for that context's realm. Tests and the playground use it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import gas from 'gas-local';
import { createEmulator, type Emulator, type EmulatorOptions, realmFromEvaluate } from './index';

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
  /** Calls a top-level function of the bundle, as Apps Script would. */
  call<T = unknown>(name: string, ...args: unknown[]): T;
  /** Names of the bundle's top-level functions. */
  functions(): string[];
  /** Evaluates an expression inside the bundle's realm. */
  evaluate<T = unknown>(code: string): T;
}

/** Options of loadProject: the emulator's, except the realm and pages, which come from the project. */
export type LoadOptions = Omit<EmulatorOptions, 'realm' | 'htmlFiles'>;

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
    ...options,
    realm: realmFromEvaluate((src) => vm.runInContext(src, context)),
    htmlFiles: project.html,
  });
  clock.now = () => emu.clock.now();
  Object.assign(context, emu.globals);
  // gas-local contextifies the object it is given: an already contextified one is used as is.
  gas.require(project.dir, context, { filter: (file: string) => file.endsWith('.js') });
  return {
    emu,
    context,
    call<T>(name: string, ...args: unknown[]): T {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`${name} is not a global function of the bundle`);
      return fn(...args) as T;
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
  };
}
