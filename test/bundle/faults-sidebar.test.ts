// A fault at every Apps Script call of what the pages call through google.script.run (Save call
// guide; Mark as sent and Import join when their fixes land). The page receives a plain sentence;
// what the user does next (save again) leaves exactly a clean run's state.
import { captureState, describeSweep, type FaultCase, mayWrite, sweep } from '../helpers/faults';
import { ROW, representativeTracker } from '../helpers/trackers';

function expectSafe(c: FaultCase): void {
  const r = sweep(c);
  console.log(describeSweep(r));
  expect(r.calls).toBeGreaterThan(0);
  expect(r.problems.slice(0, 12)).toEqual([]);
  // What the user read about the failures: plain sentences (checked in the sweep), among them the
  // one for Google Sheets not answering, which says to try again.
  if (!c.silent) expect([...r.failures].join('\n')).toMatch(/Google Sheets did not (respond|answer)/);
}

const base = captureState(representativeTracker());

describe("a fault at every call of a page's server function", () => {
  it('Save call guide', () => {
    expectSafe({
      name: 'Save call guide',
      base,
      // Di's job is Acme's Data Scientist, on row 2 of Jobs.
      may: mayWrite('Jobs', 2, ['Referral process', 'Apply']),
      run: (b) =>
        b.call('sidebarSaveCallGuide', ROW.di, '=Form on the intranet, then CV to Pat', 'After referral'),
    });
  });
});
