// Sheet: a grid of cells (sparse row arrays), its dimensions, frozen panes, widths, rules and charts.

import { formatA1, parseA1 } from './a1';
import {
  type ChartData,
  type ConditionalRuleData,
  FakeConditionalFormatRule,
  FakeEmbeddedChart,
  FakeEmbeddedChartBuilder,
  FakeProtection,
  type RangeRef,
  refOf,
} from './builders';
import { displayedBackground } from './conditional-format';
import { counted, type EmulatorContext, isDate } from './context';
import { formatValue } from './number-format';
import {
  type Cell,
  type CellJSON,
  cellToJSON,
  FakeRange,
  isEmptyCell,
  normalizeColor,
  parseEntered,
} from './range';
import { FakeRangeList } from './range-list';
import type { FakeSpreadsheet } from './spreadsheet';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** "You are trying to edit a protected cell or object…" — the error a protected write raises. */
export const PROTECTED_EDIT_ERROR =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
export const OUTSIDE_ERROR = 'The coordinates of the range are outside the dimensions of the sheet.';

function overlaps(a: RangeRef, row: number, col: number, nr: number, nc: number): boolean {
  return (
    a.row <= row + nr - 1 &&
    row <= a.row + a.numRows - 1 &&
    a.col <= col + nc - 1 &&
    col <= a.col + a.numCols - 1
  );
}
function contains(a: RangeRef, row: number, col: number, nr: number, nc: number): boolean {
  return a.row <= row && a.col <= col && row + nr <= a.row + a.numRows && col + nc <= a.col + a.numCols;
}

/** The formatting of a cell without its value, formula or note: what an inserted row or column copies. */
function formatOf(cell: Cell | undefined): Cell | undefined {
  if (!cell) return undefined;
  const copy: Cell = { v: '' };
  for (const k of ['bg', 'nf', 'fw', 'fc', 'ha', 'wrap', 'dv'] as const) {
    if (cell[k] !== undefined) (copy as unknown as Record<string, unknown>)[k] = cell[k];
  }
  return Object.keys(copy).length > 1 ? copy : undefined;
}

/** A sheet of the emulated spreadsheet. Scripts get `self`, the counting proxy. */
export class FakeSheet
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.Sheet,
      | 'getName'
      | 'setName'
      | 'getSheetId'
      | 'getIndex'
      | 'getParent'
      | 'getRange'
      | 'getRangeList'
      | 'getDataRange'
      | 'createTextFinder'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getMaxRows'
      | 'getMaxColumns'
      | 'insertRowsAfter'
      | 'insertRowsBefore'
      | 'insertRows'
      | 'insertColumnsAfter'
      | 'insertColumnsBefore'
      | 'deleteRows'
      | 'deleteColumns'
      | 'appendRow'
      | 'setFrozenRows'
      | 'getFrozenRows'
      | 'setFrozenColumns'
      | 'getFrozenColumns'
      | 'setColumnWidth'
      | 'setColumnWidths'
      | 'getColumnWidth'
      | 'hideColumns'
      | 'showColumns'
      | 'isColumnHiddenByUser'
      | 'protect'
      | 'getProtections'
      | 'setConditionalFormatRules'
      | 'getConditionalFormatRules'
      | 'newChart'
      | 'insertChart'
      | 'getCharts'
      | 'removeChart'
      | 'updateChart'
      | 'clear'
      | 'clearContents'
      | 'activate'
      | 'setTabColor'
      | 'autoResizeColumns'
    >
{
  readonly self: GasSheet;
  readonly ctx: EmulatorContext;
  /** rows[r][c], 0-based, sparse: a missing row or cell is blank. */
  rows: (Cell | undefined)[][] = [];
  frozenRows = 0;
  frozenCols = 0;
  colWidths: (number | undefined)[] = [];
  hiddenCols: (boolean | undefined)[] = [];
  tabColor: string | null = null;
  hidden = false;
  conditionalRules: ConditionalRuleData[] = [];
  charts: ChartData[] = [];

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly sheetId: number,
    public maxRows = 1000,
    public maxCols = 26,
  ) {
    this.ctx = spreadsheet.ctx;
    this.self = counted(this.ctx, 'Sheet', this) as unknown as GasSheet;
  }

  // ---------------------------------------------------------------- un-counted helpers for the emulator and tests

  /**
   * The background a person sees in a cell now (the emulator's clock): its conditional format
   * rules applied over its own fill (see conditional-format.ts). Scripts cannot ask this:
   * Range.getBackground() returns the cell's own fill.
   */
  displayedBackground(row: number, col: number): string {
    return displayedBackground(this, row, col, this.ctx.clock.now());
  }

  /** A range (validated like Sheet.getRange) as the raw FakeRange. */
  rangeAt(row: number, col: number, numRows = 1, numCols = 1, a1?: string): FakeRange {
    for (const n of [row, col, numRows, numCols]) {
      if (typeof n !== 'number' || Number.isNaN(n)) {
        throw new Error(
          `The parameters (${typeof n}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
        );
      }
    }
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (col < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numCols < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || col + numCols - 1 > this.maxCols) throw new Error(OUTSIDE_ERROR);
    return new FakeRange(
      this,
      Math.floor(row),
      Math.floor(col),
      Math.floor(numRows),
      Math.floor(numCols),
      a1,
    );
  }

  /** Resolves A1 notation (without or with this sheet's name) to a raw range; throws 'Range not found'. */
  rangeA1(a1: string): FakeRange {
    const ref = parseA1(String(a1));
    if (!ref) throw new Error('Range not found');
    if (ref.sheetName !== undefined && ref.sheetName !== this.name) {
      const other = this.spreadsheet.sheetRaw(ref.sheetName);
      if (!other) throw new Error('Range not found');
      return other.rangeA1(String(a1).slice(String(a1).lastIndexOf('!') + 1));
    }
    const open = ref.startRow === undefined || ref.endRow === undefined || ref.startCol === undefined;
    const startRow = ref.startRow ?? 1;
    const endRow = ref.endRow ?? this.maxRows;
    const startCol = ref.startCol ?? 1;
    const endCol = ref.endCol ?? this.maxCols;
    const text = String(a1)
      .slice(String(a1).lastIndexOf('!') + 1)
      .replace(/\$/g, '')
      .toUpperCase();
    return this.rangeAt(
      startRow,
      startCol,
      endRow - startRow + 1,
      endCol - startCol + 1,
      open ? text : undefined,
    );
  }

  /** The cell at (row, col), 1-based, created for writing. */
  cellForWrite(row: number, col: number): Cell {
    let line = this.rows[row - 1];
    if (!line) {
      line = [];
      this.rows[row - 1] = line;
    }
    let cell = line[col - 1];
    if (!cell) {
      cell = { v: '' };
      line[col - 1] = cell;
    }
    return cell;
  }

  /** The cell at (row, col), 1-based, or undefined when it was never written. */
  cellAt(row: number, col: number): Cell | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  /** Replaces a cell wholesale (undefined erases it). */
  putCell(row: number, col: number, cell: Cell | undefined): void {
    if (!cell) {
      const line = this.rows[row - 1];
      if (line) line[col - 1] = undefined;
      return;
    }
    let line = this.rows[row - 1];
    if (!line) {
      line = [];
      this.rows[row - 1] = line;
    }
    line[col - 1] = cell;
  }

  /** Throws the Sheets error when the current user may not edit any cell of the rectangle. */
  assertEditable(row: number, col: number, nr: number, nc: number): void {
    const ps = this.spreadsheet.protections;
    if (ps.length === 0) return;
    const user = this.ctx.user;
    for (const p of ps) {
      const d = p.data;
      if (d.sheetName !== this.name || p.userCanEdit(user)) continue;
      if (d.type === 'RANGE') {
        if (d.range && overlaps(d.range, row, col, nr, nc)) throw new Error(PROTECTED_EDIT_ERROR);
      } else if (!d.unprotected.some((u) => contains(u, row, col, nr, nc))) {
        throw new Error(PROTECTED_EDIT_ERROR);
      }
    }
  }

  /** Sets the cached result of a formula cell (the emulator has no formula engine). */
  setFormulaResult(row: number, col: number, value: string | number | boolean | Date): void {
    const cell = this.cellForWrite(row, col);
    cell.v = isDate(value) ? { date: value.getTime() } : value;
  }

  /**
   * Checks user input against the data validation of a cell, as the Sheets UI does when someone types:
   * the input is parsed like a typed value. `valid` is true when there is no rule.
   */
  validateCell(
    row: number,
    col: number,
    input: unknown,
  ): { valid: boolean; rejected: boolean; helpText: string; criteria: string | null } {
    const cell = this.cellAt(row, col);
    const dv = cell?.dv;
    if (!dv) return { valid: true, rejected: false, helpText: '', criteria: null };
    const tz = this.spreadsheet.timeZone;
    const e = parseEntered(input, cell?.nf, tz);
    const valid = this.spreadsheet.passes(dv, e.v, formatValue(e.v, cell?.nf ?? e.nf, tz));
    return { valid, rejected: !valid && !dv.allowInvalid, helpText: dv.helpText, criteria: dv.criteria };
  }

  /** All non-blank cells keyed by A1, as plain JSON: compare two snapshots to prove nothing changed. */
  cellsSnapshot(): Record<string, CellJSON> {
    const out: Record<string, CellJSON> = {};
    this.rows.forEach((line, r) => {
      line?.forEach((cell, c) => {
        if (!isEmptyCell(cell))
          out[formatA1(r + 1, c + 1)] = cellToJSON(cell!, (a) => this.spreadsheet.argToJSON(a));
      });
    });
    return out;
  }

  /** Host-realm values of the data range (or of an A1 range): convenient in test assertions. */
  readValues(a1?: string): unknown[][] {
    const r = a1 ? this.rangeA1(a1) : this.dataRangeRaw();
    const out: unknown[][] = [];
    for (let i = 0; i < r.numRows; i++) {
      const line: unknown[] = [];
      for (let j = 0; j < r.numCols; j++) {
        const c = this.cellAt(r.row + i, r.col + j);
        line.push(!c ? '' : typeof c.v === 'object' ? new Date(c.v.date) : c.v);
      }
      out.push(line);
    }
    return out;
  }

  /** Host-realm display strings of the data range (or of an A1 range). */
  readDisplayValues(a1?: string): string[][] {
    const r = a1 ? this.rangeA1(a1) : this.dataRangeRaw();
    return Array.from(r.getDisplayValues(), (row) => Array.from(row));
  }

  private dataRangeRaw(): FakeRange {
    return this.rangeAt(1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn()));
  }

  /** Last row with a value or formula (0 when empty). */
  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const line = this.rows[r];
      if (!line) continue;
      for (const c of line) if (c && (c.v !== '' || c.f)) return r + 1;
    }
    return 0;
  }

  /** Last column with a value or formula (0 when empty). */
  lastColumn(): number {
    let last = 0;
    for (const line of this.rows) {
      if (!line) continue;
      for (let c = line.length - 1; c >= last; c--) {
        const cell = line[c];
        if (cell && (cell.v !== '' || cell.f)) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  // ---------------------------------------------------------------- Sheet API

  getName(): string {
    return this.name;
  }
  setName(name: string): GasSheet {
    const n = String(name);
    if (n === this.name) return this.self;
    this.spreadsheet.checkNewSheetName(n);
    for (const p of this.spreadsheet.protections) if (p.data.sheetName === this.name) p.data.sheetName = n;
    this.spreadsheet.renameRefs(this.name, n);
    this.name = n;
    return this.self;
  }
  getSheetId(): number {
    return this.sheetId;
  }
  getSheetName(): string {
    return this.name;
  }
  getIndex(): number {
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.spreadsheet.self;
  }
  getType(): string {
    return 'GRID';
  }
  /** getRange(row, column, numRows?, numColumns?) or getRange(a1Notation). */
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): GasRange {
    if (typeof rowOrA1 === 'string') return this.rangeA1(rowOrA1).self;
    if (column === undefined) {
      throw new Error(
        "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    }
    return this.rangeAt(rowOrA1, column, numRows ?? 1, numColumns ?? 1).self;
  }
  /**
   * "Returns the RangeList collection representing the ranges in the same sheet specified by a
   * non-empty list of A1 notations." Each notation is resolved like getRange's (a range of another
   * sheet, or an empty list, is refused).
   */
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    if (
      !Array.isArray(a1Notations) ||
      a1Notations.length === 0 ||
      a1Notations.some((a) => typeof a !== 'string')
    ) {
      throw new Error(
        "The parameters (String[]) don't match the method signature for SpreadsheetApp.Sheet.getRangeList.",
      );
    }
    const ranges = a1Notations.map((a1) => this.rangeA1(a1));
    if (ranges.some((r) => r.sheet !== this)) throw new Error('Range not found');
    return new FakeRangeList(this, ranges).self;
  }
  /** "Returns a Range corresponding to the dimensions in which data is present." (A1 when empty.) */
  getDataRange(): GasRange {
    return this.dataRangeRaw().self;
  }
  /** "Creates a text finder for the sheet" (searches the cells that hold data). */
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return this.dataRangeRaw().createTextFinder(findText);
  }
  getLastRow(): number {
    return this.lastRow();
  }
  getLastColumn(): number {
    return this.lastColumn();
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxCols;
  }

  /**
   * "Inserts a number of rows after the given row position." The new rows take the formatting
   * (fill, font, number format, alignment, wrap, data validation) of the row before them, as Sheets'
   * InsertDimensionRequest with inheritFromBefore: true
   * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#insertdimensionrequest);
   * values and notes are not copied.
   */
  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    if (afterPosition < 1 || afterPosition > this.maxRows) throw new Error(OUTSIDE_ERROR);
    return this.insertRowsAt(afterPosition, howMany, afterPosition);
  }
  /** "Inserts a number of rows before the given row position." They take the formatting of the row after them. */
  insertRowsBefore(beforePosition: number, howMany: number): GasSheet {
    if (beforePosition < 1 || beforePosition > this.maxRows) throw new Error(OUTSIDE_ERROR);
    return this.insertRowsAt(beforePosition - 1, howMany, beforePosition + howMany);
  }
  insertRows(rowIndex: number, numRows = 1): GasSheet {
    return this.insertRowsBefore(rowIndex, numRows);
  }
  insertRowAfter(afterPosition: number): GasSheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): GasSheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  /** Inserts rows after 0-based index `index0`; `from` is the 1-based row (after insertion) whose format they copy. */
  private insertRowsAt(index0: number, howMany: number, from: number): GasSheet {
    if (!(howMany >= 1)) throw new Error('The number of rows to insert must be at least 1.');
    if (this.rows.length > index0) this.rows.splice(index0, 0, ...new Array<(Cell | undefined)[]>(howMany));
    this.maxRows += howMany;
    const source = this.rows[from - 1];
    if (source) {
      for (let r = index0; r < index0 + howMany; r++) {
        this.rows[r] = source.map((cell) => formatOf(cell));
      }
    }
    return this.self;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.maxRows)
      throw new Error(OUTSIDE_ERROR);
    if (howMany >= this.maxRows - this.frozenRows) {
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.rows.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
  }
  deleteRow(rowPosition: number): GasSheet {
    this.deleteRows(rowPosition, 1);
    return this.self;
  }
  /**
   * "Inserts a given number of columns after the given column position." The new columns take the
   * formatting and width of the column before them (Sheets' inheritFromBefore: true, as for rows).
   */
  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    if (afterPosition < 1 || afterPosition > this.maxCols) throw new Error(OUTSIDE_ERROR);
    return this.insertColumnsAt(afterPosition, howMany, afterPosition);
  }
  /** "Inserts a number of columns before the given column position." They take the format of the column after them. */
  insertColumnsBefore(beforePosition: number, howMany: number): GasSheet {
    if (beforePosition < 1 || beforePosition > this.maxCols) throw new Error(OUTSIDE_ERROR);
    return this.insertColumnsAt(beforePosition - 1, howMany, beforePosition + howMany);
  }
  insertColumns(columnIndex: number, numColumns = 1): GasSheet {
    return this.insertColumnsBefore(columnIndex, numColumns);
  }
  insertColumnAfter(afterPosition: number): GasSheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): GasSheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  /** Inserts columns after 0-based index `index0`; `from` is the 1-based column (after insertion) they copy. */
  private insertColumnsAt(index0: number, howMany: number, from: number): GasSheet {
    if (!(howMany >= 1)) throw new Error('The number of columns to insert must be at least 1.');
    const gap = new Array<undefined>(howMany);
    for (const line of this.rows) if (line && line.length > index0) line.splice(index0, 0, ...gap);
    if (this.colWidths.length > index0) this.colWidths.splice(index0, 0, ...gap);
    if (this.hiddenCols.length > index0) this.hiddenCols.splice(index0, 0, ...gap);
    this.maxCols += howMany;
    for (const line of this.rows) {
      const cell = line?.[from - 1];
      if (!line || !cell) continue;
      for (let c = index0; c < index0 + howMany; c++) line[c] = formatOf(cell);
    }
    const width = this.colWidths[from - 1];
    if (width !== undefined) for (let c = index0; c < index0 + howMany; c++) this.colWidths[c] = width;
    return this.self;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.maxCols)
      throw new Error(OUTSIDE_ERROR);
    if (howMany >= this.maxCols - this.frozenCols) {
      throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    }
    for (const line of this.rows) line?.splice(columnPosition - 1, howMany);
    this.colWidths.splice(columnPosition - 1, howMany);
    this.hiddenCols.splice(columnPosition - 1, howMany);
    this.maxCols -= howMany;
  }
  deleteColumn(columnPosition: number): GasSheet {
    this.deleteColumns(columnPosition, 1);
    return this.self;
  }
  /**
   * "Appends a row to the bottom of the current data region in the sheet. If a cell's content
   * begins with =, it's interpreted as a formula." Grows the grid when the sheet is full.
   */
  appendRow(rowContents: unknown[]): GasSheet {
    if (!Array.isArray(rowContents)) {
      throw new Error(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    }
    if (rowContents.length === 0) return this.self;
    const row = this.lastRow() + 1;
    this.assertEditable(row, 1, 1, rowContents.length);
    if (row > this.maxRows) this.maxRows = row;
    if (rowContents.length > this.maxCols) this.maxCols = rowContents.length;
    this.rangeAt(row, 1, 1, rowContents.length).setValues([rowContents]);
    return this.self;
  }
  setFrozenRows(rows: number): void {
    if (!(rows >= 0) || rows >= this.maxRows) throw new Error(OUTSIDE_ERROR);
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    if (!(columns >= 0) || columns >= this.maxCols) throw new Error(OUTSIDE_ERROR);
    this.frozenCols = columns;
  }
  getFrozenColumns(): number {
    return this.frozenCols;
  }
  private checkColumn(col: number): void {
    if (!(col >= 1) || col > this.maxCols) throw new Error(OUTSIDE_ERROR);
  }
  /** Default column width is 100 pixels. */
  getColumnWidth(columnPosition: number): number {
    this.checkColumn(columnPosition);
    return this.colWidths[columnPosition - 1] ?? 100;
  }
  setColumnWidth(columnPosition: number, width: number): GasSheet {
    this.checkColumn(columnPosition);
    this.colWidths[columnPosition - 1] = width;
    return this.self;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet {
    this.checkColumn(startColumn);
    this.checkColumn(startColumn + numColumns - 1);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.colWidths[c - 1] = width;
    return this.self;
  }
  autoResizeColumns(startColumn: number, numColumns: number): GasSheet {
    this.checkColumn(startColumn);
    this.checkColumn(startColumn + numColumns - 1);
    return this.self;
  }
  autoResizeColumn(columnPosition: number): GasSheet {
    return this.autoResizeColumns(columnPosition, 1);
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.checkColumn(columnIndex);
    this.checkColumn(columnIndex + numColumns - 1);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenCols[c - 1] = true;
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this.checkColumn(columnIndex);
    this.checkColumn(columnIndex + numColumns - 1);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenCols[c - 1] = undefined;
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    this.checkColumn(columnPosition);
    return this.hiddenCols[columnPosition - 1] === true;
  }
  /** Sheet protection; returns the existing sheet protection when there is one. */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const existing = this.spreadsheet.protections.find(
      (p) => p.data.type === 'SHEET' && p.data.sheetName === this.name,
    );
    if (existing) return existing.self;
    const p = new FakeProtection(this.spreadsheet, {
      type: 'SHEET',
      sheetName: this.name,
      range: null,
      description: '',
      warningOnly: false,
      editors: this.spreadsheet.defaultProtectionEditors(),
      unprotected: [],
    });
    this.spreadsheet.protections.push(p);
    return p.self;
  }
  getProtections(type: unknown): GoogleAppsScript.Spreadsheet.Protection[] {
    const t = String(type);
    if (t !== 'RANGE' && t !== 'SHEET') throw new Error('Invalid argument: type');
    return this.ctx.realm.Array.from(
      this.spreadsheet.protections.filter((p) => p.data.type === t && p.data.sheetName === this.name),
      (p) => p.self,
    );
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    if (!Array.isArray(rules)) throw new Error('Invalid argument: rules');
    this.conditionalRules = rules.map((r) => {
      const data = (r as unknown as { data?: ConditionalRuleData }).data;
      if (!data) throw new Error('Invalid argument: rules');
      return structuredClone(data);
    });
  }
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this.ctx.realm.Array.from(
      this.conditionalRules,
      (d) => new FakeConditionalFormatRule(this.spreadsheet, structuredClone(d)).self,
    );
  }
  clearConditionalFormatRules(): void {
    this.conditionalRules = [];
  }
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this.spreadsheet).self;
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const data = chartDataOf(chart);
    if (this.charts.some((c) => c.chartId === data.chartId)) return;
    this.charts.push(structuredClone(data));
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const data = chartDataOf(chart);
    const i = this.charts.findIndex((c) => c.chartId === data.chartId);
    if (i < 0) throw new Error('The chart does not exist in this sheet.');
    this.charts[i] = structuredClone(data);
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const data = chartDataOf(chart);
    this.charts = this.charts.filter((c) => c.chartId !== data.chartId);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.ctx.realm.Array.from(
      this.charts,
      (c) => new FakeEmbeddedChart(this.spreadsheet, structuredClone(c)).self,
    );
  }
  /** "Clears the sheet of content and formatting information." Notes and validations stay. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): GasSheet {
    this.assertEditable(1, 1, this.maxRows, this.maxCols);
    this.rangeAt(1, 1, this.maxRows, this.maxCols).clear(options);
    return this.self;
  }
  clearContents(): GasSheet {
    return this.clear({ contentsOnly: true });
  }
  clearFormats(): GasSheet {
    return this.clear({ formatOnly: true });
  }
  clearNotes(): GasSheet {
    this.rangeAt(1, 1, this.maxRows, this.maxCols).clearNote();
    return this.self;
  }
  activate(): GasSheet {
    this.spreadsheet.setActiveSheetRaw(this);
    return this.self;
  }
  setTabColor(color: string | null): GasSheet {
    this.tabColor = color === null || color === '' ? null : normalizeColor(color);
    return this.self;
  }
  getTabColor(): string | null {
    return this.tabColor;
  }
  hideSheet(): GasSheet {
    if (this.spreadsheet.sheets.filter((s) => !s.hidden).length <= 1) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this.hidden = true;
    return this.self;
  }
  showSheet(): GasSheet {
    this.hidden = false;
    return this.self;
  }
  isSheetHidden(): boolean {
    return this.hidden;
  }
  getActiveRange(): GasRange | null {
    return this.spreadsheet.getActiveRangeOf(this);
  }
  getActiveCell(): GasRange {
    return this.spreadsheet.getActiveRangeOf(this).getCell(1, 1);
  }
  setActiveRange(range: GasRange): GasRange {
    const ref = refOf(range);
    if (ref.sheetName !== this.name) throw new Error('The range must be on this sheet.');
    return this.spreadsheet.setActiveRange(range);
  }
  toString(): string {
    return 'Sheet';
  }
}

function chartDataOf(chart: unknown): ChartData {
  const data = (chart as { data?: ChartData } | null)?.data;
  if (!data || typeof data.chartId !== 'number') throw new Error('Invalid argument: chart');
  return data;
}
