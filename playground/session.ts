// The playground's server side: one emulator with dist/Code.js loaded in node:vm, and the actions the page calls.

import type vm from 'node:vm';
import { columnToLetters } from '../emulator/a1';
import type { ChartData, ConditionalRuleData } from '../emulator/builders';
import { type BuiltProject, type LoadedBundle, loadProject, toRealm } from '../emulator/bundle';
import { appliedRule } from '../emulator/conditional-format';
import type { Emulator } from '../emulator/index';
import { fromWallClock, toWallClock } from '../emulator/number-format';
import { failureMessage, illegalArg, toClientValue } from '../emulator/script-run';
import type { WorkbookJSON } from '../emulator/spreadsheet';
import type { ButtonName, PendingDialog, RecordedDialog, RecordedHtmlUi } from '../emulator/ui';

/** What the playground keeps next to the workbook in its save file. */
export interface SavedFile extends WorkbookJSON {
  playground?: { properties?: Record<'script' | 'user' | 'document', Record<string, string>> };
}

/** A scripted answer for the next alert or prompt. */
export interface Answer {
  button: ButtonName;
  text?: string;
}

/** An alert or prompt waiting for the person in the page; `id` is what /api/answer names. */
export interface WaitingDialog extends PendingDialog {
  id: number;
}

/** Shows a waiting dialog with what the script showed before it, and returns the answer (blocking). */
export type Asker = (dialog: WaitingDialog, ui: UiEvents) => Answer;

/** What happened on screen during one execution: alerts/prompts answered without the page, toasts, sidebars and dialogs. */
export interface UiEvents {
  dialogs: RecordedDialog[];
  toasts: { message: string; title: string; timeoutSeconds: number }[];
  shown: (RecordedHtmlUi & { id: number })[];
}

/** The outcome of running a function of the bundle. */
export type RunResult =
  | { ok: true; value: unknown; ui: UiEvents }
  | { ok: false; error: string; ui: UiEvents; rejected?: Rejection };

/** Input a data validation rule refused, worded as Sheets' popup. */
export interface Rejection {
  title: string;
  message: string;
}

/** Options of a playground session. */
export interface SessionOptions {
  /** The built project (dist/), read once with readProject. */
  project: BuiltProject;
  /** YYYY-MM-DD: the clock starts at 09:00 that day in the spreadsheet's time zone. */
  today?: string;
  /** Offset of the emulator clock from real time, in ms (wins over today; keeps the clock across an import). */
  clockOffset?: number;
  timeZone?: string;
  saved?: SavedFile;
}

const EMPTY_TZ = 'Europe/Paris';

/** The state the page renders for one sheet. */
export interface SheetView {
  name: string;
  frozenRows: number;
  frozenCols: number;
  numRows: number;
  numCols: number;
  lastRow: number;
  colWidths: number[];
  /** Per column: the protection description when the column (from row 1) is protected. */
  protectedCols: (string | null)[];
  /** Distinct dropdown lists; cells refer to them by index. */
  lists: string[][];
  /** rows[r][c] = null for a blank unformatted cell, else a compact cell. */
  rows: (ViewCell | null)[][];
  /** The sheet's embedded charts, with the data their ranges hold now. */
  charts: ChartView[];
}

/** An embedded chart as the page draws it. */
export interface ChartView {
  chartId: number;
  /** Charts.ChartType: COLUMN, BAR, LINE, PIE, AREA, SCATTER, TABLE (the page draws the first four). */
  type: string;
  title: string;
  /** Anchor cell (1-based) and offsets in pixels, as EmbeddedChartBuilder.setPosition. */
  row: number;
  col: number;
  offsetX: number;
  offsetY: number;
  /** Size in pixels: options width/height, else Sheets' default 600 × 371. */
  width: number;
  height: number;
  /** Whether a legend is shown (options.legend.position is not 'none', and there is a series name). */
  legend: boolean;
  colors: string[];
  /** The first column of the data: category labels, as displayed. */
  labels: string[];
  /** The other columns: name from the header row, numbers (null when not a number). */
  series: { name: string; values: (number | null)[] }[];
}

/**
 * A rendered cell: display text and the formatting the grid shows — what a person sees, so `bg`, `fc` and
 * `b` are the first applying conditional format rule's over the cell's own.
 */
export interface ViewCell {
  t: string;
  bg?: string;
  fc?: string;
  b?: true;
  ha?: string;
  note?: string;
  /** Index into lists. */
  dv?: number;
  /** The value fails its validation rule (a warning, as the red corner in Sheets). */
  bad?: true;
  /** Why, as Sheets says on hover: "Invalid: " and the rule's help text or its default message. */
  why?: string;
  /** Wrapped text (never overflows into its neighbours). */
  w?: true;
  /** The value is a number or date (right-aligned). */
  num?: true;
}

/** One live playground: the emulator, the bundle's realm, and its UI history. */
export class PlaygroundSession {
  readonly emu: Emulator;
  readonly context: vm.Context;
  /** The bundle as the shared loader loaded it. */
  private readonly bundle: LoadedBundle;
  private nextUiId = 1;
  /** Where takeUi() starts: indexes into the dialogs, toasts and sidebars/dialogs recorded so far. */
  private cursor = { d: 0, t: 0, s: 0 };
  /** Indexes of the alerts and prompts a person answered in the page (not reported again afterwards). */
  private readonly pageAnswered = new Set<number>();
  /**
   * Set while a person can answer: an alert or prompt without a scripted answer calls it and blocks until
   * it returns the button clicked (and the text typed), as Apps Script's ui.alert blocks the server function.
   * Unset (startup seeding): the first button and empty text, reported afterwards in `ui.dialogs`.
   */
  asker: Asker | undefined;
  /** Emulator time minus real time. */
  readonly clockOffset: number;
  private readonly functions: Set<string>;

  constructor(opts: SessionOptions) {
    const timeZone = opts.saved?.timeZone ?? opts.timeZone ?? EMPTY_TZ;
    this.bundle = loadProject(opts.project, {
      timeZone,
      now: Date.now(),
      spreadsheetName: 'Referral tracker (playground)',
      ...(opts.saved ? { workbook: stripPlayground(opts.saved) } : {}),
    });
    this.emu = this.bundle.emu;
    this.context = this.bundle.context;
    // The clock runs with real time, shifted so that --today starts at 09:00 in the spreadsheet's zone.
    this.clockOffset = opts.clockOffset ?? (opts.today ? nineAm(opts.today, timeZone) - Date.now() : 0);
    const offset = this.clockOffset;
    (this.emu.clock as unknown as { now: () => number }).now = () => Date.now() + offset;
    const props = opts.saved?.playground?.properties;
    if (props) {
      for (const k of ['script', 'user', 'document'] as const) {
        for (const [key, v] of Object.entries(props[k] ?? {})) this.emu.properties[k].data.set(key, v);
      }
    }
    this.functions = new Set(this.bundle.functions());
    this.open();
  }

  /** Whether the bundle has a top-level function of that name. */
  has(fn: string): boolean {
    return this.functions.has(fn);
  }

  /** Runs onOpen as Sheets does when the spreadsheet opens (the menu is rebuilt). */
  open(): void {
    if (!this.has('onOpen')) return;
    this.emu.ui.menus.length = 0;
    const e = { authMode: 'LIMITED', source: this.emu.spreadsheet.self, user: this.user() };
    this.execute('onOpen', [e]);
  }

  /** Starts a new workbook as a new user would: Set up tracker, then example data (and scoring if present). */
  seed(): UiEvents {
    const steps = ['menuSetUpTracker', 'menuLoadExampleData', 'menuScoreCandidates', 'menuRefreshFollowUps'];
    const ui: UiEvents = { dialogs: [], toasts: [], shown: [] };
    for (const fn of steps) {
      if (!this.has(fn)) continue;
      const r = this.execute(fn, []);
      ui.dialogs.push(...r.ui.dialogs);
      ui.toasts.push(...r.ui.toasts);
      if (!r.ok) throw new Error(`${fn} failed while seeding the playground: ${r.error}`);
    }
    // Open on the Contacts sheet, where a new user starts.
    const contacts = this.emu.spreadsheet.sheetRaw('Contacts');
    if (contacts) this.emu.spreadsheet.setActiveSheetRaw(contacts);
    return ui;
  }

  /** The menus onOpen registered. */
  menus() {
    return this.emu.ui.menus;
  }

  /** Whether a function is reachable from a menu item. */
  isMenuFunction(fn: string): boolean {
    const walk = (items: (typeof this.emu.ui.menus)[number]['items']): boolean =>
      items.some((i) => ('functionName' in i && i.functionName === fn) || ('items' in i && walk(i.items)));
    return this.emu.ui.menus.some((m) => walk(m.items));
  }

  /**
   * Runs one top-level function as one Apps Script execution (through the shared loader, so the
   * emulator's rules for menus and simple triggers apply); records what it showed. `describe` words a
   * failure (google.script.run's failure handler gets failureMessage's "Name: message").
   */
  execute(fn: string, args: unknown[], answers: Answer[] = [], describe = errorMessage): RunResult {
    const ui = this.emu.ui;
    this.cursor = { d: ui.dialogs.length, t: this.emu.spreadsheet.toasts.length, s: ui.shown.length };
    for (const a of answers) ui.answerNext(a.button, a.text ?? '');
    const ask = this.asker;
    ui.responder = ask
      ? (dialog) => {
          // The dialog will be recorded at this index once answered; the page has shown it already.
          const id = ui.dialogs.length;
          this.pageAnswered.add(id);
          const a = ask({ ...dialog, id }, this.takeUi());
          return { button: a.button, text: a.text ?? '' };
        }
      : undefined;
    let result: RunResult;
    try {
      if (!this.has(fn)) throw new Error(`Script function not found: ${fn}`);
      const value = this.bundle.call(fn, ...args);
      result = { ok: true, value: toClientValue(value), ui: emptyUi() };
    } catch (e) {
      result = { ok: false, error: describe(e), ui: emptyUi() };
    } finally {
      // Unused scripted answers must not leak into the next execution.
      (ui as unknown as { answers: unknown[] }).answers.length = 0;
      ui.responder = undefined;
      this.emu.endExecution();
    }
    result.ui = this.takeUi();
    return result;
  }

  /**
   * What the script showed since the last call (or the start of the execution): alerts and prompts not
   * answered in the page, toasts, sidebars and dialogs (each given an id the page uses to close it).
   */
  takeUi(): UiEvents {
    const ui = this.emu.ui;
    const toasts = this.emu.spreadsheet.toasts;
    const { d, t, s } = this.cursor;
    const out: UiEvents = {
      dialogs: ui.dialogs.slice(d).filter((_, i) => !this.pageAnswered.has(d + i)),
      toasts: toasts.slice(t),
      shown: ui.shown.slice(s).map((x) => ({ ...x, id: this.nextUiId++ })),
    };
    this.cursor = { d: ui.dialogs.length, t: toasts.length, s: ui.shown.length };
    return out;
  }

  /**
   * A google.script.run call: the function must be a public global (no trailing underscore) and the
   * arguments JSON values (the page's shim refuses Dates before sending, as Apps Script does).
   */
  run(fn: string, args: unknown[]): RunResult {
    if (typeof fn !== 'string' || !this.has(fn) || fn.endsWith('_') || fn === 'Date') {
      return {
        ok: false,
        error: `Script function not found: ${fn}`,
        ui: { dialogs: [], toasts: [], shown: [] },
      };
    }
    const bad = illegalArg(args);
    if (bad !== null) {
      return { ok: false, error: `Failed due to illegal value in property: ${bad}`, ui: emptyUi() };
    }
    return this.execute(fn, toRealm(this.emu, args) as unknown[], [], failureMessage);
  }

  /** The user types into one cell or pastes a block: write as the UI would, then fire onEdit. */
  edit(sheetName: string, row: number, col: number, values: unknown[][], single: boolean): RunResult {
    const sheet = this.emu.spreadsheet.sheetRaw(sheetName);
    if (!sheet) return { ok: false, error: `No sheet named ${sheetName}`, ui: emptyUi() };
    const nr = values.length;
    const nc = Math.max(...values.map((r) => r.length));
    if (nr < 1 || nc < 1) return { ok: false, error: 'Nothing to write', ui: emptyUi() };
    for (let i = 0; i < nr; i++) {
      for (let j = 0; j < nc; j++) {
        const v = values[i]?.[j];
        if (
          v !== null &&
          v !== undefined &&
          typeof v !== 'string' &&
          typeof v !== 'number' &&
          typeof v !== 'boolean'
        )
          return { ok: false, error: 'Cell values must be text, numbers or booleans', ui: emptyUi() };
      }
    }
    const grow = row + nr - 1 - sheet.maxRows;
    if (grow > 0) sheet.maxRows += grow;
    if (col + nc - 1 > sheet.maxCols)
      return { ok: false, error: 'The paste is wider than the sheet', ui: emptyUi() };
    // Data validation: a rejecting rule refuses the whole input (typed or pasted), as the Sheets UI does. Its popup
    // shows the rule's help text when it has one, else Sheets' sentence naming the cell.
    for (let i = 0; i < nr; i++) {
      for (let j = 0; j < nc; j++) {
        const input = values[i]?.[j] ?? '';
        const check = sheet.validateCell(row + i, col + j, input);
        if (check.rejected) {
          const a1 = `${columnToLetters(col + j)}${row + i}`;
          const message =
            check.helpText ||
            `The data you entered in cell ${a1} violates the data validation rules set on this cell.`;
          return {
            ok: false,
            error: `There was a problem: ${message}`,
            rejected: { title: 'There was a problem', message },
            ui: emptyUi(),
          };
        }
      }
    }
    const range = sheet.rangeAt(row, col, nr, nc);
    const oldCell = sheet.cellAt(row, col);
    const oldValue =
      oldCell && oldCell.v !== '' ? rawString(oldCell.v, this.emu.spreadsheet.timeZone) : undefined;
    const grid = Array.from({ length: nr }, (_, i) =>
      Array.from({ length: nc }, (_, j) => {
        const v = values[i]?.[j];
        return v === null || v === undefined ? '' : v;
      }),
    );
    // The user is not subject to warning-only protections (Sheets asks first: the page does that).
    try {
      range.setValues(toRealm(this.emu, grid) as unknown[][]);
    } catch (e) {
      return { ok: false, error: errorMessage(e), ui: emptyUi() };
    }
    this.emu.spreadsheet.setActiveRangeRaw(range);
    const e: Record<string, unknown> = {
      authMode: 'LIMITED',
      range: sheet.rangeAt(row, col, nr, nc).self,
      source: this.emu.spreadsheet.self,
      user: this.user(),
      triggerUid: '',
    };
    if (single && nr === 1 && nc === 1) {
      const newCell = sheet.cellAt(row, col);
      if (newCell && newCell.v !== '') e.value = rawString(newCell.v, this.emu.spreadsheet.timeZone);
      if (oldValue !== undefined) e.oldValue = oldValue;
    }
    const ui = emptyUi();
    let result: RunResult = { ok: true, value: null, ui };
    if (this.has('onEdit')) {
      const event = this.emu.ctx.realm.Object.assign(this.emu.ctx.realm.evaluate('({})') as object, e);
      result = this.execute('onEdit', [event]);
    }
    // Installable edit triggers run with full authorization, after the simple trigger.
    for (const t of this.emu.triggers.list.filter((x) => x.eventType === 'ON_EDIT')) {
      const fired = this.execute(t.handlerFunction, [{ ...e, authMode: 'FULL', triggerUid: t.uniqueId }]);
      result.ui.dialogs.push(...fired.ui.dialogs);
      result.ui.toasts.push(...fired.ui.toasts);
      result.ui.shown.push(...fired.ui.shown);
    }
    return result;
  }

  /** Selects a range, as a click in the grid does. */
  select(sheetName: string, a1: string): void {
    const sheet = this.emu.spreadsheet.sheetRaw(sheetName);
    if (!sheet) throw new Error(`No sheet named ${sheetName}`);
    this.emu.spreadsheet.setActiveRangeRaw(sheet.rangeA1(a1));
  }

  /** The whole file to save. */
  toSaved(): SavedFile {
    const p = this.emu.properties;
    return {
      ...this.emu.spreadsheet.toJSON(),
      playground: {
        properties: {
          script: Object.fromEntries(p.script.data),
          user: Object.fromEntries(p.user.data),
          document: Object.fromEntries(p.document.data),
        },
      },
    };
  }

  /** Names and sizes of the sheets, the active one, the menu, the clock. */
  summary() {
    const book = this.emu.spreadsheet;
    return {
      name: book.name,
      timeZone: book.timeZone,
      now: new Date(this.emu.clock.now()).toISOString(),
      activeSheet: book.activeSheetRaw().name,
      sheets: book.sheets.filter((s) => !s.hidden).map((s) => ({ name: s.name, tabColor: s.tabColor })),
      menus: this.menus(),
      functions: [...this.functions].sort(),
    };
  }

  /** The view of one sheet: display values, fills, dropdown lists, protected columns. */
  sheetView(name: string): SheetView | null {
    const book = this.emu.spreadsheet;
    const sheet = book.sheetRaw(name);
    if (!sheet) return null;
    const lastRow = sheet.lastRow();
    const charts = sheet.charts.map((c) => chartView(book, c));
    let numRows = Math.min(sheet.maxRows, Math.max(lastRow + 100, 50));
    let numCols = Math.min(sheet.maxCols, Math.max(sheet.lastColumn() + 2, 8));
    // The grid extends under each chart, as Sheets shows cells behind it.
    for (const c of charts) {
      numRows = Math.min(
        sheet.maxRows,
        Math.max(numRows, c.row + Math.ceil((c.offsetY + c.height) / CHART_ROW_H)),
      );
      let right = c.col;
      for (let x = -c.offsetX; x < c.width && right <= sheet.maxCols; right++) {
        x += sheet.colWidths[right - 1] ?? 100;
      }
      numCols = Math.min(sheet.maxCols, Math.max(numCols, right));
    }
    const display = sheet.rangeAt(1, 1, numRows, numCols).getDisplayValues();
    // Conditional formats are drawn as Sheets draws them: the first true rule's format over the cell's own,
    // evaluated on the playground's clock (TODAY() follows --today). A rule the emulator cannot evaluate
    // (a user's formula from an imported file) is not drawn rather than breaking the grid.
    const now = this.emu.clock.now();
    const ruled = sheet.conditionalRules.length > 0;
    const ruleAt = (r: number, c: number): ConditionalRuleData | null =>
      ruled ? appliedRule(sheet, r, c, now, true) : null;
    const lists: string[][] = [];
    const listIndex = new Map<string, number>();
    const rows: (ViewCell | null)[][] = [];
    for (let r = 1; r <= numRows; r++) {
      const line: (ViewCell | null)[] = [];
      for (let c = 1; c <= numCols; c++) {
        const cell = sheet.cellAt(r, c);
        const t = display[r - 1]![c - 1]!;
        const rule = ruleAt(r, c);
        if (!cell && !rule) {
          line.push(null);
          continue;
        }
        const v: ViewCell = { t };
        const bg = rule?.background || cell?.bg;
        const fc = rule?.fontColor || cell?.fc;
        if (bg && bg !== '#ffffff') v.bg = bg;
        if (fc && fc !== '#000000') v.fc = fc;
        if (rule?.bold ?? cell?.fw === 'bold') v.b = true;
        if (!cell) {
          line.push(Object.keys(v).length === 1 ? null : v);
          continue;
        }
        if (cell.ha) v.ha = cell.ha;
        if (cell.wrap) v.w = true;
        if (cell.note) v.note = cell.note;
        if (typeof cell.v === 'number' || typeof cell.v === 'object') v.num = true;
        if (cell.dv) {
          const list = dropdownOf(book, cell.dv);
          if (list) {
            const key = JSON.stringify(list);
            let i = listIndex.get(key);
            if (i === undefined) {
              i = lists.length;
              lists.push(list);
              listIndex.set(key, i);
            }
            v.dv = i;
          }
          if (cell.v !== '' && !book.passes(cell.dv, cell.v, t)) {
            v.bad = true;
            v.why = `Invalid: ${cell.dv.helpText || defaultHelp(cell.dv.criteria)}`;
          }
        }
        line.push(Object.keys(v).length === 1 && t === '' ? null : v);
      }
      rows.push(line);
    }
    const protectedCols: (string | null)[] = Array.from({ length: numCols }, () => null);
    for (const p of book.protections) {
      const d = p.data;
      if (d.sheetName !== name || d.type !== 'RANGE' || !d.range || d.range.row > 1) continue;
      for (let c = d.range.col; c < d.range.col + d.range.numCols && c <= numCols; c++) {
        protectedCols[c - 1] = `${d.description || 'Protected range'}${d.warningOnly ? '' : ' (locked)'}`;
      }
    }
    return {
      name,
      frozenRows: sheet.frozenRows,
      frozenCols: sheet.frozenCols,
      numRows,
      numCols,
      lastRow,
      colWidths: Array.from({ length: numCols }, (_, i) => sheet.colWidths[i] ?? 100),
      protectedCols,
      lists,
      rows,
      charts,
    };
  }

  private user() {
    return this.emu.globals.Session.getActiveUser();
  }
}

/** Row height the page draws, for the rows a chart covers. */
const CHART_ROW_H = 22;
/** Sheets' default series colours. */
const CHART_COLORS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7', '#f07b72'];

/**
 * A chart with its data: the ranges side by side (their columns in order, rows aligned), the first
 * column the labels and the others the series. The first row is the header when it has no number in
 * the series columns (Sheets guesses the same way). Whole-sheet or open-ended ranges stop at the last row.
 */
function chartView(book: Emulator['spreadsheet'], c: ChartData): ChartView {
  const columns: { display: string[]; raw: unknown[] }[] = [];
  for (const ref of c.ranges) {
    const sheet = book.sheetRaw(ref.sheetName);
    if (!sheet) continue;
    const whole = ref.numRows === 0;
    const row = whole ? 1 : ref.row;
    const col = whole ? 1 : ref.col;
    const numRows = Math.max(0, Math.min(whole ? sheet.maxRows : ref.numRows, sheet.lastRow() - row + 1));
    const numCols = Math.max(0, Math.min(whole ? sheet.lastColumn() : ref.numCols, sheet.maxCols - col + 1));
    if (numRows === 0 || numCols === 0) continue;
    const display = sheet.rangeAt(row, col, numRows, numCols).getDisplayValues();
    for (let j = 0; j < numCols; j++) {
      columns.push({
        display: Array.from({ length: numRows }, (_, i) => String(display[i]?.[j] ?? '')),
        raw: Array.from({ length: numRows }, (_, i) => sheet.cellAt(row + i, col + j)?.v ?? ''),
      });
    }
  }
  const num = (v: unknown, shown: string): number | null => {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'boolean' || v === '' || v === null || v === undefined) return null;
    const n = Number(shown.replace(/[,%\s]/g, ''));
    return shown.trim() !== '' && Number.isFinite(n) ? (shown.includes('%') ? n / 100 : n) : null;
  };
  const [first, ...rest] = columns;
  const rows = first?.display.length ?? 0;
  const header = rows > 1 && rest.length > 0 && rest.every((s) => num(s.raw[0], s.display[0] ?? '') === null);
  const from = header ? 1 : 0;
  const o = c.options;
  const legendOpt = o.legend;
  const legendPos =
    typeof legendOpt === 'string'
      ? legendOpt
      : legendOpt && typeof legendOpt === 'object'
        ? String((legendOpt as { position?: unknown }).position ?? '')
        : '';
  const size = (v: unknown, d: number) => (typeof v === 'number' && v > 0 ? Math.min(v, 4000) : d);
  const colors =
    Array.isArray(o.colors) && o.colors.every((x) => typeof x === 'string') && o.colors.length > 0
      ? (o.colors as string[])
      : CHART_COLORS;
  const series = rest.map((s, k) => ({
    name: header ? (s.display[0] ?? '') : `Series ${k + 1}`,
    values: s.raw.slice(from).map((v, i) => num(v, s.display[from + i] ?? '')),
  }));
  return {
    chartId: c.chartId,
    type: String(c.type || 'COLUMN').toUpperCase(),
    title: typeof o.title === 'string' ? o.title : '',
    row: c.position.row,
    col: c.position.col,
    offsetX: c.position.offsetX || 0,
    offsetY: c.position.offsetY || 0,
    width: size(o.width, 600),
    height: size(o.height, 371),
    legend: legendPos !== 'none' && header,
    colors,
    labels: first ? first.display.slice(from) : [],
    series,
  };
}

/** No UI events. */
export function emptyUi(): UiEvents {
  return { dialogs: [], toasts: [], shown: [] };
}

function stripPlayground(saved: SavedFile): WorkbookJSON {
  const { playground: _ignored, ...book } = saved;
  return book;
}

/** 09:00 on a YYYY-MM-DD day in a time zone, as epoch ms. */
export function nineAm(day: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`--today wants YYYY-MM-DD, got ${day}`);
  return fromWallClock(timeZone, +m[1]!, +m[2]!, +m[3]!, 9, 0, 0);
}

function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

/** e.value / e.oldValue as Sheets gives them: strings; dates as their serial number. */
function rawString(v: string | number | boolean | { date: number }, timeZone: string): string {
  if (typeof v === 'object') {
    const w = toWallClock(v.date, timeZone);
    const serial =
      (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Date.UTC(1899, 11, 30)) /
      86_400_000;
    return String(serial);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** What Sheets says under an invalid value when the rule has no help text (the list kinds the page shows). */
function defaultHelp(criteria: string): string {
  if (criteria === 'VALUE_IN_LIST') return 'Input must be an item on the specified list';
  if (criteria === 'VALUE_IN_RANGE') return 'Input must fall within specified range';
  return 'Input violates the validation rule of this cell';
}

/** The items of a dropdown rule (a list, or the display values of a range), or null. */
function dropdownOf(
  book: Emulator['spreadsheet'],
  dv: { criteria: string; args: unknown[] },
): string[] | null {
  const a = dv.args[0];
  if (dv.criteria === 'VALUE_IN_LIST' && Array.isArray(a)) return a.map((x) => String(x));
  if (dv.criteria === 'VALUE_IN_RANGE' && a && typeof a === 'object' && 'range' in a) {
    const ref = (a as { range: Parameters<typeof book.displayValuesOf>[0] }).range;
    return [
      ...new Set(
        book
          .displayValuesOf(ref)
          .flat()
          .filter((s) => s !== ''),
      ),
    ];
  }
  return null;
}
