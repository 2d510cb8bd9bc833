// Value objects of the Sheets model: data validations, conditional format rules, charts, protections.

import { counted, type EmulatorContext, enumOf, isDate } from './context';

type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** A rectangle on a named sheet (1-based), the emulator's way to remember a range. */
export interface RangeRef {
  sheetName: string;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** Symbol under which a FakeRange exposes its RangeRef (read through the counting proxy uncounted). */
export const RANGE_REF = Symbol('rangeRef');

/** What builders need from the workbook. */
export interface Book {
  readonly ctx: EmulatorContext;
  rangeFromRef(ref: RangeRef): GasRange;
  /** Display values of a range (for VALUE_IN_RANGE validation). */
  displayValuesOf(ref: RangeRef): string[][];
  ownerEmail(): string;
  editorEmails(): string[];
  removeProtection(p: FakeProtection): void;
}

/** Extracts the RangeRef of a range handed in by the caller. */
export function refOf(range: unknown): RangeRef {
  const ref = range ? (range as { [RANGE_REF]?: RangeRef })[RANGE_REF] : undefined;
  if (!ref) throw new Error('Invalid argument: range');
  return ref;
}

/** SpreadsheetApp.DataValidationCriteria. */
export const DataValidationCriteria = enumOf(
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
);

/** SpreadsheetApp.BooleanCriteria. */
export const BooleanCriteria = enumOf(
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'NUMBER_GREATER_THAN',
  'NUMBER_LESS_THAN',
  'NUMBER_EQUAL_TO',
  'NUMBER_BETWEEN',
  'CUSTOM_FORMULA',
);

/** Charts.ChartType (the subset the emulator draws). */
export const ChartType = enumOf('AREA', 'BAR', 'COLUMN', 'LINE', 'PIE', 'SCATTER', 'TABLE');

/** A criteria argument as stored: ranges as RangeRef, dates as {date: ms}, the rest as is. */
export type StoredArg =
  | string
  | number
  | boolean
  | null
  | { date: number }
  | { range: RangeRef }
  | StoredArg[];

function storeArg(v: unknown): StoredArg {
  if (isDate(v)) return { date: v.getTime() };
  if (Array.isArray(v)) return v.map(storeArg);
  if (v && typeof v === 'object' && (v as { [RANGE_REF]?: RangeRef })[RANGE_REF]) return { range: refOf(v) };
  if (v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  return String(v);
}

function exportArg(book: Book, v: StoredArg): unknown {
  if (Array.isArray(v)) return book.ctx.realm.Array.from(v, (x) => exportArg(book, x));
  if (v && typeof v === 'object') {
    if ('date' in v) return new book.ctx.realm.Date(v.date);
    return book.rangeFromRef(v.range);
  }
  return v;
}

/** The plain data of a data validation rule. */
export interface DataValidationData {
  criteria: string;
  args: StoredArg[];
  allowInvalid: boolean;
  helpText: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(https?:\/\/)?[^\s/$.?#]+\.[^\s]+$/i;

/** A stored value: dates as {date: ms}. */
export type CellValue = string | number | boolean | { date: number };

function asMs(v: StoredArg): number {
  return v && typeof v === 'object' && 'date' in v ? v.date : Number(v);
}

/**
 * Whether a cell value passes a validation rule, as the Sheets UI would judge it. Blank passes.
 * `display` is the text Sheets would show for the value.
 */
export function passesValidation(
  book: Book,
  dv: DataValidationData,
  value: CellValue,
  display: string,
): boolean {
  if (value === '') return true;
  const [a, b] = dv.args;
  const num = typeof value === 'number' ? value : null;
  const ms = typeof value === 'object' ? value.date : null;
  switch (dv.criteria) {
    case 'VALUE_IN_LIST':
      return Array.isArray(a) && a.some((x) => String(x) === display);
    case 'VALUE_IN_RANGE': {
      if (!a || typeof a !== 'object' || !('range' in a)) return false;
      return book.displayValuesOf(a.range).some((row) => row.includes(display));
    }
    case 'CHECKBOX':
      if (dv.args.length === 0) return typeof value === 'boolean';
      return display === String(a) || display === String(b);
    case 'DATE_IS_VALID_DATE':
      return ms !== null;
    case 'DATE_AFTER':
      return ms !== null && ms > asMs(a);
    case 'DATE_BEFORE':
      return ms !== null && ms < asMs(a);
    case 'DATE_ON_OR_AFTER':
      return ms !== null && ms >= asMs(a);
    case 'DATE_ON_OR_BEFORE':
      return ms !== null && ms <= asMs(a);
    case 'DATE_BETWEEN':
      return ms !== null && ms >= asMs(a) && ms <= asMs(b);
    case 'NUMBER_BETWEEN':
      return num !== null && num >= Number(a) && num <= Number(b);
    case 'NUMBER_NOT_BETWEEN':
      return num !== null && (num < Number(a) || num > Number(b));
    case 'NUMBER_GREATER_THAN':
      return num !== null && num > Number(a);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num !== null && num >= Number(a);
    case 'NUMBER_LESS_THAN':
      return num !== null && num < Number(a);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num !== null && num <= Number(a);
    case 'NUMBER_EQUAL_TO':
      return num !== null && num === Number(a);
    case 'NUMBER_NOT_EQUAL_TO':
      return num !== null && num !== Number(a);
    case 'TEXT_CONTAINS':
      return display.includes(String(a));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !display.includes(String(a));
    case 'TEXT_EQUAL_TO':
      return display === String(a);
    case 'TEXT_IS_VALID_EMAIL':
      return EMAIL.test(display);
    case 'TEXT_IS_VALID_URL':
      return URL_RE.test(display);
    default:
      return true; // CUSTOM_FORMULA and others: not evaluated by the emulator
  }
}

/** A DataValidation as handed to scripts. */
export class FakeDataValidation
  implements Pick<GoogleAppsScript.Spreadsheet.DataValidation, 'getAllowInvalid' | 'getHelpText'>
{
  readonly self: GoogleAppsScript.Spreadsheet.DataValidation;
  constructor(
    private readonly book: Book,
    readonly data: DataValidationData,
  ) {
    this.self = counted(
      book.ctx,
      'DataValidation',
      this,
    ) as unknown as GoogleAppsScript.Spreadsheet.DataValidation;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.data.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return this.book.ctx.realm.Array.from(this.data.args, (a) => exportArg(this.book, a));
  }
  getAllowInvalid(): boolean {
    return this.data.allowInvalid;
  }
  getHelpText(): string {
    return this.data.helpText;
  }
  copy(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return new FakeDataValidationBuilder(this.book, structuredClone(this.data)).self;
  }
}

/** SpreadsheetApp.newDataValidation(). */
export class FakeDataValidationBuilder {
  readonly self: GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  constructor(
    private readonly book: Book,
    private data: DataValidationData = { criteria: '', args: [], allowInvalid: true, helpText: '' },
  ) {
    this.self = counted(
      book.ctx,
      'DataValidationBuilder',
      this,
    ) as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }
  private set(criteria: string, args: unknown[]) {
    this.data = { ...this.data, criteria, args: args.map(storeArg) };
    return this.self;
  }
  requireValueInList(values: unknown[], showDropdown = true) {
    if (!Array.isArray(values)) throw new Error('Invalid argument: values');
    return this.set('VALUE_IN_LIST', [values.map(String), showDropdown]);
  }
  requireValueInRange(range: GasRange, showDropdown = true) {
    refOf(range);
    return this.set('VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown) {
    const args = checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    return this.set('CHECKBOX', args);
  }
  requireDate() {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date) {
    return this.set('DATE_AFTER', [date]);
  }
  requireDateBefore(date: Date) {
    return this.set('DATE_BEFORE', [date]);
  }
  requireDateOnOrAfter(date: Date) {
    return this.set('DATE_ON_OR_AFTER', [date]);
  }
  requireDateOnOrBefore(date: Date) {
    return this.set('DATE_ON_OR_BEFORE', [date]);
  }
  requireDateBetween(start: Date, end: Date) {
    return this.set('DATE_BETWEEN', [start, end]);
  }
  requireNumberBetween(start: number, end: number) {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThan(n: number) {
    return this.set('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number) {
    return this.set('NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number) {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireTextContains(text: string) {
    return this.set('TEXT_CONTAINS', [text]);
  }
  requireTextEqualTo(text: string) {
    return this.set('TEXT_EQUAL_TO', [text]);
  }
  requireTextIsEmail() {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl() {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireFormulaSatisfied(formula: string) {
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  withCriteria(criteria: unknown, args: unknown[]) {
    return this.set(String(criteria), args);
  }
  setAllowInvalid(allow: boolean) {
    this.data = { ...this.data, allowInvalid: !!allow };
    return this.self;
  }
  setHelpText(text: string) {
    this.data = { ...this.data, helpText: String(text) };
    return this.self;
  }
  getCriteriaType() {
    return this.data.criteria;
  }
  getAllowInvalid() {
    return this.data.allowInvalid;
  }
  getHelpText() {
    return this.data.helpText;
  }
  build(): GoogleAppsScript.Spreadsheet.DataValidation {
    if (!this.data.criteria) throw new Error('You must specify a validation criteria.');
    return new FakeDataValidation(this.book, structuredClone(this.data)).self;
  }
}

/** The plain data of a conditional format rule. */
export interface ConditionalRuleData {
  ranges: RangeRef[];
  criteria: string;
  args: StoredArg[];
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
}

/** A ConditionalFormatRule as handed to scripts. */
export class FakeConditionalFormatRule {
  readonly self: GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
  constructor(
    private readonly book: Book,
    readonly data: ConditionalRuleData,
  ) {
    this.self = counted(
      book.ctx,
      'ConditionalFormatRule',
      this,
    ) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
  }
  getRanges(): GasRange[] {
    return this.book.ctx.realm.Array.from(this.data.ranges, (r) => this.book.rangeFromRef(r));
  }
  getBooleanCondition() {
    const { data, book } = this;
    const cond = {
      getCriteriaType: () => data.criteria,
      getCriteriaValues: () => book.ctx.realm.Array.from(data.args, (a) => exportArg(book, a)),
      getBackground: () => data.background ?? null,
      getFontColor: () => data.fontColor ?? null,
      getBold: () => data.bold ?? null,
    };
    return counted(book.ctx, 'BooleanCondition', cond);
  }
  getGradientCondition() {
    return null;
  }
  copy(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this.book, structuredClone(this.data)).self;
  }
}

/** SpreadsheetApp.newConditionalFormatRule(). */
export class FakeConditionalFormatRuleBuilder {
  readonly self: GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  constructor(
    private readonly book: Book,
    private data: ConditionalRuleData = { ranges: [], criteria: '', args: [] },
  ) {
    this.self = counted(
      book.ctx,
      'ConditionalFormatRuleBuilder',
      this,
    ) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  }
  private when(criteria: string, args: unknown[]) {
    this.data = { ...this.data, criteria, args: args.map(storeArg) };
    return this.self;
  }
  whenFormulaSatisfied(formula: string) {
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  whenTextEqualTo(text: string) {
    return this.when('TEXT_EQUAL_TO', [text]);
  }
  whenTextContains(text: string) {
    return this.when('TEXT_CONTAINS', [text]);
  }
  whenTextStartsWith(text: string) {
    return this.when('TEXT_STARTS_WITH', [text]);
  }
  whenCellEmpty() {
    return this.when('CELL_EMPTY', []);
  }
  whenCellNotEmpty() {
    return this.when('CELL_NOT_EMPTY', []);
  }
  whenDateBefore(date: unknown) {
    return this.when('DATE_BEFORE', [date]);
  }
  whenDateAfter(date: unknown) {
    return this.when('DATE_AFTER', [date]);
  }
  whenNumberGreaterThan(n: number) {
    return this.when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberLessThan(n: number) {
    return this.when('NUMBER_LESS_THAN', [n]);
  }
  setBackground(color: string | null) {
    this.data = { ...this.data, background: color };
    return this.self;
  }
  setFontColor(color: string | null) {
    this.data = { ...this.data, fontColor: color };
    return this.self;
  }
  setBold(bold: boolean | null) {
    this.data = { ...this.data, bold };
    return this.self;
  }
  setRanges(ranges: GasRange[]) {
    if (!Array.isArray(ranges)) throw new Error('Invalid argument: ranges');
    this.data = { ...this.data, ranges: ranges.map(refOf) };
    return this.self;
  }
  getRanges(): GasRange[] {
    return this.book.ctx.realm.Array.from(this.data.ranges, (r) => this.book.rangeFromRef(r));
  }
  build(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
    if (!this.data.criteria) throw new Error('A conditional format rule needs a condition.');
    if (this.data.ranges.length === 0) throw new Error('A conditional format rule needs at least one range.');
    return new FakeConditionalFormatRule(this.book, structuredClone(this.data)).self;
  }
}

/** The plain data of an embedded chart. */
export interface ChartData {
  chartId: number;
  type: string;
  ranges: RangeRef[];
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

/** An EmbeddedChart as handed to scripts. */
export class FakeEmbeddedChart {
  readonly self: GoogleAppsScript.Spreadsheet.EmbeddedChart;
  constructor(
    private readonly book: Book,
    readonly data: ChartData,
  ) {
    this.self = counted(
      book.ctx,
      'EmbeddedChart',
      this,
    ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart;
  }
  getChartId(): number {
    return this.data.chartId;
  }
  getId(): string {
    return `u${this.data.chartId}`;
  }
  getRanges(): GasRange[] {
    return this.book.ctx.realm.Array.from(this.data.ranges, (r) => this.book.rangeFromRef(r));
  }
  getOptions() {
    const options = this.data.options;
    return counted(this.book.ctx, 'ChartOptions', { get: (k: string) => options[k] ?? null });
  }
  getContainerInfo() {
    const p = this.data.position;
    return counted(this.book.ctx, 'ContainerInfo', {
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.col,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    });
  }
  modify(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this.book, structuredClone(this.data)).self;
  }
}

let nextChartId = 1_000_001;

/** Sheet.newChart(). */
export class FakeEmbeddedChartBuilder {
  readonly self: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  constructor(
    private readonly book: Book,
    private data: ChartData = {
      chartId: 0,
      type: 'COLUMN',
      ranges: [],
      position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
      options: {},
    },
  ) {
    this.self = counted(
      book.ctx,
      'EmbeddedChartBuilder',
      this,
    ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }
  setChartType(type: unknown) {
    this.data.type = String(type);
    return this.self;
  }
  getChartType() {
    return this.data.type;
  }
  addRange(range: GasRange) {
    this.data.ranges.push(refOf(range));
    return this.self;
  }
  removeRange(range: GasRange) {
    const r = refOf(range);
    this.data.ranges = this.data.ranges.filter((x) => JSON.stringify(x) !== JSON.stringify(r));
    return this.self;
  }
  clearRanges() {
    this.data.ranges = [];
    return this.self;
  }
  getRanges(): GasRange[] {
    return this.book.ctx.realm.Array.from(this.data.ranges, (r) => this.book.rangeFromRef(r));
  }
  setPosition(anchorRow: number, anchorCol: number, offsetX: number, offsetY: number) {
    this.data.position = { row: anchorRow, col: anchorCol, offsetX, offsetY };
    return this.self;
  }
  setOption(key: string, value: unknown) {
    this.data.options[key] = isDate(value) ? value.toISOString() : structuredClone(value);
    return this.self;
  }
  asBarChart() {
    return this.setChartType('BAR');
  }
  asColumnChart() {
    return this.setChartType('COLUMN');
  }
  asPieChart() {
    return this.setChartType('PIE');
  }
  asLineChart() {
    return this.setChartType('LINE');
  }
  asTableChart() {
    return this.setChartType('TABLE');
  }
  build(): GoogleAppsScript.Spreadsheet.EmbeddedChart {
    const data = structuredClone(this.data);
    if (!data.chartId) data.chartId = nextChartId++;
    return new FakeEmbeddedChart(this.book, data).self;
  }
}

/** The plain data of a protection; a sheet protection has no range. */
export interface ProtectionData {
  type: 'RANGE' | 'SHEET';
  sheetName: string;
  range: RangeRef | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  unprotected: RangeRef[];
}

/** A Protection as handed to scripts. */
export class FakeProtection {
  readonly self: GoogleAppsScript.Spreadsheet.Protection;
  removed = false;
  constructor(
    private readonly book: Book,
    readonly data: ProtectionData,
  ) {
    this.self = counted(book.ctx, 'Protection', this) as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }
  getProtectionType() {
    return this.data.type;
  }
  getRange(): GasRange {
    const r = this.data.range;
    return this.book.rangeFromRef(
      r ?? { sheetName: this.data.sheetName, row: 0, col: 0, numRows: 0, numCols: 0 },
    );
  }
  getDescription(): string {
    return this.data.description;
  }
  setDescription(description: string) {
    this.data.description = String(description);
    return this.self;
  }
  isWarningOnly(): boolean {
    return this.data.warningOnly;
  }
  setWarningOnly(warningOnly: boolean) {
    this.data.warningOnly = !!warningOnly;
    return this.self;
  }
  /** "Determines whether the user has permission to edit the protected range or sheet. The spreadsheet owner is always able to edit" */
  canEdit(): boolean {
    return this.userCanEdit(this.book.ctx.user);
  }
  /** Un-counted: whether an email may edit through this protection. */
  userCanEdit(email: string): boolean {
    return this.data.warningOnly || email === this.book.ownerEmail() || this.data.editors.includes(email);
  }
  getEditors() {
    return this.book.ctx.realm.Array.from(this.data.editors, (e) => makeUser(this.book.ctx, e));
  }
  addEditor(email: unknown) {
    const e = emailOf(email);
    if (!this.data.editors.includes(e)) this.data.editors.push(e);
    return this.self;
  }
  addEditors(emails: unknown[]) {
    for (const e of emails) this.addEditor(e);
    return this.self;
  }
  removeEditor(email: unknown) {
    const e = emailOf(email);
    this.data.editors = this.data.editors.filter((x) => x !== e);
    return this.self;
  }
  removeEditors(emails: unknown[]) {
    for (const e of emails) this.removeEditor(e);
    return this.self;
  }
  canDomainEdit() {
    return false;
  }
  setDomainEdit(_edit: boolean) {
    return this.self;
  }
  setUnprotectedRanges(ranges: GasRange[]) {
    if (this.data.type !== 'SHEET')
      throw new Error('Unprotected ranges can only be set on a sheet protection.');
    this.data.unprotected = ranges.map(refOf);
    return this.self;
  }
  getUnprotectedRanges(): GasRange[] {
    return this.book.ctx.realm.Array.from(this.data.unprotected, (r) => this.book.rangeFromRef(r));
  }
  remove(): void {
    this.removed = true;
    this.book.removeProtection(this);
  }
}

/** The email inside a User or a plain string. */
export function emailOf(user: unknown): string {
  if (typeof user === 'string') return user;
  if (user && typeof (user as { getEmail?: unknown }).getEmail === 'function') {
    return (user as { getEmail(): string }).getEmail();
  }
  throw new Error('Invalid argument: user');
}

/** A Session/Drive User object: getEmail(). */
export function makeUser(ctx: EmulatorContext, email: string): GoogleAppsScript.Base.User {
  return counted(ctx, 'User', {
    getEmail: () => email,
    getUserLoginId: () => email,
  }) as unknown as GoogleAppsScript.Base.User;
}
