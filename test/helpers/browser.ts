// Browser-test harness: headless Debian Chromium through playwright-core, and the playground server on a
// free port with a temporary workbook.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import CHROMIUM_ARGS from '../../scripts/chromium-args.json';
import { builtArtifacts } from './bundle';

const ROOT = join(__dirname, '..', '..');

/** The Chromium binary the tests drive. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Whether a missing browser must fail the run (CI, or REQUIRE_BROWSER=1) instead of skipping. */
export const BROWSER_REQUIRED = process.env.REQUIRE_BROWSER === '1' || !!process.env.CI;

/** Whether the browser tests can run here; throws when the browser is required but missing. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (BROWSER_REQUIRED) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH} (REQUIRE_BROWSER/CI is set): apt-get install -y chromium`,
    );
  }
  console.warn(`Skipping browser tests: Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH).`);
  return false;
}

/**
 * Launches headless Chromium. playwright-core gives every launch a fresh temporary --user-data-dir and
 * deletes it on close (it refuses a --user-data-dir in args: that is launchPersistentContext's job).
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A running playground server. */
export interface RunningPlayground {
  url: string;
  dir: string;
  workbook: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts `node playground/server.mjs --port 0` on a temporary workbook (dist/ is built when stale). */
export async function startPlayground(extraArgs: string[] = [], dir?: string): Promise<RunningPlayground> {
  builtArtifacts();
  const workDir = dir ?? mkdtempSync(join(tmpdir(), 'playground-'));
  const workbook = join(workDir, 'workbook.json');
  const child = spawn(
    process.execPath,
    [join(ROOT, 'playground', 'server.mjs'), '--port', '0', '--workbook', workbook, ...extraArgs],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (d) => {
    out += String(d);
  });
  child.stderr!.on('data', (d) => {
    out += String(d);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`playground did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`playground exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    dir: workDir,
    workbook,
    process: child,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!dir) rmSync(workDir, { recursive: true, force: true });
    },
  };
}
