// A fault at every Apps Script call of the onEdit trigger: a typed Status, a typed date, and a
// 50-row paste. The user's edit stays as typed, nothing else of theirs changes, no Activity row
// is half-written or doubled, and the edit's stamps and follow-ups are complete after a retry.
import type { LoadedBundle } from '../helpers/bundle';
import { captureState, expectSafe, mayStamp } from '../helpers/faults';
import { colOf, sheetOf } from '../helpers/sheets';
import { daysAgo, forgetUi, ROW, representativeTracker, wideTracker } from '../helpers/trackers';

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
  it('after a Status typed in one cell', () => {
    const b = representativeTracker();
    const at = { row: ROW.ed, col: colOf(b, 'Status') };
    sheetOf(b, 'Contacts').getRange(at.row, at.col).setValue('Replied');
    forgetUi(b);
    expectSafe({
      name: 'onEdit (Status)',
      base: captureState(b),
      run: (x) => x.call('onEdit', editEvent(x, at, 'Replied', 'Call scheduled')),
      wholeRows: ['Activity'],
      may: mayStamp,
    });
  });

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
      may: mayStamp,
    });
  });

  it('after a paste of 50 rows that changes their Status', () => {
    const b = wideTracker(50);
    const sheet = sheetOf(b, 'Contacts');
    const status = colOf(b, 'Status');
    sheet
      .getRange(2, status, 50, 1)
      .setValues(
        Array.from({ length: 50 }, (_, i) => [
          ['Messaged', 'Replied', 'Referred', 'Skip', 'To contact'][i % 5],
        ]),
      );
    const at = { row: 2, col: 1, rows: 50, cols: sheet.getLastColumn() };
    forgetUi(b);
    expectSafe({
      name: 'onEdit (50-row paste)',
      base: captureState(b),
      run: (x) => x.call('onEdit', editEvent(x, at)),
      wholeRows: ['Activity'],
      may: mayStamp,
    });
  });
});
