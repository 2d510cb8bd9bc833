// What a person sees: conditional format rules drawn over a cell's own fill, evaluated at the
// emulator's clock in the spreadsheet's time zone (TODAY), first true rule wins.
import { appliedRule } from '../../emulator/conditional-format';
import { CallCounter, Clock, type EmulatorContext, hostRealm } from '../../emulator/context';
import { createSpreadsheetApp } from '../../emulator/spreadsheet-app';

function setup(now: string) {
  const clock = new Clock(Date.parse(now));
  const ctx: EmulatorContext = { realm: hostRealm(), clock, calls: new CallCounter(), user: 'u@x' };
  const { app, spreadsheet } = createSpreadsheetApp(ctx, {
    getUi: () => ({}) as GoogleAppsScript.Base.Ui,
    timeZone: 'Europe/Paris',
  });
  const sheet = app.getActiveSpreadsheet().getActiveSheet();
  const raw = spreadsheet.sheetRaw(sheet.getName())!;
  return { app, sheet, raw, clock };
}

/** Midnight in Paris of a March 2026 day (UTC+1 before the 29th). */
const parisDay = (d: number) => new Date(Date.UTC(2026, 2, d) - 3_600_000);

describe('conditional formatting as drawn', () => {
  function withDueRules(now: string) {
    const s = setup(now);
    s.sheet.getRange('A1:B4').setValues([
      ['Next action', 'Due'],
      ['call', parisDay(9)],
      ['write', parisDay(10)],
      ['', ''],
    ]);
    const ranges = [s.sheet.getRange('A2:A'), s.sheet.getRange('B2:B')];
    const rule = (op: string, color: string) =>
      s.app
        .newConditionalFormatRule()
        .whenFormulaSatisfied(`=AND(ISNUMBER($B2), $B2${op}TODAY())`)
        .setBackground(color)
        .setRanges(ranges)
        .build();
    s.sheet.setConditionalFormatRules([rule('<', '#f4c7c3'), rule('=', '#fce8b2')]);
    return s;
  }
  const drawn = (raw: ReturnType<typeof setup>['raw']) =>
    [2, 3, 4].map((r) => [raw.displayedBackground(r, 1), raw.displayedBackground(r, 2)]);

  it('compares dates with TODAY in the spreadsheet time zone, moving each row with the cell', () => {
    // 2026-03-09 23:30 UTC is already March 10 in Paris.
    const { raw } = withDueRules('2026-03-09T23:30:00Z');
    expect(drawn(raw)).toEqual([
      ['#f4c7c3', '#f4c7c3'],
      ['#fce8b2', '#fce8b2'],
      ['#ffffff', '#ffffff'],
    ]);
  });

  it('changes with the clock alone: the next day, yesterday’s amber is red', () => {
    const { raw, clock } = withDueRules('2026-03-09T12:00:00Z');
    expect(drawn(raw)[0]).toEqual(['#fce8b2', '#fce8b2']);
    clock.set('2026-03-11T08:00:00Z');
    expect(drawn(raw).slice(0, 2)).toEqual([
      ['#f4c7c3', '#f4c7c3'],
      ['#f4c7c3', '#f4c7c3'],
    ]);
  });

  it('draws a rule over the cell’s own fill, which getBackground still returns', () => {
    const { sheet, raw } = withDueRules('2026-03-10T12:00:00Z');
    sheet.getRange('A2').setBackground('#00ff00');
    sheet.getRange('A4').setBackground('#00ff00');
    expect(raw.displayedBackground(2, 1)).toBe('#f4c7c3');
    expect(sheet.getRange('A2').getBackground()).toBe('#00ff00');
    expect(raw.displayedBackground(4, 1)).toBe('#00ff00');
  });

  it('applies only the first true rule', () => {
    const { app, sheet, raw } = setup('2026-03-10T12:00:00Z');
    sheet.getRange('A1').setValue('x');
    const range = [sheet.getRange('A1')];
    sheet.setConditionalFormatRules([
      app.newConditionalFormatRule().whenCellNotEmpty().setFontColor('#ff0000').setRanges(range).build(),
      app.newConditionalFormatRule().whenTextEqualTo('x').setBackground('#0000ff').setRanges(range).build(),
    ]);
    expect(raw.displayedBackground(1, 1)).toBe('#ffffff');
  });

  it('refuses a formula it cannot evaluate rather than guessing', () => {
    const { app, sheet, raw } = setup('2026-03-10T12:00:00Z');
    const range = [sheet.getRange('A1')];
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=VLOOKUP(A1,B1,2)')
        .setBackground('#0000ff')
        .setRanges(range)
        .build(),
    ]);
    expect(() => raw.displayedBackground(1, 1)).toThrow('does not evaluate VLOOKUP()');
    // The playground, drawing a user's own rules, asks leniently: such a rule never applies.
    const now = Date.parse('2026-03-10T12:00:00Z');
    expect(appliedRule(raw, 1, 1, now, true)).toBeNull();
  });

  it('names the rule that applies, with its whole format (font colour, bold)', () => {
    const { app, sheet, raw } = setup('2026-03-10T12:00:00Z');
    sheet.getRange('A1').setValue('x');
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenTextEqualTo('X')
        .setFontColor('#188038')
        .setBold(true)
        .setRanges([sheet.getRange('A1:A2')])
        .build(),
    ]);
    const now = Date.parse('2026-03-10T12:00:00Z');
    expect(appliedRule(raw, 1, 1, now)).toMatchObject({ fontColor: '#188038', bold: true });
    expect(appliedRule(raw, 2, 1, now)).toBeNull();
  });
});
