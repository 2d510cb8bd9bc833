import { CallCounter, Clock, type EmulatorContext, hostRealm } from '../../emulator/context';
import { createCharts, createSpreadsheetApp } from '../../emulator/spreadsheet-app';

function setup() {
  const ctx: EmulatorContext = {
    realm: hostRealm(),
    clock: new Clock(0),
    calls: new CallCounter(),
    user: 'owner@example.com',
  };
  const { app, spreadsheet } = createSpreadsheetApp(ctx, { getUi: () => ({}) as GoogleAppsScript.Base.Ui });
  const sheet = app.getActiveSpreadsheet().getActiveSheet();
  return { ctx, app, spreadsheet, sheet, raw: spreadsheet.fakeSheet('Sheet1') };
}

describe('data validation', () => {
  it('builds a list rule with help text; invalid input allowed by default', () => {
    const { app, sheet } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(['New', 'Sent'], true)
      .setHelpText('Pick one')
      .build();
    sheet.getRange('A2:A5').setDataValidation(rule);
    const got = sheet.getRange('A3').getDataValidation()!;
    expect(String(got.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(got.getCriteriaValues()).toEqual([['New', 'Sent'], true]);
    expect([got.getAllowInvalid(), got.getHelpText()]).toEqual([true, 'Pick one']);
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
  });

  it('clears with setDataValidation(null) and clearDataValidations()', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireCheckbox().build();
    const r = sheet.getRange('A1:B1').setDataValidation(rule);
    sheet.getRange('A1').setDataValidation(null);
    expect(
      r.getDataValidations().map((row) => row.map((d) => (d ? String(d.getCriteriaType()) : null))),
    ).toEqual([[null, 'CHECKBOX']]);
    r.clearDataValidations();
    expect(sheet.getRange('B1').getDataValidation()).toBeNull();
  });

  it('copies a rule into a builder that can change it', () => {
    const { app } = setup();
    const rule = app.newDataValidation().requireDate().setAllowInvalid(false).build();
    const changed = rule.copy().setHelpText('A date').build();
    expect([String(changed.getCriteriaType()), changed.getAllowInvalid(), changed.getHelpText()]).toEqual([
      'DATE_IS_VALID_DATE',
      false,
      'A date',
    ]);
  });

  it('validates typed input against a cell rule for the playground', () => {
    const { app, sheet, raw } = setup();
    sheet
      .getRange('A1')
      .setDataValidation(
        app.newDataValidation().requireValueInList(['Yes', 'No']).setAllowInvalid(false).build(),
      );
    sheet.getRange('B1').setDataValidation(app.newDataValidation().requireDate().build());
    sheet.getRange('D1:D2').setValues([['Alpha'], ['Beta']]);
    sheet
      .getRange('C1')
      .setDataValidation(app.newDataValidation().requireValueInRange(sheet.getRange('D1:D2')).build());
    expect(raw.validateCell(1, 1, 'Yes').valid).toBe(true);
    expect(raw.validateCell(1, 1, 'Maybe')).toEqual({
      valid: false,
      rejected: true,
      helpText: '',
      criteria: 'VALUE_IN_LIST',
    });
    expect(raw.validateCell(1, 1, '')).toMatchObject({ valid: true });
    expect(raw.validateCell(1, 2, '2024-05-01').valid).toBe(true);
    expect(raw.validateCell(1, 2, 'soon')).toMatchObject({ valid: false, rejected: false });
    expect(raw.validateCell(1, 3, 'Beta').valid).toBe(true);
    expect(raw.validateCell(1, 3, 'Gamma').valid).toBe(false);
    expect(raw.validateCell(9, 9, 'anything').valid).toBe(true);
  });

  it('does not block script writes that break a rule (validation applies to what users type)', () => {
    const { app, sheet } = setup();
    sheet
      .getRange('A1')
      .setDataValidation(app.newDataValidation().requireValueInList(['Yes']).setAllowInvalid(false).build());
    sheet.getRange('A1').setValue('No');
    expect(sheet.getRange('A1').getValue()).toBe('No');
  });

  it('exposes the criteria enum on SpreadsheetApp', () => {
    const { app } = setup();
    expect(String(app.DataValidationCriteria.VALUE_IN_LIST)).toBe('VALUE_IN_LIST');
    expect(String(app.DataValidationCriteria.CHECKBOX)).toBe('CHECKBOX');
  });
});

describe('conditional format rules', () => {
  it('stores rules with their ranges, condition and colors', () => {
    const { app, sheet } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$E2<TODAY()')
      .setBackground('#fce8e6')
      .setFontColor('#a50e0e')
      .setRanges([sheet.getRange('A2:H')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const [got] = sheet.getConditionalFormatRules();
    expect(got.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:H1000']);
    const cond = got.getBooleanCondition()!;
    expect([
      String(cond.getCriteriaType()),
      cond.getCriteriaValues(),
      cond.getBackground(),
      cond.getFontColor(),
    ]).toEqual(['CUSTOM_FORMULA', ['=$E2<TODAY()'], '#fce8e6', '#a50e0e']);
  });

  it('keeps a date condition as a Date', () => {
    const { app, sheet } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenDateBefore(new Date(Date.UTC(2024, 0, 1)))
      .setRanges([sheet.getRange('A1')])
      .build();
    expect((rule.getBooleanCondition()!.getCriteriaValues()[0] as Date).getTime()).toBe(Date.UTC(2024, 0, 1));
  });

  it('refuses a rule without ranges', () => {
    const { app } = setup();
    expect(() => app.newConditionalFormatRule().whenCellEmpty().build()).toThrow();
  });
});

describe('charts', () => {
  it('builds, inserts, updates and removes an embedded chart', () => {
    const { ctx, sheet } = setup();
    const Charts = createCharts(ctx);
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.PIE as unknown as GoogleAppsScript.Charts.ChartType)
      .addRange(sheet.getRange('A1:B5'))
      .setPosition(2, 4, 0, 0)
      .setOption('title', 'Status')
      .build();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    expect(inserted.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B5']);
    expect(inserted.getOptions().get('title')).toBe('Status');
    expect(inserted.getContainerInfo().getAnchorColumn()).toBe(4);
    sheet.updateChart(inserted.modify().setOption('title', 'By status').build());
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('By status');
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toEqual([]);
  });
});
