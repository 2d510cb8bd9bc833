// Set up tracker converges: run again, it changes nothing — on a new spreadsheet and on a user's own
// Contacts sheet (a fault at any call, then a rerun: test/bundle/faults-setup.test.ts) — and a setup
// that has nothing to do reads a handful of times, whatever the size of the sheets; Load example data
// finishes a stopped run.
import { isEmptyCell } from '../../emulator/range';
import { type LoadedBundle, loadBundle } from '../helpers/bundle';

/**
 * What a run leaves, read from the emulator's own model (every cell's value, formula, formats,
 * note and validation; sizes, frozen rows, widths, rules, charts, protections) but not sheet ids
 * (a sheet deleted and made again gets a new one). Cheaper than the workbook JSON, which spells
 * out each of the thousands of validated cells.
 */
function state(b: LoadedBundle): string {
  const ss = b.emu.spreadsheet;
  const text = new WeakMap<object, string>();
  const once = (o: object | undefined) => {
    if (!o) return '';
    let t = text.get(o);
    if (t === undefined) {
      t = JSON.stringify(o);
      text.set(o, t);
    }
    return t;
  };
  const sheets = ss.sheets.map((s) => ({
    name: s.name,
    size: [s.maxRows, s.maxCols, s.frozenRows, s.frozenCols],
    widths: s.colWidths,
    rules: s.conditionalRules,
    charts: s.charts,
    cells: s.rows.flatMap((line, r) =>
      (line ?? []).flatMap((c, k) =>
        c && !isEmptyCell(c)
          ? [
              `${r},${k}:${[c.v, c.f, c.bg, c.note, c.nf, c.fw, c.fc, c.ha, c.wrap, once(c.dv)].join('\u0001')}`,
            ]
          : [],
      ),
    ),
  }));
  return JSON.stringify({ sheets, protections: ss.protections.map((p) => p.data) });
}

/** Back to a new spreadsheet (one empty Sheet1), through the script API, without reloading the bundle. */
function reset(b: LoadedBundle, seed: (b: LoadedBundle) => void): void {
  const ss = b.emu.spreadsheet.self;
  const keep = ss.insertSheet('__fresh__');
  for (const s of ss.getSheets()) if (s.getName() !== '__fresh__') ss.deleteSheet(s);
  keep.setName('Sheet1');
  seed(b);
  b.emu.endExecution();
  b.emu.calls.reset();
}

/** A user's own Contacts: a LinkedIn paste of five columns, one of them formatted by the user. */
function userSheet(b: LoadedBundle): void {
  const sheet = b.emu.spreadsheet.self.insertSheet('Contacts');
  sheet.getRange(1, 1, 3, 5).setValues([
    ['Company', 'Name', 'Title', 'Profile URL', 'My rating'],
    ['Acme', 'Ann', 'Engineer', 'https://www.linkedin.com/in/ann', '★★'],
    ['Beta', 'Bob', 'PM', '', '★'],
  ]);
  sheet.getRange('E1:E3').setBackground('#ffff00');
}

const SERVICE_ERROR = 'Service Spreadsheets failed while accessing document with id 1abc.';

// A run that failed at any call, then one more run, leaves what one clean run leaves: swept at every
// call, on the same kinds of spreadsheet, in test/bundle/faults-setup.test.ts.
describe.each([
  ['a new spreadsheet', (_b: LoadedBundle) => {}],
  ['a spreadsheet holding the user’s own Contacts', userSheet],
])('Set up tracker on %s', (_label, seed) => {
  it('changes nothing when run again', () => {
    const b = loadBundle();
    reset(b, seed);
    b.call('menuSetUpTracker');
    const clean = state(b);
    b.call('menuSetUpTracker');
    expect(state(b)).toBe(clean);
  });
});

describe('Set up tracker on a tracker already set up', () => {
  it('reads the same few times for 20 rows as for 2,000', () => {
    const reads = (rows: number) => {
      const b = loadBundle();
      b.call('menuSetUpTracker');
      const contacts = b.emu.spreadsheet.self.getSheetByName('Contacts')!;
      if (rows > 999) contacts.insertRowsAfter(1000, rows - 999);
      contacts
        .getRange(2, 1, rows, 3)
        .setValues(Array.from({ length: rows }, (_, i) => ['Acme', 'x', `P${i}`]));
      // A taller grid moves the ends of the protections and rules: the first run after catches up.
      b.call('menuSetUpTracker');
      b.emu.endExecution();
      b.emu.calls.reset();
      b.call('menuSetUpTracker');
      const seq = b.emu.calls.sequence();
      return {
        reads: seq.filter((k) =>
          /Range\.get(Values|Notes|Backgrounds)|Sheet\.get(LastRow|LastColumn|MaxRows|MaxColumns|FrozenRows|Protections|ConditionalFormatRules|DataRange)/.test(
            k,
          ),
        ).length,
        calls: seq.length,
      };
    };
    const small = reads(20);
    expect(reads(2000)).toEqual(small);
    expect(small.reads).toBeLessThanOrEqual(20);
  });
});

describe('Load example data', () => {
  it('finishes a run stopped between writing Jobs and Contacts, and still refuses a user’s rows', () => {
    const clean = loadBundle({ now: '2026-03-10T08:00:00Z' });
    clean.call('menuLoadExampleData');
    const wanted = state(clean);
    const b = loadBundle({ now: '2026-03-10T08:00:00Z' });
    const stop = b.emu.calls.use({
      before(call) {
        // Jobs is written, then Sheets fails on the write of the sample's Contacts rows.
        const t = call.target as { sheet?: { name?: string }; row?: number; numRows?: number };
        if (
          call.key === 'Range.setValues' &&
          t.sheet?.name === 'Contacts' &&
          t.row === 2 &&
          (t.numRows ?? 0) > 5
        )
          throw new Error(SERVICE_ERROR);
      },
    });
    b.call('menuLoadExampleData');
    stop();
    b.emu.endExecution();
    expect(b.emu.spreadsheet.self.getSheetByName('Jobs')!.getLastRow()).toBeGreaterThan(1);
    b.call('menuLoadExampleData');
    expect(state(b)).toBe(wanted);
    b.emu.spreadsheet.self.getSheetByName('Contacts')!.getRange('A2').setValue('My own company');
    b.call('menuLoadExampleData');
    expect(b.emu.ui.dialogs.at(-1)?.prompt).toMatch(/only into an empty tracker/);
  });
});
