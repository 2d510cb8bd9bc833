import { CallCounter, Clock, type EmulatorContext, hostRealm } from '../../emulator/context';
import { createSpreadsheetApp } from '../../emulator/spreadsheet-app';

function setup(user = 'owner@example.com') {
  const ctx: EmulatorContext = { realm: hostRealm(), clock: new Clock(0), calls: new CallCounter(), user };
  const { app, spreadsheet } = createSpreadsheetApp(ctx, {
    getUi: () => ({}) as GoogleAppsScript.Base.Ui,
    name: 'Leads',
  });
  const ss = app.getActiveSpreadsheet();
  return { ctx, app, spreadsheet, ss, sheet: ss.getActiveSheet() };
}

describe('Spreadsheet', () => {
  it('has an id, a name, a URL and the New York time zone unless told otherwise', () => {
    const { ss } = setup();
    expect(ss.getName()).toBe('Leads');
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(ss.getSpreadsheetTimeZone()).toBe('America/New_York');
    ss.rename('Renamed');
    ss.setSpreadsheetTimeZone('Europe/Paris');
    expect([ss.getName(), ss.getSpreadsheetTimeZone()]).toEqual(['Renamed', 'Europe/Paris']);
  });

  it('finds sheets by exact, case-sensitive name and returns null when absent', () => {
    const { ss } = setup();
    expect(ss.getSheetByName('Sheet1')?.getName()).toBe('Sheet1');
    expect(ss.getSheetByName('sheet1')).toBeNull();
  });

  it('inserts a 1000 × 26 sheet, makes it active, and refuses a duplicate name', () => {
    const { ss } = setup();
    const s = ss.insertSheet('Contacts');
    expect([s.getMaxRows(), s.getMaxColumns(), s.getIndex()]).toEqual([1000, 26, 2]);
    expect(ss.getActiveSheet().getName()).toBe('Contacts');
    expect(() => ss.insertSheet('Contacts')).toThrow(
      'A sheet with the name "Contacts" already exists. Please enter another name.',
    );
    expect(ss.insertSheet('First', 0).getIndex()).toBe(1);
    expect(ss.insertSheet().getName()).toBe('Sheet4');
  });

  it('deletes sheets but never the last one', () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet('Other');
    ss.deleteSheet(other);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
  });

  it('resolves getRange with a sheet name, and without one on the active sheet', () => {
    const { ss } = setup();
    ss.insertSheet('My data').getRange('B2').setValue('x');
    expect(ss.getRange("'My data'!B2").getValue()).toBe('x');
    expect(ss.getRange('B2').getSheet().getName()).toBe('My data');
  });

  it('reports the selection: A1 at first, then what the user selected', () => {
    const { ss, spreadsheet } = setup();
    expect(ss.getActiveRange()!.getA1Notation()).toBe('A1');
    spreadsheet.selectRange('B3:C4');
    expect(ss.getActiveRange()!.getA1Notation()).toBe('B3:C4');
    expect(ss.getCurrentCell()!.getA1Notation()).toBe('B3');
    ss.getActiveSheet().getRange('D5').activate();
    expect(ss.getActiveCell()!.getA1Notation()).toBe('D5');
  });

  it('records toasts and sharing changes', () => {
    const { ss, spreadsheet } = setup();
    ss.toast('Saved', 'Referrals', 3);
    ss.toast('Done');
    expect(spreadsheet.toasts).toEqual([
      { message: 'Saved', title: 'Referrals', timeoutSeconds: 3 },
      { message: 'Done', title: '', timeoutSeconds: 5 },
    ]);
    ss.addEditor('ed@example.com').addViewer('vi@example.com');
    expect(ss.getOwner()!.getEmail()).toBe('owner@example.com');
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com', 'ed@example.com']);
    ss.removeEditor('ed@example.com');
    expect(spreadsheet.sharingLog.map((x) => x.action)).toEqual(['addEditor', 'addViewer', 'removeEditor']);
  });
});

describe('Sheet', () => {
  it('reports 0 as last row and column of an empty sheet, and A1 as its data range', () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn(), sheet.getDataRange().getA1Notation()]).toEqual([
      0,
      0,
      'A1',
    ]);
  });

  it('counts formulas and values, not formats, as content', () => {
    const { sheet } = setup();
    sheet.getRange('Z900').setBackground('red').setNote('n');
    sheet.getRange('C5').setFormula('=1');
    sheet.getRange('B7').setValue(0);
    expect([sheet.getLastRow(), sheet.getLastColumn(), sheet.getDataRange().getA1Notation()]).toEqual([
      7,
      3,
      'A1:C7',
    ]);
  });

  it('appends after the last content row and grows the grid when full, parsing strings like setValue', () => {
    const { sheet } = setup();
    sheet.deleteRows(3, 997);
    sheet.appendRow(['a', '1']);
    sheet.appendRow(['b', '=HYPERLINK("u","L")']);
    sheet.appendRow(['c', 'TRUE']);
    expect(sheet.getMaxRows()).toBe(3);
    expect(sheet.getRange('A1:B3').getValues()).toEqual([
      ['a', 1],
      ['b', 'L'],
      ['c', true],
    ]);
  });

  it('shifts cells when rows and columns are inserted or deleted', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.insertRowsBefore(2, 1);
    expect(sheet.getRange('A1:B3').getValues()).toEqual([
      [1, 2],
      ['', ''],
      [3, 4],
    ]);
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[1, '', '', 2]]);
    expect(sheet.getMaxColumns()).toBe(28);
    sheet.deleteColumns(2, 2);
    sheet.deleteRows(2, 1);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(sheet.getMaxRows()).toBe(1000);
  });

  it('"Sorry, it is not possible to delete all non-frozen rows."', () => {
    const { sheet } = setup();
    expect(() => sheet.deleteRows(1, 1000)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });

  it('freezes rows and columns, sizes and hides columns (default width 100)', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    sheet.setColumnWidth(1, 180).setColumnWidths(2, 2, 60);
    sheet.hideColumns(4);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    expect([1, 2, 3, 4].map((c) => sheet.getColumnWidth(c))).toEqual([180, 60, 60, 100]);
    expect([sheet.isColumnHiddenByUser(4), sheet.isColumnHiddenByUser(5)]).toEqual([true, false]);
    sheet.showColumns(4);
    expect(sheet.isColumnHiddenByUser(4)).toBe(false);
  });

  it('renames, refusing a name another sheet has', () => {
    const { ss, sheet } = setup();
    ss.insertSheet('Other');
    expect(() => sheet.setName('Other')).toThrow(
      'A sheet with the name "Other" already exists. Please enter another name.',
    );
    sheet.setName('Main');
    expect(ss.getSheetByName('Main')).not.toBeNull();
  });

  it('clear() empties contents and formats of the whole sheet', () => {
    const { sheet, spreadsheet } = setup();
    sheet.getRange('A1').setValue('x').setBackground('red');
    sheet.clear();
    expect(spreadsheet.fakeSheet('Sheet1').cellsSnapshot()).toEqual({});
  });
});

describe('protections', () => {
  it('protects a range with a description and lists it by type', () => {
    const { app, sheet } = setup();
    const p = sheet.getRange('A1:C1').protect().setDescription('Header').setWarningOnly(true);
    expect(p.getRange().getA1Notation()).toBe('A1:C1');
    expect(p.isWarningOnly()).toBe(true);
    expect(sheet.getProtections(app.ProtectionType.RANGE).map((x) => x.getDescription())).toEqual(['Header']);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toEqual([]);
    p.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toEqual([]);
  });

  it('"The spreadsheet owner is always able to edit", others get the protected-cell error', () => {
    const { ctx, sheet } = setup();
    const p = sheet.protect();
    p.removeEditors(p.getEditors());
    expect(p.canEdit()).toBe(true);
    sheet.getRange('A1').setValue('owner writes');
    ctx.user = 'someone@example.com';
    expect(p.canEdit()).toBe(false);
    expect(() => sheet.getRange('A1').setValue('x')).toThrow(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    p.setWarningOnly(true);
    sheet.getRange('A1').setValue('warned only');
    expect(sheet.getRange('A1').getValue()).toBe('warned only');
  });

  it('lets others edit the unprotected ranges of a protected sheet', () => {
    const { ctx, sheet } = setup();
    const p = sheet.protect();
    p.removeEditors(p.getEditors());
    p.setUnprotectedRanges([sheet.getRange('B:B')]);
    ctx.user = 'someone@example.com';
    sheet.getRange('B2').setValue('ok');
    expect(() => sheet.getRange('A2:B2').setValues([['no', 'no']])).toThrow('protected cell');
  });
});

describe('RangeList', () => {
  it('changes scattered ranges of one sheet with one call each, and refuses another sheet or no range', () => {
    const { ctx, ss, sheet } = setup();
    sheet.getRange('A1:C3').setBackground('#ff0000');
    ctx.calls.reset();
    const list = sheet.getRangeList(['A1', 'B2:C3']);
    list.setBackground(null).setValue('x').setNumberFormat('0.0');
    expect(ctx.calls.snapshot()).toEqual({
      'RangeList.setBackground': 1,
      'RangeList.setNumberFormat': 1,
      'RangeList.setValue': 1,
      'Sheet.getRangeList': 1,
    });
    expect(sheet.getRange('A1:C3').getBackgrounds()).toEqual([
      ['#ffffff', '#ff0000', '#ff0000'],
      ['#ff0000', '#ffffff', '#ffffff'],
      ['#ff0000', '#ffffff', '#ffffff'],
    ]);
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      ['x', '', ''],
      ['', 'x', 'x'],
    ]);
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['A1', 'B2:C3']);
    ss.insertSheet('Other');
    expect(() => sheet.getRangeList(['Other!A1'])).toThrow('Range not found');
    expect(() => sheet.getRangeList([])).toThrow(/getRangeList/);
  });

  it('changes none of its ranges when one of them is protected against the user', () => {
    const { ctx, sheet } = setup();
    const p = sheet.getRange('B2').protect();
    p.removeEditors(p.getEditors());
    ctx.user = 'someone@example.com';
    expect(() => sheet.getRangeList(['A1', 'B2']).setBackground('#00ff00')).toThrow('protected cell');
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
  });
});
