import { COST_MS, CostMeter, classify, isKnownService, measure, modelledMs } from '../../emulator/cost';
import { createEmulator } from '../../emulator/index';

function sheetOf() {
  const emu = createEmulator();
  const ss = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0]!;
  emu.calls.reset();
  return { emu, ss, sheet, app: emu.globals.SpreadsheetApp };
}

describe('the cost model', () => {
  describe('classes calls', () => {
    it('as reads when they return cells, formats, notes or sizes from the document', () => {
      for (const key of [
        'Range.getValues',
        'Range.getValue',
        'Range.getDisplayValues',
        'Range.getBackgrounds',
        'Range.getNotes',
        'Sheet.getLastRow',
        'Sheet.getLastColumn',
        'Sheet.getMaxRows',
        'Sheet.getDataRange',
        'Sheet.getFrozenRows',
        'Sheet.getCharts',
        'Spreadsheet.getActiveRange',
        'SpreadsheetApp.getActiveRange',
        'TextFinder.findAll',
      ]) {
        expect([key, classify(key)]).toEqual([key, 'read']);
      }
    });

    it('as buffered writes when they change the document', () => {
      for (const key of [
        'Range.setValues',
        'Range.setValue',
        'Range.setBackgrounds',
        'Range.setNotes',
        'Range.setNumberFormat',
        'Range.setDataValidation',
        'Range.clearContent',
        'Sheet.insertRowsAfter',
        'Sheet.setColumnWidth',
        'Sheet.setFrozenRows',
        'Sheet.appendRow',
        'Sheet.insertChart',
        'Protection.setDescription',
      ]) {
        expect([key, classify(key)]).toEqual([key, 'write']);
      }
    });

    it('as local when the script already holds the answer: handles, geometry, builders, metadata', () => {
      for (const key of [
        'SpreadsheetApp.getActiveSpreadsheet',
        'SpreadsheetApp.newDataValidation',
        'Spreadsheet.getSheetByName',
        'Spreadsheet.getSpreadsheetTimeZone',
        'Sheet.getRange',
        'Sheet.getName',
        'Range.getRow',
        'Range.getNumRows',
        'Range.getLastRow',
        'Range.getA1Notation',
        'Range.getSheet',
        'Range.createTextFinder',
        'TextFinder.useRegularExpression',
        'TextFinder.matchEntireCell',
      ]) {
        expect([key, classify(key)]).toEqual([key, 'local']);
      }
    });

    it('as synchronous writes when the server must hand back a new object', () => {
      expect(['Spreadsheet.insertSheet', 'Range.protect', 'Sheet.protect'].map(classify)).toEqual([
        'sync',
        'sync',
        'sync',
      ]);
    });

    it('a TextFinder search as a read (it runs on the server), its options as local', () => {
      expect(classify('TextFinder.findAll')).toBe('read');
      expect(classify('TextFinder.findNext')).toBe('read');
      expect(classify('TextFinder.replaceAllWith')).toBe('write');
      expect(classify('Range.createTextFinder')).toBe('local');
      expect(classify('TextFinder.matchEntireCell')).toBe('local');
    });

    it('an unknown service like a spreadsheet object, and says it does not know it', () => {
      expect(classify('Drawing.getWidth')).toBe('read');
      expect(classify('Drawing.setWidth')).toBe('write');
      expect(isKnownService('Drawing.getWidth')).toBe(false);
      expect(isKnownService('Range.getValues')).toBe(true);
      expect(isKnownService('Lock.tryLock')).toBe(true);
    });

    it('flush as a flush, and other services as untimed calls', () => {
      expect(classify('SpreadsheetApp.flush')).toBe('flush');
      for (const key of [
        'Lock.tryLock',
        'Properties.getProperty',
        'Ui.alert',
        'MailApp.sendEmail',
        'Utilities.formatDate',
        'DataValidationBuilder.build',
      ]) {
        expect([key, classify(key)]).toEqual([key, 'other']);
      }
    });
  });

  describe('meters an execution', () => {
    it('counts the cells a read returns: the whole range for getValues, one for getValue, none for a size', () => {
      const { emu, sheet } = sheetOf();
      const cost = measure(emu.calls, () => {
        sheet.getRange(1, 1, 10, 3).getValues();
        sheet.getRange(2, 2).getValue();
        sheet.getRange('A1:B4').getNotes();
        sheet.getLastRow();
      });
      expect(cost.cellsRead).toBe(30 + 1 + 8);
      expect(cost.roundTrips).toBe(4);
      expect(cost.flushes).toBe(0);
    });

    it('counts the values a write carries: the grid of setValues, one for a single-value setter on any range', () => {
      const { emu, sheet } = sheetOf();
      const cost = measure(emu.calls, () => {
        sheet.getRange(1, 1, 2, 3).setValues([
          [1, 2, 3],
          [4, 5, 6],
        ]);
        sheet.getRange(1, 1, 500, 1).setNumberFormat('yyyy-mm-dd');
        sheet.getRange(3, 1).setValue('x');
        sheet.appendRow(['a', 'b']);
        sheet.insertRowsAfter(10, 5);
      });
      expect(cost.cellsWritten).toBe(6 + 1 + 1 + 2 + 0);
      expect(cost.roundTrips).toBe(0);
    });

    it('counts a RangeList setter as one range operation per range of the list, its handle as local', () => {
      const { emu, sheet } = sheetOf();
      const cost = measure(emu.calls, () => {
        const list = sheet.getRangeList(['A2:B2', 'A7:B9', 'D4']);
        list.setBackground('#f4cccc');
        list.getRanges();
      });
      expect(classify('Sheet.getRangeList')).toBe('local');
      expect(classify('RangeList.setBackground')).toBe('write');
      expect(isKnownService('RangeList.setValue')).toBe(true);
      expect([cost.calls, cost.cellsWritten, cost.roundTrips]).toEqual([3, 3, 0]);
    });

    it('flushes once at the end when every read comes before every write', () => {
      const { emu, sheet } = sheetOf();
      const cost = measure(emu.calls, () => {
        sheet.getRange(1, 1, 5, 5).getValues();
        sheet.getLastRow();
        sheet.getRange(1, 1).setValue(1);
        sheet.getRange(2, 1).setValue(2);
      });
      expect(cost.flushes).toBe(1);
      expect(cost.roundTrips).toBe(2);
    });

    it('flushes before each read that follows a write, as Apps Script commits its write cache', () => {
      const { emu, sheet } = sheetOf();
      const cost = measure(emu.calls, () => {
        for (let r = 1; r <= 3; r++) {
          sheet.getRange(r, 1).getValue();
          sheet.getRange(r, 2).setValue(r);
        }
      });
      // Two reads follow a write; the last write is committed at the end of the execution.
      expect(cost.flushes).toBe(3);
      expect(cost.roundTrips).toBe(3);
    });

    it('does not flush an execution that only reads', () => {
      const { emu, sheet } = sheetOf();
      expect(measure(emu.calls, () => sheet.getDataRange().getValues()).flushes).toBe(0);
    });

    // The ~30 ms a flush comes from timings of explicit flush() calls: flush() is the flush, the same
    // commit as the one at the end of the execution, so an action that flushes before releasing its
    // lock (as the Lock reference asks) costs what it did without.
    it('commits pending writes at SpreadsheetApp.flush() as one flush, and costs nothing with none', () => {
      const { emu, sheet, app } = sheetOf();
      const cost = measure(emu.calls, () => {
        app.flush();
        sheet.getRange(1, 1).setValue(1);
        app.flush();
        app.flush();
      });
      expect([cost.flushes, cost.roundTrips]).toEqual([1, 0]);
      const plain = measure(emu.calls, () => sheet.getRange(1, 1).setValue(2));
      expect(cost.ms).toBe(plain.ms);
    });

    it('makes insertSheet and protect wait for the server, committing earlier writes and leaving none', () => {
      const { emu, ss, sheet } = sheetOf();
      const cost = measure(emu.calls, () => {
        sheet.getRange(1, 1).setValue(1);
        const added = ss.insertSheet('New');
        added.getLastRow();
        sheet.getRange(1, 1, 1, 3).protect().setDescription('mine');
      });
      // The value is committed by insertSheet; the new sheet needs no commit before its read; the
      // protection's description waits for the end of the execution.
      expect([cost.roundTrips, cost.flushes]).toEqual([3, 2]);
    });

    it('counts calls to other services without a round trip and without committing writes', () => {
      const { emu, sheet } = sheetOf();
      const cost = measure(emu.calls, () => {
        sheet.getRange(1, 1).setValue(1);
        const lock = emu.globals.LockService.getDocumentLock();
        lock.tryLock(1000);
        lock.releaseLock();
        sheet.getRange(1, 2).setValue(2);
      });
      expect(cost.calls).toBe(7);
      expect([cost.roundTrips, cost.flushes]).toEqual([0, 1]);
      expect(cost.byKey['Lock.tryLock']).toBe(1);
    });

    it('models time as round trips, flushes, cells read and cells written at the published rates', () => {
      expect(COST_MS).toEqual({ roundTrip: 100, flush: 30, cellRead: 0.01, cellWritten: 0.1 });
      expect(modelledMs({ roundTrips: 2, flushes: 1, cellsRead: 1000, cellsWritten: 100 })).toBeCloseTo(
        200 + 30 + 10 + 10,
      );
      const { emu, sheet } = sheetOf();
      const cost = measure(emu.calls, () => {
        sheet.getRange(1, 1, 100, 10).getValues();
        sheet.getRange(1, 1, 10, 10).setValues(Array.from({ length: 10 }, () => new Array(10).fill('x')));
      });
      expect(cost.ms).toBeCloseTo(100 + 30 + 1000 * 0.01 + 100 * 0.1);
    });

    it('stops counting when the measured run ends, even when it throws', () => {
      const { emu, sheet } = sheetOf();
      const use = emu.calls.use.bind(emu.calls);
      let removed = 0;
      emu.calls.use = (hook) => {
        const remove = use(hook);
        return () => {
          removed++;
          remove();
        };
      };
      expect(() =>
        measure(emu.calls, () => {
          sheet.getRange(1, 1).getValue();
          throw new Error('boom');
        }),
      ).toThrow('boom');
      expect(removed).toBe(1);
      const meter = new CostMeter();
      const remove = emu.calls.use(meter.hook);
      sheet.getRange(1, 1).getValue();
      remove();
      sheet.getRange(1, 1).getValue();
      expect(meter.finish()).toMatchObject({ calls: 2, roundTrips: 1, cellsRead: 1 });
      expect(meter.finish()).toMatchObject({ calls: 0, roundTrips: 0, cellsRead: 0, flushes: 0 });
    });
  });
});
