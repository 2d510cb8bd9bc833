// Property-based: random sequences of actions and edits over random trackers (the user's own column
// order, columns of their own, blank and "merged" header cells, blank rows, dates as text, wrong
// types in every column) keep the invariants after every step — the user's cells untouched, the
// follow-ups equal to a fresh recomputation once computed, Score stable, Activity append-only, no
// formula anywhere, and only plain sentences shown. Fixed seed in `npm test`; `npm run fuzz` runs
// many more (FUZZ_RUNS, FUZZ_SEED).
import fc from 'fast-check';
import { APPLY_CHOICES, CONTACTS, JOBS, OUTCOMES, STATUSES } from '../../src/core/schema';
import type { LoadedBundle } from '../helpers/bundle';
import { loadBundle } from '../helpers/bundle';
import {
  anyOf,
  captureState,
  loadState,
  type MayChange,
  mayStamp,
  RAW_TEXT,
  stateDiff,
  type TrackerState,
  userCellChanges,
} from '../helpers/faults';
import { forgetUi, NOW } from '../helpers/trackers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20260310);
jest.setTimeout(Math.max(60_000, RUNS * 20_000));

// ------------------------------------------------------------------ random trackers

const COMPANIES = ['Acme', 'acme inc.', 'Globex', 'Initech', ''];
const DAY = 86_400_000;
const NOW_MS = Date.parse(NOW);

/** A cell value as a user may leave it: `kind` picks the usual ones, with the wrong types mixed in. */
type Raw = string | number | boolean | { days: number; hour?: number } | { text: string };

const junk: fc.Arbitrary<Raw> = fc.oneof(
  fc.constant(''),
  fc.integer({ min: -5, max: 50_000 }),
  fc.boolean(),
  fc.record({ days: fc.integer({ min: -20, max: 40 }) }),
  fc.constantFrom<Raw>({ text: '=1+1' }, { text: '+33 6' }, { text: '-' }, { text: '@me' }, 'N/A', ' x '),
);

function valuesFor(header: string): fc.Arbitrary<Raw> {
  const usual = (() => {
    switch (header) {
      case 'Company':
        return fc.constantFrom<Raw>(...COMPANIES);
      case 'Name':
        return fc.constantFrom<Raw>('Ann Archer', 'Bob Baker', 'Cy Cole', 'Di Dunn', { text: '=Ed' }, '');
      case 'Job':
        return fc.constantFrom<Raw>('Data Scientist', 'Software Engineer', '', 'PM');
      case 'Status':
        return fc.constantFrom<Raw>(...STATUSES, 'messaged ', 'Done', '');
      case 'Degree':
        return fc.constantFrom<Raw>('1st', '2nd', '3rd', '3rd+', 'Out of network', '4th', '');
      case 'Current':
      case 'Premium':
      case 'Open Profile':
      case 'Same school':
        return fc.constantFrom<Raw>('Yes', 'No', 'Y', 'oui', 'TRUE', 1, 'maybe', '');
      case 'Messaged on':
      case 'Replied on':
      case 'Referred on':
      case 'Thanked on':
      case 'Outcome shared on':
      case 'Applied on':
      case 'Outcome on':
        return fc.oneof(
          fc.record({ days: fc.integer({ min: -2, max: 40 }) }),
          fc.constantFrom<Raw>({ text: '2026-03-01' }, 'yesterday', ''),
        );
      case 'Call on':
        return fc.record({ days: fc.integer({ min: -5, max: 5 }), hour: fc.integer({ min: 8, max: 18 }) });
      case 'Apply':
        return fc.constantFrom<Raw>(...APPLY_CHOICES, 'later', '');
      case 'Outcome':
        return fc.constantFrom<Raw>(...OUTCOMES, 'Hired', '');
      default:
        return fc.constantFrom<Raw>('', 'some text', { text: '=HYPERLINK("x")' }, 'Lyon; chess');
    }
  })();
  return fc.oneof({ weight: 4, arbitrary: usual }, { weight: 1, arbitrary: junk });
}

interface SheetPlan {
  headers: string[];
  rows: Raw[][];
}

/** Headers in the user's order: some contract headers, their own columns, a blank ("merged") cell. */
function headersOf(contract: readonly string[]): fc.Arbitrary<string[]> {
  return fc
    .tuple(
      fc.shuffledSubarray([...contract], { minLength: 2 }),
      fc.subarray(['My rating', 'Source', '', 'Notes 2']),
      fc.integer({ min: 0, max: 1000 }),
    )
    .map(([picked, own, seed]) => {
      const out = [...picked];
      own.forEach((h, i) => {
        out.splice((seed * (i + 3)) % (out.length + 1), 0, h);
      });
      // A merged header reads as a blank cell after the header it spans.
      return out.filter((h, i) => !(h === '' && (i === 0 || out[i - 1] === '')));
    });
}

function sheetPlan(contract: readonly string[], maxRows: number): fc.Arbitrary<SheetPlan> {
  return headersOf(contract).chain((headers) =>
    fc.record({
      headers: fc.constant(headers),
      rows: fc.array(
        fc.oneof(
          { weight: 1, arbitrary: fc.constant(headers.map((): Raw => '')) },
          { weight: 5, arbitrary: fc.tuple(...headers.map((h) => valuesFor(h))) },
        ),
        { maxLength: maxRows },
      ),
    }),
  );
}

const trackerPlan = fc.record({
  contacts: sheetPlan(
    CONTACTS.columns.map((c) => c.header),
    8,
  ),
  jobs: sheetPlan(
    JOBS.columns.map((c) => c.header),
    3,
  ),
  credits: fc.constantFrom<Raw>('', 5, 'lots'),
  picks: fc.constantFrom<Raw>(3, 1, 'many'),
});

function cellOf(b: LoadedBundle, v: Raw): unknown {
  if (typeof v !== 'object') return v;
  if ('text' in v) return `'${v.text}`;
  const DateC = b.evaluate<DateConstructor>('Date');
  return new DateC(NOW_MS - v.days * DAY + (v.hour ?? 0) * 3_600_000);
}

/** Builds the tracker: the user's sheets first (40 rows deep), then Set up tracker repairs them. */
function build(plan: { contacts: SheetPlan; jobs: SheetPlan; credits: Raw; picks: Raw }): LoadedBundle {
  const b = loadBundle({ now: NOW });
  const ss = b.emu.spreadsheet.self;
  for (const [name, p] of [
    ['Contacts', plan.contacts],
    ['Jobs', plan.jobs],
  ] as const) {
    const sheet = ss.insertSheet(name);
    sheet.deleteRows(41, sheet.getMaxRows() - 40);
    if (p.headers.length > sheet.getMaxColumns())
      sheet.insertColumnsAfter(sheet.getMaxColumns(), p.headers.length - sheet.getMaxColumns());
    const rows = [p.headers, ...p.rows.map((r) => r.map((v) => cellOf(b, v)))];
    sheet.getRange(1, 1, rows.length, p.headers.length).setValues(rows as unknown[][]);
  }
  ss.deleteSheet(ss.getSheetByName('Sheet1')!);
  b.call('menuSetUpTracker');
  const settings = ss.getSheetByName('Settings')!;
  const names = settings
    .getRange(1, 1, settings.getLastRow(), 1)
    .getValues()
    .map((r) => r[0]);
  settings.getRange(names.indexOf('InMail credits left') + 1, 2).setValue(cellOf(b, plan.credits));
  settings.getRange(names.indexOf('Picks per company') + 1, 2).setValue(cellOf(b, plan.picks));
  forgetUi(b);
  return b;
}

// ------------------------------------------------------------------ steps

type Step =
  | { kind: 'score' | 'refresh' | 'dashboard' | 'daily' }
  | { kind: 'edit'; row: number; status: string }
  | { kind: 'paste'; row: number; count: number; status: string }
  | { kind: 'date'; row: number; header: string; days: number }
  | { kind: 'markSent'; row: number; type: string }
  | { kind: 'guide'; row: number; text: string }
  | { kind: 'import'; company: string; name: string };

const rowArb = fc.integer({ min: 2, max: 10 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom<Step>({ kind: 'score' }, { kind: 'refresh' }, { kind: 'dashboard' }, { kind: 'daily' }),
  fc.record({ kind: fc.constant('edit' as const), row: rowArb, status: fc.constantFrom(...STATUSES) }),
  fc.record({
    kind: fc.constant('paste' as const),
    row: rowArb,
    count: fc.integer({ min: 2, max: 4 }),
    status: fc.constantFrom(...STATUSES),
  }),
  fc.record({
    kind: fc.constant('date' as const),
    row: rowArb,
    header: fc.constantFrom('Replied on', 'Call on', 'Thanked on'),
    days: fc.integer({ min: -3, max: 10 }),
  }),
  fc.record({
    kind: fc.constant('markSent' as const),
    row: rowArb,
    type: fc.constantFrom('first-inmail', 'thank-you', 'reply-availability', 'outcome'),
  }),
  fc.record({
    kind: fc.constant('guide' as const),
    row: rowArb,
    text: fc.constantFrom('Form', '=CV to Pat', ''),
  }),
  fc.record({
    kind: fc.constant('import' as const),
    company: fc.constantFrom('Acme', 'Globex Inc', 'Umbrella'),
    name: fc.constantFrom('Lea Long', '=Max Moss', 'Ann Archer'),
  }),
);

function col(b: LoadedBundle, header: string): number {
  const s = b.emu.spreadsheet.self.getSheetByName('Contacts')!;
  const h = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]!.map(String);
  return h.indexOf(header) + 1;
}

/** Makes the user's part of a step (their edit), returns what the action may change and runs it. */
function apply(b: LoadedBundle, s: Step): { may: MayChange; shown: string[] } {
  const raw = b.emu.spreadsheet.sheets.find((x) => x.name === 'Contacts')!;
  const shown: string[] = [];
  const attempt = (f: () => void) => {
    try {
      f();
    } catch (e) {
      shown.push(String((e as Error).message));
    }
  };
  let may: MayChange = mayStamp;
  switch (s.kind) {
    case 'score':
      attempt(() => b.call('menuScoreCandidates'));
      break;
    case 'refresh':
      attempt(() => b.call('menuRefreshFollowUps'));
      break;
    case 'dashboard':
      attempt(() => b.call('menuRefreshDashboard'));
      may = (c) => c.sheet === 'Dashboard';
      break;
    case 'daily':
      attempt(() => b.call('dailyReminder', { authMode: 'FULL', triggerUid: '1' }));
      may = anyOf(mayStamp, (c) => c.sheet === 'Dashboard');
      break;
    case 'edit':
    case 'paste':
    case 'date': {
      const status = col(b, 'Status');
      const target = s.kind === 'date' ? col(b, s.header) : status;
      if (target < 1) return { may, shown };
      const count = s.kind === 'paste' ? s.count : 1;
      const old = raw.rangeAt(s.row, target).getValue();
      const DateC = b.evaluate<DateConstructor>('Date');
      const value = s.kind === 'date' ? new DateC(NOW_MS - s.days * DAY) : s.status;
      raw.rangeAt(s.row, target, count, 1).setValues(Array.from({ length: count }, () => [value]));
      const range = raw.rangeAt(s.row, target, count, 1).self;
      const e: Record<string, unknown> = { range, source: b.emu.spreadsheet.self, authMode: 'LIMITED' };
      if (count === 1) {
        e.value = String(value);
        e.oldValue = String(old);
      }
      attempt(() => b.call('onEdit', e));
      break;
    }
    case 'markSent':
      attempt(() => {
        const d = b.call<{ fingerprint: string }>('sidebarDraft', s.row, s.type);
        b.call('sidebarMarkSent', s.row, s.type, d.fingerprint, true);
      });
      may = anyOf(
        mayStamp,
        (c) => c.sheet === 'Contacts' && c.row === s.row && c.header === 'Status',
        (c) => c.sheet === 'Contacts' && c.row === s.row && c.header === 'Outcome shared on',
        (c) => c.sheet === 'Settings' && c.prop === 'value',
      );
      break;
    case 'guide':
      attempt(() => b.call('sidebarSaveCallGuide', s.row, s.text, 'After referral'));
      may = (c) => c.sheet === 'Jobs' && (c.header === 'Referral process' || c.header === 'Apply');
      break;
    case 'import': {
      const [first, ...last] = s.name.split(' ');
      const csv = `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${first},${last.join(' ')},https://www.linkedin.com/in/${encodeURIComponent(s.name)},,${s.company},Data Scientist,01 Mar 2026\n`;
      const before = b.emu.spreadsheet.self.getSheetByName('Contacts')!.getLastRow();
      attempt(() => b.call('importConnections', csv));
      may = (c) => c.sheet === 'Connections' || (c.sheet === 'Contacts' && c.row > before);
      break;
    }
  }
  shown.push(...b.emu.ui.dialogs.map((d) => d.prompt), ...b.emu.spreadsheet.toasts.map((t) => t.message));
  forgetUi(b);
  return { may, shown };
}

// ------------------------------------------------------------------ invariants

/** The state after running `fn` on a fresh copy of `s` (a fresh recomputation). */
function rerun(s: TrackerState, fn: string): TrackerState {
  const b = loadState(s);
  b.call(fn);
  b.emu.endExecution();
  return captureState(b);
}

function activityRows(s: TrackerState): string[] {
  const sheet = s.workbook.sheets.find((x) => x.name === 'Activity');
  const byRow = new Map<number, string[]>();
  for (const [a1, c] of Object.entries(sheet?.cells ?? {})) {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const r = Number(m[2]);
    if (r < 2 || c.value === undefined) continue;
    byRow.set(r, [...(byRow.get(r) ?? []), `${m[1]}=${JSON.stringify(c.value)}`]);
  }
  return [...byRow.entries()].sort(([a], [b]) => a - b).map(([, v]) => v.sort().join(' '));
}

function formulas(s: TrackerState): string[] {
  return s.workbook.sheets.flatMap((sh) =>
    Object.entries(sh.cells)
      .filter(([, c]) => c.formula !== undefined)
      .map(([a1]) => `${sh.name}!${a1}`),
  );
}

describe('random trackers, random actions and edits', () => {
  it(`keep every invariant after every step (${RUNS} runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(trackerPlan, fc.array(step, { minLength: 1, maxLength: 6 }), (plan, steps) => {
        const b = build(plan);
        let before = captureState(b);
        let followUpsFresh = false;
        for (const s of steps) {
          // The user's own edit is theirs: the state "before" includes it.
          const { may, shown } = apply(b, s);
          b.emu.endExecution();
          const after = captureState(b);
          const where = JSON.stringify(s);
          for (const m of shown)
            expect({ where, m, raw: RAW_TEXT.test(m) }).toEqual({ where, m, raw: false });
          const touched = userCellChanges(before, after, { may: anyOf(may, editedCell(s)) });
          expect({ where, touched }).toEqual({ where, touched: [] });
          expect({ where, formulas: formulas(after) }).toEqual({ where, formulas: [] });
          const was = activityRows(before);
          expect({ where, activity: activityRows(after).slice(0, was.length) }).toEqual({
            where,
            activity: was,
          });
          if (s.kind === 'refresh' || s.kind === 'daily') followUpsFresh = true;
          if (followUpsFresh) {
            expect({ where, stale: stateDiff(after, rerun(after, 'menuRefreshFollowUps'), 4) }).toEqual({
              where,
              stale: [],
            });
          }
          if (s.kind === 'score') {
            expect({ where, unstable: stateDiff(after, rerun(after, 'menuScoreCandidates'), 4) }).toEqual({
              where,
              unstable: [],
            });
          }
          before = after;
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

/** The cells the user typed in a step (they are the user's change, not the add-on's). */
function editedCell(s: Step): MayChange {
  if (s.kind === 'edit') return (c) => c.sheet === 'Contacts' && c.row === s.row && c.header === 'Status';
  if (s.kind === 'paste')
    return (c) =>
      c.sheet === 'Contacts' && c.row >= s.row && c.row < s.row + s.count && c.header === 'Status';
  if (s.kind === 'date') return (c) => c.sheet === 'Contacts' && c.row === s.row && c.header === s.header;
  return () => false;
}
