import vm from 'node:vm';
import { CallCounter, Clock, type EmulatorContext, hostRealm, type Realm } from '../../emulator/context';
import { createSpreadsheetApp } from '../../emulator/spreadsheet-app';

function setup(realm: Realm = hostRealm(), timeZone?: string) {
  const ctx: EmulatorContext = {
    realm,
    clock: new Clock(Date.UTC(2024, 0, 1)),
    calls: new CallCounter(),
    user: 'owner@example.com',
  };
  const { app, spreadsheet } = createSpreadsheetApp(ctx, {
    getUi: () => ({}) as GoogleAppsScript.Base.Ui,
    timeZone,
  });
  const sheet = app.getActiveSpreadsheet().getActiveSheet();
  ctx.calls.reset();
  return { ctx, app, spreadsheet, sheet };
}

describe('Range values', () => {
  it('reads blank cells as empty strings, numbers as numbers, booleans as booleans', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[1.5, true, 'x']]);
    expect(sheet.getRange('A1:D2').getValues()).toEqual([
      [1.5, true, 'x', ''],
      ['', '', '', ''],
    ]);
  });

  it('parses strings like typed input: =formula, leading apostrophe, numbers, TRUE/false', () => {
    const { sheet } = setup();
    sheet.getRange('A1:F1').setValues([['=SUM(B2:B9)', "'=not a formula", '42', '-1.5e3', 'true', 'FALSE']]);
    expect(sheet.getRange('A1:F1').getValues()).toEqual([['', '=not a formula', 42, -1500, true, false]]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=SUM(B2:B9)', '']]);
  });

  it('keeps text that only looks like a number when the cell is formatted "@" (plain text)', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1').setNumberFormat('@');
    cell.setValue('007');
    expect(cell.getValue()).toBe('007');
  });

  it('stores yyyy-mm-dd and yyyy-mm-dd hh:mm as dates in the spreadsheet time zone and gives them a date format', () => {
    const { sheet } = setup(hostRealm(), 'Europe/Paris');
    sheet.getRange('A1:B1').setValues([['2024-07-01', '2024-07-01 09:30']]);
    const [[day, time]] = sheet.getRange('A1:B1').getValues() as Date[][];
    expect(day.toISOString()).toBe('2024-06-30T22:00:00.000Z');
    expect(time.toISOString()).toBe('2024-07-01T07:30:00.000Z');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('yyyy-mm-dd');
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['2024-07-01', '2024-07-01 9:30:00']]);
  });

  it('keeps a date typed on a day whose midnight DST skipped on that day (São Paulo, 2018-11-04)', () => {
    // Clocks jumped from 00:00 to 01:00: the date is read at 01:00 that day (forward by the gap, as
    // emulator/number-format's fromWallClock explains), so its day never slips to the day before.
    const { sheet } = setup(hostRealm(), 'America/Sao_Paulo');
    sheet.getRange('A1').setValue('2018-11-04');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2018-11-04T03:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2018-11-04');
  });

  it('leaves other strings, impossible dates and free text as strings', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['2024-02-30', 'hello', ' ']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['2024-02-30', 'hello', ' ']]);
  });

  it('writes null and undefined as blank', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([[null, undefined]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
    expect(sheet.getLastRow()).toBe(0);
  });

  it('stores Dates from any realm as instants and returns fresh Dates', () => {
    const { sheet } = setup();
    const foreign = vm.runInNewContext('new Date(Date.UTC(2024, 4, 1, 12))');
    sheet.getRange('A1').setValue(foreign);
    const a = sheet.getRange('A1').getValue() as Date;
    const b = sheet.getRange('A1').getValue() as Date;
    expect(a.getTime()).toBe(Date.UTC(2024, 4, 1, 12));
    expect(a).not.toBe(b);
  });

  it('returns fresh arrays on every read, so callers may mutate them', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('x');
    const first = sheet.getRange('A1').getValues();
    first[0][0] = 'changed';
    expect(sheet.getRange('A1').getValues()).toEqual([['x']]);
  });

  it('computes trivial formulas (HYPERLINK label, literals) and reads others as blank', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setFormulas([['=HYPERLINK("https://x.test","Open")', '=42', '=A1&B1']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['Open', 42, '']]);
  });
});

describe('Range errors (texts copied from Apps Script)', () => {
  it('"The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2."', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  it('"The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2."', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B1').setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  it('checks the size of setBackgrounds, setNotes, setNumberFormats, setFormulas and setFontWeights the same way', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B2');
    expect(() => r.setBackgrounds([['#fff', '#fff']])).toThrow('The data has 1 but the range has 2.');
    expect(() => r.setNotes([['a'], ['b']])).toThrow('number of columns');
    expect(() => r.setNumberFormats([['0']])).toThrow('number of rows');
    expect(() =>
      r.setFormulas([
        ['=1', '=2', '=3'],
        ['', '', ''],
      ]),
    ).toThrow('number of columns');
    expect(() => r.setFontWeights([['bold']])).toThrow('number of rows');
  });

  it('rejects row 0, column 0 and empty sizes', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
  });

  it('"The coordinates of the range are outside the dimensions of the sheet."', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('AA1')).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  it('"Range not found" for bad A1 notation or an unknown sheet', () => {
    const { app, sheet } = setup();
    expect(() => sheet.getRange('A1:B2:C3')).toThrow('Range not found');
    expect(() => app.getActiveSpreadsheet().getRange('Nope!A1')).toThrow('Range not found');
  });
});

describe('Range geometry', () => {
  it('resolves A:A, 1:1 and A2:C against the current grid', () => {
    const { sheet } = setup();
    const col = sheet.getRange('A:A');
    expect([col.getNumRows(), col.getNumColumns(), col.getA1Notation()]).toEqual([1000, 1, 'A:A']);
    const row = sheet.getRange('1:1');
    expect([row.getNumRows(), row.getNumColumns()]).toEqual([1, 26]);
    const tail = sheet.getRange('A2:C');
    expect([tail.getRow(), tail.getNumRows(), tail.getLastColumn()]).toEqual([2, 999, 3]);
  });

  it('reports position, size and A1 notation', () => {
    const { sheet } = setup();
    const r = sheet.getRange(2, 3, 4, 5);
    expect([r.getRow(), r.getColumn(), r.getLastRow(), r.getLastColumn(), r.getA1Notation()]).toEqual([
      2,
      3,
      5,
      7,
      'C2:G5',
    ]);
    expect(r.getCell(2, 2).getA1Notation()).toBe('D3');
    expect(r.offset(1, 0, 1, 1).getA1Notation()).toBe('C3');
    expect(() => r.getCell(5, 1)).toThrow('Cell reference out of range');
  });

  it('knows it is blank until a value or formula lands', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B2');
    r.setBackground('yellow');
    expect(r.isBlank()).toBe(true);
    sheet.getRange('B2').setFormula('=1');
    expect(r.isBlank()).toBe(false);
  });
});

describe('Range formats', () => {
  it('reports backgrounds as lower-case #rrggbb, white by default, and null clears', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    r.setBackgrounds([['red', '#ABC']]);
    expect(r.getBackgrounds()).toEqual([['#ff0000', '#aabbcc']]);
    r.setBackground(null);
    expect(r.getBackground()).toBe('#ffffff');
  });

  it('keeps notes, font weight, font color and number formats per cell', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    r.setNotes([['first', '']])
      .setFontWeight('bold')
      .setFontColor('#00FF00')
      .setNumberFormats([['0.00', '@']]);
    expect(r.getNotes()).toEqual([['first', '']]);
    expect(r.getFontWeights()).toEqual([['bold', 'bold']]);
    expect(r.getFontColors()).toEqual([['#00ff00', '#00ff00']]);
    expect(r.getNumberFormats()).toEqual([['0.00', '@']]);
    expect(sheet.getRange('C1').getNumberFormat()).toBe('0.###############');
  });

  it('shows display values with the cell number format', () => {
    const { sheet } = setup();
    sheet
      .getRange('A1:C1')
      .setValues([[0.256, 1234.5, 3]])
      .setNumberFormats([['0.0%', '#,##0.00', '0']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['25.6%', '1,234.50', '3']]);
  });

  it('clearContent keeps formats, clearFormat keeps values, clear removes both but keeps notes', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1');
    r.setValue('v').setBackground('#eeeeee').setNote('n');
    r.clearContent();
    expect([r.getValue(), r.getBackground()]).toEqual(['', '#eeeeee']);
    r.setValue('v').clearFormat();
    expect([r.getValue(), r.getBackground()]).toEqual(['v', '#ffffff']);
    r.setBackground('#eeeeee').clear();
    expect([r.getValue(), r.getBackground(), r.getNote()]).toEqual(['', '#ffffff', 'n']);
    r.clearNote();
    expect(r.getNote()).toBe('');
  });
});

describe('the realm of returned objects', () => {
  it('hands out arrays and Dates of the bundle realm, as Apps Script does', () => {
    const c = vm.createContext({});
    const realm: Realm = {
      Date: vm.runInContext('Date', c),
      Array: vm.runInContext('Array', c),
      Object: vm.runInContext('Object', c),
      evaluate: (code) => vm.runInContext(code, c),
    };
    const { sheet, app } = setup(realm);
    sheet.getRange('A1:B1').setValues([['2024-01-15', 'x']]);
    const values = sheet.getRange('A1:B1').getValues();
    expect(values).toBeInstanceOf(realm.Array);
    expect(values[0]).toBeInstanceOf(realm.Array);
    expect(values[0][0]).toBeInstanceOf(realm.Date);
    expect(values).not.toBeInstanceOf(Array);
    expect(sheet.getRange('A1').getDisplayValues()[0]).toBeInstanceOf(realm.Array);
    expect(app.getActiveSpreadsheet().getSheets()).toBeInstanceOf(realm.Array);
  });
});

describe('call counting', () => {
  it('counts every call as Class.method so tests can assert batching', () => {
    const { ctx, sheet } = setup();
    const r = sheet.getRange(1, 1, 100, 2);
    r.setValues(Array.from({ length: 100 }, (_, i) => [i, `row ${i}`]));
    r.getValues();
    expect(ctx.calls.get('Sheet.getRange')).toBe(1);
    expect(ctx.calls.get('Range.setValues')).toBe(1);
    expect(ctx.calls.get('Range.getValues')).toBe(1);
    expect(ctx.calls.total('Range.')).toBe(2);
  });

  it('returns the counted object from chained setters', () => {
    const { ctx, sheet } = setup();
    sheet.getRange('A1').setValue(1).setBackground('#ffffff').setNote('x');
    expect(ctx.calls.get('Range.setNote')).toBe(1);
    expect(ctx.calls.get('Range.setBackground')).toBe(1);
  });
});

describe('large grids', () => {
  it('writes 2,000 rows × 30 columns with one setValues and reads them back, values and display', () => {
    const { sheet } = setup();
    const data = Array.from({ length: 2000 }, (_, i) =>
      Array.from({ length: 30 }, (_, j) => (j % 2 ? `r${i}c${j}` : i * j)),
    );
    sheet.insertColumnsAfter(26, 4).insertRowsAfter(1000, 1000);
    sheet.getRange(1, 1, 2000, 30).setValues(data);
    const back = sheet.getDataRange().getValues();
    const shown = sheet.getDataRange().getDisplayValues();
    expect(back.length).toBe(2000);
    expect(back[1999]).toEqual(data[1999]);
    expect(shown[1999]![28]).toBe(String(1999 * 28));
    expect(shown[1999]![29]).toBe('r1999c29');
  });
});
