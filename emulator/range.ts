// The cell model (user-entered parsing, colors) and Range: reads and writes rectangles of a FakeSheet.

import { formatA1 } from './a1';
import {
  type CellValue,
  type DataValidationData,
  FakeDataValidation,
  FakeProtection,
  RANGE_REF,
  type RangeRef,
  refOf,
} from './builders';
import { counted, type EmulatorContext, isDate } from './context';
import { AUTOMATIC_FORMAT, formatValue, fromWallClock } from './number-format';
import type { FakeSheet } from './sheet';
import { FakeTextFinder } from './text-finder';

type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** One cell. Absent properties mean the default (blank, white, automatic format...). */
export interface Cell {
  v: CellValue;
  f?: string;
  bg?: string;
  note?: string;
  nf?: string;
  fw?: string;
  fc?: string;
  ha?: string;
  wrap?: boolean;
  dv?: DataValidationData;
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  lime: '#00ff00',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  pink: '#ffc0cb',
  cyan: '#00ffff',
  magenta: '#ff00ff',
};

/** Normalises a CSS color the way Sheets reports it back: lower-case '#rrggbb'. */
export function normalizeColor(color: string): string {
  const c = String(color).trim().toLowerCase();
  if (NAMED_COLORS[c]) return NAMED_COLORS[c];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  throw new Error(`Invalid color: ${color}`);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The result of entering a value as a user would: a value, maybe a formula, maybe a number format. */
export interface Entered {
  v: CellValue;
  f?: string;
  nf?: string;
}

/**
 * Parses a value the way Sheets parses user-entered input (en_US locale).
 * '=…' is a formula; "'…" is text without the apostrophe; numbers, percentages, 1,234;
 * TRUE/FALSE in any case; yyyy-mm-dd [hh:mm[:ss]] and M/d/yyyy dates in the time zone.
 * A cell formatted '@' (plain text) keeps strings as they are.
 */
export function parseEntered(input: unknown, currentFormat: string | undefined, timeZone: string): Entered {
  if (input === null || input === undefined) return { v: '' };
  if (isDate(input)) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) return { v: '' };
    return { v: { date: ms }, nf: currentFormat ? undefined : 'M/d/yyyy H:mm:ss' };
  }
  if (typeof input === 'number') return { v: Number.isFinite(input) ? input : '#NUM!' };
  if (typeof input === 'boolean') return { v: input };
  const s = typeof input === 'string' ? input : String(input);
  if (currentFormat === '@') return { v: s };
  const c0 = s.charCodeAt(0);
  // Fast path: text that cannot be a formula, number, boolean or date (first char not 0-9 + - . ' = t f space).
  if (
    !(c0 >= 48 && c0 <= 57) &&
    c0 !== 43 &&
    c0 !== 45 &&
    c0 !== 46 &&
    c0 !== 39 &&
    c0 !== 61 &&
    c0 !== 32 &&
    c0 !== 9 &&
    c0 !== 10 &&
    c0 !== 116 &&
    c0 !== 84 &&
    c0 !== 102 &&
    c0 !== 70
  ) {
    return { v: s };
  }
  if (s.startsWith('=') && s.length > 1) return { v: evaluateFormula(s), f: s };
  if (s.startsWith("'")) return { v: s.slice(1) };
  const t = s.trim();
  if (t === '') return { v: s === '' ? '' : s };
  if (NUMBER.test(t)) return { v: Number(t) };
  if (GROUPED.test(t)) return { v: Number(t.replace(/,/g, '')), nf: currentFormat ? undefined : '#,##0' };
  const pct = PERCENT.exec(t);
  if (pct)
    return { v: Number(pct[1]) / 100, nf: currentFormat ? undefined : pct[1].includes('.') ? '0.00%' : '0%' };
  const upper = t.toUpperCase();
  if (upper === 'TRUE') return { v: true };
  if (upper === 'FALSE') return { v: false };
  const iso = ISO_DATE.exec(t);
  if (iso && validDay(+iso[1], +iso[2], +iso[3])) {
    const hasTime = iso[4] !== undefined;
    if (!hasTime || (+iso[4] < 24 && +iso[5] < 60 && +(iso[6] ?? 0) < 60)) {
      const ms = fromWallClock(
        timeZone,
        +iso[1],
        +iso[2],
        +iso[3],
        +(iso[4] ?? 0),
        +(iso[5] ?? 0),
        +(iso[6] ?? 0),
      );
      return {
        v: { date: ms },
        nf: currentFormat ? undefined : hasTime ? 'yyyy-mm-dd H:mm:ss' : 'yyyy-mm-dd',
      };
    }
  }
  const us = US_DATE.exec(t);
  if (us && validDay(+us[3], +us[1], +us[2])) {
    const hasTime = us[4] !== undefined;
    if (!hasTime || (+us[4] < 24 && +us[5] < 60 && +(us[6] ?? 0) < 60)) {
      const ms = fromWallClock(timeZone, +us[3], +us[1], +us[2], +(us[4] ?? 0), +(us[5] ?? 0), +(us[6] ?? 0));
      return { v: { date: ms }, nf: currentFormat ? undefined : hasTime ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy' };
    }
  }
  return { v: s };
}

/**
 * The emulator does not run a formula engine. A formula's cached value is computed only for
 * trivial formulas: ="text", =number, =TRUE/FALSE and =HYPERLINK("url", "label"); anything else
 * reads back as '' (tests may set a result with FakeSheet.setFormulaResult).
 */
export function evaluateFormula(formula: string): CellValue {
  const body = formula.slice(1).trim();
  let m = /^"((?:[^"]|"")*)"$/.exec(body);
  if (m) return m[1].replace(/""/g, '"');
  if (NUMBER.test(body)) return Number(body);
  if (/^true$/i.test(body)) return true;
  if (/^false$/i.test(body)) return false;
  m = /^HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:[,;]\s*"((?:[^"]|"")*)"\s*)?\)$/i.exec(body);
  if (m) return (m[2] ?? m[1]).replace(/""/g, '"');
  return '';
}

function sizeError(kind: 'rows' | 'columns', data: number, range: number): Error {
  return new Error(
    `The number of ${kind} in the data does not match the number of ${kind} in the range. The data has ${data} but the range has ${range}.`,
  );
}

/** A Range over a FakeSheet. Un-counted internals; scripts get `self`, the counting proxy. */
export class FakeRange
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.Range,
      | 'getRow'
      | 'getColumn'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getNumRows'
      | 'getNumColumns'
      | 'getA1Notation'
      | 'getSheet'
      | 'getCell'
      | 'offset'
      | 'getValues'
      | 'getValue'
      | 'setValues'
      | 'setValue'
      | 'getDisplayValues'
      | 'getDisplayValue'
      | 'getFormulas'
      | 'getFormula'
      | 'setFormulas'
      | 'setFormula'
      | 'getBackgrounds'
      | 'getBackground'
      | 'setBackgrounds'
      | 'setBackground'
      | 'getNotes'
      | 'getNote'
      | 'setNotes'
      | 'setNote'
      | 'getNumberFormats'
      | 'getNumberFormat'
      | 'setNumberFormat'
      | 'setNumberFormats'
      | 'getFontWeights'
      | 'getFontWeight'
      | 'setFontWeight'
      | 'setFontWeights'
      | 'setFontColor'
      | 'getFontColors'
      | 'setHorizontalAlignment'
      | 'setWrap'
      | 'setDataValidation'
      | 'setDataValidations'
      | 'getDataValidation'
      | 'getDataValidations'
      | 'clearDataValidations'
      | 'clearContent'
      | 'clearFormat'
      | 'clear'
      | 'clearNote'
      | 'protect'
      | 'createTextFinder'
      | 'activate'
      | 'isBlank'
    >
{
  readonly self: GasRange;
  readonly ctx: EmulatorContext;
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
    private readonly a1?: string,
  ) {
    this.ctx = sheet.ctx;
    this.self = counted(this.ctx, 'Range', this) as unknown as GasRange;
  }

  get [RANGE_REF](): RangeRef {
    return {
      sheetName: this.sheet.name,
      row: this.row,
      col: this.col,
      numRows: this.numRows,
      numCols: this.numCols,
    };
  }

  private get tz(): string {
    return this.sheet.spreadsheet.timeZone;
  }

  // ---- geometry ----
  getRow(): number {
    return this.row;
  }
  getRowIndex(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.col + this.numCols - 1;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  getHeight(): number {
    return this.numRows;
  }
  getWidth(): number {
    return this.numCols;
  }
  getA1Notation(): string {
    return this.a1 ?? formatA1(this.row, this.col, this.numRows, this.numCols);
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.sheet.self;
  }
  getGridId(): number {
    return this.sheet.sheetId;
  }
  /** "Returns a given cell within a range." Row and column are relative to the range, 1-based. */
  getCell(row: number, column: number): GasRange {
    if (row < 1 || column < 1 || row > this.numRows || column > this.numCols) {
      throw new Error('Cell reference out of range');
    }
    return this.sheet.rangeAt(this.row + row - 1, this.col + column - 1, 1, 1).self;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GasRange {
    return this.sheet.rangeAt(
      this.row + rowOffset,
      this.col + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numCols,
    ).self;
  }

  // ---- internal helpers ----
  private grid<T>(read: (cell: Cell | undefined) => T): T[][] {
    const A = this.ctx.realm.Array;
    const out = new A(this.numRows) as T[][];
    const rows = this.sheet.rows;
    for (let i = 0; i < this.numRows; i++) {
      const src = rows[this.row - 1 + i];
      const line = new A(this.numCols) as T[];
      for (let j = 0; j < this.numCols; j++) line[j] = read(src?.[this.col - 1 + j]);
      out[i] = line;
    }
    return out;
  }
  private first<T>(read: (cell: Cell | undefined) => T): T {
    return read(this.sheet.rows[this.row - 1]?.[this.col - 1]);
  }
  private checkShape(data: unknown, what = 'data'): unknown[][] {
    if (!Array.isArray(data)) {
      throw new Error(
        `The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.set${what}.`,
      );
    }
    if (data.length !== this.numRows) throw sizeError('rows', data.length, this.numRows);
    for (const row of data) {
      if (!Array.isArray(row)) {
        throw new Error(
          `The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.set${what}.`,
        );
      }
      if (row.length !== this.numCols) throw sizeError('columns', row.length, this.numCols);
    }
    return data as unknown[][];
  }
  private writeEach(apply: (cell: Cell, i: number, j: number) => void): void {
    this.sheet.assertEditable(this.row, this.col, this.numRows, this.numCols);
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) apply(this.sheet.cellForWrite(this.row + i, this.col + j), i, j);
    }
  }
  /** Like writeEach for clearing: visits only cells that exist (clearing a blank cell changes nothing). */
  private clearEach(apply: (cell: Cell) => void): void {
    this.sheet.assertEditable(this.row, this.col, this.numRows, this.numCols);
    for (let i = 0; i < this.numRows; i++) {
      const line = this.sheet.rows[this.row - 1 + i];
      if (!line) continue;
      for (let j = 0; j < this.numCols; j++) {
        const cell = line[this.col - 1 + j];
        if (cell) apply(cell);
      }
    }
  }
  private exportValue = (cell: Cell | undefined): unknown => {
    if (!cell) return '';
    const v = cell.v;
    return typeof v === 'object' ? new this.ctx.realm.Date(v.date) : v;
  };
  private display = (cell: Cell | undefined): string => {
    if (!cell) return '';
    const v = cell.v;
    if (cell.nf === undefined) {
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
    }
    return formatValue(v, cell.nf, this.tz);
  };
  private enter(cell: Cell, input: unknown): void {
    const e = parseEntered(input, cell.nf, this.tz);
    cell.v = e.v;
    if (e.f !== undefined) cell.f = e.f;
    else delete cell.f;
    if (e.nf !== undefined) cell.nf = e.nf;
  }

  // ---- values ----
  /** "Returns the rectangular grid of values for this range." Blank cells are ''. */
  getValues(): unknown[][] {
    return this.grid(this.exportValue);
  }
  getValue(): unknown {
    return this.first(this.exportValue);
  }
  setValues(values: unknown[][]): GasRange {
    const data = this.checkShape(values, 'Values');
    this.sheet.assertEditable(this.row, this.col, this.numRows, this.numCols);
    const rows = this.sheet.rows;
    for (let i = 0; i < this.numRows; i++) {
      const src = data[i];
      let line = rows[this.row - 1 + i];
      if (!line) {
        line = [];
        rows[this.row - 1 + i] = line;
      }
      for (let j = 0; j < this.numCols; j++) {
        const input = src[j];
        const k = this.col - 1 + j;
        let cell = line[k];
        if (!cell) {
          cell = { v: '' };
          line[k] = cell;
        }
        // Fast path for plain numbers and booleans; everything else goes through the user-entered parser.
        if ((typeof input === 'number' && Number.isFinite(input)) || typeof input === 'boolean') {
          cell.v = input;
          if (cell.f !== undefined) delete cell.f;
        } else this.enter(cell, input);
      }
    }
    return this.self;
  }
  setValue(value: unknown): GasRange {
    this.writeEach((cell) => this.enter(cell, value));
    return this.self;
  }
  getDisplayValues(): string[][] {
    return this.grid(this.display);
  }
  getDisplayValue(): string {
    return this.first(this.display);
  }
  isBlank(): boolean {
    for (let i = 0; i < this.numRows; i++) {
      const src = this.sheet.rows[this.row - 1 + i];
      if (!src) continue;
      for (let j = 0; j < this.numCols; j++) {
        const c = src[this.col - 1 + j];
        if (c && (c.v !== '' || c.f)) return false;
      }
    }
    return true;
  }

  // ---- formulas ----
  getFormulas(): string[][] {
    return this.grid((c) => c?.f ?? '');
  }
  getFormula(): string {
    return this.first((c) => c?.f ?? '');
  }
  setFormulas(formulas: string[][]): GasRange {
    const data = this.checkShape(formulas, 'Formulas');
    this.writeEach((cell, i, j) => this.setFormulaOf(cell, data[i][j]));
    return this.self;
  }
  setFormula(formula: string): GasRange {
    this.writeEach((cell) => this.setFormulaOf(cell, formula));
    return this.self;
  }
  private setFormulaOf(cell: Cell, formula: unknown): void {
    const f = formula === null || formula === undefined ? '' : String(formula);
    if (f.startsWith('=')) {
      cell.f = f;
      cell.v = evaluateFormula(f);
    } else this.enter(cell, f);
  }

  // ---- formats ----
  getBackgrounds(): string[][] {
    return this.grid((c) => c?.bg ?? '#ffffff');
  }
  getBackground(): string {
    return this.first((c) => c?.bg ?? '#ffffff');
  }
  setBackground(color: string | null): GasRange {
    const bg = color === null || color === undefined || color === '' ? undefined : normalizeColor(color);
    this.writeEach((cell) => {
      if (bg) cell.bg = bg;
      else delete cell.bg;
    });
    return this.self;
  }
  setBackgrounds(colors: (string | null)[][]): GasRange {
    const data = this.checkShape(colors, 'Backgrounds') as (string | null)[][];
    const norm = data.map((row) =>
      row.map((c) => (c === null || c === undefined || c === '' ? undefined : normalizeColor(c))),
    );
    this.writeEach((cell, i, j) => {
      const bg = norm[i][j];
      if (bg) cell.bg = bg;
      else delete cell.bg;
    });
    return this.self;
  }
  setBackgroundRGB(red: number, green: number, blue: number): GasRange {
    const hex = (n: number) =>
      Math.max(0, Math.min(255, Math.round(n)))
        .toString(16)
        .padStart(2, '0');
    return this.setBackground(`#${hex(red)}${hex(green)}${hex(blue)}`);
  }
  getNotes(): string[][] {
    return this.grid((c) => c?.note ?? '');
  }
  getNote(): string {
    return this.first((c) => c?.note ?? '');
  }
  setNote(note: string | null): GasRange {
    const n = note === null || note === undefined ? '' : String(note);
    this.writeEach((cell) => {
      if (n) cell.note = n;
      else delete cell.note;
    });
    return this.self;
  }
  setNotes(notes: (string | null)[][]): GasRange {
    const data = this.checkShape(notes, 'Notes');
    this.writeEach((cell, i, j) => {
      const n = data[i][j] === null || data[i][j] === undefined ? '' : String(data[i][j]);
      if (n) cell.note = n;
      else delete cell.note;
    });
    return this.self;
  }
  clearNote(): GasRange {
    this.clearEach((cell) => {
      delete cell.note;
    });
    return this.self;
  }
  getNumberFormats(): string[][] {
    return this.grid((c) => c?.nf ?? AUTOMATIC_FORMAT);
  }
  getNumberFormat(): string {
    return this.first((c) => c?.nf ?? AUTOMATIC_FORMAT);
  }
  setNumberFormat(format: string): GasRange {
    const nf = String(format);
    this.writeEach((cell) => {
      cell.nf = nf;
    });
    return this.self;
  }
  setNumberFormats(formats: string[][]): GasRange {
    const data = this.checkShape(formats, 'NumberFormats');
    this.writeEach((cell, i, j) => {
      cell.nf = String(data[i][j]);
    });
    return this.self;
  }
  getFontWeights(): ('bold' | 'normal')[][] {
    return this.grid((c) => (c?.fw === 'bold' ? 'bold' : 'normal'));
  }
  getFontWeight(): 'bold' | 'normal' {
    return this.first((c) => (c?.fw === 'bold' ? 'bold' : 'normal'));
  }
  setFontWeight(weight: string | null): GasRange {
    if (weight !== null && weight !== 'bold' && weight !== 'normal')
      throw new Error(`Invalid argument: ${weight}`);
    this.writeEach((cell) => {
      if (weight === 'bold') cell.fw = 'bold';
      else delete cell.fw;
    });
    return this.self;
  }
  setFontWeights(weights: (string | null)[][]): GasRange {
    const data = this.checkShape(weights, 'FontWeights');
    this.writeEach((cell, i, j) => {
      if (data[i][j] === 'bold') cell.fw = 'bold';
      else delete cell.fw;
    });
    return this.self;
  }
  getFontColors(): string[][] {
    return this.grid((c) => c?.fc ?? '#000000');
  }
  getFontColor(): string {
    return this.first((c) => c?.fc ?? '#000000');
  }
  setFontColor(color: string | null): GasRange {
    const fc = color === null || color === undefined || color === '' ? undefined : normalizeColor(color);
    this.writeEach((cell) => {
      if (fc) cell.fc = fc;
      else delete cell.fc;
    });
    return this.self;
  }
  setFontColors(colors: (string | null)[][]): GasRange {
    const data = this.checkShape(colors, 'FontColors') as (string | null)[][];
    this.writeEach((cell, i, j) => {
      const c = data[i][j];
      if (c) cell.fc = normalizeColor(c);
      else delete cell.fc;
    });
    return this.self;
  }
  getHorizontalAlignment(): string {
    return this.first((c) => c?.ha ?? 'general');
  }
  getHorizontalAlignments(): string[][] {
    return this.grid((c) => c?.ha ?? 'general');
  }
  setHorizontalAlignment(alignment: string | null): GasRange {
    const ok = [null, 'left', 'center', 'right', 'normal', 'general'];
    if (!ok.includes(alignment)) throw new Error(`Invalid argument: ${alignment}`);
    this.writeEach((cell) => {
      if (alignment && alignment !== 'normal' && alignment !== 'general') cell.ha = alignment;
      else delete cell.ha;
    });
    return this.self;
  }
  getWrap(): boolean {
    return this.first((c) => c?.wrap ?? false);
  }
  setWrap(wrap: boolean): GasRange {
    this.writeEach((cell) => {
      if (wrap) cell.wrap = true;
      else delete cell.wrap;
    });
    return this.self;
  }
  setWrapStrategy(strategy: unknown): GasRange {
    return this.setWrap(String(strategy) === 'WRAP');
  }

  // ---- data validation ----
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    const dv = this.first((c) => c?.dv);
    return dv ? new FakeDataValidation(this.sheet.spreadsheet, dv).self : null;
  }
  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    return this.grid((c) => (c?.dv ? new FakeDataValidation(this.sheet.spreadsheet, c.dv).self : null));
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GasRange {
    const dv = rule === null || rule === undefined ? undefined : dataOf(rule);
    this.writeEach((cell) => {
      if (dv) cell.dv = dv;
      else delete cell.dv;
    });
    return this.self;
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): GasRange {
    const data = this.checkShape(
      rules,
      'DataValidations',
    ) as (GoogleAppsScript.Spreadsheet.DataValidation | null)[][];
    const dvs = data.map((row) => row.map((r) => (r ? dataOf(r) : undefined)));
    this.writeEach((cell, i, j) => {
      const dv = dvs[i][j];
      if (dv) cell.dv = dv;
      else delete cell.dv;
    });
    return this.self;
  }
  clearDataValidations(): GasRange {
    return this.setDataValidation(null);
  }

  // ---- clearing ----
  clearContent(): GasRange {
    this.clearEach((cell) => {
      cell.v = '';
      delete cell.f;
    });
    return this.self;
  }
  clearFormat(): GasRange {
    this.clearEach((cell) => {
      delete cell.bg;
      delete cell.nf;
      delete cell.fw;
      delete cell.fc;
      delete cell.ha;
      delete cell.wrap;
    });
    return this.self;
  }
  /**
   * "Clears the range of contents and formats." With options, only the chosen parts
   * (contentsOnly, formatOnly, commentsOnly, validationsOnly).
   */
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    commentsOnly?: boolean;
    validationsOnly?: boolean;
  }): GasRange {
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.commentsOnly || o.validationsOnly;
    if (!any || o.contentsOnly) this.clearContent();
    if (!any || o.formatOnly) this.clearFormat();
    if (o.commentsOnly) this.clearNote();
    if (o.validationsOnly) this.clearDataValidations();
    return this.self;
  }

  // ---- misc ----
  /** "Creates a text finder for the range, which can find and replace text in this range." */
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return new FakeTextFinder(this, String(findText ?? '')).self;
  }
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const book = this.sheet.spreadsheet;
    const p = new FakeProtection(book, {
      type: 'RANGE',
      sheetName: this.sheet.name,
      range: this[RANGE_REF],
      description: '',
      warningOnly: false,
      editors: book.defaultProtectionEditors(),
      unprotected: [],
    });
    book.protections.push(p);
    return p.self;
  }
  activate(): GasRange {
    this.sheet.spreadsheet.setActiveRangeRaw(this);
    return this.self;
  }
  activateAsCurrentCell(): GasRange {
    return this.activate();
  }
  /** Copies values and formats to a target range's top-left (size of this range). */
  copyTo(destination: GasRange): void {
    const ref = refOf(destination);
    const target = this.sheet.spreadsheet.sheetRaw(ref.sheetName)!;
    target.assertEditable(ref.row, ref.col, this.numRows, this.numCols);
    const copies: (Cell | undefined)[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      copies.push([]);
      for (let j = 0; j < this.numCols; j++) {
        const c = this.sheet.rows[this.row - 1 + i]?.[this.col - 1 + j];
        copies[i].push(c ? structuredClone(c) : undefined);
      }
    }
    target.rangeAt(ref.row, ref.col, this.numRows, this.numCols);
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) target.putCell(ref.row + i, ref.col + j, copies[i][j]);
    }
  }
  toString(): string {
    return 'Range';
  }
}

function dataOf(rule: GoogleAppsScript.Spreadsheet.DataValidation): DataValidationData {
  const data = (rule as unknown as { data?: DataValidationData }).data;
  if (!data || typeof data.criteria !== 'string') throw new Error('Invalid argument: rule');
  return structuredClone(data);
}

/** JSON of one cell in WorkbookJSON: only non-default properties appear. Dates are {date: ISO string}. */
export interface CellJSON {
  value?: string | number | boolean | { date: string };
  formula?: string;
  background?: string;
  note?: string;
  numberFormat?: string;
  fontWeight?: string;
  fontColor?: string;
  horizontalAlignment?: string;
  wrap?: boolean;
  dataValidation?: DataValidationJSON;
}

/** JSON of a data validation rule; ranges as {range: "'Sheet'!A1:B2"}, dates as {date: ISO}. */
export interface DataValidationJSON {
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

/** Whether a cell holds nothing worth keeping. */
export function isEmptyCell(c: Cell | undefined): boolean {
  if (!c) return true;
  for (const k in c) {
    if (k === 'v') {
      if (c.v !== '') return false;
    } else if ((c as unknown as Record<string, unknown>)[k] !== undefined) return false;
  }
  return true;
}

/** Converts a cell to its JSON form (args converter supplied for data validation ranges). */
export function cellToJSON(c: Cell, argToJSON: (a: unknown) => unknown): CellJSON {
  const out: CellJSON = {};
  if (c.v !== '') out.value = typeof c.v === 'object' ? { date: new Date(c.v.date).toISOString() } : c.v;
  if (c.f) out.formula = c.f;
  if (c.bg) out.background = c.bg;
  if (c.note) out.note = c.note;
  if (c.nf) out.numberFormat = c.nf;
  if (c.fw) out.fontWeight = c.fw;
  if (c.fc) out.fontColor = c.fc;
  if (c.ha) out.horizontalAlignment = c.ha;
  if (c.wrap) out.wrap = c.wrap;
  if (c.dv) out.dataValidation = { ...c.dv, args: c.dv.args.map(argToJSON) };
  return out;
}

/** Converts a cell's JSON back. */
export function cellFromJSON(j: CellJSON, argFromJSON: (a: unknown) => unknown): Cell {
  const c: Cell = { v: '' };
  const v = j.value;
  if (v !== undefined && v !== null) c.v = typeof v === 'object' ? { date: Date.parse(v.date) } : v;
  if (j.formula) c.f = j.formula;
  if (j.background) c.bg = normalizeColor(j.background);
  if (j.note) c.note = j.note;
  if (j.numberFormat) c.nf = j.numberFormat;
  if (j.fontWeight) c.fw = j.fontWeight;
  if (j.fontColor) c.fc = normalizeColor(j.fontColor);
  if (j.horizontalAlignment) c.ha = j.horizontalAlignment;
  if (j.wrap) c.wrap = true;
  if (j.dataValidation) {
    c.dv = {
      ...j.dataValidation,
      args: j.dataValidation.args.map(argFromJSON) as DataValidationData['args'],
    };
  }
  return c;
}
