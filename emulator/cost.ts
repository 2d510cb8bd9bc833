// A cost model of real Apps Script, fed by the emulator's call hooks: calls, round trips, flushes,
// cells read and written, and a modelled time, per execution. See docs/performance.md.

import type { CallCounter, CallHook, CallInfo } from './context';

/**
 * The model's constants, in milliseconds. Sources (quoted in docs/performance.md):
 * - Google, Apps Script best practices (https://developers.google.com/apps-script/guides/support/best-practices):
 *   "Alternating read and write commands is slow"; read all data with one command, write with one.
 * - The Apps Script team, "Optimizing Spreadsheet Operations" (googleappsscript.blogspot.com, 2010): writes are
 *   cached, and "every time you do a read, we must first empty (commit) the write cache".
 * - Published community benchmarks: one flush per row of a 400-row write took ~12 s (~30 ms a flush),
 *   a 10,000-cell write a few seconds through the Sheets API (~0.3 ms a cell).
 */
export const COST_MS = Object.freeze({
  /** One spreadsheet call that waits for the server (a read). */
  roundTrip: 100,
  /** Committing the buffered writes (when a read follows a write, or at the end of the execution). */
  flush: 30,
  /** One cell returned by a read. */
  cellRead: 0.01,
  /** One cell value carried by a write. */
  cellWritten: 0.1,
});

/**
 * What a call costs in the model:
 * - `local`: answered without waiting for the spreadsheet: object handles, the geometry of a Range the
 *   script made, builders, and the document's metadata that comes with the spreadsheet when the script
 *   opens it (its sheets by name, its time zone, name, id and URL).
 * - `read`: a round trip that returns document data (cells, formats, notes, sizes, the selection, the
 *   ranges a TextFinder finds); buffered writes are committed (flushed) first.
 * - `write`: buffered by Apps Script's write cache; committed at the next read, `flush()` or the end.
 * - `sync`: a write the server must carry out at once, since it returns a new server object
 *   (`insertSheet`, `protect`): a round trip that commits earlier writes first; nothing of it is left
 *   pending.
 * - `flush`: `SpreadsheetApp.flush()`: commits the buffered writes, if any — one flush, as the commit at
 *   the end of the execution is (the ~30 ms a flush comes from timings of explicit flush() calls); with
 *   nothing pending it costs nothing. An action that flushes before releasing its lock (as the Lock
 *   reference asks) so still does one flush, not two.
 * - `other`: a call to another service (Lock, Properties, Ui, Mail, ScriptApp, Session, Utilities,
 *   HtmlService…): counted as a call, not timed (the published figures are spreadsheet figures), and it
 *   does not commit the spreadsheet's write cache.
 */
export type CallKind = 'local' | 'read' | 'write' | 'sync' | 'flush' | 'other';

/** Services whose objects are the spreadsheet's (their calls may read or write the document). */
const SPREADSHEET_SERVICES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'Selection',
  'Protection',
  'EmbeddedChart',
  'TextFinder',
]);

/** Other services and the spreadsheet's builders and value objects: counted, not timed. */
const OTHER_SERVICES = new Set([
  'LockService',
  'Lock',
  'PropertiesService',
  'Properties',
  'Ui',
  'Menu',
  'PromptResponse',
  'HtmlService',
  'HtmlOutput',
  'HtmlTemplate',
  'MailApp',
  'ScriptApp',
  'Trigger',
  'TriggerBuilder',
  'ClockTriggerBuilder',
  'SpreadsheetTriggerBuilder',
  'Service',
  'Session',
  'User',
  'Utilities',
  'Blob',
  'Logger',
  'console',
  'Charts',
  'DataValidationBuilder',
  'DataValidation',
  'ConditionalFormatRuleBuilder',
  'ConditionalFormatRule',
  'BooleanCondition',
  'EmbeddedChartBuilder',
  'ChartOptions',
  'ContainerInfo',
]);

/**
 * Whether the model knows a call's service. An unknown one is classed like a spreadsheet object
 * (reads by name, else writes), and the count pins refuse it until it is added here.
 */
export function isKnownService(key: string): boolean {
  const service = key.slice(0, key.indexOf('.'));
  return SPREADSHEET_SERVICES.has(service) || OTHER_SERVICES.has(service);
}

/** Spreadsheet calls answered without waiting: handles, metadata, geometry of a Range the script made, builders. */
const LOCAL = new Set([
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.getUi',
  'SpreadsheetApp.newDataValidation',
  'SpreadsheetApp.newConditionalFormatRule',
  'Spreadsheet.getRange',
  'Spreadsheet.getId',
  'Spreadsheet.getName',
  'Spreadsheet.getUrl',
  'Spreadsheet.getSpreadsheetTimeZone',
  'Spreadsheet.getSpreadsheetLocale',
  'Spreadsheet.getSheetByName',
  'Spreadsheet.getSheetById',
  'Spreadsheet.getSheets',
  'Spreadsheet.getNumSheets',
  'Spreadsheet.toast',
  'Sheet.getRange',
  // A RangeList is a handle on ranges the script names, like getRange's.
  'Sheet.getRangeList',
  'RangeList.getRanges',
  'Sheet.getName',
  'Sheet.getSheetName',
  'Sheet.getSheetId',
  'Sheet.getIndex',
  'Sheet.getParent',
  'Sheet.newChart',
  'Range.getRow',
  'Range.getRowIndex',
  'Range.getColumn',
  'Range.getLastRow',
  'Range.getLastColumn',
  'Range.getNumRows',
  'Range.getNumColumns',
  'Range.getHeight',
  'Range.getWidth',
  'Range.getA1Notation',
  'Range.getSheet',
  'Range.getGridId',
  'Range.getCell',
  'Range.offset',
  'Range.toString',
  'Sheet.toString',
  'Spreadsheet.toString',
  'EmbeddedChart.getOptions',
  'EmbeddedChart.getChartId',
  'EmbeddedChart.getId',
  'EmbeddedChart.getContainerInfo',
  'EmbeddedChart.getRanges',
  'EmbeddedChart.modify',
  'Protection.getProtectionType',
  'Protection.getDescription',
  'Protection.isWarningOnly',
  'Protection.getRange',
  // A TextFinder is a builder: creating and configuring it waits for nothing (its search does).
  'Range.createTextFinder',
  'Sheet.createTextFinder',
  'Spreadsheet.createTextFinder',
  'TextFinder.matchCase',
  'TextFinder.matchEntireCell',
  'TextFinder.matchFormulaText',
  'TextFinder.useRegularExpression',
  'TextFinder.ignoreDiacritics',
  'TextFinder.startFrom',
]);

/**
 * Reads whose name does not start with get/is/has: a TextFinder's search runs on the server and
 * returns the matching cells' positions (no values: no cells read).
 */
const READS = new Set(['TextFinder.findAll', 'TextFinder.findNext', 'TextFinder.findPrevious']);

/** Spreadsheet writes the server answers at once: they hand back a new server object. */
const SYNC = new Set(['Spreadsheet.insertSheet', 'Range.protect', 'Sheet.protect']);

const READ_PREFIX = /^(get|is|has)/;

/** How the model classes one `Class.method` call (see CallKind). */
export function classify(key: string): CallKind {
  if (key === 'SpreadsheetApp.flush') return 'flush';
  const dot = key.indexOf('.');
  const service = key.slice(0, dot);
  const method = key.slice(dot + 1);
  if (OTHER_SERVICES.has(service)) return 'other';
  if (LOCAL.has(key)) return 'local';
  if (SYNC.has(key)) return 'sync';
  if (READS.has(key)) return 'read';
  return READ_PREFIX.test(method) ? 'read' : 'write';
}

/** Range reads that return one cell, whatever the range's size. */
const SINGLE_CELL_READS =
  /^(getValue|getDisplayValue|getFormula|getBackground|getNote|getNumberFormat|getFontWeight|getFontColor|getHorizontalAlignment|getWrap|getDataValidation)$/;

function rangeCells(target: object): number {
  const r = target as { numRows?: unknown; numCols?: unknown };
  return typeof r.numRows === 'number' && typeof r.numCols === 'number' ? r.numRows * r.numCols : 0;
}

function gridCells(arg: unknown): number {
  if (!Array.isArray(arg)) return 1;
  let n = 0;
  for (const row of arg) n += Array.isArray(row) ? row.length : 1;
  return n;
}

/** Cells a read returns: a Range's data getters return its whole grid (or one cell); other reads none. */
export function cellsRead(call: Pick<CallInfo, 'service' | 'method' | 'target'>): number {
  if (call.service !== 'Range') return 0;
  if (SINGLE_CELL_READS.test(call.method)) return 1;
  return rangeCells(call.target);
}

/**
 * Cells a write carries: the values of a 2-D array argument (`setValues`, `setBackgrounds`, `setNotes`…),
 * the row of `appendRow`, else one value (a single-value setter applied to a whole range, like
 * `setNumberFormat`, is one range operation on the server); a RangeList's setter is one such operation
 * per range of the list. Structural calls (insert, delete, clear, frozen rows, widths, charts) carry none.
 */
export function cellsWritten(
  call: Pick<CallInfo, 'service' | 'method' | 'args'> & { readonly target?: object },
): number {
  const { service, method, args } = call;
  if (service === 'Sheet' && method === 'appendRow') return Array.isArray(args[0]) ? args[0].length : 0;
  if (service === 'RangeList' && method.startsWith('set')) {
    const ranges = (call.target as { ranges?: unknown } | undefined)?.ranges;
    return Array.isArray(ranges) ? ranges.length : 1;
  }
  if (service !== 'Range' || !method.startsWith('set')) return 0;
  return Array.isArray(args[0]) ? gridCells(args[0]) : 1;
}

/** What one execution cost in the model. */
export interface ActionCost {
  /** Every counted Apps Script call. */
  calls: number;
  /** Spreadsheet calls that waited for the server (reads, sync writes). */
  roundTrips: number;
  /** Commits of buffered writes: before a read that follows a write, at `flush()`, and at the end. */
  flushes: number;
  cellsRead: number;
  cellsWritten: number;
  /** Modelled Apps Script time in milliseconds (Sheets calls only; the script's own JavaScript aside). */
  ms: number;
  /** Calls per `Class.method`. */
  byKey: Record<string, number>;
}

/** The modelled time of a set of counts. */
export function modelledMs(
  c: Pick<ActionCost, 'roundTrips' | 'flushes' | 'cellsRead' | 'cellsWritten'>,
): number {
  return (
    c.roundTrips * COST_MS.roundTrip +
    c.flushes * COST_MS.flush +
    c.cellsRead * COST_MS.cellRead +
    c.cellsWritten * COST_MS.cellWritten
  );
}

/**
 * Meters one execution: add `hook` to the emulator's calls (`emu.calls.use(meter.hook)`), run the
 * execution, then `finish()` (the end of the execution commits what is still buffered).
 */
export class CostMeter {
  private calls = 0;
  private roundTrips = 0;
  private flushes = 0;
  private read = 0;
  private written = 0;
  private pending = false;
  private readonly byKey = new Map<string, number>();

  /** The call hook: counts each call when it has returned (a call that throws still counts as made). */
  readonly hook: CallHook = {
    before: (call) => this.record(call),
  };

  private commit(): void {
    if (!this.pending) return;
    this.flushes++;
    this.pending = false;
  }

  private record(call: CallInfo): void {
    this.calls++;
    this.byKey.set(call.key, (this.byKey.get(call.key) ?? 0) + 1);
    switch (classify(call.key)) {
      case 'read':
        this.commit();
        this.roundTrips++;
        this.read += cellsRead(call);
        break;
      case 'write':
        this.pending = true;
        this.written += cellsWritten(call);
        break;
      case 'sync':
        this.commit();
        this.roundTrips++;
        break;
      case 'flush':
        this.commit();
        break;
      default:
    }
  }

  /** Ends the execution (committing buffered writes) and returns its cost; the meter starts over. */
  finish(): ActionCost {
    this.commit();
    const cost: ActionCost = {
      calls: this.calls,
      roundTrips: this.roundTrips,
      flushes: this.flushes,
      cellsRead: this.read,
      cellsWritten: this.written,
      ms: 0,
      byKey: Object.fromEntries([...this.byKey.entries()].sort(([a], [b]) => a.localeCompare(b))),
    };
    cost.ms = modelledMs(cost);
    this.calls = this.roundTrips = this.flushes = this.read = this.written = 0;
    this.byKey.clear();
    return cost;
  }
}

/** Runs one execution with a meter on the emulator's calls and returns its cost. */
export function measure(calls: CallCounter, run: () => void): ActionCost {
  const meter = new CostMeter();
  const remove = calls.use(meter.hook);
  try {
    run();
  } finally {
    remove();
  }
  return meter.finish();
}
