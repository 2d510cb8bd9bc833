// `npm run bench`: every user action of the built add-on (dist/Code.js) on generated trackers of 100 to
// 50,000 contacts, measured with the Apps Script cost model (emulator/cost.ts, docs/performance.md),
// beside a naive cell-by-cell Score candidates; then timings of the pure core logic.
//
//   node scripts/bench.mjs [--sizes 100,1000] [--markdown] [--no-logic] [name-filter]

import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Bundles TypeScript (an entry file, or source text resolved from the repo root) to CommonJS and evaluates it. */
function load(entryOrSource, dirname = root) {
  const source = entryOrSource.includes('\n') || entryOrSource.startsWith('export');
  const out = buildSync({
    ...(source
      ? { stdin: { contents: entryOrSource, resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts' } }
      : { entryPoints: [path.join(root, entryOrSource)] }),
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', '__dirname', out.outputFiles[0].text)(
    module,
    module.exports,
    require,
    dirname,
  );
  return module.exports;
}

// ---- Arguments -------------------------------------------------------------------------------

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (option('--sizes') ?? '100,1000,10000,50000').split(',').map(Number);
const MARKDOWN = flag('--markdown');
const filter = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--sizes')[0] ?? '';

// The workload (generated trackers, every action) and the cost model, shared with test/bundle/costs.test.ts.
// `__dirname` is test/helpers, where the bundle loader finds dist/.
const W = load(
  `export * from './test/helpers/workload';
   export { measure, COST_MS } from './emulator/cost';
   export { planScoring } from './src/core/scoring-plan';`,
  path.join(root, 'test', 'helpers'),
);

// ---- The naive script: Score candidates cell by cell -----------------------------------------

/**
 * What a first Apps Script would do: for each row, read the inputs with one getValue each and write Score
 * and Why with setValue (a read after a write: one flush per row); then a second pass writes Rank, Pick
 * and Credits (ranks need every score). The figures are the real plan's, computed outside the meter.
 */
function naiveScore(b) {
  const ss = b.emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  const raw = ss.getSheetByName('Contacts');
  const values = raw.getDataRange().getValues();
  const settingsRows = ss.getSheetByName('Settings').getDataRange().getValues().slice(1);
  const jobsValues = ss.getSheetByName('Jobs').getDataRange().getValues();
  const [headers, ...rows] = values;
  const plan = W.planScoring({
    contacts: { headers, rows },
    jobs: { headers: jobsValues[0], rows: jobsValues.slice(1) },
    settingsRows,
    timeZone: 'Europe/Paris',
    now: W.NOW,
  });
  const out = new Map(plan.contacts.columns.map((c) => [c.header, c.values ?? []]));
  const inputs = [
    'Company',
    'Job',
    'Title',
    'Current',
    'Degree',
    'Premium',
    'Open Profile',
    'Same school',
    'In common',
    'Mutual connection',
    'Status',
  ];
  const at = (h) => headers.indexOf(h) + 1;
  b.emu.endExecution();
  return W.measure(b.emu.calls, () => {
    const sheet = b.emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts');
    const last = sheet.getLastRow();
    for (let r = 2; r <= last; r++) {
      for (const h of inputs) sheet.getRange(r, at(h)).getValue();
      for (const h of ['Score', 'Why']) sheet.getRange(r, at(h)).setValue(out.get(h)?.[r - 2] ?? '');
    }
    for (let r = 2; r <= last; r++) {
      for (const h of ['Rank', 'Pick', 'Credits'])
        sheet.getRange(r, at(h)).setValue(out.get(h)?.[r - 2] ?? '');
    }
  });
}

// ---- The cost-model table --------------------------------------------------------------------

const NAIVE = 'Score candidates, naive cell by cell';
const TARGET_MS = { 'one-row': 1_000, 'whole-sheet': 30_000 };
const scopeOf = new Map(W.ACTIONS.map((a) => [a.name, a.scope]));
scopeOf.set(NAIVE, 'whole-sheet');
scopeOf.set(W.FAR_APART_EDIT, 'one-row');

const int = (n) => Math.round(n).toLocaleString('en-US');
function seconds(ms) {
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 10_000) return `${int(ms)} ms`;
  if (ms < 100_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 1000).toLocaleString('en-US')} s`;
}

function verdict(name, cost) {
  if (name === NAIVE) return 'reference';
  const target = TARGET_MS[scopeOf.get(name)];
  return cost.ms < target ? 'met' : `MISSED (> ${seconds(target)})`;
}

const COLUMNS = [
  'action',
  'scope',
  'calls',
  'round trips',
  'flushes',
  'cells read',
  'cells written',
  'modelled',
];

function table(size, results, withTarget) {
  const head = withTarget ? [...COLUMNS, 'target'] : COLUMNS;
  const lines = [...results].map(([name, c]) => {
    const cells = [
      name,
      scopeOf.get(name),
      int(c.calls),
      int(c.roundTrips),
      int(c.flushes),
      int(c.cellsRead),
      int(c.cellsWritten),
      seconds(c.ms),
    ];
    return withTarget ? [...cells, verdict(name, c)] : cells;
  });
  const score = results.get('Score candidates');
  const naive = results.get(NAIVE);
  const ratio = score && naive ? `naive / Score candidates: ${int(naive.ms / score.ms)}×` : '';
  if (MARKDOWN) {
    return [
      `#### ${int(size)} contacts`,
      '',
      `| ${head.join(' | ')} |`,
      `|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`,
      ...lines.map((l) => `| ${l.join(' | ')} |`),
      '',
      ratio,
      '',
    ].join('\n');
  }
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (l) => l.map((x, i) => (i < 2 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ');
  return [`== ${int(size)} contacts`, fmt(head), ...lines.map(fmt), ratio, ''].join('\n');
}

const t0 = performance.now();
console.log(
  MARKDOWN
    ? `Cost model: ${W.COST_MS.roundTrip} ms a round trip, ${W.COST_MS.flush} ms a flush, ${W.COST_MS.cellRead} ms a cell read, ${W.COST_MS.cellWritten} ms a cell written.\n`
    : `Apps Script cost model (docs/performance.md): ${W.COST_MS.roundTrip} ms/round trip, ${W.COST_MS.flush} ms/flush, ${W.COST_MS.cellRead} ms/cell read, ${W.COST_MS.cellWritten} ms/cell written.\n`,
);
const largest = Math.max(...SIZES);
for (const size of SIZES) {
  const results = W.measureActions(size, {
    only: (a) => !filter || a.name.toLowerCase().includes(filter.toLowerCase()),
    extra: (b, out) => {
      const wanted = (name) => !filter || name.toLowerCase().includes(filter.toLowerCase());
      if (wanted(W.FAR_APART_EDIT))
        out.set(W.FAR_APART_EDIT, W.farApartEdit(b, { contacts: size, pasteRows: 50 }));
      if (wanted(NAIVE)) out.set(NAIVE, naiveScore(b));
    },
  });
  function sorted() {
    const order = [...W.ACTIONS.map((a) => a.name), W.FAR_APART_EDIT, NAIVE];
    return new Map([...results].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
  }
  console.log(table(size, sorted(), size === largest));
}

// ---- Pure-logic timings ----------------------------------------------------------------------

const LOGIC = [
  {
    name: 'planScoring 10000 contacts',
    entry: 'src/core/scoring-plan.ts',
    setup: () => W.generateSheets(10_000, 500),
    run: (mod, { contacts, jobs, now }) =>
      mod.planScoring({
        contacts,
        jobs,
        settingsRows: [
          ['Setting', 'Value'],
          ['Picks per company', 3],
          ['InMail credits left', 40],
        ],
        timeZone: 'Europe/Paris',
        now,
      }),
  },
  {
    name: 'planFollowUps 10000 contacts',
    entry: 'src/core/followup-plan.ts',
    setup: () => W.generateSheets(10_000, 500),
    run: (mod, { contacts, jobs, now }) =>
      mod.planFollowUps({ contacts, jobs, settingsRows: [], timeZone: 'Europe/Paris', now }),
  },
  {
    name: 'computeDashboard 10000 contacts',
    entry: 'src/core/dashboard.ts',
    setup: () => W.generateSheets(10_000, 500),
    run: (mod, { contacts, jobs, now }) =>
      mod.computeDashboard({ contacts, jobs, settingsRows: [], timeZone: 'Europe/Paris', now }),
  },
  {
    name: 'import 10000 connections into 10000 contacts (merge into Connections, choose targets)',
    entry: 'src/core/connections.ts',
    setup: () => {
      const sheets = W.generateSheets(10_000, 500);
      return {
        read: load('src/core/import.ts').readExport(W.connectionsCsv(10_000)),
        contacts: sheets.contacts,
        jobs: sheets.jobs.rows.map((r) => ({ company: r[0] })),
      };
    },
    run: (mod, { read, contacts, jobs }) => {
      const merged = mod.planConnections(read, { headers: [], rows: [] });
      mod.planContactsFromConnections(merged.all, contacts, jobs);
    },
  },
];

if (!flag('--no-logic') && !MARKDOWN) {
  console.log('== Pure logic (wall clock on this machine, median of 5)');
  for (const bench of LOGIC) {
    if (filter && !bench.name.toLowerCase().includes(filter.toLowerCase())) continue;
    const mod = load(bench.entry);
    const state = bench.setup();
    bench.run(mod, state); // warm-up
    const times = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      bench.run(mod, state);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${bench.name}: ${Math.round(times[2])} ms (min ${Math.round(times[0])}, max ${Math.round(times[4])})`,
    );
  }
}
if (!MARKDOWN) console.log(`\nBench done in ${((performance.now() - t0) / 1000).toFixed(0)} s.`);
