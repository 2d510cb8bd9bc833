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
export { FakeSpreadsheet };

/** What SpreadsheetApp sees of the emulator: the Ui, the open spreadsheet, and the user's other files. */
export interface SpreadsheetAppHost {
  getUi: () => GoogleAppsScript.Base.Ui;
  /** The spreadsheet the script runs in, or null where Apps Script has none (an add-on's time-driven run). */
  active(): FakeSpreadsheet | null;
  /** A spreadsheet of the user's Drive by id. */
  byId(id: string): FakeSpreadsheet | undefined;
  /** The spreadsheet builders (data validation, conditional formats) resolve ranges in without an active one. */
  fallback(): FakeSpreadsheet;
}

/** "Unexpected error while getting the method or property openById on object SpreadsheetApp." */
export const OPEN_BY_ID_ERROR =
  'Unexpected error while getting the method or property openById on object SpreadsheetApp.';

/**
 * Creates SpreadsheetApp over the emulator's spreadsheets: what the script sees, every call counted as
 * `SpreadsheetApp.method`. Where there is no active spreadsheet, getActiveSpreadsheet() and the other
 * getActive… methods return null, as Apps Script does.
 */
export function spreadsheetAppOver(
  ctx: EmulatorContext,
  host: SpreadsheetAppHost,
): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  const active = () => host.active();
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
    getActiveSpreadsheet: () => active()?.self ?? null,
    getActive: () => active()?.self ?? null,
    getActiveSheet: () => active()?.getActiveSheet() ?? null,
    getActiveRange: () => active()?.getActiveRange() ?? null,
    getCurrentCell: () => active()?.getCurrentCell() ?? null,
    getSelection: () => active()?.getSelection() ?? null,
    setActiveSheet: (sheet: GoogleAppsScript.Spreadsheet.Sheet) =>
      requireActive(active()).setActiveSheet(sheet),
    setActiveRange: (range: GoogleAppsScript.Spreadsheet.Range) =>
      requireActive(active()).setActiveRange(range),
    getUi: () => host.getUi(),
    /** "Applies all pending Spreadsheet changes." The emulator applies changes immediately. */
    flush: () => undefined,
    /** "Opens the spreadsheet with the given ID." Any spreadsheet of the emulated user's Drive. */
    openById: (id: string) => {
      const book = typeof id === 'string' ? host.byId(id) : undefined;
      if (!book) throw new Error(OPEN_BY_ID_ERROR);
      return book.self;
    },
    newDataValidation: () => new FakeDataValidationBuilder(active() ?? host.fallback()).self,
    newConditionalFormatRule: () => new FakeConditionalFormatRuleBuilder(active() ?? host.fallback()).self,
  };
  return counted(ctx, 'SpreadsheetApp', app) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}

/** setActiveSheet/setActiveRange without an active spreadsheet: Apps Script has nothing to select in. */
function requireActive(book: FakeSpreadsheet | null): FakeSpreadsheet {
  if (!book) throw new Error('There is no active spreadsheet in this execution.');
  return book;
}

/** Options of createSpreadsheetApp: one spreadsheet, new or from a saved workbook. */
export interface SpreadsheetAppOptions extends SpreadsheetOptions {
  getUi: () => GoogleAppsScript.Base.Ui;
  /** Start from a saved workbook instead of an empty 'Sheet1'. */
  workbook?: import('./spreadsheet').WorkbookJSON;
}

/** Creates one spreadsheet and a SpreadsheetApp whose active spreadsheet it is (for unit tests). */
export function createSpreadsheetApp(
  ctx: EmulatorContext,
  opts: SpreadsheetAppOptions,
): { app: GoogleAppsScript.Spreadsheet.SpreadsheetApp; spreadsheet: FakeSpreadsheet } {
  const spreadsheet = newSpreadsheet(ctx, opts);
  const app = spreadsheetAppOver(ctx, {
    getUi: opts.getUi,
    active: () => spreadsheet,
    byId: (id) => (id === spreadsheet.id ? spreadsheet : undefined),
    fallback: () => spreadsheet,
  });
  return { app, spreadsheet };
}

/** A new spreadsheet, or one restored from a saved workbook. */
export function newSpreadsheet(
  ctx: EmulatorContext,
  opts: SpreadsheetOptions & { workbook?: import('./spreadsheet').WorkbookJSON },
): FakeSpreadsheet {
  return opts.workbook ? FakeSpreadsheet.fromJSON(ctx, opts.workbook, opts) : new FakeSpreadsheet(ctx, opts);
}

/** Charts service: only the ChartType enum. */
export function createCharts(ctx: EmulatorContext): { ChartType: typeof ChartType } {
  return counted(ctx, 'Charts', { ChartType });
}
