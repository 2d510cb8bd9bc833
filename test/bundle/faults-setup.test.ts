// A fault at every Apps Script call of Set up tracker, on a new spreadsheet, on one holding only the
// user's own Contacts, and on one the user started by hand: whatever a failed run left, the next run
// brings every sheet to exactly what one clean run leaves (headers, formats, notes, protections,
// dropdowns, widths, rules, seeds) and never touches the user's cells.

import { SETUP_SHEETS } from '../../src/core/schema';
import { loadBundle } from '../helpers/bundle';
import {
  anyOf,
  captureState,
  expectSafe,
  type MayChange,
  mayAppend,
  smallNewSheets,
  type TrackerState,
} from '../helpers/faults';
import { forgetUi, GRID_ROWS, handMadeTracker, NOW } from '../helpers/trackers';

const CONTRACT = new Map(SETUP_SHEETS.map((s) => [s.name, new Set(s.columns.map((c) => c.header))]));

/**
 * What Set up tracker owns on existing sheets: the contract's header cells (their text only where
 * blank), the format and dropdown of the contract's columns, and the seed rows it appends.
 */
function setupOwns(base: TrackerState): MayChange {
  const contractCell: MayChange = (c) => {
    if (!CONTRACT.get(c.sheet)?.has(c.header)) return false;
    if (c.row === 1) return c.prop !== 'value' || c.before === undefined;
    return c.prop === 'dataValidation' || c.prop === 'numberFormat';
  };
  return anyOf(contractCell, mayAppend(base, 'Settings'), mayAppend(base, 'Templates'));
}

describe('a fault at every call of Set up tracker', () => {
  it('on a new spreadsheet', () => {
    const b = loadBundle({ now: NOW });
    const sheet = b.emu.spreadsheet.self.getSheets()[0]!;
    sheet.deleteRows(GRID_ROWS + 1, sheet.getMaxRows() - GRID_ROWS);
    forgetUi(b);
    expectSafe({
      name: 'Set up tracker (new)',
      base: captureState(b),
      run: (x) => x.call('menuSetUpTracker'),
      prepare: smallNewSheets(GRID_ROWS),
    });
  });

  it('on a spreadsheet holding only the user’s own Contacts: a LinkedIn paste, one column they filled', () => {
    const b = loadBundle({ now: NOW });
    const ss = b.emu.spreadsheet.self;
    const sheet = ss.insertSheet('Contacts');
    sheet.deleteRows(GRID_ROWS + 1, sheet.getMaxRows() - GRID_ROWS);
    ss.deleteSheet(ss.getSheetByName('Sheet1')!);
    sheet.getRange(1, 1, 3, 5).setValues([
      ['Company', 'Name', 'Title', 'Profile URL', 'My rating'],
      ['Acme', 'Ann', 'Engineer', 'https://www.linkedin.com/in/ann', '★★'],
      ['Beta', 'Bob', 'PM', '', '★'],
    ]);
    sheet.getRange('E1:E3').setBackground('#ffff00');
    forgetUi(b);
    const base = captureState(b);
    expectSafe({
      name: 'Set up tracker (user’s Contacts)',
      base,
      may: setupOwns(base),
      run: (x) => x.call('menuSetUpTracker'),
      prepare: smallNewSheets(GRID_ROWS),
    });
  });

  it('on a tracker the user started by hand', () => {
    const base = captureState(handMadeTracker());
    expectSafe({
      name: 'Set up tracker (existing)',
      base,
      may: setupOwns(base),
      run: (x) => x.call('menuSetUpTracker'),
      prepare: smallNewSheets(GRID_ROWS),
    });
  });
});
