// Regenerates test/fixtures/xlsx/openpyxl.xlsx: the playground's export of test/fixtures/xlsx/roundtrip.json,
// loaded and saved again by openpyxl (another xlsx writer). Run once by hand; the result is committed, so the
// tests need no Python. Needs Debian's python3-openpyxl (`apt-get install -y python3-openpyxl`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'test', 'fixtures', 'xlsx');
// The bundle lives in .playground/ so that it finds exceljs in node_modules; the files in between in a temp dir.
const bundle = join(root, '.playground', 'xlsx-fixture.bundle.mjs');
const work = mkdtempSync(join(tmpdir(), 'xlsx-fixture-'));
try {
  await build({
    entryPoints: [join(root, 'playground', 'xlsx.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: bundle,
    logLevel: 'warning',
  });
  const { exportXlsx } = await import(pathToFileURL(bundle).href);
  const book = JSON.parse(readFileSync(join(fixtures, 'roundtrip.json'), 'utf8'));
  const ours = join(work, 'ours.xlsx');
  writeFileSync(ours, await exportXlsx(book));
  const out = join(fixtures, 'openpyxl.xlsx');
  const python = process.env.PYTHON || '/usr/bin/python3';
  execFileSync(
    python,
    [
      '-c',
      'import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2]); print("openpyxl", openpyxl.__version__)',
      ours,
      out,
    ],
    { stdio: 'inherit' },
  );
  console.log(`wrote ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
