// Fault injection for bundle tests: makes the k-th Apps Script call of an action fail with Apps
// Script's own text (before it takes effect, or after it took effect and the script died), then
// checks what is left: nothing of the user's changed, no half-written row, the lock released,
// triggers and properties as before or fully set, and one more run gives a clean run's state.
import type { CallInfo } from '../../emulator/context';
import { LOCK_TIMEOUT_MESSAGE } from '../../emulator/lock';
import type { TriggerRecord } from '../../emulator/script-app';
import type { SheetJSON, WorkbookJSON } from '../../emulator/spreadsheet-app';
import { isComputed, SETUP_SHEETS } from '../../src/core/schema';
import { STAMP_COLUMN } from '../../src/core/stamps';
import { DEPLOYMENT, type LoadedBundle, loadBundle } from './bundle';

/** Raw texts a user must never read: Apps Script's own failures, stacks, `[object Object]`. */
export const RAW_TEXT =
  /Service [A-Za-z]+ failed|Exceeded maximum|invoked too many|Lock timeout|\[object Object\]|Exception:|\w*Error:|\bat [\w.<>$]+ \(|\bundefined\b|\bNaN\b/;

/** A failure message says what to do: try again, wait, ask, reload, fix a named row or setting. */
export const SAYS_WHAT_TO_DO = /\b(try|again|tomorrow|ask|reload|wait|run|use|choose|fix|check)\b/i;

/** Apps Script's text for the 6-minute limit: the run stops there, every later call too. */
export const TIMEOUT_MESSAGE = 'Exceeded maximum execution time';

/** Logging calls never fail; every other counted call may. */
export function faultable(call: CallInfo): boolean {
  return call.service !== 'console' && call.service !== 'Logger';
}

/** The text Apps Script throws when this call fails (by service), as the script would catch it. */
export function failureText(call: CallInfo, spreadsheetId: string): string {
  if (call.service === 'Lock' || call.service === 'LockService') return LOCK_TIMEOUT_MESSAGE;
  if (call.service === 'MailApp') return 'Service invoked too many times for one day: email.';
  if (call.service.startsWith('Properties')) return 'Service invoked too many times for one day: properties.';
  if (/Trigger|ScriptApp/.test(call.service)) return 'Service invoked too many times for one day: triggers.';
  return `Service Spreadsheets failed while accessing document with id ${spreadsheetId}.`;
}

/**
 * How the k-th call fails: `fail` — it throws before taking effect (the script may catch it and
 * go on); `die` — it takes effect, then the run is stopped by the 6-minute limit: it throws, and
 * so does every later call (Apps Script halts the execution; nothing after it can write).
 */
export type FaultMode = 'fail' | 'die';

/** A fault armed on one emulator. */
export interface FaultProbe {
  /** Faultable calls seen so far. */
  readonly calls: number;
  /** The failing call's key (`Range.setValues`), once it fired. */
  readonly call: string | null;
  /** The text it threw. */
  readonly message: string | null;
  /** Removes the hooks. */
  stop(): void;
}

/** Arms a fault at the `at`-th faultable call (1-based) of the bundle's next calls. */
export function injectFault(b: LoadedBundle, at: number, mode: FaultMode): FaultProbe {
  let n = 0;
  let dead = false;
  const state = { call: null as string | null, message: null as string | null };
  const index = new WeakMap<CallInfo, number>();
  const id = b.emu.spreadsheet.id;
  const stop = b.emu.calls.use({
    before(call) {
      if (!faultable(call)) return;
      n++;
      if (dead) throw new Error(TIMEOUT_MESSAGE);
      index.set(call, n);
      if (mode === 'fail' && n === at) {
        state.call = call.key;
        state.message = failureText(call, id);
        throw new Error(state.message);
      }
    },
    after(call) {
      if (mode === 'die' && index.get(call) === at && !dead) {
        dead = true;
        state.call = call.key;
        state.message = TIMEOUT_MESSAGE;
        throw new Error(TIMEOUT_MESSAGE);
      }
    },
  });
  return {
    get calls() {
      return n;
    },
    get call() {
      return state.call;
    },
    get message() {
      return state.message;
    },
    stop,
  };
}

// ---------------------------------------------------------------------------------- state

/** Everything an action may change: the workbook, the three property stores, the triggers. */
export interface TrackerState {
  workbook: WorkbookJSON;
  properties: {
    script: Record<string, string>;
    user: Record<string, string>;
    document: Record<string, string>;
  };
  triggers: Omit<TriggerRecord, 'uniqueId' | 'createdAt'>[];
  now: number;
  timeZone: string;
}

/**
 * Records an action keeps on purpose for the run that finishes it: the edits onEdit could not
 * finish (sheets/pending PENDING_PREFIX) and a Mark as sent that stopped halfway (sheets/draft
 * UNFINISHED_PREFIX).
 */
const KEPT_RECORDS = ['referralTracker.pendingEdit.', 'referralTracker.markSent.'];

/** A property store without the records kept for the next run (KEPT_RECORDS). */
function withoutKeptRecords(p: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(p).filter(([k]) => !KEPT_RECORDS.some((x) => k.startsWith(x))));
}

/** Captures a bundle's state (cheap on the fixture's small sheets). */
export function captureState(b: LoadedBundle): TrackerState {
  const p = b.emu.properties;
  return {
    workbook: b.emu.spreadsheet.toJSON(),
    properties: {
      script: Object.fromEntries(p.script.data),
      user: Object.fromEntries(p.user.data),
      document: Object.fromEntries(p.document.data),
    },
    triggers: b.emu.triggers.list.map(({ uniqueId: _u, createdAt: _c, ...t }) => structuredClone(t)),
    now: b.emu.clock.now(),
    timeZone: b.emu.spreadsheet.self.getSpreadsheetTimeZone(),
  };
}

/** A fresh bundle and emulator holding a captured state. */
export function loadState(s: TrackerState): LoadedBundle {
  const b = loadBundle({ workbook: s.workbook, now: s.now, timeZone: s.timeZone });
  const p = b.emu.properties;
  for (const scope of ['script', 'user', 'document'] as const) {
    for (const [k, v] of Object.entries(s.properties[scope])) p[scope].data.set(k, v);
  }
  for (const t of s.triggers) {
    b.emu.triggers.list.push({
      ...structuredClone(t),
      uniqueId: `restored-${b.emu.triggers.list.length}`,
      createdAt: s.now,
    });
  }
  return b;
}

// ---------------------------------------------------------------------------------- comparisons

const json = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));
const same = (a: unknown, b: unknown): boolean => json(a) === json(b);

function sheetMap(w: WorkbookJSON): Map<string, SheetJSON> {
  return new Map(w.sheets.map((s) => [s.name, s]));
}

/** A chart without its id (ids change when a chart is replaced). */
function chartKey(c: SheetJSON['charts'][number]): string {
  const { chartId: _id, ...rest } = c;
  return JSON.stringify(rest);
}

function listKeys(
  s: SheetJSON | undefined,
  what: 'protections' | 'conditionalFormatRules' | 'charts',
): string[] {
  if (!s) return [];
  if (what === 'charts') return s.charts.map(chartKey);
  return (s[what] as unknown[]).map((x) => JSON.stringify(x));
}

/** Sets of keys: everything in `got` comes from `base` or `clean`; what `base` had stays unless `clean` drops it too. */
function checkSet(where: string, base: string[], clean: string[], got: string[], out: string[]): void {
  const b = new Set(base);
  const c = new Set(clean);
  const g = new Set(got);
  for (const k of g) if (!b.has(k) && !c.has(k)) out.push(`${where}: unexpected ${k.slice(0, 160)}`);
  for (const k of b) if (!g.has(k) && c.has(k)) out.push(`${where}: lost ${k.slice(0, 160)}`);
}

const rowsJson = new WeakMap<SheetJSON, Map<number, Record<string, unknown>>>();
/** The values of one row (column letter → value), from a per-sheet index built once. */
function rowValues(s: SheetJSON | undefined, row: number): Record<string, unknown> {
  if (!s) return {};
  let rows = rowsJson.get(s);
  if (!rows) {
    rows = new Map();
    for (const [a1, cell] of Object.entries(s.cells)) {
      const m = /^([A-Z]+)(\d+)$/.exec(a1);
      if (!m || cell.value === undefined) continue;
      const r = Number(m[2]);
      const line = rows.get(r) ?? {};
      line[m[1]!] = cell.value;
      rows.set(r, line);
    }
    rowsJson.set(s, rows);
  }
  return rows.get(row) ?? {};
}

const cellJson = new WeakMap<SheetJSON, Map<string, string>>();
/** Each cell of a sheet as a JSON string (cached: base and clean states are compared many times). */
function cellStrings(s: SheetJSON | undefined): Map<string, string> {
  if (!s) return new Map();
  let m = cellJson.get(s);
  if (!m) {
    m = new Map(Object.entries(s.cells).map(([a1, cell]) => [a1, JSON.stringify(cell)]));
    cellJson.set(s, m);
  }
  return m;
}

const lastRows = new WeakMap<SheetJSON, number>();
function lastRowOf(s: SheetJSON | undefined): number {
  if (!s) return 0;
  let last = lastRows.get(s);
  if (last === undefined) {
    last = 0;
    for (const [a1, cell] of Object.entries(s.cells)) {
      if (cell.value === undefined && cell.formula === undefined) continue;
      last = Math.max(last, Number(/\d+$/.exec(a1)?.[0] ?? 0));
    }
    lastRows.set(s, last);
  }
  return last;
}

/** The cell properties a row inserted into the grid takes from the row above it. */
const FORMAT_PROPS = new Set([
  'background',
  'numberFormat',
  'fontWeight',
  'fontColor',
  'horizontalAlignment',
  'wrap',
  'dataValidation',
]);

/**
 * For a cell below the grid `before` had (a row the run grew the grid by), the cell of the grid's
 * last row in its column: rows inserted there take its format (Sheets' inheritFromBefore), until
 * the run writes their own — so a run stopped in between may leave that copy, which the rerun
 * formats (the retry check shows it does). Null for cells inside the grid.
 */
function grownRowFormat(before: SheetJSON | undefined, a1: string): Record<string, unknown> | null {
  if (!before) return null;
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m || Number(m[2]) <= before.maxRows) return null;
  return (before.cells[`${m[1]}${before.maxRows}`] ?? {}) as Record<string, unknown>;
}

/** What an action owns beyond the add-on's columns, for the checks of a faulted run. */
export interface Ownership {
  /** Sheets the action rewrites whole (Dashboard): there only a user's own charts are checked. */
  ownSheets?: readonly string[];
  /** Sheets whose new rows must be whole (Activity; Contacts rows added by an import). */
  wholeRows?: readonly string[];
}

/**
 * What a faulted run left that neither the state before nor a clean run has: every cell's value,
 * formula, note, format, validation and fill is the one before or the clean run's; no sheet lost;
 * protections, conditional formats and charts each come from one of the two; new rows of
 * `wholeRows` sheets are whole; property stores, triggers and sharing are as before or as after.
 */
export function leftovers(
  base: TrackerState,
  clean: TrackerState,
  got: TrackerState,
  own: Ownership = {},
): string[] {
  const out: string[] = [];
  const B = sheetMap(base.workbook);
  const C = sheetMap(clean.workbook);
  const G = sheetMap(got.workbook);
  for (const name of B.keys()) if (!G.has(name)) out.push(`sheet ${name} was deleted`);
  for (const name of G.keys()) if (!B.has(name) && !C.has(name)) out.push(`unexpected sheet ${name}`);
  for (const [name, g] of G) {
    const b = B.get(name);
    const c = C.get(name);
    if (own.ownSheets?.includes(name)) {
      const users = (s: SheetJSON | undefined) =>
        (s?.charts ?? []).filter((ch) => ch.options.title !== 'Referral funnel').map(chartKey);
      checkSet(`${name} charts`, users(b), users(c), users(g), out);
      continue;
    }
    const bs = cellStrings(b);
    const cs = cellStrings(c);
    const gs = cellStrings(g);
    const cells = new Set([...bs.keys(), ...cs.keys(), ...gs.keys()]);
    for (const a1 of cells) {
      const gj = gs.get(a1) ?? '{}';
      if (gj === (bs.get(a1) ?? '{}') || gj === (cs.get(a1) ?? '{}')) continue;
      const bc = (b?.cells[a1] ?? {}) as Record<string, unknown>;
      const cc = (c?.cells[a1] ?? {}) as Record<string, unknown>;
      const gc = (g.cells[a1] ?? {}) as Record<string, unknown>;
      const copied = grownRowFormat(b, a1);
      for (const prop of new Set([...Object.keys(bc), ...Object.keys(cc), ...Object.keys(gc)])) {
        if (FORMAT_PROPS.has(prop) && copied && same(gc[prop], copied[prop])) continue;
        if (!same(gc[prop], bc[prop]) && !same(gc[prop], cc[prop])) {
          out.push(
            `${name}!${a1} ${prop}: ${json(gc[prop])} (before: ${json(bc[prop])}, clean run: ${json(cc[prop])})`,
          );
        }
      }
    }
    for (const prop of ['frozenRows', 'frozenCols', 'hidden', 'tabColor'] as const) {
      if (!same(g[prop], b?.[prop]) && !same(g[prop], c?.[prop]) && b)
        out.push(`${name} ${prop}: ${json(g[prop])}`);
    }
    for (const prop of ['maxRows', 'maxCols'] as const) {
      const lo = Math.min(b?.[prop] ?? 0, c?.[prop] ?? 0);
      const hi = Math.max(b?.[prop] ?? 0, c?.[prop] ?? 0);
      if (g[prop] < lo || g[prop] > hi)
        out.push(`${name} ${prop}: ${g[prop]} (before ${b?.[prop]}, clean run ${c?.[prop]})`);
    }
    const widths = new Set([
      ...Object.keys(b?.columnWidths ?? {}),
      ...Object.keys(c?.columnWidths ?? {}),
      ...Object.keys(g.columnWidths),
    ]);
    for (const col of widths) {
      const gw = g.columnWidths[col];
      if (!same(gw, b?.columnWidths[col]) && !same(gw, c?.columnWidths[col]))
        out.push(`${name} width of column ${col}: ${gw}`);
    }
    for (const what of ['conditionalFormatRules', 'charts'] as const) {
      checkSet(`${name} ${what}`, listKeys(b, what), listKeys(c, what), listKeys(g, what), out);
    }
    // A protection is made in steps no script can join (protect(), then its description and
    // warning-only): one the clean run makes, on the same range, may be left half-made — the retry
    // check shows the next run finishes it. Any other protection must be one of the two states'.
    const ranges = new Set((c?.protections ?? []).map((p) => `${p.type} ${p.range}`));
    const settled = (k: string) => {
      const p = JSON.parse(k) as { type: string; range: string };
      return ranges.has(`${p.type} ${p.range}`) ? `${p.type} ${p.range} (being set up)` : k;
    };
    checkSet(
      `${name} protections`,
      listKeys(b, 'protections'),
      [...listKeys(c, 'protections'), ...[...ranges].map((r) => `${r} (being set up)`)],
      listKeys(g, 'protections').map((k) =>
        listKeys(c, 'protections').includes(k) || listKeys(b, 'protections').includes(k) ? k : settled(k),
      ),
      out,
    );
    if (own.wholeRows?.includes(name)) {
      const from = lastRowOf(b) + 1;
      for (let r = from; r <= lastRowOf(g); r++) {
        const gr = rowValues(g, r);
        if (Object.keys(gr).length > 0 && !same(gr, rowValues(c, r))) {
          out.push(
            `${name} row ${r} is not a whole row of the clean run: ${json(gr)} (clean run: ${json(rowValues(c, r))})`,
          );
        }
      }
    }
  }
  for (const scope of ['script', 'user', 'document'] as const) {
    // An edit or a Mark as sent that could not finish is kept on purpose (KEPT_RECORDS): each record
    // is whole, and the retry check below shows the next run finishes it and removes it.
    const g = withoutKeptRecords(got.properties[scope]);
    if (!same(g, base.properties[scope]) && !same(g, clean.properties[scope])) {
      out.push(
        `${scope} properties half set: ${json(g)} (before ${json(base.properties[scope])}, clean run ${json(clean.properties[scope])})`,
      );
    }
  }
  if (!same(got.triggers, base.triggers) && !same(got.triggers, clean.triggers)) {
    out.push(`triggers half set: ${json(got.triggers)}`);
  }
  for (const who of ['editors', 'viewers'] as const) {
    const g = [...got.workbook[who]].sort();
    if (!same(g, [...base.workbook[who]].sort()) && !same(g, [...clean.workbook[who]].sort()))
      out.push(`${who}: ${json(g)}`);
  }
  return out;
}

/** A state as compared between runs: chart ids (a replaced chart gets a new id) and grid sizes left out. */
function comparable(s: TrackerState): unknown {
  return {
    ...s,
    now: undefined,
    workbook: {
      ...s.workbook,
      editors: [...s.workbook.editors].sort(),
      viewers: [...s.workbook.viewers].sort(),
      // Blank rows or columns at the end of a grid are no difference a user can see.
      sheets: s.workbook.sheets.map(({ maxRows: _r, maxCols: _c, ...sh }) => ({
        ...sh,
        charts: sh.charts.map(chartKey),
      })),
    },
  };
}

const comparableJson = new WeakMap<TrackerState, string>();
function comparableString(s: TrackerState): string {
  let j = comparableJson.get(s);
  if (j === undefined) {
    j = JSON.stringify(comparable(s));
    comparableJson.set(s, j);
  }
  return j;
}

/** Differences between two states (at most `limit`), as readable lines; [] when they are the same. */
export function stateDiff(expected: TrackerState, got: TrackerState, limit = 8): string[] {
  if (comparableString(expected) === comparableString(got)) return [];
  const a = comparable(expected);
  const b = comparable(got);
  const out: string[] = [];
  const walk = (x: unknown, y: unknown, path: string): void => {
    if (out.length >= limit || same(x, y)) return;
    if (x && y && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) === !Array.isArray(y)) {
      const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
      for (const k of keys)
        walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${path}.${k}`);
      return;
    }
    out.push(`${path}: ${json(y).slice(0, 200)} (clean run: ${json(x).slice(0, 200)})`);
  };
  walk(a, b, 'state');
  return out;
}

// ---------------------------------------------------------------------------------- who owns a cell

/** One property of one cell that a clean run changed. */
export interface CellChange {
  sheet: string;
  a1: string;
  row: number;
  /** The header of the cell's column (row 1 before the run, else after it). */
  header: string;
  prop: string;
  before: unknown;
  after: unknown;
}

/** Whether an action may make this change (the add-on's own cells; see `userCellChanges`). */
export type MayChange = (c: CellChange) => boolean;

const COMPUTED = new Map(
  SETUP_SHEETS.map((s) => [s.name, new Set(s.columns.filter(isComputed).map((c) => c.header))]),
);

/**
 * The stamped date columns: an action may fill them when blank, never overwrite them (the Status
 * stamps of core/stamps, and the dates Mark as sent records).
 */
export const STAMP_HEADERS = [
  ...new Set([...Object.values(STAMP_COLUMN), 'Thanked on', 'Outcome shared on']),
];

/** A blank stamp cell filled with a date (and its date format). */
export const mayStamp: MayChange = (c) =>
  c.sheet === 'Contacts' &&
  STAMP_HEADERS.includes(c.header) &&
  c.row >= 2 &&
  (c.prop === 'numberFormat' || (c.prop === 'value' && c.before === undefined));

/** Cells of `sheet` below `state`'s last row with content: rows an action appends. */
export function mayAppend(state: TrackerState, sheet: string): MayChange {
  const from = lastRowOf(sheetMap(state.workbook).get(sheet)) + 1;
  return (c) => c.sheet === sheet && c.row >= from;
}

/** Cells of these columns (by header) of one sheet row. */
export function mayWrite(sheet: string, row: number, headers: readonly string[]): MayChange {
  return (c) => c.sheet === sheet && c.row === row && headers.includes(c.header);
}

/** The Settings row of a setting, by name (0 when absent). */
export function settingRow(state: TrackerState, name: string): number {
  const cells = sheetMap(state.workbook).get('Settings')?.cells ?? {};
  for (const [a1, cell] of Object.entries(cells)) {
    if (a1.startsWith('A') && /^A\d+$/.test(a1) && cell.value === name) return Number(a1.slice(1));
  }
  return 0;
}

/** Any of `rules`. */
export function anyOf(...rules: MayChange[]): MayChange {
  return (c) => rules.some((r) => r(c));
}

function headerAt(s: SheetJSON | undefined, col: string): string {
  const v = s?.cells[`${col}1`]?.value;
  return typeof v === 'string' ? v.trim() : '';
}

/**
 * Changes a clean run made that the action does not own. Owned by every action: sheets that did
 * not exist, `ownSheets`, the contract's computed columns of Contacts and Jobs below the header,
 * rows appended to Activity, and the add-on's own notes on Settings values. `may` adds the
 * action's other cells (stamps, a Status it moves, the rows it imports…).
 */
export function userCellChanges(
  base: TrackerState,
  clean: TrackerState,
  own: Ownership & { may?: MayChange },
): string[] {
  const out: string[] = [];
  const B = sheetMap(base.workbook);
  for (const c of clean.workbook.sheets) {
    const b = B.get(c.name);
    if (!b || own.ownSheets?.includes(c.name)) continue;
    const computed = COMPUTED.get(c.name) ?? new Set<string>();
    const appendFrom = c.name === 'Activity' ? lastRowOf(b) + 1 : Number.POSITIVE_INFINITY;
    const bs = cellStrings(b);
    const cs = cellStrings(c);
    for (const a1 of new Set([...bs.keys(), ...cs.keys()])) {
      if (bs.get(a1) === cs.get(a1)) continue;
      const [, col, rowText] = /^([A-Z]+)(\d+)$/.exec(a1)!;
      const row = Number(rowText);
      const header = headerAt(b, col!) || headerAt(c, col!);
      const bc = (b.cells[a1] ?? {}) as Record<string, unknown>;
      const cc = (c.cells[a1] ?? {}) as Record<string, unknown>;
      for (const prop of new Set([...Object.keys(bc), ...Object.keys(cc)])) {
        if (same(bc[prop], cc[prop])) continue;
        const change: CellChange = {
          sheet: c.name,
          a1,
          row,
          header,
          prop,
          before: bc[prop],
          after: cc[prop],
        };
        if (row >= 2 && computed.has(header)) continue;
        if (row >= appendFrom) continue;
        if (
          c.name === 'Settings' &&
          prop === 'note' &&
          [bc.note, cc.note].every((n) => n === undefined || String(n).startsWith('Referral tracker: '))
        )
          continue;
        if (own.may?.(change)) continue;
        out.push(
          `${c.name}!${a1} (${header || 'no header'}) ${prop}: ${json(cc[prop])} (before: ${json(bc[prop])})`,
        );
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------- the sweep

/** What the user was shown during a run: alerts and prompts, toasts, and a page's failure text. */
export interface Shown {
  alerts: string[];
  toasts: string[];
  /** The message google.script.run hands the page's failure handler (a thrown error's). */
  thrown: string | null;
}

/** One action, as the fault sweep drives it. */
export interface FaultCase extends Ownership {
  name: string;
  /** The state the action starts from. */
  base: TrackerState;
  /** Starts the action as the user (or a trigger) does. May throw for google.script.run functions. */
  run(b: LoadedBundle): void;
  /** What the user does after a failure to finish the job (default: `run` again). Must not throw. */
  retry?(b: LoadedBundle): void;
  /** For a trigger: it has no UI and must show nothing (its failures go to the log). */
  silent?: boolean;
  /** Cells the action owns beyond the add-on's computed columns (see `userCellChanges`). */
  may?: MayChange;
  /** Try every `stride`-th call only (default: every call; every third in the add-on deployment). */
  stride?: number;
  /** Prepares each fresh bundle before the action starts (e.g. `smallNewSheets`). */
  prepare?(b: LoadedBundle): void;
}

/** Makes sheets the script inserts GRID-deep instead of 1,000 rows, so that snapshots stay cheap. */
export function smallNewSheets(rows: number): (b: LoadedBundle) => void {
  return (b) => {
    b.emu.calls.use({
      after(call, result) {
        if (call.key !== 'Spreadsheet.insertSheet') return;
        const raw = b.emu.spreadsheet.sheets.find((s) => s.self === result);
        if (raw && raw.rows.length === 0) raw.maxRows = rows;
      },
    });
  };
}

/**
 * Every call is tried in the bound deployment (the primary target). The bundle tests run again as
 * an editor add-on, where the same actions differ only in how they reach the spreadsheet: there a
 * third of the calls is tried, spread over the whole run, to keep `npm test` fast.
 */
export const DEFAULT_STRIDE = DEPLOYMENT === 'addon' ? 3 : 1;

/** What a sweep tried and found. */
export interface SweepReport {
  name: string;
  /** Faultable calls of one clean run. */
  calls: number;
  /** Calls tried in the `fail` mode (all of them, or every `stride`-th). */
  failed: number;
  stride: number;
  /** Faulted runs made: `fail` at every call, `die` after every call that takes effect. */
  points: number;
  problems: string[];
  /** Every distinct sentence the user was shown in a faulted run. */
  messages: Set<string>;
  /** Those a clean run never shows: what the user read about a failure. */
  failures: Set<string>;
}

function shownSince(b: LoadedBundle, dialogs: number, toasts: number, thrown: unknown): Shown {
  return {
    alerts: b.emu.ui.dialogs.slice(dialogs).map((d) => d.prompt),
    toasts: b.emu.spreadsheet.toasts.slice(toasts).map((t) => t.message),
    thrown:
      thrown === undefined
        ? null
        : thrown instanceof Error || (thrown as Error)?.message
          ? String((thrown as Error).message)
          : String(thrown),
  };
}

/** Runs `fn` on a bundle holding `state`, with a fault armed when `fault` is given. */
function runOnce(c: FaultCase, fault?: { at: number; mode: FaultMode }) {
  const b = loadState(c.base);
  c.prepare?.(b);
  const probe = fault ? injectFault(b, fault.at, fault.mode) : undefined;
  let thrown: unknown;
  try {
    c.run(b);
  } catch (e) {
    thrown = e;
  }
  probe?.stop();
  const lockHeld = b.emu.lock.held.size > 0;
  b.emu.endExecution();
  return { b, probe, thrown, lockHeld, shown: shownSince(b, 0, 0, thrown) };
}

/** Faultable calls of one clean run of `c`, and its end state. */
export function cleanRun(c: FaultCase): {
  calls: number;
  effects: Set<number>;
  state: TrackerState;
  shown: Shown;
} {
  const b = loadState(c.base);
  c.prepare?.(b);
  let calls = 0;
  const effects = new Set<number>();
  const stop = b.emu.calls.use({
    before(call) {
      if (!faultable(call)) return;
      calls++;
      if (takesEffect(call)) effects.add(calls);
    },
  });
  let thrown: unknown;
  try {
    c.run(b);
  } catch (e) {
    thrown = e;
  }
  stop();
  b.emu.endExecution();
  if (thrown !== undefined) throw new Error(`${c.name}: the clean run failed: ${String(thrown)}`);
  return { calls, effects, state: captureState(b), shown: shownSince(b, 0, 0, undefined) };
}

/**
 * Whether a call can change anything (a read, a builder step or a new builder cannot). A run that
 * dies right after a read leaves what dying after the last call that took effect leaves, so the
 * `die` mode is tried only after calls that take effect; `fail` is tried at every call.
 */
export function takesEffect(call: CallInfo): boolean {
  if (/^(get|is|has|find|new|as|match|toString)/.test(call.method)) return false;
  if (/Builder$|Condition$|Options$/.test(call.service)) return call.method === 'create';
  return true;
}

/** Checks that every sentence shown is plain: no raw service text, stack or `[object Object]`. */
export function rawShown(shown: Shown): string[] {
  const all = [...shown.alerts, ...shown.toasts, ...(shown.thrown === null ? [] : [shown.thrown])];
  return all.filter((m) => RAW_TEXT.test(m) || m.trim() === '');
}

/**
 * Runs `c` once with a fault at every faultable call index of a clean run (`fail`; and `die` after
 * each call that takes effect), and
 * checks each run: leftovers (see `leftovers`), the lock released (unless the run was halted),
 * plain messages only (a trigger shows none), and that `retry` afterwards leaves exactly the
 * clean run's state.
 */
export function sweep(c: FaultCase, modes: readonly FaultMode[] = ['fail', 'die']): SweepReport {
  const stride = c.stride ?? DEFAULT_STRIDE;
  const clean = cleanRun(c);
  const report: SweepReport = {
    name: c.name,
    calls: clean.calls,
    failed: 0,
    stride,
    points: 0,
    problems: [],
    messages: new Set(),
    failures: new Set(),
  };
  const cleanShown = new Set([...clean.shown.alerts, ...clean.shown.toasts]);
  for (const p of userCellChanges(c.base, clean.state, c))
    report.problems.push(`${c.name}, a clean run changed a user's cell: ${p}`);
  const effects = [...clean.effects].sort((x, y) => x - y);
  const tried = (at: number, mode: FaultMode) =>
    mode === 'fail' ? (at - 1) % stride === 0 : clean.effects.has(at) && effects.indexOf(at) % stride === 0;
  for (let at = 1; at <= clean.calls; at++) {
    for (const mode of modes) {
      if (!tried(at, mode)) continue;
      report.points++;
      if (mode === 'fail') report.failed++;
      const { b, probe, lockHeld, shown } = runOnce(c, { at, mode });
      const where = `${c.name}, ${mode} at call ${at} (${probe?.call ?? 'never reached'})`;
      if (probe?.call === null) {
        report.problems.push(`${where}: the run never reached call ${at}`);
        continue;
      }
      // A failed release is no leak: Apps Script releases every lock at the end of the execution.
      if (lockHeld && mode === 'fail' && probe?.call !== 'Lock.releaseLock')
        report.problems.push(`${where}: the document lock was not released`);
      const got = captureState(b);
      for (const p of leftovers(c.base, clean.state, got, c)) report.problems.push(`${where}: ${p}`);
      // A run halted by the time limit shows Apps Script's own text (pages put it in plain words).
      if (mode === 'die' && shown.thrown === TIMEOUT_MESSAGE) shown.thrown = null;
      for (const m of rawShown(shown)) report.problems.push(`${where}: the user read raw text: ${m}`);
      if (c.silent && (shown.alerts.length > 0 || shown.toasts.length > 0))
        report.problems.push(`${where}: a trigger showed ${json([...shown.alerts, ...shown.toasts])}`);
      for (const m of [...shown.alerts, ...shown.toasts, ...(shown.thrown ? [shown.thrown] : [])]) {
        report.messages.add(m);
        if (cleanShown.has(m)) continue;
        report.failures.add(m);
        if (!SAYS_WHAT_TO_DO.test(m))
          report.problems.push(`${where}: the message does not say what to do: ${m}`);
      }
      b.emu.clock.set(c.base.now);
      try {
        (c.retry ?? c.run)(b);
      } catch (e) {
        report.problems.push(`${where}: the retry failed: ${String(e)}`);
      }
      b.emu.endExecution();
      for (const d of stateDiff(clean.state, captureState(b)))
        report.problems.push(`${where}: after a retry, ${d}`);
    }
  }
  return report;
}

/** One line per sweep for the test log: fault points tried and calls per clean run. */
export function describeSweep(r: SweepReport): string {
  return `${r.name}: ${r.points} fault points (${r.failed} calls failed before taking effect, ${r.points - r.failed} halted after taking effect${r.stride > 1 ? `, 1 call in ${r.stride} of ${r.calls}` : ''}), ${r.problems.length} problem(s)`;
}

/**
 * Sweeps the case, prints its line for the test log, and expects no problem and, unless the
 * action is silent, that among the plain sentences the user read about the failures (plainness is
 * checked in the sweep) is `reads` — by default the one for Google Sheets not answering, which
 * says to try again.
 */
export function expectSafe(
  c: FaultCase,
  reads: RegExp = /Google Sheets did not (respond|answer)/,
): SweepReport {
  const r = sweep(c);
  console.log(describeSweep(r));
  expect(r.calls).toBeGreaterThan(0);
  expect(r.problems.slice(0, 12)).toEqual([]);
  if (!c.silent) expect([...r.failures].join('\n')).toMatch(reads);
  return r;
}
