// Apps Script finds menu handlers, triggers and google.script.run targets only among a script's top-level
// `function` declarations: every export of src/main.ts must be one in dist/Code.js (parsed, not just callable).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { builtArtifacts, loadBundle } from '../helpers/bundle';

const MAIN = join(__dirname, '..', '..', 'src', 'main.ts');

/** The exports of a module's source: name and what declares it. */
function exportsOf(source: ts.SourceFile): { name: string; kind: string }[] {
  const out: { name: string; kind: string }[] = [];
  const exported = (n: ts.Node) =>
    ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const st of source.statements) {
    if (ts.isFunctionDeclaration(st) && exported(st))
      out.push({ name: st.name?.text ?? 'default', kind: 'function' });
    else if (ts.isVariableStatement(st) && exported(st)) {
      for (const d of st.declarationList.declarations)
        out.push({ name: d.name.getText(source), kind: 'variable' });
    } else if (ts.isClassDeclaration(st) && exported(st))
      out.push({ name: st.name?.text ?? 'default', kind: 'class' });
    else if (ts.isExportDeclaration(st)) {
      if (st.isTypeOnly) continue;
      if (st.exportClause && ts.isNamedExports(st.exportClause)) {
        for (const e of st.exportClause.elements)
          if (!e.isTypeOnly) out.push({ name: e.name.text, kind: 're-export' });
      } else out.push({ name: '*', kind: 're-export' });
    } else if (ts.isExportAssignment(st)) out.push({ name: 'default', kind: 'export default' });
  }
  return out;
}

/** The top-level function declarations of a classic script, with their body's text. */
function topLevelFunctions(code: string): Map<string, string> {
  const source = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const out = new Map<string, string>();
  for (const st of source.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && st.body) out.set(st.name.text, st.body.getText(source));
  }
  return out;
}

describe('entry points', () => {
  const main = ts.createSourceFile('main.ts', readFileSync(MAIN, 'utf8'), ts.ScriptTarget.ES2022, true);
  const exported = exportsOf(main);
  const names = exported.map((e) => e.name).sort();
  const { code } = builtArtifacts();
  const functions = topLevelFunctions(code);

  it('src/main.ts exports only function declarations, onOpen among them', () => {
    expect(exported.filter((e) => e.kind !== 'function')).toEqual([]);
    expect(names).toContain('onOpen');
    expect(names.length).toBeGreaterThan(10);
  });

  it('dist/Code.js declares each export of src/main.ts as a top-level function, and no other', () => {
    expect([...functions.keys()].sort()).toEqual(names);
  });

  it('each of those functions forwards its arguments to the bundled export of the same name', () => {
    for (const name of names) {
      // e.g. `{ return App.onOpen.apply(this, arguments); }`
      expect([name, functions.get(name)]).toEqual([
        name,
        expect.stringMatching(new RegExp(`\\breturn App\\.${name}\\b`)),
      ]);
    }
    const b = loadBundle();
    const kinds = b.evaluate<Record<string, string>>(
      `Object.fromEntries(${JSON.stringify(names)}.map((n) => [n, typeof App[n]]))`,
    );
    expect(Object.values(kinds).every((k) => k === 'function')).toBe(true);
    expect(Object.keys(kinds).sort()).toEqual(names);
  });

  it('would notice an export that is not a function, or a global that is not a declaration', () => {
    const sample = ts.createSourceFile(
      's.ts',
      'export const a = () => 1;\nexport function b() {}\nexport { c } from "./c";',
      ts.ScriptTarget.ES2022,
      true,
    );
    expect(exportsOf(sample)).toEqual([
      { name: 'a', kind: 'variable' },
      { name: 'b', kind: 'function' },
      { name: 'c', kind: 're-export' },
    ]);
    expect([
      ...topLevelFunctions('globalThis.x = function () {};\n(function y() {})();\nfunction z() {}').keys(),
    ]).toEqual(['z']);
  });
});
