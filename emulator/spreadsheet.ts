// The emulated Spreadsheet: sheets, selection, sharing, protections, toasts, and WorkbookJSON (de)serialization.

import { formatA1, parseA1, quoteSheetName } from './a1';
import {
  type Book,
  type CellValue,
  type ChartData,
  type ConditionalRuleData,
  type DataValidationData,
  emailOf,
  FakeProtection,
  makeUser,
  type ProtectionData,
  passesValidation,
  type RangeRef,
  refOf,
  type StoredArg,
} from './builders';
import { counted, type EmulatorContext } from './context';
import { isValidTimeZone } from './number-format';
import { type CellJSON, cellFromJSON, type FakeRange } from './range';
import { FakeSheet } from './sheet';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A toast shown with Spreadsheet.toast(). */
export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
}

/**
 * WorkbookJSON, version 1: the playground's save format. Plain JSON, no Dates:
 * - cells are keyed by A1 ('B3'); only non-default properties appear; a date value is {date: ISO string};
 * - ranges inside rules are A1 strings with the sheet name ("'My sheet'!A2:A"), dates {date: ISO};
 * - columnWidths maps 1-based column numbers to pixels; hiddenColumns lists 1-based columns.
 */
export interface WorkbookJSON {
  version: 1;
  id: string;
  name: string;
  timeZone: string;
  owner: string;
  editors: string[];
  viewers: string[];
  activeSheet?: string;
  activeRange?: string;
  sheets: SheetJSON[];
}

export interface SheetJSON {
  name: string;
  sheetId: number;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  tabColor?: string | null;
  hidden?: boolean;
  columnWidths: Record<string, number>;
  hiddenColumns: number[];
  cells: Record<string, CellJSON>;
  protections: ProtectionJSON[];
  conditionalFormatRules: {
    ranges: string[];
    criteria: string;
    args: unknown[];
    background?: string | null;
    fontColor?: string | null;
    bold?: boolean | null;
  }[];
  charts: {
    chartId: number;
    type: string;
    ranges: string[];
    position: { row: number; col: number; offsetX: number; offsetY: number };
    options: Record<string, unknown>;
  }[];
}

export interface ProtectionJSON {
  type: 'RANGE' | 'SHEET';
  range: string | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  unprotected: string[];
}

/** Options of a spreadsheet. */
export interface SpreadsheetOptions {
  getUi?: () => GoogleAppsScript.Base.Ui;
  timeZone?: string;
  name?: string;
  id?: string;
  /** Owner email; the running user (ctx.user) by default. */
  owner?: string;
  /** Sheets to create; one 'Sheet1' by default. */
  sheetNames?: string[];
}

let idCounter = 1;

/** The emulated Spreadsheet. Scripts get `self`, the counting proxy; tests use the raw object. */
export class FakeSpreadsheet
  implements
    Book,
    Pick<
      GasSpreadsheet,
      | 'getId'
      | 'getName'
      | 'rename'
      | 'getUrl'
      | 'getSpreadsheetTimeZone'
      | 'setSpreadsheetTimeZone'
      | 'getSheets'
      | 'getSheetByName'
      | 'deleteSheet'
      | 'getActiveSheet'
      | 'setActiveSheet'
      | 'getActiveRange'
      | 'getActiveCell'
      | 'getCurrentCell'
      | 'getRange'
      | 'getRangeByName'
      | 'getOwner'
      | 'getEditors'
      | 'getViewers'
      | 'addEditor'
      | 'addViewer'
      | 'removeEditor'
      | 'removeViewer'
      | 'getSheetId'
    >
{
  readonly self: GasSpreadsheet;
  readonly sheets: FakeSheet[] = [];
  readonly protections: FakeProtection[] = [];
  /** Every toast shown, oldest first. */
  readonly toasts: Toast[] = [];
  /** Sharing changes in call order, e.g. {action: 'addEditor', email}. */
  readonly sharingLog: { action: string; email: string }[] = [];
  readonly namedRanges = new Map<string, RangeRef>();
  id: string;
  name: string;
  timeZone: string;
  owner: string;
  editors: string[] = [];
  viewers: string[] = [];
  private activeSheet: FakeSheet | null = null;
  private activeRef: RangeRef | null = null;
  private nextSheetId = 1;

  constructor(
    readonly ctx: EmulatorContext,
    opts: SpreadsheetOptions = {},
  ) {
    this.id = opts.id ?? `fake-spreadsheet-${idCounter++}`;
    this.name = opts.name ?? 'Untitled spreadsheet';
    this.timeZone = opts.timeZone ?? 'America/New_York';
    if (!isValidTimeZone(this.timeZone)) throw new Error(`Invalid time zone: ${this.timeZone}`);
    this.owner = opts.owner ?? ctx.user;
    this.self = counted(ctx, 'Spreadsheet', this) as unknown as GasSpreadsheet;
    for (const n of opts.sheetNames ?? ['Sheet1']) this.addSheetRaw(n);
  }

  // ---------------------------------------------------------------- Book (for builders) and un-counted helpers

  rangeFromRef(ref: RangeRef): GasRange {
    const sheet = this.sheetRaw(ref.sheetName);
    if (!sheet) throw new Error('Range not found');
    if (ref.numRows === 0) return sheet.rangeAt(1, 1, sheet.maxRows, sheet.maxCols).self;
    return sheet.rangeAt(ref.row, ref.col, ref.numRows, ref.numCols).self;
  }
  displayValuesOf(ref: RangeRef): string[][] {
    const sheet = this.sheetRaw(ref.sheetName);
    if (!sheet) return [];
    const r = sheet.rangeAt(
      ref.row,
      ref.col,
      Math.min(ref.numRows, sheet.maxRows - ref.row + 1),
      ref.numCols,
    );
    return Array.from(r.getDisplayValues(), (row) => Array.from(row));
  }
  ownerEmail(): string {
    return this.owner;
  }
  editorEmails(): string[] {
    return [...this.editors];
  }
  removeProtection(p: FakeProtection): void {
    const i = this.protections.indexOf(p);
    if (i >= 0) this.protections.splice(i, 1);
    else {
      const j = this.protections.findIndex((x) => x.data === p.data);
      if (j >= 0) this.protections.splice(j, 1);
    }
  }
  /** New protections list the owner, the spreadsheet's editors and the current user. */
  defaultProtectionEditors(): string[] {
    return [...new Set([this.owner, ...this.editors, this.ctx.user])];
  }
  passes(dv: DataValidationData, value: CellValue, display: string): boolean {
    return passesValidation(this, dv, value, display);
  }

  /** The raw sheet with this exact name, or undefined. */
  sheetRaw(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  /** The raw sheet with this name; throws when absent (tests). */
  fakeSheet(name?: string): FakeSheet {
    const s = name === undefined ? this.activeSheetRaw() : this.sheetRaw(name);
    if (!s) throw new Error(`No sheet named ${name}`);
    return s;
  }
  activeSheetRaw(): FakeSheet {
    if (!this.activeSheet || !this.sheets.includes(this.activeSheet)) this.activeSheet = this.sheets[0];
    return this.activeSheet;
  }
  setActiveSheetRaw(sheet: FakeSheet): void {
    if (this.activeSheet !== sheet) this.activeRef = null;
    this.activeSheet = sheet;
  }
  setActiveRangeRaw(range: FakeRange): void {
    this.activeSheet = range.sheet;
    this.activeRef = {
      sheetName: range.sheet.name,
      row: range.row,
      col: range.col,
      numRows: range.numRows,
      numCols: range.numCols,
    };
  }
  /** Test helper: selects a range (A1 with or without sheet name), as a user clicking in the grid. */
  selectRange(a1: string): void {
    const sheet = a1.includes('!') ? this.sheetRaw(parseA1(a1)?.sheetName ?? '') : this.activeSheetRaw();
    if (!sheet) throw new Error('Range not found');
    this.setActiveRangeRaw(sheet.rangeA1(a1));
  }
  getActiveRangeOf(sheet: FakeSheet): GasRange {
    const ref = this.activeRef;
    if (ref && ref.sheetName === sheet.name && this.activeSheet === sheet) {
      try {
        return sheet.rangeAt(ref.row, ref.col, ref.numRows, ref.numCols).self;
      } catch {
        // the selection fell off the grid after deletions
      }
    }
    return sheet.rangeAt(1, 1, 1, 1).self;
  }
  addSheetRaw(name: string, index?: number, maxRows = 1000, maxCols = 26, sheetId?: number): FakeSheet {
    const id = sheetId ?? (this.sheets.length === 0 ? 0 : this.nextSheetId++ * 1_000_003);
    const sheet = new FakeSheet(this, name, id, maxRows, maxCols);
    if (index === undefined || index >= this.sheets.length) this.sheets.push(sheet);
    else this.sheets.splice(Math.max(0, index), 0, sheet);
    return sheet;
  }
  checkNewSheetName(name: string): void {
    if (name.trim() === '') throw new Error('Sheet names cannot be empty.');
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }
  renameRefs(from: string, to: string): void {
    const fix = (r: RangeRef | null) => {
      if (r && r.sheetName === from) r.sheetName = to;
    };
    for (const s of this.sheets) {
      for (const rule of s.conditionalRules) rule.ranges.forEach(fix);
      for (const c of s.charts) c.ranges.forEach(fix);
    }
    for (const p of this.protections) {
      fix(p.data.range);
      p.data.unprotected.forEach(fix);
    }
    for (const r of this.namedRanges.values()) fix(r);
    if (this.activeRef) fix(this.activeRef);
  }
  argToJSON(a: unknown): unknown {
    return argToJSON(a as StoredArg);
  }

  // ---------------------------------------------------------------- Spreadsheet API

  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  rename(newName: string): void {
    this.name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    if (!isValidTimeZone(timezone)) throw new Error(`Invalid argument: ${timezone}`);
    this.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return 'en_US';
  }
  getSheets(): GasSheet[] {
    return this.ctx.realm.Array.from(this.sheets, (s) => s.self);
  }
  getNumSheets(): number {
    return this.sheets.length;
  }
  /** "Returns a sheet with the given name… null if there is no sheet with the given name." Case-sensitive. */
  getSheetByName(name: string): GasSheet | null {
    return this.sheetRaw(name)?.self ?? null;
  }
  getSheetById(id: number): GasSheet | null {
    return this.sheets.find((s) => s.sheetId === id)?.self ?? null;
  }
  /**
   * insertSheet(), insertSheet(index), insertSheet(name), insertSheet(name, index):
   * a 1000 × 26 sheet that becomes the active sheet. Index is 0-based.
   */
  insertSheet(nameOrIndex?: string | number, index?: number): GasSheet {
    let name: string | undefined;
    let at: number | undefined;
    if (typeof nameOrIndex === 'number') at = nameOrIndex;
    else if (typeof nameOrIndex === 'string') {
      name = nameOrIndex;
      at = index;
    }
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    this.checkNewSheetName(name);
    const sheet = this.addSheetRaw(name, at);
    this.setActiveSheetRaw(sheet);
    return sheet.self;
  }
  deleteSheet(sheet: GasSheet): void {
    const raw = this.sheets.find((s) => s.self === sheet || s === (sheet as unknown));
    if (!raw) throw new Error('Invalid argument: sheet');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(this.sheets.indexOf(raw), 1);
    for (let i = this.protections.length - 1; i >= 0; i--) {
      if (this.protections[i].data.sheetName === raw.name) this.protections.splice(i, 1);
    }
    if (this.activeSheet === raw) {
      this.activeSheet = this.sheets[0];
      this.activeRef = null;
    }
  }
  getActiveSheet(): GasSheet {
    return this.activeSheetRaw().self;
  }
  setActiveSheet(sheet: GasSheet): GasSheet {
    const raw = this.sheets.find((s) => s.self === sheet || s === (sheet as unknown));
    if (!raw) throw new Error('Invalid argument: sheet');
    this.setActiveSheetRaw(raw);
    return raw.self;
  }
  /** The selected range of the active sheet (A1 when nothing was selected). */
  getActiveRange(): GasRange {
    return this.getActiveRangeOf(this.activeSheetRaw());
  }
  getActiveCell(): GasRange {
    return this.getActiveRange().getCell(1, 1);
  }
  getCurrentCell(): GasRange {
    return this.getActiveCell();
  }
  setActiveRange(range: GasRange): GasRange {
    const ref = refOf(range);
    const sheet = this.sheetRaw(ref.sheetName)!;
    this.setActiveRangeRaw(sheet.rangeAt(ref.row, ref.col, ref.numRows, ref.numCols));
    return range;
  }
  getSelection() {
    return counted(this.ctx, 'Selection', {
      getActiveRange: () => this.getActiveRange(),
      getCurrentCell: () => this.getActiveCell(),
      getActiveSheet: () => this.getActiveSheet(),
    });
  }
  /** getRange('A1:B2') on the active sheet or getRange("'Sheet name'!A1:B2"). */
  getRange(a1Notation: string): GasRange {
    const ref = parseA1(String(a1Notation));
    if (!ref) throw new Error('Range not found');
    const sheet = ref.sheetName !== undefined ? this.sheetRaw(ref.sheetName) : this.activeSheetRaw();
    if (!sheet) throw new Error('Range not found');
    return sheet.rangeA1(a1Notation).self;
  }
  getRangeByName(name: string): GasRange | null {
    const ref = this.namedRanges.get(name);
    return ref ? this.rangeFromRef(ref) : null;
  }
  setNamedRange(name: string, range: GasRange): void {
    this.namedRanges.set(name, refOf(range));
  }
  removeNamedRange(name: string): void {
    this.namedRanges.delete(name);
  }
  getSheetId(): number {
    return this.activeSheetRaw().sheetId;
  }
  getSheetName(): string {
    return this.activeSheetRaw().name;
  }
  getLastRow(): number {
    return this.activeSheetRaw().lastRow();
  }
  getLastColumn(): number {
    return this.activeSheetRaw().lastColumn();
  }
  getDataRange(): GasRange {
    return this.activeSheetRaw().getDataRange();
  }
  appendRow(rowContents: unknown[]): GasSheet {
    return this.activeSheetRaw().appendRow(rowContents);
  }
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.toasts.push({
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }
  getOwner(): GoogleAppsScript.Base.User {
    return makeUser(this.ctx, this.owner);
  }
  /** The owner and the editors. */
  getEditors(): GoogleAppsScript.Base.User[] {
    return this.ctx.realm.Array.from([this.owner, ...this.editors], (e) => makeUser(this.ctx, e));
  }
  /** "Gets the list of viewers and commenters for this Spreadsheet." */
  getViewers(): GoogleAppsScript.Base.User[] {
    return this.ctx.realm.Array.from(this.viewers, (e) => makeUser(this.ctx, e));
  }
  addEditor(user: unknown): GasSpreadsheet {
    const e = emailOf(user);
    this.sharingLog.push({ action: 'addEditor', email: e });
    if (e !== this.owner && !this.editors.includes(e)) this.editors.push(e);
    this.viewers = this.viewers.filter((v) => v !== e);
    return this.self;
  }
  addEditors(users: unknown[]): GasSpreadsheet {
    for (const u of users) this.addEditor(u);
    return this.self;
  }
  removeEditor(user: unknown): GasSpreadsheet {
    const e = emailOf(user);
    this.sharingLog.push({ action: 'removeEditor', email: e });
    this.editors = this.editors.filter((x) => x !== e);
    return this.self;
  }
  addViewer(user: unknown): GasSpreadsheet {
    const e = emailOf(user);
    this.sharingLog.push({ action: 'addViewer', email: e });
    if (e !== this.owner && !this.editors.includes(e) && !this.viewers.includes(e)) this.viewers.push(e);
    return this.self;
  }
  addViewers(users: unknown[]): GasSpreadsheet {
    for (const u of users) this.addViewer(u);
    return this.self;
  }
  removeViewer(user: unknown): GasSpreadsheet {
    const e = emailOf(user);
    this.sharingLog.push({ action: 'removeViewer', email: e });
    this.viewers = this.viewers.filter((x) => x !== e);
    return this.self;
  }
  getProtections(type: unknown): GoogleAppsScript.Spreadsheet.Protection[] {
    const t = String(type);
    return this.ctx.realm.Array.from(
      this.protections.filter((p) => p.data.type === t),
      (p) => p.self,
    );
  }
  toString(): string {
    return 'Spreadsheet';
  }

  // ---------------------------------------------------------------- WorkbookJSON

  /** Serializes the whole workbook to WorkbookJSON v1. */
  toJSON(): WorkbookJSON {
    return {
      version: 1,
      id: this.id,
      name: this.name,
      timeZone: this.timeZone,
      owner: this.owner,
      editors: [...this.editors],
      viewers: [...this.viewers],
      activeSheet: this.activeSheetRaw().name,
      ...(this.activeRef ? { activeRange: refToA1(this.activeRef) } : {}),
      sheets: this.sheets.map((s) => ({
        name: s.name,
        sheetId: s.sheetId,
        maxRows: s.maxRows,
        maxCols: s.maxCols,
        frozenRows: s.frozenRows,
        frozenCols: s.frozenCols,
        tabColor: s.tabColor,
        hidden: s.hidden,
        columnWidths: Object.fromEntries(
          s.colWidths.flatMap((w, i) => (w === undefined ? [] : [[String(i + 1), w] as [string, number]])),
        ),
        hiddenColumns: s.hiddenCols.flatMap((h, i) => (h ? [i + 1] : [])),
        cells: s.cellsSnapshot(),
        protections: this.protections
          .filter((p) => p.data.sheetName === s.name)
          .map((p) => ({
            type: p.data.type,
            range: p.data.range ? refToA1(p.data.range) : null,
            description: p.data.description,
            warningOnly: p.data.warningOnly,
            editors: [...p.data.editors],
            unprotected: p.data.unprotected.map(refToA1),
          })),
        conditionalFormatRules: s.conditionalRules.map((r) => ({
          ...r,
          ranges: r.ranges.map(refToA1),
          args: r.args.map(argToJSON),
        })),
        charts: s.charts.map((c) => ({ ...structuredClone(c), ranges: c.ranges.map(refToA1) })),
      })),
    };
  }

  /** Builds a spreadsheet from WorkbookJSON v1. */
  static fromJSON(ctx: EmulatorContext, json: WorkbookJSON, opts: SpreadsheetOptions = {}): FakeSpreadsheet {
    if (json?.version !== 1) throw new Error('Unsupported WorkbookJSON version');
    const book = new FakeSpreadsheet(ctx, {
      ...opts,
      id: json.id,
      name: json.name,
      timeZone: opts.timeZone ?? json.timeZone,
      owner: json.owner,
      sheetNames: [],
    });
    book.editors = [...(json.editors ?? [])];
    book.viewers = [...(json.viewers ?? [])];
    const fromArg = (a: unknown) => argFromJSON(a);
    for (const sj of json.sheets) {
      const s = book.addSheetRaw(sj.name, undefined, sj.maxRows, sj.maxCols, sj.sheetId);
      book.nextSheetId = Math.max(book.nextSheetId, Math.ceil((sj.sheetId + 1) / 1_000_003) + 1);
      s.frozenRows = sj.frozenRows ?? 0;
      s.frozenCols = sj.frozenCols ?? 0;
      s.tabColor = sj.tabColor ?? null;
      s.hidden = !!sj.hidden;
      for (const [col, w] of Object.entries(sj.columnWidths ?? {})) s.colWidths[Number(col) - 1] = w;
      for (const col of sj.hiddenColumns ?? []) s.hiddenCols[col - 1] = true;
      for (const [a1, cj] of Object.entries(sj.cells ?? {})) {
        const ref = parseA1(a1);
        if (!ref || ref.startRow === undefined || ref.startCol === undefined)
          throw new Error(`Bad cell key ${a1}`);
        s.putCell(ref.startRow, ref.startCol, cellFromJSON(cj, fromArg));
      }
      s.conditionalRules = (sj.conditionalFormatRules ?? []).map(
        (r): ConditionalRuleData => ({
          ...r,
          ranges: r.ranges.map(a1ToRef),
          args: r.args.map(fromArg) as StoredArg[],
        }),
      );
      s.charts = (sj.charts ?? []).map(
        (c): ChartData => ({ ...structuredClone(c), ranges: c.ranges.map(a1ToRef) }),
      );
    }
    for (const sj of json.sheets) {
      for (const pj of sj.protections ?? []) {
        const data: ProtectionData = {
          type: pj.type,
          sheetName: sj.name,
          range: pj.range ? a1ToRef(pj.range) : null,
          description: pj.description ?? '',
          warningOnly: !!pj.warningOnly,
          editors: [...(pj.editors ?? [])],
          unprotected: (pj.unprotected ?? []).map(a1ToRef),
        };
        book.protections.push(new FakeProtection(book, data));
      }
    }
    if (book.sheets.length === 0) book.addSheetRaw('Sheet1');
    const active = json.activeSheet ? book.sheetRaw(json.activeSheet) : undefined;
    if (active) book.setActiveSheetRaw(active);
    if (json.activeRange) book.selectRange(json.activeRange);
    return book;
  }
}

/** "'My sheet'!A1:B2" for a RangeRef. */
export function refToA1(ref: RangeRef): string {
  return `${quoteSheetName(ref.sheetName)}!${formatA1(ref.row, ref.col, ref.numRows, ref.numCols)}`;
}

/** RangeRef of "'My sheet'!A1:B2" (bounds must be closed). */
export function a1ToRef(a1: string): RangeRef {
  const r = parseA1(a1);
  if (!r || r.sheetName === undefined || r.startRow === undefined || r.startCol === undefined) {
    throw new Error(`Range not found: ${a1}`);
  }
  const endRow = r.endRow ?? r.startRow;
  const endCol = r.endCol ?? r.startCol;
  return {
    sheetName: r.sheetName,
    row: r.startRow,
    col: r.startCol,
    numRows: endRow - r.startRow + 1,
    numCols: endCol - r.startCol + 1,
  };
}

function argToJSON(a: StoredArg): unknown {
  if (Array.isArray(a)) return a.map(argToJSON);
  if (a && typeof a === 'object') {
    if ('date' in a) return { date: new Date(a.date).toISOString() };
    return { range: refToA1(a.range) };
  }
  return a;
}

function argFromJSON(a: unknown): StoredArg {
  if (Array.isArray(a)) return a.map(argFromJSON);
  if (a && typeof a === 'object') {
    const o = a as { date?: string; range?: string };
    if (typeof o.date === 'string') return { date: Date.parse(o.date) };
    if (typeof o.range === 'string') return { range: a1ToRef(o.range) };
    throw new Error('Bad WorkbookJSON argument');
  }
  return a as StoredArg;
}
