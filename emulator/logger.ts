// Logger and console for the emulator: both record what the script logs, for tests to read.

import { counted, type EmulatorContext, isDate } from './context';

/** One recorded log line. */
export interface LogEntry {
  /** `Logger` for Logger.log, else the console method (`log`, `info`, `warn`, `error`). */
  source: 'Logger' | 'log' | 'info' | 'warn' | 'error';
  message: string;
  /** Emulator clock, epoch milliseconds. */
  at: number;
}

/** Renders one logged value the way a reader of the execution log would want it. */
function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isDate(v)) return String(v);
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return String(v);
  if (v !== null && typeof v === 'object') {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

/**
 * Logger.log(format, values...): "The string can include multiple %s placeholders, which are replaced
 * with corresponding values from the list of arguments, converted to strings."
 */
function formatLogger(data: unknown, values: unknown[]): string {
  if (values.length === 0 || typeof data !== 'string') return show(data);
  let i = 0;
  return data.replace(/%s/g, (m) => (i < values.length ? show(values[i++]) : m));
}

/** console.log(format, ...values): %s %d %i %f %o %O %j and %% like a JavaScript console. */
function formatConsole(args: unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map(show).join(' ');
  let i = 0;
  const head = first.replace(/%([sdifoOj%])/g, (m, c: string) => {
    if (c === '%') return '%';
    if (i >= rest.length) return m;
    const v = rest[i++];
    if (c === 'd' || c === 'i') return String(c === 'i' ? Math.trunc(Number(v)) : Number(v));
    if (c === 'f') return String(Number(v));
    return show(v);
  });
  return [head, ...rest.slice(i).map(show)].join(' ');
}

/** The recorded log of one emulator, shared by Logger and console. */
export class FakeLogger {
  readonly entries: LogEntry[] = [];
  /** The counted proxy handed to the script; log() returns it so chained calls are counted. */
  self: this = this;
  private readonly timers = new Map<string, number>();
  constructor(private readonly ctx: EmulatorContext) {}

  /** Logger.log: "Writes the string to the logging console." Returns the Logger, for chaining. */
  log(data: unknown, ...values: unknown[]): this {
    this.push('Logger', formatLogger(data, values));
    return this.self;
  }
  /** Logger.getLog: "Returns a complete list of messages in the current log." */
  getLog(): string {
    return this.entries
      .filter((e) => e.source === 'Logger')
      .map((e) => `${e.message}\n`)
      .join('');
  }
  /** Logger.clear: "Clears the log." */
  clear(): void {
    for (let i = this.entries.length - 1; i >= 0; i--)
      if (this.entries[i]!.source === 'Logger') this.entries.splice(i, 1);
  }
  /** Messages only, in order (test helper). */
  messages(): string[] {
    return this.entries.map((e) => e.message);
  }

  /** The console shim handed to the script as `console`. */
  console(): Console {
    const rec =
      (source: LogEntry['source']) =>
      (...args: unknown[]): void =>
        this.push(source, formatConsole(args));
    const shim = {
      log: rec('log'),
      info: rec('info'),
      warn: rec('warn'),
      error: rec('error'),
      time: (label: string): void => {
        this.timers.set(String(label), this.ctx.clock.now());
      },
      timeEnd: (label: string): void => {
        const start = this.timers.get(String(label));
        if (start === undefined) return;
        this.timers.delete(String(label));
        this.push('log', `${label}: ${this.ctx.clock.now() - start}ms`);
      },
    };
    return counted(this.ctx, 'console', shim) as unknown as Console;
  }

  private push(source: LogEntry['source'], message: string): void {
    this.entries.push({ source, message, at: this.ctx.clock.now() });
  }
}

/** Creates the log and the `Logger` service over it. */
export function createLogger(ctx: EmulatorContext): {
  logger: FakeLogger;
  Logger: GoogleAppsScript.Base.Logger;
} {
  const logger = new FakeLogger(ctx);
  logger.self = counted(ctx, 'Logger', logger);
  return { logger, Logger: logger.self as unknown as GoogleAppsScript.Base.Logger };
}
