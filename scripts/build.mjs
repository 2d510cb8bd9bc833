// Builds dist/: Code.js (one classic script with a top-level function per export of src/main.ts),
// appsscript.json, and one self-contained HTML file per sidebar/dialog in src/ui/pages/.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const GLOBAL = 'App';

/** Bundles src/main.ts as an IIFE and appends one top-level function declaration per export. */
async function buildServer() {
  const result = await build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
  });
  // An IIFE's metafile lists no exports: an ESM pass over the same entry names them.
  const esm = await build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const exports = [...Object.values(esm.metafile.outputs)[0].exports].sort();
  if (!exports.includes('onOpen')) throw new Error('src/main.ts must export onOpen');
  const footer = exports
    .map((name) => `function ${name}() { return ${GLOBAL}.${name}.apply(this, arguments); }`)
    .join('\n');
  const code = `// Referral tracker — built by scripts/build.mjs; do not edit.\n${result.outputFiles[0].text}\n${footer}\n`;
  writeFileSync(join(dist, 'Code.js'), code);
  return exports;
}

/** Each src/ui/pages/<Name>/ holds page.html and client.ts; the client is bundled and inlined. */
async function buildPages() {
  const pagesDir = join(root, 'src/ui/pages');
  if (!existsSync(pagesDir)) return [];
  const names = readdirSync(pagesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const shared = join(root, 'src/ui/pages/_shared.css');
  for (const name of names) {
    const dir = join(pagesDir, name);
    let html = readFileSync(join(dir, 'page.html'), 'utf8');
    const clientPath = join(dir, 'client.ts');
    if (existsSync(clientPath)) {
      const res = await build({
        entryPoints: [clientPath],
        bundle: true,
        format: 'iife',
        target: 'es2019',
        platform: 'browser',
        write: false,
        legalComments: 'none',
        charset: 'utf8',
        logLevel: 'warning',
      });
      // `</script` inside the inlined code would end the tag early; `<?` would open a scriptlet.
      const js = res.outputFiles[0].text.replace(/<\/script/gi, '<\\/script').replace(/<\?/g, '<\\?');
      html = html.replace('<!-- @client -->', () => `<script>\n${js}</script>`);
    }
    const cssPath = join(dir, 'page.css');
    const css = [shared, cssPath]
      .filter(existsSync)
      .map((p) => readFileSync(p, 'utf8'))
      .join('\n');
    html = html.replace('<!-- @style -->', () => `<style>\n${css}</style>`);
    writeFileSync(join(dist, `${name}.html`), html);
  }
  return names;
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const exports = await buildServer();
const pages = await buildPages();
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
console.log(`dist/Code.js: ${exports.length} entry points; pages: ${pages.join(', ') || 'none'}`);
