// The layers are a rule the build checks (ENGINEERING.md): core/ imports only core/, sheets/ never
// imports ui/, ui/ never calls Apps Script's document services itself (it goes through sheets/).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Each `import … from '…'` / `export … from '…'` of a file, resolved to a path under src/ ('' for packages). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"]([^'"]+)['"]/g)].map(
    (m) => m[1]!,
  );
  specs.push(...[...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!));
  return specs.map((s) => (s.startsWith('.') ? relative(SRC, resolve(dirname(file), s)) : `package:${s}`));
}

const layerOf = (path: string) => path.split('/')[0];

describe('layers', () => {
  const all = filesUnder(SRC).map((f) => ({ file: relative(SRC, f), imports: importsOf(f) }));

  it('finds the source files and their imports', () => {
    expect(all.length).toBeGreaterThan(40);
    expect(all.find((f) => f.file === 'main.ts')?.imports.length).toBeGreaterThan(3);
  });

  it('core/ imports nothing outside core/ (no packages either)', () => {
    const bad = all
      .filter((f) => layerOf(f.file) === 'core')
      .flatMap((f) => f.imports.filter((i) => layerOf(i) !== 'core').map((i) => `${f.file} → ${i}`));
    expect(bad).toEqual([]);
  });

  it('sheets/ never imports ui/', () => {
    const bad = all
      .filter((f) => layerOf(f.file) === 'sheets')
      .flatMap((f) => f.imports.filter((i) => layerOf(i) === 'ui').map((i) => `${f.file} → ${i}`));
    expect(bad).toEqual([]);
  });

  it('ui/ server code never calls SpreadsheetApp, HtmlService or the other services itself', () => {
    const services =
      /\b(SpreadsheetApp|HtmlService|ScriptApp|PropertiesService|LockService|Session|MailApp|DriveApp)\s*\./;
    const bad = filesUnder(join(SRC, 'ui'))
      .filter((f) => !f.includes(`${join('ui', 'pages')}`))
      .filter((f) => services.test(readFileSync(f, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')))
      .map((f) => relative(SRC, f));
    expect(bad).toEqual([]);
  });

  it('a browser page imports only types from the server side', () => {
    const bad = all
      .filter((f) => f.file.startsWith('ui/pages/'))
      .flatMap((f) => {
        const text = readFileSync(join(SRC, f.file), 'utf8');
        return [...text.matchAll(/import\s+(?!type\b)[^'";]*from\s*['"]([^'"]+)['"]/g)]
          .map((m) => relative(SRC, resolve(dirname(join(SRC, f.file)), m[1]!)))
          .filter((i) => !i.startsWith('ui/pages/') && !i.startsWith('core/'))
          .map((i) => `${f.file} → ${i}`);
      });
    expect(bad).toEqual([]);
  });
});
