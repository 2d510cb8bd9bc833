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

/** The module specifiers of a source text: `import … from`, `export … from`, bare `import '…'`, `import('…')`. */
function importSpecs(text: string): string[] {
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"]([^'"]+)['"]/g)].map(
    (m) => m[1]!,
  );
  specs.push(...[...text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!));
  specs.push(...[...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!));
  return specs;
}

/** Each import of a file, resolved to a path under src/ (`package:name` for packages). */
function importsOf(file: string): string[] {
  return importSpecs(readFileSync(file, 'utf8')).map((s) =>
    s.startsWith('.') ? relative(SRC, resolve(dirname(file), s)) : `package:${s}`,
  );
}

/** Apps Script services a source text names outside comments (any reference, not only `X.method`). */
const SERVICES =
  /\b(SpreadsheetApp|HtmlService|ScriptApp|PropertiesService|LockService|CacheService|Session|MailApp|GmailApp|DriveApp|UrlFetchApp|Utilities|Logger|Charts|Browser|DocumentApp|CalendarApp)\b/g;
function servicesNamed(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1');
  return [...new Set([...code.matchAll(SERVICES)].map((m) => m[1]!))];
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

  it('ui/ server code never names SpreadsheetApp, HtmlService or another service itself (sheets/gas-ui does)', () => {
    const bad = filesUnder(join(SRC, 'ui'))
      .filter((f) => !f.includes(`${join('ui', 'pages')}`))
      .flatMap((f) => servicesNamed(readFileSync(f, 'utf8')).map((x) => `${relative(SRC, f)} → ${x}`));
    expect(bad).toEqual([]);
  });

  it('would catch a violation: an import hidden in a multi-line or bare import, a service held in a variable', () => {
    expect(importSpecs("import {\n  a,\n  b,\n} from '../ui/menu';\nimport '../ui/run';")).toEqual([
      '../ui/menu',
      '../ui/run',
    ]);
    expect(
      servicesNamed('const app = SpreadsheetApp; // HtmlService in a comment\nconst l = LockService'),
    ).toEqual(['SpreadsheetApp', 'LockService']);
    expect(servicesNamed("/* Session */ const url = 'https://example.com'; // MailApp")).toEqual([]);
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
