// The emulator's front door: builds every Apps Script service over one shared context.

import { CallCounter, Clock, type EmulatorContext, hostRealm, type Realm, toMillis } from './context';
import { createHtmlService, type FakeHtmlService } from './html';
import { FakeLockService } from './lock';
import { createLogger, type FakeLogger } from './logger';
import { createMailApp, type FakeMailApp } from './mail';
import { createPropertiesService, createPropertyStores, type PropertyStores } from './properties';
import { type AuthModeName, type CallGlobal, FakeTriggers, type FiredTrigger } from './script-app';
import { createSession } from './session';
import {
  createCharts,
  createSpreadsheetApp,
  type FakeSpreadsheet,
  type WorkbookJSON,
} from './spreadsheet-app';
import { createUi, type FakeUi } from './ui';
import { createUtilities, type FakeUtilities } from './utilities';

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
   * `callGlobal` (e.g. `(name, e) => vm.runInContext(name, ctx)(e)`). Locks are released afterwards,
   * as at the end of a real execution.
   */
  fire(
    uniqueIdOrHandler: string,
    event: Record<string, unknown> | undefined,
    callGlobal: CallGlobal,
  ): FiredTrigger[];
}

/** One emulated script bound to one spreadsheet. */
export interface Emulator {
  globals: EmulatorGlobals;
  ctx: EmulatorContext;
  calls: CallCounter;
  clock: Clock;
  spreadsheet: FakeSpreadsheet;
  ui: FakeUi;
  html: FakeHtmlService;
  /** The three property stores, read and written without counting. */
  properties: PropertyStores;
  triggers: EmulatorTriggers;
  mail: FakeMailApp;
  logs: FakeLogger;
  lock: FakeLockService;
  utilities: FakeUtilities;
  /**
   * The authorization mode of the current execution. In `NONE` (an add-on's onOpen before the user has used
   * it in the document) PropertiesService refuses to hand out stores. Default `FULL`.
   */
  authMode: AuthModeName;
  /** Ends the current execution: releases locks, and resets authMode to FULL. */
  endExecution(): void;
}

/** Builds a Realm from a function that evaluates code in it (e.g. `(c) => vm.runInContext(c, context)`). */
export function realmFromEvaluate(evaluate: (code: string) => unknown): Realm {
  return {
    Date: evaluate('Date') as DateConstructor,
    Array: evaluate('Array') as ArrayConstructor,
    Object: evaluate('Object') as ObjectConstructor,
    evaluate,
  };
}

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

  const { ui, Ui } = createUi(ctx, { projectName: options.projectName ?? 'Referral tracker' });
  const { app: SpreadsheetApp, spreadsheet } = createSpreadsheetApp(ctx, {
    getUi: () => Ui,
    timeZone,
    ...(options.spreadsheetName !== undefined ? { name: options.spreadsheetName } : {}),
    ...(options.sheetNames !== undefined ? { sheetNames: options.sheetNames } : {}),
    ...(options.workbook !== undefined ? { workbook: options.workbook } : {}),
  });
  const { html, HtmlService } = createHtmlService(ctx, options.htmlFiles ?? {});
  const properties = createPropertyStores(ctx);
  const lock = new FakeLockService(ctx);
  const triggerStore = new FakeTriggers(ctx, { timeZone });
  const { mail, MailApp } = createMailApp(ctx);
  const { logger, Logger } = createLogger(ctx);
  const { utilities, Utilities } = createUtilities(ctx);

  const emulator: Emulator = {
    globals: undefined as unknown as EmulatorGlobals,
    ctx,
    calls,
    clock,
    spreadsheet,
    ui,
    html,
    properties,
    triggers: {
      list: triggerStore.list,
      fired: triggerStore.fired,
      fire(uniqueIdOrHandler, event, callGlobal) {
        try {
          return triggerStore.fire(uniqueIdOrHandler, event, callGlobal);
        } finally {
          emulator.endExecution();
        }
      },
    },
    mail,
    logs: logger,
    lock,
    utilities,
    authMode: 'FULL',
    endExecution() {
      lock.releaseAll();
      emulator.authMode = 'FULL';
    },
  };

  const PropertiesService = createPropertiesService(ctx, properties, (method) => {
    if (emulator.authMode === 'NONE') {
      throw new Error(
        `You do not have permission to call PropertiesService.${method} in AuthMode.NONE ` +
          '(an add-on menu is built before the user has authorized it in this document).',
      );
    }
  });

  emulator.globals = {
    SpreadsheetApp,
    HtmlService,
    PropertiesService,
    ScriptApp: triggerStore.service(),
    LockService: lock.service(),
    Session: createSession(ctx, { timeZone }),
    Utilities,
    MailApp,
    Logger,
    Charts: createCharts(ctx),
    console: logger.console(),
  };
  return emulator;
}
