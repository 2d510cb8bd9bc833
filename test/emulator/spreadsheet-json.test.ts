import { CallCounter, Clock, type EmulatorContext, hostRealm } from '../../emulator/context';
import { createSpreadsheetApp, FakeSpreadsheet, type WorkbookJSON } from '../../emulator/spreadsheet-app';

function setup() {
  const ctx: EmulatorContext = {
    realm: hostRealm(),
    clock: new Clock(0),
    calls: new CallCounter(),
    user: 'owner@example.com',
  };
  const { app, spreadsheet } = createSpreadsheetApp(ctx, {
    getUi: () => ({}) as GoogleAppsScript.Base.Ui,
    name: 'Leads',
  });
  return { ctx, app, spreadsheet, ss: app.getActiveSpreadsheet() };
}

describe('WorkbookJSON', () => {
  it('is plain JSON: version 1, cells by A1 with only non-default properties, dates as {date: ISO}', () => {
    const { ss, spreadsheet } = setup();
    const sheet = ss.getActiveSheet();
    sheet.getRange('A1:B1').setValues([['Name', '2024-05-01']]);
    sheet.getRange('A1').setFontWeight('bold').setBackground('#eeeeee').setNote('header');
    const json = spreadsheet.toJSON();
    expect(json.version).toBe(1);
    expect(json.sheets[0].cells).toEqual({
      A1: { value: 'Name', background: '#eeeeee', note: 'header', fontWeight: 'bold' },
      B1: { value: { date: '2024-05-01T04:00:00.000Z' }, numberFormat: 'yyyy-mm-dd' },
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('round-trips sheets, sizes, widths, validations, protections, rules, charts and the selection', () => {
    const { ctx, app, ss, spreadsheet } = setup();
    const s = ss.insertSheet('Contacts');
    s.getRange('A1:C2').setValues([
      ['Name', 'Status', 'Due'],
      ['Ada', 'New', '2024-06-01'],
    ]);
    s.setFrozenRows(1);
    s.setColumnWidth(2, 150);
    s.hideColumns(3);
    s.setTabColor('blue');
    s.getRange('B2:B').setDataValidation(
      app.newDataValidation().requireValueInRange(s.getRange('E1:E3')).build(),
    );
    s.getRange('A1:C1').protect().setDescription('Header').setWarningOnly(true);
    s.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenTextEqualTo('New')
        .setBackground('#e6f4ea')
        .setRanges([s.getRange('B2:B')])
        .build(),
    ]);
    s.insertChart(s.newChart().addRange(s.getRange('A1:B2')).setPosition(1, 5, 0, 0).build());
    spreadsheet.selectRange("'Contacts'!B2");

    const json = spreadsheet.toJSON();
    const copy = FakeSpreadsheet.fromJSON(ctx, JSON.parse(JSON.stringify(json)) as WorkbookJSON);
    expect(copy.toJSON()).toEqual(json);

    const c = copy.self.getSheetByName('Contacts')!;
    expect(c.getRange('C2').getValue()).toBeInstanceOf(Date);
    expect([c.getFrozenRows(), c.getColumnWidth(2), c.isColumnHiddenByUser(3), c.getTabColor()]).toEqual([
      1,
      150,
      true,
      '#0000ff',
    ]);
    expect(c.getRange('B5').getDataValidation()!.getCriteriaValues()[0]).toHaveProperty('getA1Notation');
    expect(c.getProtections(app.ProtectionType.RANGE)[0].getDescription()).toBe('Header');
    expect(copy.self.getActiveRange()!.getA1Notation()).toBe('B2');
  });

  it('refuses an unknown version', () => {
    const { ctx } = setup();
    expect(() => FakeSpreadsheet.fromJSON(ctx, { version: 2 } as unknown as WorkbookJSON)).toThrow(
      'Unsupported WorkbookJSON version',
    );
  });

  it('can start SpreadsheetApp from a saved workbook', () => {
    const { ctx, spreadsheet, ss } = setup();
    ss.getActiveSheet().getRange('A1').setValue('saved');
    const again = createSpreadsheetApp(ctx, {
      getUi: () => ({}) as GoogleAppsScript.Base.Ui,
      workbook: spreadsheet.toJSON(),
    });
    expect(again.app.getActiveSpreadsheet().getRange('A1').getValue()).toBe('saved');
  });
});

describe('cellsSnapshot', () => {
  it('proves that nothing changed, and shows what did', () => {
    const { ss, spreadsheet } = setup();
    const sheet = ss.getActiveSheet();
    sheet.getRange('A1:B2').setValues([
      ['a', 1],
      ['b', 2],
    ]);
    const raw = spreadsheet.fakeSheet('Sheet1');
    const before = raw.cellsSnapshot();
    sheet.getRange('A1:B2').getValues();
    expect(raw.cellsSnapshot()).toEqual(before);
    sheet.getRange('B2').setValue(3);
    expect(raw.cellsSnapshot()).not.toEqual(before);
    expect(raw.cellsSnapshot().B2).toEqual({ value: 3 });
  });
});
