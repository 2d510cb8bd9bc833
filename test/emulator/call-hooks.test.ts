import { createEmulator } from '../../emulator/index';

describe('call hooks', () => {
  it('see every counted call in order, with its arguments and position', () => {
    const emu = createEmulator();
    const seen: string[] = [];
    emu.calls.use({ before: (c) => seen.push(`${c.index}:${c.key}:${c.args.length}`) });
    const sheet = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    sheet.getRange('A1').setValue('x');
    expect(seen).toEqual([
      '1:SpreadsheetApp.getActiveSpreadsheet:0',
      '2:Spreadsheet.getSheets:0',
      '3:Sheet.getRange:1',
      '4:Range.setValue:1',
    ]);
  });

  it('make a call fail with no effect when `before` throws', () => {
    const emu = createEmulator();
    const range = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getRange('A1');
    const remove = emu.calls.use({
      before: (c) => {
        if (c.key === 'Range.setValue') throw new Error('Service Spreadsheets failed');
      },
    });
    expect(() => range.setValue('x')).toThrow('Service Spreadsheets failed');
    remove();
    expect(range.getValue()).toBe('');
  });

  it('make a call fail after its effect when `after` throws, and are removed by the returned function', () => {
    const emu = createEmulator();
    const range = emu.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getRange('A1');
    const remove = emu.calls.use({
      after: (c, result) => {
        if (c.key === 'Range.setValue' && result) throw new Error('Exceeded maximum execution time');
      },
    });
    expect(() => range.setValue('x')).toThrow('Exceeded maximum execution time');
    remove();
    expect(range.getValue()).toBe('x');
    expect(() => range.setValue('y')).not.toThrow();
  });
});
