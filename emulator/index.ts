// The emulator's front door: builds every Apps Script service over one shared context, and runs the
// script's executions with Apps Script's rules (scopes, auth modes, deployments, time-driven runs).

import {
  CallCounter,
  Clock,
  type EmulatorContext,
  hostRealm,
  type Realm,
  scriptError,
  toMillis,
} from './context';
import { createHtmlService, type FakeHtmlService } from './html';
import { FakeLockService } from './lock';
import { createLogger, type FakeLogger } from './logger';
import { createMailApp, type FakeMailApp } from './mail';
import { createPropertiesService, FakeProperties } from './properties';
import { NO_UI_MESSAGE, noPermissionMessage, notSufficientMessage, SCOPE, scopesFor } from './scopes';
import { type AuthModeName, type CallGlobal, FakeTriggers, type FiredTrigger } from './script-app';
import { createSession } from './session';
import {
  createCharts,
  type FakeSpreadsheet,
  newSpreadsheet,
  spreadsheetAppOver,
  type WorkbookJSON,
} from './spreadsheet-app';
import { createUi, type FakeUi } from './ui';
import { createUtilities, type FakeUtilities } from './utilities';

/** How the script is deployed: bound to the spreadsheet, or installed as an editor add-on. */
export type Deployment = 'bound' | 'addon';

/**
 * What started an execution: the user in the editor (a menu item, a dialog's google.script.run, the
 * Apps Script editor), a simple trigger (onOpen, onEdit), an installable trigger on the spreadsheet,
 * or a time-driven trigger (no one has the spreadsheet open).
 */
export type ExecutionKind = 'editor' | 'simple-trigger' | 'installable-trigger' | 'time-driven';

/** The execution in progress. */
export interface Execution {
  kind: ExecutionKind;
  authMode: AuthModeName;
}

/** Options of createEmulator. */
export interface EmulatorOptions {
  /** Script and spreadsheet time zone. Default `Europe/Paris`. */
  timeZone?: string;
  /** The emulator clock's start. Default `2026-03-02T09:00:00Z`. */
  now?: Date | string | number;
  /** The realm the bundle runs in (see realmFromEvaluate). Default: Node's own. */
  realm?: Realm;
  /** Project HTML files, name → content (name with or without `.html`). */
  htmlFiles?: Record<string, string>;
  /** Email of the user running the script. Default `user@example.com`. */
  user?: string;
  /** The add-on's name: the caption of its menu under Extensions. Default `Referral tracker`. */
  projectName?: string;
  /** Spreadsheet name. */
  spreadsheetName?: string;
  /** Sheets of a new spreadsheet (one `Sheet1` by default). */
  sheetNames?: string[];
  /** Start from a saved workbook instead of an empty spreadsheet. */
  workbook?: WorkbookJSON;
  /** Bound script (default) or editor add-on: in an add-on's time-driven run there is no active spreadsheet. */
  deployment?: Deployment;
  /**
   * The manifest's explicit `oauthScopes`. When given, a call needing a scope outside them throws Apps
   * Script's "Specified permissions are not sufficient" error. Default: none declared (not enforced).
   */
  oauthScopes?: readonly string[];
  /** The scopes the user granted (granular consent). Default: all of `oauthScopes`. */
  grantedScopes?: readonly string[];
}

/** The Apps Script globals, ready for `vm.createContext` (or Object.assign onto an existing context). */
export interface EmulatorGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  LockService: GoogleAppsScript.Lock.LockService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  MailApp: GoogleAppsScript.Mail.MailApp;
  Logger: GoogleAppsScript.Base.Logger;
  /** Only the parts of Charts the add-on uses (see spreadsheet-app.ts). */
  Charts: ReturnType<typeof createCharts>;
  console: Console;
  [name: string]: unknown;
}

/** Test access to the script's installable triggers. */
export interface EmulatorTriggers {
  /** Installed triggers, as data. */
  readonly list: FakeTriggers['list'];
  /** Every trigger fired so far. */
  readonly fired: FakeTriggers['fired'];
  /**
   * Fires a trigger by unique id, or every trigger of a handler name, calling the handler through
   * `callGlobal` (e.g. `(name, e) => vm.runInContext(name, ctx)(e)`). Each runs as its own execution
   * (time-driven for clock triggers, FULL auth mode); locks are released afterwards.
   */
  fire(
    uniqueIdOrHandler: string,
    event: Record<string, unknown> | undefined,
    callGlobal: CallGlobal,
  ): FiredTrigger[];
}

/** The three property stores; `document` is the open spreadsheet's. Read and written without counting. */
export interface EmulatorProperties {
  script: FakeProperties;
  user: FakeProperties;
  readonly document: FakeProperties;
  /** The document store of any spreadsheet of the emulator. */
  of(spreadsheet: FakeSpreadsheet): FakeProperties;
}

/** One user's script project: their spreadsheets, one of them open, and the services the script sees. */
export interface Emulator {
  globals: EmulatorGlobals;
  ctx: EmulatorContext;
  calls: CallCounter;
  clock: Clock;
  /** The spreadsheet the user has open (the first one unless `open` chose another). */
  readonly spreadsheet: FakeSpreadsheet;
  /** Every spreadsheet of the user's Drive the emulator knows, the first created first. */
  readonly spreadsheets: readonly FakeSpreadsheet[];
  /** Creates another spreadsheet in the user's Drive (not opened). */
  addSpreadsheet(options?: { name?: string; sheetNames?: string[]; timeZone?: string }): FakeSpreadsheet;
  /** Opens a spreadsheet in the editor: it becomes the active one of the next executions. */
  open(spreadsheet: FakeSpreadsheet): void;
  ui: FakeUi;
  html: FakeHtmlService;
  properties: EmulatorProperties;
  triggers: EmulatorTriggers;
  mail: FakeMailApp;
  logs: FakeLogger;
  lock: FakeLockService;
  utilities: FakeUtilities;
  readonly deployment: Deployment;
  /** Authorization: the manifest's scopes, the user's grant (tests may change it), prompts shown. */
  auth: {
    declared: readonly string[] | null;
    granted: readonly string[];
    /** The scopes each requireScopes prompt asked for, in order. */
    readonly prompts: string[][];
  };
  /** The execution in progress, or null between executions (when a test sets things up unchecked). */
  readonly execution: Execution | null;
  /**
   * The authorization mode of the current execution (FULL between executions). Setting it starts an
   * editor execution in that mode, ended by `endExecution`.
   */
  authMode: AuthModeName;
  /**
   * Runs `fn` as one execution of the script: the strict checks apply to the calls it makes, and its
   * locks are released at the end. Nested calls join the execution in progress.
   */
  execute<T>(kind: ExecutionKind, authMode: AuthModeName, fn: () => T): T;
  /** Ends the current execution: releases locks and leaves no execution in progress. */
  endExecution(): void;
}

/** Builds a Realm from a function that evaluates code in it (e.g. `(c) => vm.runInContext(c, context)`). */
export function realmFromEvaluate(evaluate: (code: string) => unknown): Realm {
  return {
    Date: evaluate('Date') as DateConstructor,
    Array: evaluate('Array') as ArrayConstructor,
    Object: evaluate('Object') as ObjectConstructor,
    Error: evaluate('Error') as ErrorConstructor,
    evaluate,
  };
}

/** Members a run in AuthMode.NONE cannot reach besides those needing a scope: Properties and Session. */
const NONE_BLOCKED = /^(PropertiesService|Properties|Session)\./;

/** What a simple trigger (AuthMode.LIMITED) cannot do: dialogs, sidebars, triggers, mail. */
const LIMITED_BLOCKED = new Set([
  'Ui.alert',
  'Ui.prompt',
  'Ui.showSidebar',
  'Ui.showModalDialog',
  'Ui.showModelessDialog',
  'ScriptApp.newTrigger',
  'ScriptApp.getProjectTriggers',
  'ScriptApp.getUserTriggers',
  'ScriptApp.deleteTrigger',
  'ClockTriggerBuilder.create',
  'SpreadsheetTriggerBuilder.create',
  'MailApp.sendEmail',
  'MailApp.getRemainingDailyQuota',
]);

/** Creates an emulator: a spreadsheet and every Apps Script service the add-on uses. */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const timeZone = options.timeZone ?? 'Europe/Paris';
  const clock = new Clock(toMillis(options.now ?? '2026-03-02T09:00:00Z'));
  const calls = new CallCounter();
  const ctx: EmulatorContext = {
    realm: options.realm ?? hostRealm(),
    clock,
    calls,
    user: options.user ?? 'user@example.com',
  };
  const deployment = options.deployment ?? 'bound';

  const { ui, Ui } = createUi(ctx, { projectName: options.projectName ?? 'Referral tracker' });
  const books: FakeSpreadsheet[] = [];
  const documents = new Map<FakeSpreadsheet, FakeProperties>();
  const addBook = (book: FakeSpreadsheet): FakeSpreadsheet => {
    books.push(book);
    documents.set(book, new FakeProperties(ctx, 'document'));
    return book;
  };
  let opened = addBook(
    newSpreadsheet(ctx, {
      getUi: () => Ui,
      timeZone,
      ...(options.spreadsheetName !== undefined ? { name: options.spreadsheetName } : {}),
      ...(options.sheetNames !== undefined ? { sheetNames: options.sheetNames } : {}),
      ...(options.workbook !== undefined ? { workbook: options.workbook } : {}),
    }),
  );
  let execution: Execution | null = null;
  /** An add-on's time-driven run has no current document: no active spreadsheet, no document lock. */
  const noDocument = () => deployment === 'addon' && execution?.kind === 'time-driven';
  const active = () => (noDocument() ? null : opened);

  const { html, HtmlService } = createHtmlService(ctx, options.htmlFiles ?? {});
  const script = new FakeProperties(ctx, 'script');
  const user = new FakeProperties(ctx, 'user');
  const lock = new FakeLockService(ctx);
  const auth: Emulator['auth'] = {
    declared: options.oauthScopes ? [...options.oauthScopes] : null,
    granted: [...(options.grantedScopes ?? options.oauthScopes ?? [])],
    prompts: [],
  };
  const triggerStore = new FakeTriggers(ctx, {
    timeZone,
    auth: {
      declared: () => auth.declared,
      granted: () => auth.granted,
      installationSource: () => (deployment === 'addon' ? 'WEB_STORE_ADD_ON' : 'NONE'),
      prompt: (scopes) => auth.prompts.push([...scopes]),
    },
  });
  const { mail, MailApp } = createMailApp(ctx);
  const { logger, Logger } = createLogger(ctx);
  const { utilities, Utilities } = createUtilities(ctx);

  const endExecution = () => {
    lock.releaseAll();
    execution = null;
  };
  const execute = <T>(kind: ExecutionKind, authMode: AuthModeName, fn: () => T): T => {
    if (execution) return fn();
    execution = { kind, authMode };
    try {
      return fn();
    } finally {
      endExecution();
    }
  };

  const emulator: Emulator = {
    globals: undefined as unknown as EmulatorGlobals,
    ctx,
    calls,
    clock,
    get spreadsheet() {
      return opened;
    },
    get spreadsheets() {
      return books;
    },
    addSpreadsheet(o = {}) {
      return addBook(newSpreadsheet(ctx, { getUi: () => Ui, timeZone: o.timeZone ?? timeZone, ...o }));
    },
    open(book) {
      if (!books.includes(book)) throw new Error('Not a spreadsheet of this emulator');
      opened = book;
    },
    ui,
    html,
    properties: {
      script,
      user,
      get document() {
        return documents.get(opened)!;
      },
      of: (book) => {
        const store = documents.get(book);
        if (!store) throw new Error('Not a spreadsheet of this emulator');
        return store;
      },
    },
    triggers: {
      list: triggerStore.list,
      fired: triggerStore.fired,
      fire(uniqueIdOrHandler, event, callGlobal) {
        return triggerStore.fire(uniqueIdOrHandler, event, callGlobal, (trigger, run) =>
          execute(trigger.eventType === 'CLOCK' ? 'time-driven' : 'installable-trigger', 'FULL', run),
        );
      },
    },
    mail,
    logs: logger,
    lock,
    utilities,
    deployment,
    auth,
    get execution() {
      return execution;
    },
    get authMode() {
      return execution?.authMode ?? 'FULL';
    },
    set authMode(mode: AuthModeName) {
      execution = { kind: execution?.kind ?? 'editor', authMode: mode };
    },
    execute,
    endExecution,
  };

  calls.use({ before: (call) => checkCall(emulator, call.key) });

  emulator.globals = {
    SpreadsheetApp: spreadsheetAppOver(ctx, {
      getUi: () => Ui,
      active,
      byId: (id) => books.find((b) => b.id === id),
      fallback: () => opened,
    }),
    HtmlService,
    PropertiesService: createPropertiesService(ctx, {
      script,
      user,
      document: () => {
        const book = active();
        return book ? documents.get(book)! : null;
      },
    }),
    ScriptApp: triggerStore.service(),
    LockService: lock.service(() => !noDocument()),
    Session: createSession(ctx, { timeZone }),
    Utilities,
    MailApp,
    Logger,
    Charts: createCharts(ctx),
    console: logger.console(),
  };
  return emulator;
}

/**
 * The strict checks, run before every counted call of an execution (none between executions, where
 * tests set things up). In order: getUi() in a time-driven run; AuthMode.NONE ("does not allow access
 * to any services that require authorization", https://developers.google.com/apps-script/reference/script/auth-mode,
 * nor Properties or Session); AuthMode.LIMITED, a simple trigger (no dialogs, sidebars, triggers or
 * mail: https://developers.google.com/apps-script/guides/triggers#restrictions); then the member's
 * scopes against the manifest's explicit oauthScopes and the user's grant (emulator/scopes.ts).
 */
function checkCall(emu: Emulator, key: string): void {
  const run = emu.execution;
  if (!run) return;
  const fail = (message: string): never => {
    throw scriptError(emu.ctx.realm, message);
  };
  if (key === 'SpreadsheetApp.getUi' && run.kind === 'time-driven') fail(NO_UI_MESSAGE);
  const scopes = scopesFor(key);
  if (run.authMode === 'NONE' && (scopes.length > 0 || NONE_BLOCKED.test(key))) {
    fail(noPermissionMessage(key, scopes));
  }
  if (run.authMode === 'LIMITED' && LIMITED_BLOCKED.has(key)) fail(noPermissionMessage(key, scopes));
  const declared = emu.auth.declared;
  if (scopes.length === 0 || declared === null) return;
  if (!scopes.some((s) => declared.includes(s))) fail(notSufficientMessage(key, scopes));
  // A simple trigger reaches the document it is bound to without the user's authorization.
  const bound = run.kind === 'simple-trigger' && scopes.includes(SCOPE.spreadsheetsCurrentOnly);
  if (!bound && !scopes.some((s) => emu.auth.granted.includes(s))) fail(noPermissionMessage(key, scopes));
}
