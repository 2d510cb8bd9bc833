// Starts the offline playground: bundles playground/main.ts (the server), playground/engine.ts (its worker) and
// playground/client.ts (the page) with esbuild into .playground/ (again only when a source changed), then serves
// dist/Code.js against the emulator. `npm start` builds dist/ first. A reason not to start is printed as one
// line, with exit status 2.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(root, '.playground');
mkdirSync(out, { recursive: true });

/** Written to a temporary name and renamed: playgrounds started side by side (tests) never read half a file. */
function writeAtomic(path, contents) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

const outputs = ['server.bundle.mjs', 'engine.bundle.mjs', 'page.html'].map((f) => join(out, f));
const newestSource = Math.max(
  ...[here, join(root, 'emulator')].flatMap((d) => readdirSync(d).map((f) => statSync(join(d, f)).mtimeMs)),
);
if (!outputs.every((f) => existsSync(f) && statSync(f).mtimeMs > newestSource)) {
  const { build } = await import('esbuild');
  const server = await build({
    entryPoints: { 'server.bundle': join(here, 'main.ts'), 'engine.bundle': join(here, 'engine.ts') },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir: out,
    outExtension: { '.js': '.mjs' },
    write: false,
    logLevel: 'warning',
  });
  for (const file of server.outputFiles) writeAtomic(file.path, file.contents);
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
  const html = readFileSync(join(here, 'index.html'), 'utf8')
    .replace('<!-- @style -->', () => `<style>\n${css}</style>`)
    .replace('<!-- @client -->', () => `<script>\n${js}</script>`);
  writeAtomic(join(out, 'page.html'), html);
}
const page = readFileSync(join(out, 'page.html'), 'utf8');

const { start, PlaygroundError, WorkbookFileError } = await import(
  pathToFileURL(join(out, 'server.bundle.mjs')).href
);
try {
  const running = await start(process.argv.slice(2), root, page);
  console.log(`Referral tracker playground: ${running.url}`);
  const stop = () => running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  if (e instanceof PlaygroundError || e instanceof WorkbookFileError) {
    console.error(`playground: ${e.message}`);
    process.exit(2);
  }
  throw e;
}
