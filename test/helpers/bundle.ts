// Bundle harness: builds (or reuses) dist/Code.js and loads it into a fresh node:vm context
// wired to a fresh emulator workbook, so tests run the exact artifact `clasp push` uploads.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import type { Realm } from '../../emulator/context';
import { createEmulator, type Emulator } from '../../emulator/index';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const CODE = join(DIST, 'Code.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

let cached: { code: string; html: Record<string, string> } | undefined;

/** Builds dist/ when it is missing or older than src/, then returns the bundle and its pages. */
export function builtArtifacts(): { code: string; html: Record<string, string> } {
  if (cached) return cached;
  const stale =
    !existsSync(CODE) ||
    statSync(CODE).mtimeMs <
      Math.max(newestMtime(join(ROOT, 'src')), statSync(join(ROOT, 'appsscript.json')).mtimeMs);
  if (stale) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'pipe' });
  const html: Record<string, string> = {};
  for (const f of readdirSync(DIST)) {
    if (f.endsWith('.html')) html[f.replace(/\.html$/, '')] = readFileSync(join(DIST, f), 'utf8');
  }
  cached = { code: readFileSync(CODE, 'utf8'), html };
  return cached;
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

/** Options: the emulator's time zone and "now". */
export interface LoadOptions {
  timeZone?: string;
  now?: Date | string | number;
}

/** Loads dist/Code.js into a fresh context against a fresh emulator. */
export function loadBundle(options: LoadOptions = {}): LoadedBundle {
  const { code, html } = builtArtifacts();
  const context = vm.createContext({});
  // The emulator's clock is the script's clock too: Date.now() and new Date() follow it.
  const clock = { now: () => Date.now() };
  vm.runInContext(
    `(function (clock) {
       const RealDate = globalThis.Date;
       const ClockDate = class Date extends RealDate {
         constructor(...args) { if (args.length === 0) super(clock.now()); else super(...args); }
         static now() { return clock.now(); }
       };
       globalThis.Date = ClockDate;
     })`,
    context,
  )(clock);
  const realm: Realm = {
    Date: vm.runInContext('Date', context),
    Array: vm.runInContext('Array', context),
    Object: vm.runInContext('Object', context),
    evaluate: (src: string) => vm.runInContext(src, context),
  };
  const emu = createEmulator({ ...options, realm, htmlFiles: html });
  clock.now = () => emu.clock.now();
  Object.assign(context, emu.globals);
  vm.runInContext(code, context, { filename: 'Code.js' });
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
