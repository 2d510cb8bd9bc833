// TextFinder as documented (developers.google.com/apps-script/reference/spreadsheet/text-finder):
// display values, case-insensitive and partial by default, entire-cell, regular expressions, diacritics.
import { CallCounter, Clock, type EmulatorContext, hostRealm } from '../../emulator/context';
import { createSpreadsheetApp } from '../../emulator/spreadsheet-app';

function sheetWith(values: unknown[][]) {
  const ctx: EmulatorContext = {
    realm: hostRealm(),
    clock: new Clock(0),
    calls: new CallCounter(),
    user: 'u@x',
  };
  const { app } = createSpreadsheetApp(ctx, { getUi: () => ({}) as GoogleAppsScript.Base.Ui });
  const sheet = app.getActiveSpreadsheet().getActiveSheet();
  sheet.getRange(1, 1, values.length, values[0]!.length).setValues(values);
  return { sheet, ctx };
}

const rows = (found: GoogleAppsScript.Spreadsheet.Range[]) => found.map((r) => r.getA1Notation());

describe('TextFinder', () => {
  const data = [['Acme'], ['ACME corp'], ['  acme  '], ['Société Générale'], ['Beta'], ['']];

  it('matches partially and case-insensitively by default, row by row', () => {
    const { sheet } = sheetWith(data);
    expect(rows(sheet.getRange('A1:A6').createTextFinder('acme').findAll())).toEqual(['A1', 'A2', 'A3']);
  });

  it('matches the whole cell with matchEntireCell, and the case with matchCase', () => {
    const { sheet } = sheetWith(data);
    const range = sheet.getRange('A1:A6');
    expect(rows(range.createTextFinder('acme').matchEntireCell(true).findAll())).toEqual(['A1']);
    expect(rows(range.createTextFinder('acme').matchCase(true).findAll())).toEqual(['A3']);
  });

  it('reads the search text as a regular expression when asked', () => {
    const { sheet } = sheetWith(data);
    const range = sheet.getRange('A1:A6');
    const f = range.createTextFinder('\\s*acme\\s*|beta').useRegularExpression(true).matchEntireCell(true);
    expect(rows(f.findAll())).toEqual(['A1', 'A3', 'A5']);
    expect(rows(range.createTextFinder('.+').useRegularExpression(true).findAll())).toHaveLength(5);
  });

  it('ignores accents only with ignoreDiacritics', () => {
    const { sheet } = sheetWith(data);
    const range = sheet.getRange('A1:A6');
    expect(range.createTextFinder('societe').findAll()).toHaveLength(0);
    expect(rows(range.createTextFinder('societe').ignoreDiacritics(true).findAll())).toEqual(['A4']);
  });

  it('searches display values: a date is found by its formatted text', () => {
    const { sheet } = sheetWith([[new Date(Date.UTC(2026, 2, 10, 12))], ['x']]);
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd');
    expect(rows(sheet.createTextFinder('2026-03-10').findAll())).toEqual(['A1']);
  });

  it('counts one call per method and refuses an empty search', () => {
    const { sheet, ctx } = sheetWith(data);
    ctx.calls.reset();
    sheet.getRange('A1:A6').createTextFinder('beta').matchEntireCell(true).findAll();
    expect(ctx.calls.get('Range.createTextFinder')).toBe(1);
    expect(ctx.calls.get('TextFinder.findAll')).toBe(1);
    expect(() => sheet.createTextFinder('')).toThrow('Invalid argument');
  });
});
