// Bundle harness: builds (or reuses) dist/ and loads it through the shared loader (emulator/bundle.ts)
// into a fresh node:vm context and emulator, so tests run the exact artifact `clasp push` uploads.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  type BuiltProject,
  type LoadedBundle,
  type LoadOptions,
  loadProject,
  readProject,
} from '../../emulator/bundle';
import type { Deployment } from '../../emulator/index';

export type { LoadedBundle, LoadOptions } from '../../emulator/bundle';

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

let cached: BuiltProject | undefined;

/** Builds dist/ when it is missing or older than src/ or the manifest, then reads it once. */
export function builtProject(): BuiltProject {
  if (cached) return cached;
  const stale =
    !existsSync(CODE) ||
    statSync(CODE).mtimeMs <
      Math.max(newestMtime(join(ROOT, 'src')), statSync(join(ROOT, 'appsscript.json')).mtimeMs);
  if (stale) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'pipe' });
  cached = readProject(DIST);
  return cached;
}

/** The built bundle's source and pages. */
export function builtArtifacts(): { code: string; html: Record<string, string> } {
  const project = builtProject();
  return { code: readFileSync(CODE, 'utf8'), html: project.html };
}

/**
 * The deployment bundle tests run in unless a test chooses: `BUNDLE_DEPLOYMENT=addon` (set by the
 * `bundle-addon` Jest project, which runs every bundle test again) or the bound script.
 */
export const DEPLOYMENT: Deployment = process.env.BUNDLE_DEPLOYMENT === 'addon' ? 'addon' : 'bound';

/**
 * Loads dist/ into a fresh context against a fresh emulator, in DEPLOYMENT mode, with the real
 * manifest's oauthScopes enforced (all granted unless `grantedScopes` says otherwise).
 */
export function loadBundle(options: LoadOptions = {}): LoadedBundle {
  return loadProject(builtProject(), { deployment: DEPLOYMENT, ...options });
}
