// Benchmarks of the pure core on large generated sheets: `node scripts/bench.mjs [name-filter]`.
// To add a bench, append a case to BENCHES below: { name, entry, setup(mod) → state, run(mod, state) }.

import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Bundles one core module to CommonJS in memory and evaluates it. */
function load(entry) {
  const out = buildSync({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, require);
  return module.exports;
}

// ---- Generated data -------------------------------------------------------------------------

/** A small deterministic PRNG, so every run measures the same sheet. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES = [
  'Senior Data Scientist II',
  'Data Scientist',
  'Sr. Software Eng.',
  'Software Engineer L5',
  'Staff Software Engineer',
  'Engineering Manager',
  'Ingénieur logiciel senior',
  'Développeuse Full-Stack (H/F)',
  'Chef de projet digital',
  'Stagiaire Data Science',
  'Product Manager',
  'Head of Product',
  'VP of Engineering',
  'Responsable RH',
  'Comptable',
  'Machine Learning Engineer @ BigCo | ex-Startup',
  'Data Analyst',
  'Account Executive',
];
const JOB_TITLES = [
  'Data Scientist',
  'Software Engineer',
  'Product Manager',
  'Chef de projet',
  'ML Engineer',
];
const STATUSES = [
  'To contact',
  'To contact',
  'To contact',
  'To contact',
  'Messaged',
  'Replied',
  'Declined',
  'Skip',
  '',
];
// The contract's headers, from the schema itself.
const { CONTACTS, JOBS } = load('src/core/schema.ts');
const CONTACT_HEADERS = CONTACTS.columns.map((c) => c.header);
const JOB_HEADERS = JOBS.columns.map((c) => c.header);

/** Contacts and Jobs tables: `n` contacts spread over `companies` companies, one or two jobs each. */
function generateSheets(n, companies, seed = 42) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const jobs = [];
  for (let c = 0; c < companies; c++) {
    jobs.push({ Company: `Company ${c}`, Job: JOB_TITLES[c % JOB_TITLES.length] });
    if (c % 3 === 0) jobs.push({ Company: `Company ${c}`, Job: JOB_TITLES[(c + 1) % JOB_TITLES.length] });
  }
  const now = Date.UTC(2026, 2, 20, 9);
  const contacts = [];
  for (let i = 0; i < n; i++) {
    const c = Math.floor(r() * companies);
    const status = pick(STATUSES);
    const row = {
      Company: `Company ${c}`,
      Job: c % 3 === 0 ? JOB_TITLES[c % JOB_TITLES.length] : '',
      Name: `Person ${i}`,
      Title: pick(TITLES),
      Current: pick(['Yes', 'Yes', 'Yes', '', 'No']),
      Degree: pick(['1st', '2nd', '2nd', '3rd', '']),
      Premium: pick(['Yes', 'No', '']),
      'Open Profile': pick(['Yes', 'No', '', '']),
      'Same school': pick(['Yes', 'No', 'No']),
      'In common': pick(['', '', 'Python', 'Python; Lyon', 'Rugby, Erasmus, Chess']),
      'Mutual connection': pick(['', '', 'Jean Dupont']),
      Status: status,
    };
    if (status === 'Messaged' || status === 'Replied')
      row['Messaged on'] = new Date(now - r() * 40 * 86_400_000);
    if (i % 997 === 0) row.Degree = '4th';
    contacts.push(row);
  }
  const table = (headers, rows) => ({ headers, rows: rows.map((o) => headers.map((h) => o[h] ?? '')) });
  return { contacts: table(CONTACT_HEADERS, contacts), jobs: table(JOB_HEADERS, jobs), now };
}

// ---- Bench cases (append yours) ---------------------------------------------------------------

const BENCHES = [
  {
    name: 'planScoring 10000 contacts',
    entry: 'src/core/scoring-plan.ts',
    setup() {
      return generateSheets(10_000, 500);
    },
    run(mod, { contacts, jobs, now }) {
      return mod.planScoring({
        contacts,
        jobs,
        settingsRows: [
          ['Setting', 'Value'],
          ['Picks per company', 3],
          ['InMail credits left', 40],
        ],
        timeZone: 'Europe/Paris',
        now,
      });
    },
  },
  {
    name: 'planScoring 2000 contacts',
    entry: 'src/core/scoring-plan.ts',
    setup() {
      return generateSheets(2_000, 100, 7);
    },
    run(mod, { contacts, jobs, now }) {
      return mod.planScoring({ contacts, jobs, settingsRows: [], timeZone: 'Europe/Paris', now });
    },
  },
  {
    name: 'planFollowUps 10000 contacts',
    entry: 'src/core/followup-plan.ts',
    setup() {
      // The shared sheets, with every follow-up rule given work: calls ahead and past, thank-yous,
      // referrals, jobs with Apply and Outcome set.
      const { contacts, jobs, now } = generateSheets(10_000, 500);
      const ci = (h) => CONTACT_HEADERS.indexOf(h);
      const ji = (h) => JOB_HEADERS.indexOf(h);
      const day = 86_400_000;
      const r = rng(11);
      const rows = contacts.rows.map((row, i) => {
        const out = row.slice();
        const at = (days) => new Date(now + Math.round(days * day));
        switch (i % 10) {
          case 0:
            out[ci('Status')] = 'Call scheduled';
            out[ci('Call on')] = at(r() * 10 - 5);
            break;
          case 1:
            out[ci('Status')] = 'Call done';
            out[ci('Call on')] = at(-r() * 10);
            break;
          case 2:
            out[ci('Status')] = 'Referred';
            out[ci('Referred on')] = at(-r() * 20);
            if (r() < 0.5) out[ci('Thanked on')] = at(-1);
            break;
          case 3:
            out[ci('Replied on')] = out[ci('Status')] === 'Replied' ? at(-r() * 5) : '';
            break;
          default:
        }
        return out;
      });
      const jobRows = jobs.rows.map((row, i) => {
        const out = row.slice();
        out[ji('Apply')] = ['Before referral', 'After referral', 'Unknown', ''][Math.floor(r() * 4)];
        if (i % 5 === 0) {
          out[ji('Outcome')] = ['Interview', 'Rejected', 'Offer'][i % 3];
          out[ji('Outcome on')] = new Date(now - (i % 9) * day);
        }
        return out;
      });
      return {
        contacts: { headers: contacts.headers, rows },
        jobs: { headers: jobs.headers, rows: jobRows },
        now,
      };
    },
    run(mod, { contacts, jobs, now }) {
      return mod.planFollowUps({
        contacts,
        jobs,
        settingsRows: [
          ['Setting', 'Value'],
          ['No reply after days', 7],
        ],
        timeZone: 'Europe/Paris',
        now,
      });
    },
  },
  {
    name: 'computeDashboard 10000 contacts',
    entry: 'src/core/dashboard.ts',
    setup() {
      return generateSheets(10_000, 500);
    },
    run(mod, { contacts, jobs, now }) {
      return mod.computeDashboard({ contacts, jobs, settingsRows: [], timeZone: 'Europe/Paris', now });
    },
  },
  {
    name: 'planImport 10000 connections into 10000 contacts',
    entry: 'src/core/import.ts',
    setup() {
      const { contacts } = generateSheets(10_000, 500);
      const lines = [
        'Notes:',
        '"When exporting your connection data…"',
        '',
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      ];
      for (let i = 0; i < 10_000; i++) {
        lines.push(
          `First${i},Last${i},https://www.linkedin.com/in/person-${i},,"Company ${i % 700}, Inc.",Data Scientist,01 Mar 2026`,
        );
      }
      return { csv: lines.join('\n'), contacts };
    },
    run(mod, { csv, contacts }) {
      return mod.planImport(csv, contacts);
    },
  },
];

// ---- Runner -----------------------------------------------------------------------------------

const RUNS = 5;
const filter = process.argv[2] ?? '';
const modules = new Map();
for (const bench of BENCHES) {
  if (filter && !bench.name.includes(filter)) continue;
  if (!modules.has(bench.entry)) modules.set(bench.entry, load(bench.entry));
  const mod = modules.get(bench.entry);
  const state = bench.setup(mod);
  bench.run(mod, state); // warm-up
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    bench.run(mod, state);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `${bench.name}: ${Math.round(median)} ms (median of ${RUNS}; min ${Math.round(times[0])}, max ${Math.round(times[times.length - 1])})`,
  );
}
