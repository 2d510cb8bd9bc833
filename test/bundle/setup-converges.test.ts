// Set up tracker converges: whatever call fails in a run, running it once more leaves exactly what
// one clean run leaves — on a new spreadsheet and on a user's own Contacts sheet — and a setup that
// has nothing to do reads a handful of times, whatever the size of the sheets.
import { isEmptyCell } from '../../emulator/range';
import { DEPLOYMENT, type LoadedBundle, loadBundle } from '../helpers/bundle';

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

describe.each([
  ['a new spreadsheet', (_b: LoadedBundle) => {}],
  ['a spreadsheet holding the user’s own Contacts', userSheet],
])('Set up tracker on %s', (_label, seed) => {
  const b = loadBundle();
  reset(b, seed);
  b.call('menuSetUpTracker');
  const clean = state(b);
  // Every call of a clean run, and which of them change the document: failing just before a
  // change leaves the same state as failing at any read between it and the change before.
  const keys = b.emu.calls.sequence().slice();
  const changing = keys
    .map((key, i) => [key, i + 1] as const)
    .filter(([key]) => /\.(set|insert|clear|protect|remove|append|delete)/.test(key))
    .map(([, i]) => i);
  // Every one as a bound script; one in eight again as an add-on (the same calls, for its grants).
  const changes = DEPLOYMENT === 'bound' ? changing : changing.filter((_, i) => i % 8 === 0);

  it('changes nothing when run again', () => {
    b.call('menuSetUpTracker');
    expect(state(b)).toBe(clean);
  });

  it(`repairs a run that failed at ${changes.length} of its ${changing.length} changing calls (of ${keys.length}) in one more run`, () => {
    const broken: number[] = [];
    for (const k of changes) {
      reset(b, seed);
      const remove = b.emu.calls.use({
        before(call) {
          if (call.index === k) throw new Error(SERVICE_ERROR);
        },
      });
      b.call('menuSetUpTracker');
      remove();
      b.emu.endExecution();
      b.call('menuSetUpTracker');
      if (state(b) !== clean) broken.push(k);
    }
    console.log(`Set up tracker on ${_label}: ${changes.length} fault points tried.`);
    expect(broken.map((k) => `${k}: ${keys[k - 1]}`)).toEqual([]);
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
