// The fault machinery itself: it fails the k-th call with Apps Script's own text, halts a run that
// timed out, and each check of the sweep catches the defect it exists for (so a green fault suite
// means something). The "actions" here are small scripts written against the emulator's services.

import { plainMessage } from '../../src/core/errors';
import type { LoadedBundle } from '../helpers/bundle';
import {
  captureState,
  type FaultCase,
  injectFault,
  sweep,
  TIMEOUT_MESSAGE,
  type TrackerState,
} from '../helpers/faults';
import { GRID_ROWS, representativeTracker } from '../helpers/trackers';

const base: TrackerState = captureState(representativeTracker());

function services(b: LoadedBundle) {
  const g = b.emu.globals;
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  return { g, ss, activity: ss.getSheetByName('Activity')!, contacts: ss.getSheetByName('Contacts')! };
}

/** A script action that appends one whole Activity row under the lock, once (a rerun sees it). */
function appendOnce(b: LoadedBundle): void {
  const { g, activity } = services(b);
  const lock = g.LockService.getDocumentLock();
  if (!lock.tryLock(1000)) return;
  try {
    const last = activity.getLastRow();
    const names = activity
      .getRange(2, 3, Math.max(1, last - 1), 1)
      .getValues()
      .map((r) => r[0]);
    if (!names.includes('Zed'))
      activity
        .getRange(last + 1, 1, 1, 6)
        .setValues([[new Date(0), 'Acme', 'Zed', 'To contact', 'Messaged', 'test']]);
  } finally {
    lock.releaseLock();
  }
}

/** The same as a menu action would run it: a failure becomes a plain alert. */
function goodAppend(b: LoadedBundle): void {
  try {
    appendOnce(b);
  } catch (e) {
    b.emu.globals.SpreadsheetApp.getUi().alert(plainMessage(e, 'Append'));
  }
}

function problemsOf(c: Omit<FaultCase, 'name' | 'base'> & { base?: TrackerState }): string[] {
  return sweep({ name: 'test action', base, stride: 1, ...c }).problems;
}

describe('injectFault', () => {
  it("fails the k-th call before it takes effect, with Apps Script's text", () => {
    const b = representativeTracker();
    const { ss } = services(b);
    const probe = injectFault(b, 2, 'fail');
    ss.getName();
    expect(() => ss.getSheetByName('Contacts')).toThrow(
      `Service Spreadsheets failed while accessing document with id ${b.emu.spreadsheet.id}.`,
    );
    probe.stop();
    expect(probe.call).toBe('Spreadsheet.getSheetByName');
  });

  it('lets the k-th call take effect, then halts the run: every later call fails too', () => {
    const b = representativeTracker();
    const { activity } = services(b);
    injectFault(b, 2, 'die');
    expect(() => activity.getRange('H1').setValue('written')).toThrow(TIMEOUT_MESSAGE);
    const raw = b.emu.spreadsheet.sheets.find((s) => s.name === 'Activity')!;
    expect(raw.rangeAt(1, 8).getValue()).toBe('written');
    expect(() => activity.getLastRow()).toThrow(TIMEOUT_MESSAGE);
  });

  it('never fails a log line', () => {
    const b = representativeTracker();
    injectFault(b, 1, 'fail');
    expect(() => b.emu.globals.console.log('hello')).not.toThrow();
  });
});

describe('the sweep', () => {
  it('passes an action that writes a whole row once, under the lock, and says nothing raw', () => {
    expect(problemsOf({ run: goodAppend, wholeRows: ['Activity'] })).toEqual([]);
  });

  it('catches a row written in two steps', () => {
    const halves = (b: LoadedBundle) => {
      const { activity } = services(b);
      const last = activity.getLastRow();
      if (activity.getRange(last, 3).getValue() === 'Zed') return;
      activity.getRange(last + 1, 1, 1, 3).setValues([[new Date(0), 'Acme', 'Zed']]);
      activity.getRange(last + 1, 4, 1, 3).setValues([['To contact', 'Messaged', 'test']]);
    };
    expect(problemsOf({ run: halves, wholeRows: ['Activity'] }).join('\n')).toMatch(/is not a whole row/);
  });

  it('catches a rerun that does not converge (a second row appended)', () => {
    const twice = (b: LoadedBundle) => {
      const { activity } = services(b);
      activity.getRange(activity.getLastRow() + 1, 1, 1, 2).setValues([[new Date(0), 'again']]);
    };
    expect(problemsOf({ run: twice }).join('\n')).toMatch(/after a retry/);
  });

  it("catches a clean run that writes a user's cell", () => {
    const notes = (b: LoadedBundle) => services(b).contacts.getRange('A2').setValue('Overwritten');
    expect(problemsOf({ run: notes }).join('\n')).toMatch(
      /a clean run changed a user's cell: Contacts!A2 \(Company\)/,
    );
  });

  it('catches a lock that is not released after a failure', () => {
    const leaky = (b: LoadedBundle) => {
      const { g, contacts } = services(b);
      const lock = g.LockService.getDocumentLock();
      lock.tryLock(1000);
      contacts.getLastRow();
      lock.releaseLock();
    };
    expect(problemsOf({ run: leaky }).join('\n')).toMatch(/the document lock was not released/);
  });

  it('catches raw Apps Script text shown to the user', () => {
    const raw = (b: LoadedBundle) => {
      const { g } = services(b);
      try {
        appendOnce(b);
      } catch (e) {
        g.SpreadsheetApp.getUi().alert(`Failed: ${(e as Error).message}`);
      }
    };
    expect(problemsOf({ run: raw, wholeRows: ['Activity'] }).join('\n')).toMatch(
      /the user read raw text: Failed: Service Spreadsheets failed/,
    );
  });

  describe('rows a run grows the grid by', () => {
    /** Activity's last grid row filled: a row inserted under it takes that fill (Sheets copies it). */
    const filled = (() => {
      const b = representativeTracker();
      services(b).activity.getRange(GRID_ROWS, 1, 1, 6).setBackground('#f4c7c3');
      return captureState(b);
    })();
    /** Appends Zed under the grid once: grows it, gives the row `fill` first, then the values. */
    const grow =
      (...fills: (string | null)[]) =>
      (b: LoadedBundle) => {
        try {
          const { activity } = services(b);
          const rows = activity.getMaxRows();
          if (activity.getRange(1, 3, rows, 1).getValues().flat().includes('Zed')) return;
          if (rows === GRID_ROWS) activity.insertRowsAfter(rows, 1);
          const row = activity.getRange(GRID_ROWS + 1, 1, 1, 6);
          for (const f of fills) row.setBackground(f);
          row.setValues([[new Date(0), 'Acme', 'Zed', 'To contact', 'Messaged', 'test']]);
        } catch (e) {
          b.emu.globals.SpreadsheetApp.getUi().alert(plainMessage(e, 'Append'));
        }
      };

    it('may keep the format copied from the row above until the rerun formats them', () => {
      expect(problemsOf({ base: filled, run: grow(null) })).toEqual([]);
    });

    it('still catches any other format left on them', () => {
      expect(problemsOf({ base: filled, run: grow('#000000', null) }).join('\n')).toMatch(
        /Activity!A41 background: "#000000"/,
      );
    });
  });

  it('catches properties left half set', () => {
    const twoKeys = (b: LoadedBundle) => {
      const p = b.emu.globals.PropertiesService.getDocumentProperties();
      p.setProperty('a', '1');
      p.setProperty('b', '2');
    };
    expect(problemsOf({ run: twoKeys }).join('\n')).toMatch(/document properties half set/);
  });
});
