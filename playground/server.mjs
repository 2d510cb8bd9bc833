// Starts the offline playground: bundles playground/main.ts (Node) and playground/client.ts (browser) with
// esbuild into .playground/, then serves dist/Code.js against the emulator. `npm start` builds dist/ first.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(root, '.playground');
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [join(here, 'main.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: join(out, 'server.bundle.mjs'),
  logLevel: 'warning',
});
const client = await build({
  entryPoints: [join(here, 'client.ts')],
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2020',
  write: false,
  logLevel: 'warning',
});
const js = client.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
const css = readFileSync(join(here, 'style.css'), 'utf8');
const page = readFileSync(join(here, 'index.html'), 'utf8')
  .replace('<!-- @style -->', () => `<style>\n${css}</style>`)
  .replace('<!-- @client -->', () => `<script>\n${js}</script>`);

const { start, WorkbookFileError } = await import(pathToFileURL(join(out, 'server.bundle.mjs')).href);
try {
  const running = await start(process.argv.slice(2), root, page);
  console.log(`Referral tracker playground: ${running.url}`);
  const stop = () => running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  if (
    e instanceof WorkbookFileError ||
    (e instanceof Error && /^(Unknown option|--|dist\/Code\.js)/.test(e.message))
  ) {
    console.error(`playground: ${e.message}`);
    process.exit(2);
  }
  throw e;
}
