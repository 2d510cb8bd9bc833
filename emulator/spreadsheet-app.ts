// SpreadsheetApp and Charts services over the emulated spreadsheet.

import {
  BooleanCriteria,
  ChartType,
  DataValidationCriteria,
  FakeConditionalFormatRuleBuilder,
  FakeDataValidationBuilder,
} from './builders';
import { counted, type EmulatorContext } from './context';
import { FakeSpreadsheet, type SpreadsheetOptions } from './spreadsheet';

export { FakeRange } from './range';
export { FakeSheet } from './sheet';
export type { SheetJSON, Toast, WorkbookJSON } from './spreadsheet';
export { FakeSpreadsheet } from './spreadsheet';

/** Options of createSpreadsheetApp. */
export interface SpreadsheetAppOptions extends SpreadsheetOptions {
  getUi: () => GoogleAppsScript.Base.Ui;
  /** Start from a saved workbook instead of an empty 'Sheet1'. */
  workbook?: import('./spreadsheet').WorkbookJSON;
}

/**
 * Creates SpreadsheetApp bound to one active spreadsheet. `app` is what the script sees (every call counted
 * as `SpreadsheetApp.method`); `spreadsheet` is the raw FakeSpreadsheet for tests and the playground.
 */
export function createSpreadsheetApp(
  ctx: EmulatorContext,
  opts: SpreadsheetAppOptions,
): { app: GoogleAppsScript.Spreadsheet.SpreadsheetApp; spreadsheet: FakeSpreadsheet } {
  const spreadsheet = opts.workbook
    ? FakeSpreadsheet.fromJSON(ctx, opts.workbook, opts)
    : new FakeSpreadsheet(ctx, opts);
  const app = {
    ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
    DataValidationCriteria,
    BooleanCriteria,
    BorderStyle: {
      DOTTED: 'DOTTED',
      DASHED: 'DASHED',
      SOLID: 'SOLID',
      SOLID_MEDIUM: 'SOLID_MEDIUM',
      SOLID_THICK: 'SOLID_THICK',
      DOUBLE: 'DOUBLE',
    },
    WrapStrategy: { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' },
    Dimension: { ROWS: 'ROWS', COLUMNS: 'COLUMNS' },
    getActiveSpreadsheet: () => spreadsheet.self,
    getActive: () => spreadsheet.self,
    getActiveSheet: () => spreadsheet.getActiveSheet(),
    getActiveRange: () => spreadsheet.getActiveRange(),
    getCurrentCell: () => spreadsheet.getCurrentCell(),
    getSelection: () => spreadsheet.getSelection(),
    setActiveSheet: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => spreadsheet.setActiveSheet(sheet),
    setActiveRange: (range: GoogleAppsScript.Spreadsheet.Range) => spreadsheet.setActiveRange(range),
    getUi: () => opts.getUi(),
    /** "Applies all pending Spreadsheet changes." The emulator applies changes immediately. */
    flush: () => undefined,
    openById: (id: string) => {
      if (id === spreadsheet.id) return spreadsheet.self;
      throw new Error(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    },
    newDataValidation: () => new FakeDataValidationBuilder(spreadsheet).self,
    newConditionalFormatRule: () => new FakeConditionalFormatRuleBuilder(spreadsheet).self,
  };
  return {
    app: counted(ctx, 'SpreadsheetApp', app) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    spreadsheet,
  };
}

/** Charts service: only the ChartType enum. */
export function createCharts(ctx: EmulatorContext): { ChartType: typeof ChartType } {
  return counted(ctx, 'Charts', { ChartType });
}
