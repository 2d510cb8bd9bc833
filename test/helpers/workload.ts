// Generated trackers and every user action, measured with the cost model: shared by the count-pinning
// tests (test/bundle/costs.test.ts) and `npm run bench` (scripts/bench.mjs).

import { type ActionCost, measure } from '../../emulator/cost';
import { ACTIVITY_SHEET, CONTACTS, JOBS } from '../../src/core/schema';
import type { DraftPayload } from '../../src/core/sidebar-api';
import { type LoadedBundle, loadBundle } from './bundle';
import { colOf, headersOf, setSetting, sheetOf } from './sheets';

/** The clock of every generated tracker: Friday 20 March 2026, 10:00 in Paris. */
export const NOW = Date.UTC(2026, 2, 20, 9);
export const TIME_ZONE = 'Europe/Paris';
const DAY = 86_400_000;

/** A small deterministic PRNG, so every run measures the same sheet. */
export function rng(seed: number): () => number {
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

/** The contract's headers, from the schema itself. */
export const CONTACT_HEADERS = CONTACTS.columns.map((c) => c.header);
export const JOB_HEADERS = JOBS.columns.map((c) => c.header);

/** A table as plain rows under its headers. */
export interface PlainTable {
  headers: string[];
  rows: unknown[][];
}

/**
 * Contacts and Jobs tables: `n` contacts spread over `companies` companies, one or two jobs each;
 * at random, or `grouped` (the same number at each company, in runs, as people are added company
 * by company).
 */
export function generateSheets(
  n: number,
  companies: number,
  seed = 42,
  grouped = false,
): { contacts: PlainTable; jobs: PlainTable; now: number } {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const jobs: Record<string, unknown>[] = [];
  for (let c = 0; c < companies; c++) {
    jobs.push({ Company: `Company ${c}`, Job: JOB_TITLES[c % JOB_TITLES.length] });
    if (c % 3 === 0) jobs.push({ Company: `Company ${c}`, Job: JOB_TITLES[(c + 1) % JOB_TITLES.length] });
  }
  const contacts: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const drawn = Math.floor(r() * companies);
    const c = grouped ? Math.floor((i * companies) / n) : drawn;
    const status = pick(STATUSES);
    const row: Record<string, unknown> = {
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
    if (status === 'Messaged' || status === 'Replied') row['Messaged on'] = new Date(NOW - r() * 40 * DAY);
    if (i % 997 === 0) row.Degree = '4th';
    contacts.push(row);
  }
  const table = (headers: string[], rows: Record<string, unknown>[]): PlainTable => ({
    headers,
    rows: rows.map((o) => headers.map((h) => o[h] ?? '')),
  });
  return { contacts: table(CONTACT_HEADERS, contacts), jobs: table(JOB_HEADERS, jobs), now: NOW };
}

/** Writes a table's rows from row 2 under the sheet's own headers, growing the grid, in one setValues. */
function writeTable(b: LoadedBundle, name: string, t: PlainTable): void {
  const sheet = sheetOf(b, name);
  const head = headersOf(b, name);
  const at = head.map((h) => t.headers.indexOf(h));
  const missing = t.rows.length + 1 - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  sheet
    .getRange(2, 1, t.rows.length, head.length)
    .setValues(t.rows.map((row) => at.map((i) => (i < 0 ? '' : row[i]))));
}

/** What a measured tracker holds: its size, and how many Status cells the paste changes. */
export interface Workload {
  contacts: number;
  /** Rows of the Status paste (50 in the bench; at most half the contacts). */
  pasteRows: number;
}

/**
 * Where the one-row actions act, the same rows with the same content whatever the tracker's size, so
 * their counts compare: Company 0 has exactly three contacts, side by side in the middle of the sheet
 * (the target, the sidebar's person; the edited row below it; one more), and the paste covers rows 2…
 * of two companies found nowhere else. An action may read the rows of the companies involved; more
 * Contacts rows elsewhere must not change what it reads.
 */
export interface Layout {
  target: number;
  edit: number;
  third: number;
  pasteFirst: number;
  pasteRows: number;
}

/** The layout of a tracker of `contacts` people (at least 6, and at least twice the paste). */
export function layoutOf(w: Workload): Layout {
  if (w.contacts < 6 || w.pasteRows * 2 > w.contacts) {
    throw new Error(`A tracker of ${w.contacts} contacts cannot hold a ${w.pasteRows}-row paste`);
  }
  const target = 2 + Math.floor(w.contacts / 2);
  return { target, edit: target + 1, third: target + 2, pasteFirst: 2, pasteRows: w.pasteRows };
}

/** How many companies a tracker of `contacts` people spreads over (one or two jobs each on Jobs). */
export function companiesFor(contacts: number): number {
  return Math.max(5, Math.round(contacts / 50));
}

/** The fixed rows of the layout, by sheet row, as values by header. */
function focusRows(layout: Layout): Map<number, Record<string, unknown>> {
  const rows = new Map<number, Record<string, unknown>>();
  const base = { Job: JOB_TITLES[0], Current: 'Yes', 'Same school': 'No', 'In common': 'Python' };
  rows.set(layout.target, {
    ...base,
    Company: 'Company 0',
    Name: 'Ada Target',
    Title: 'Senior Data Scientist',
    Degree: '2nd',
    Premium: 'Yes',
    Status: 'To contact',
  });
  rows.set(layout.edit, {
    ...base,
    Company: 'Company 0',
    Name: 'Bo Edited',
    Title: 'Data Scientist',
    Degree: '1st',
    Status: 'Messaged',
    'Messaged on': new Date(NOW - 10 * DAY),
  });
  rows.set(layout.third, {
    ...base,
    Company: 'Company 0',
    Name: 'Cy Third',
    Title: 'Data Analyst',
    Degree: '2nd',
    Status: 'Replied',
    'Messaged on': new Date(NOW - 12 * DAY),
    'Replied on': new Date(NOW - 2 * DAY),
  });
  for (let i = 0; i < layout.pasteRows; i++) {
    rows.set(layout.pasteFirst + i, {
      Company: i % 2 ? 'Paste Co B' : 'Paste Co A',
      Name: `Pat Paste ${i}`,
      Title: TITLES[i % TITLES.length],
      Degree: i % 3 ? '2nd' : '1st',
      Status: i % 4 ? 'To contact' : 'Messaged',
      ...(i % 4 ? {} : { 'Messaged on': new Date(NOW - (5 + i) * DAY) }),
    });
  }
  return rows;
}

/**
 * Activity as months of use leave it: a "To contact → Messaged" row for everyone with Messaged on
 * and a "Messaged → Replied" row for everyone who replied (in Contacts order, not by date) — so the
 * layout's Bo Edited and Cy Third have a history their edits and messages must look up, as a real
 * person's do.
 */
function activityOf(contacts: PlainTable): PlainTable {
  const at = (h: string) => CONTACT_HEADERS.indexOf(h);
  const rows: unknown[][] = [];
  for (const c of contacts.rows) {
    const messaged = c[at('Messaged on')];
    if (!(messaged instanceof Date)) continue;
    const who = [c[at('Company')], c[at('Name')]];
    rows.push([messaged, ...who, 'To contact', 'Messaged', 'you']);
    const replied = c[at('Replied on')];
    const status = c[at('Status')];
    if (replied instanceof Date || status === 'Replied')
      rows.push([replied instanceof Date ? replied : messaged, ...who, 'Messaged', 'Replied', 'you']);
  }
  return { headers: ACTIVITY_SHEET.columns.map((c) => c.header), rows };
}

/**
 * A set-up tracker with the layout's rows, generated people elsewhere (at random, or `grouped` by
 * company), `companies` companies on Jobs, Settings filled in.
 */
export function trackerBundle(
  w: Workload,
  companies = companiesFor(w.contacts),
  grouped = false,
): LoadedBundle {
  const b = loadBundle({ now: NOW, timeZone: TIME_ZONE });
  b.call('menuSetUpTracker');
  const data = generateSheets(w.contacts, companies, 42, grouped);
  const company = CONTACT_HEADERS.indexOf('Company');
  // Company 0 and the paste's companies hold only the layout's rows.
  data.contacts.rows.forEach((row, i) => {
    if (row[company] === 'Company 0') row[company] = `Company ${1 + (i % (companies - 1))}`;
  });
  for (const [sheetRow, values] of focusRows(layoutOf(w))) {
    data.contacts.rows[sheetRow - 2] = CONTACT_HEADERS.map((h) => values[h] ?? '');
  }
  writeTable(b, 'Contacts', data.contacts);
  writeTable(b, 'Jobs', data.jobs);
  writeTable(b, 'Activity', activityOf(data.contacts));
  setSetting(b, 'Your name', 'Sam Student');
  setSetting(b, 'InMail credits left', 40);
  b.emu.endExecution();
  return b;
}

/** A spreadsheet holding only the user's own Contacts sheet (a LinkedIn paste: five columns), before setup. */
export function userSheetBundle(contacts: number): LoadedBundle {
  const b = loadBundle({ now: NOW, timeZone: TIME_ZONE });
  const sheet = b.emu.spreadsheet.self.insertSheet('Contacts');
  const headers = ['Company', 'Name', 'Title', 'Profile URL', 'Location'];
  const data = generateSheets(contacts, companiesFor(contacts));
  const at = headers.map((h) => CONTACT_HEADERS.indexOf(h));
  const rows = data.contacts.rows.map((r, i) =>
    at.map((j, k) => (headers[k] === 'Profile URL' ? `https://www.linkedin.com/in/person-${i}` : r[j])),
  );
  const missing = contacts + 1 - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
  if (rows.length > 0) sheet.getRange(2, 1, rows.length, headers.length).setValues(rows);
  return b;
}

/**
 * Connections.csv text with `n` people, none of them already on Contacts. As in a real network, most
 * work elsewhere: 1 in 20 at a "Company k, Inc." (a target when the tracker has company k on Jobs),
 * the others at one of 3,000 other employers, Freelance, Self-employed, or no company at all.
 */
export function connectionsCsv(n: number): string {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  const elsewhere = (i: number) =>
    i % 50 === 1
      ? 'Freelance'
      : i % 50 === 2
        ? 'Self-employed'
        : i % 50 === 3
          ? ''
          : `"Employer ${i % 3000}, Ltd"`;
  for (let i = 0; i < n; i++) {
    const company = i % 20 === 0 ? `"Company ${(i / 20) % 700}, Inc."` : elsewhere(i);
    lines.push(
      `First${i},Last${i},https://www.linkedin.com/in/connection-${i},,${company},Data Scientist,01 Mar 2026`,
    );
  }
  return lines.join('\n');
}

/** An onEdit event for a range of Contacts, as Apps Script builds it (value/oldValue only for one cell). */
function editEvent(
  b: LoadedBundle,
  range: GoogleAppsScript.Spreadsheet.Range,
  value?: string,
  oldValue?: string,
) {
  const e: Record<string, unknown> = { range, source: b.emu.spreadsheet.self, authMode: 'LIMITED', user: {} };
  if (value !== undefined) e.value = value;
  if (oldValue !== undefined) e.oldValue = oldValue;
  return e;
}

/** Whether an action works on one person (its reads must not grow with Contacts) or on the whole sheet. */
export type Scope = 'one-row' | 'whole-sheet';

/** One user action: how to make its spreadsheet (or reuse the shared tracker), and how to run it. */
export interface ActionCase {
  name: string;
  scope: Scope;
  /** Its own spreadsheet, when the shared tracker does not fit (setup). */
  fresh?: (w: Workload) => LoadedBundle;
  /** Unmeasured preparation (the user's own edits, a draft to get a fingerprint); returns the run. */
  prepare(b: LoadedBundle, w: Workload): () => void;
}

/**
 * Every action, in the order they run on the shared tracker (later actions see earlier ones' writes,
 * as a real sheet would; the import, which adds rows, comes last).
 */
export const ACTIONS: readonly ActionCase[] = [
  {
    name: 'Set up tracker (new spreadsheet)',
    scope: 'whole-sheet',
    fresh: () => loadBundle({ now: NOW, timeZone: TIME_ZONE }),
    prepare: (b) => () => b.call('menuSetUpTracker'),
  },
  {
    name: 'Set up tracker (existing sheet)',
    scope: 'whole-sheet',
    fresh: (w) => userSheetBundle(w.contacts),
    prepare: (b) => () => b.call('menuSetUpTracker'),
  },
  {
    name: 'Score candidates',
    scope: 'whole-sheet',
    prepare: (b) => () => b.call('menuScoreCandidates'),
  },
  {
    name: 'Refresh follow-ups',
    scope: 'whole-sheet',
    prepare: (b) => () => b.call('menuRefreshFollowUps'),
  },
  {
    name: 'Refresh dashboard',
    scope: 'whole-sheet',
    prepare: (b) => () => b.call('menuRefreshDashboard'),
  },
  {
    // The trigger runs each morning: the clock moves a day on, so yesterday's Dues and fills move
    // where they should (the clock stays there for the actions after it).
    name: 'Daily run',
    scope: 'whole-sheet',
    prepare: (b) => {
      b.emu.clock.advance(DAY);
      return () => b.call('dailyReminder');
    },
  },
  {
    name: 'Sidebar selection',
    scope: 'one-row',
    prepare: (b, w) => {
      const cell = sheetOf(b).getRange(layoutOf(w).target, colOf(b, 'Status'));
      b.emu.spreadsheet.selectRange(`Contacts!${cell.getA1Notation()}`);
      return () => b.call('sidebarSelection');
    },
  },
  {
    name: 'Sidebar draft',
    scope: 'one-row',
    prepare: (b, w) => () => b.call('sidebarDraft', layoutOf(w).target),
  },
  {
    name: 'Save call guide',
    scope: 'one-row',
    prepare: (b, w) => () =>
      b.call(
        'sidebarSaveCallGuide',
        layoutOf(w).target,
        'Ask the recruiter first, then the team.',
        'Before referral',
      ),
  },
  {
    name: 'Mark as sent',
    scope: 'one-row',
    prepare: (b, w) => {
      const draft = b.call<DraftPayload>('sidebarDraft', layoutOf(w).target);
      b.emu.endExecution();
      return () => b.call('sidebarMarkSent', layoutOf(w).target, draft.type, draft.fingerprint);
    },
  },
  {
    name: 'Status edit (onEdit, one cell)',
    scope: 'one-row',
    prepare: (b, w) => {
      const range = sheetOf(b).getRange(layoutOf(w).edit, colOf(b, 'Status'));
      const old = String(range.getValue());
      range.setValue('Replied');
      const e = editEvent(b, range, 'Replied', old);
      return () => b.call('onEdit', e);
    },
  },
  {
    name: 'Status paste (onEdit)',
    scope: 'one-row',
    prepare: (b, w) => {
      const { pasteFirst, pasteRows } = layoutOf(w);
      const range = sheetOf(b).getRange(pasteFirst, colOf(b, 'Status'), pasteRows, 1);
      range.setValues(Array.from({ length: pasteRows }, (_, i) => [i % 2 ? 'Messaged' : 'Replied']));
      const e = editEvent(b, range);
      return () => b.call('onEdit', e);
    },
  },
  {
    name: 'Import 30,000 connections',
    scope: 'whole-sheet',
    prepare: (b) => {
      const csv = connectionsCsv(30_000);
      return () => b.call('importConnections', csv);
    },
  },
];

/** Runs one prepared action as one execution and returns its cost (throws if the action threw). */
export function runMeasured(b: LoadedBundle, run: () => void): ActionCost {
  b.emu.endExecution();
  const cost = measure(b.emu.calls, run);
  b.emu.endExecution();
  return cost;
}

/**
 * Measures every action (or those `only` keeps) on trackers of `contacts` people: the shared tracker is
 * built once; actions with their own spreadsheet get a fresh one. `extra` runs on the shared tracker
 * before the import and may add its own figures (the bench's naive script).
 */
export function measureActions(
  contacts: number,
  options: {
    only?: (a: ActionCase) => boolean;
    companies?: number;
    /** Contacts grouped by company, the same number at each (see generateSheets). */
    grouped?: boolean;
    /** Rows of the Status paste; 50 unless given. */
    pasteRows?: number;
    extra?: (b: LoadedBundle, out: Map<string, ActionCost>) => void;
  } = {},
): Map<string, ActionCost> {
  const w: Workload = { contacts, pasteRows: options.pasteRows ?? 50 };
  layoutOf(w);
  const out = new Map<string, ActionCost>();
  const chosen = ACTIONS.filter(options.only ?? (() => true));
  for (const a of chosen.filter((x) => x.fresh)) {
    const b = a.fresh!(w);
    out.set(a.name, runMeasured(b, a.prepare(b, w)));
  }
  const shared = chosen.filter((x) => !x.fresh);
  if (shared.length === 0 && !options.extra) return out;
  const b = trackerBundle(w, options.companies, options.grouped);
  let extraDone = false;
  const extra = () => {
    if (extraDone) return;
    extraDone = true;
    options.extra?.(b, out);
  };
  for (const a of shared) {
    if (a.name.startsWith('Import')) extra();
    out.set(a.name, runMeasured(b, a.prepare(b, w)));
  }
  extra();
  return out;
}

/** The bench's row for a Status edit whose company's people are far apart on Contacts. */
export const FAR_APART_EDIT = 'Status edit (onEdit), its company far apart';

/**
 * A Status edit (one cell) on the shared tracker after the layout's other two people of Company 0 are
 * moved far from the sidebar's person — halfway to the last row, and the last row — as people added
 * over months end up: the edit's live recompute reads its company's rows, one read per run of rows
 * close enough to merge (readRows), so each far-apart person costs a round trip; what it reads still
 * does not grow with the rows between them. Moving the rows is not measured.
 */
export function farApartEdit(b: LoadedBundle, w: Workload): ActionCost {
  const { edit, third } = layoutOf(w);
  const last = w.contacts + 1;
  const sheet = sheetOf(b);
  const width = sheet.getLastColumn();
  const swap = (a: number, c: number) => {
    const ra = sheet.getRange(a, 1, 1, width).getValues();
    sheet.getRange(a, 1, 1, width).setValues(sheet.getRange(c, 1, 1, width).getValues());
    sheet.getRange(c, 1, 1, width).setValues(ra);
  };
  const middle = Math.floor((third + 1 + last) / 2);
  swap(edit, middle);
  swap(third, last);
  const range = sheet.getRange(middle, colOf(b, 'Status'));
  const old = String(range.getValue());
  range.setValue('Call scheduled');
  return runMeasured(b, () => b.call('onEdit', editEvent(b, range, 'Call scheduled', old)));
}
