// ScriptApp: installable triggers (time-driven and spreadsheet), the per-script trigger limit and enums.

import { counted, type EmulatorContext, enumOf, isDate } from './context';
import { toWallClock } from './number-format';
import { assertTimeZone } from './utilities';

/** ScriptApp.AuthMode values. */
export const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export type AuthModeName = keyof typeof AuthMode;
/** ScriptApp.EventType values. */
export const EventType = enumOf(
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
);
export type EventTypeName = keyof typeof EventType;
/** ScriptApp.TriggerSource values. */
export const TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
export type TriggerSourceName = keyof typeof TriggerSource;
/** ScriptApp.AuthorizationStatus values. */
export const AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');
/** ScriptApp.InstallationSource values: NONE is "Script is not running as an add-on". */
export const InstallationSource = enumOf('APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON');
export type InstallationSourceName = keyof typeof InstallationSource;

/** What ScriptApp knows of the script's authorization: the manifest's scopes and the user's grant. */
export interface AuthState {
  /** The manifest's explicit oauthScopes, or null when Apps Script detects scopes itself (all granted). */
  declared(): readonly string[] | null;
  /** The scopes the user granted (a subset of the declared ones under granular consent). */
  granted(): readonly string[];
  /** How the script was installed: NONE for a bound script. */
  installationSource(): InstallationSourceName;
  /** Records an authorization prompt (requireScopes) shown to the user. */
  prompt(scopes: readonly string[]): void;
}

/** The URL getAuthorizationUrl() hands out when something is missing. */
export const AUTHORIZATION_URL = 'https://script.google.com/macros/d/emulator/authorize';
/** What requireScopes throws after prompting: the execution ends there. */
export const AUTHORIZATION_REQUIRED_MESSAGE = 'Authorization is required to perform that action.';

/** ScriptApp.WeekDay (Base.Weekday) values. */
export const WeekDay = enumOf('SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY');
export type WeekDayName = keyof typeof WeekDay;

/** "Triggers: 20 / user / script". */
export const MAX_TRIGGERS = 20;
/** The exact text Apps Script throws when a 21st trigger is created. */
export const TOO_MANY_TRIGGERS_MESSAGE =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

/** The schedule of a time-driven trigger, as built. */
export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: WeekDayName;
  onMonthDay?: number;
  timeZone?: string;
  /** One-off trigger: epoch milliseconds it fires at (from `at` or `after`). */
  at?: number;
}

/** One installed trigger, as data. */
export interface TriggerRecord {
  uniqueId: string;
  handlerFunction: string;
  eventType: EventTypeName;
  source: TriggerSourceName;
  /** Spreadsheet id for spreadsheet triggers; null for time-driven ones. */
  sourceId: string | null;
  clock?: ClockSchedule;
  /** Emulator clock when created. */
  createdAt: number;
}

/** Calls a global function of the script by name (supplied by the test harness). */
export type CallGlobal = (name: string, event: Record<string, unknown>) => unknown;

/** The result of firing one trigger. */
export interface FiredTrigger {
  trigger: TriggerRecord;
  event: Record<string, unknown>;
  result: unknown;
}

const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

function integer(v: unknown, what: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new Error(`Invalid argument: ${what}`);
  return v;
}

/** The triggers of the script, shared by every execution of one emulator. */
export class FakeTriggers {
  readonly list: TriggerRecord[] = [];
  /** Everything fired, in order. */
  readonly fired: FiredTrigger[] = [];
  private nextId = 1;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly opts: { timeZone: string; auth?: AuthState } = { timeZone: 'Etc/UTC' },
  ) {}

  /** The authorization state ScriptApp reports (everything granted when not given). */
  get auth(): AuthState {
    return (
      this.opts.auth ?? {
        declared: () => null,
        granted: () => [],
        installationSource: () => 'NONE',
        prompt: () => undefined,
      }
    );
  }

  /** @internal Adds a trigger, enforcing the limit. */
  add(t: Omit<TriggerRecord, 'uniqueId' | 'createdAt'>): TriggerRecord {
    if (this.list.length >= MAX_TRIGGERS) throw new Error(TOO_MANY_TRIGGERS_MESSAGE);
    const record: TriggerRecord = {
      ...t,
      uniqueId: String(7_000_000_000_000_000 + this.nextId++),
      createdAt: this.ctx.clock.now(),
    };
    this.list.push(record);
    return record;
  }
  /** Removes a trigger by unique id; true if it was there. */
  remove(uniqueId: string): boolean {
    const i = this.list.findIndex((t) => t.uniqueId === uniqueId);
    if (i < 0) return false;
    this.list.splice(i, 1);
    return true;
  }
  /** Triggers whose handler is this function. */
  byHandler(name: string): TriggerRecord[] {
    return this.list.filter((t) => t.handlerFunction === name);
  }

  /**
   * Fires a trigger as Apps Script would: by unique id, or every trigger of a handler name. The event gets
   * `authMode: FULL` and `triggerUid` unless given; clock triggers also get the time fields.
   */
  fire(
    uniqueIdOrHandler: string,
    event: Record<string, unknown> | undefined,
    callGlobal: CallGlobal,
    around: (trigger: TriggerRecord, run: () => unknown) => unknown = (_t, run) => run(),
  ): FiredTrigger[] {
    const byId = this.list.find((t) => t.uniqueId === uniqueIdOrHandler);
    const targets = byId ? [byId] : this.byHandler(uniqueIdOrHandler);
    if (targets.length === 0) throw new Error(`No trigger with id or handler ${uniqueIdOrHandler}`);
    return targets.map((trigger) => {
      const e = new this.ctx.realm.Object() as Record<string, unknown>;
      e.authMode = AuthMode.FULL;
      e.triggerUid = trigger.uniqueId;
      if (trigger.eventType === 'CLOCK') Object.assign(e, this.clockFields(trigger));
      Object.assign(e, event ?? {});
      const result = around(trigger, () => callGlobal(trigger.handlerFunction, e));
      const fired = { trigger, event: e, result };
      this.fired.push(fired);
      return fired;
    });
  }

  /** The ScriptApp service handed to the script. */
  service(): GoogleAppsScript.Script.ScriptApp {
    const app = new FakeScriptApp(this.ctx, this);
    return counted(this.ctx, 'ScriptApp', app) as unknown as GoogleAppsScript.Script.ScriptApp;
  }

  /** @internal A counted Trigger object over a record. */
  trigger(t: TriggerRecord): GoogleAppsScript.Script.Trigger {
    const trigger = {
      getUniqueId: (): string => t.uniqueId,
      getHandlerFunction: (): string => t.handlerFunction,
      getEventType: () => t.eventType as unknown as GoogleAppsScript.Script.EventType,
      getTriggerSource: () => t.source as unknown as GoogleAppsScript.Script.TriggerSource,
      getTriggerSourceId: () => t.sourceId as string,
    };
    return counted(this.ctx, 'Trigger', trigger);
  }

  private clockFields(t: TriggerRecord): Record<string, unknown> {
    const tz = t.clock?.timeZone ?? this.opts.timeZone;
    const w = toWallClock(this.ctx.clock.now(), tz);
    return {
      year: w.year,
      month: w.month,
      'day-of-month': w.day,
      'day-of-week': w.weekday,
      hour: w.hour,
      minute: w.minute,
      second: w.second,
      timezone: tz,
    };
  }
}

/** Builder for time-driven triggers. */
class FakeClockTriggerBuilder {
  private readonly s: ClockSchedule = {};
  self: this = this;
  constructor(
    private readonly triggers: FakeTriggers,
    private readonly ctx: EmulatorContext,
    private readonly handler: string,
  ) {}
  /** "Specifies to run the trigger every n minutes. n must be 1, 5, 10, 15 or 30." */
  everyMinutes(n: number): this {
    if (!EVERY_MINUTES.includes(n)) throw new Error('Invalid argument: n must be 1, 5, 10, 15 or 30');
    this.s.everyMinutes = n;
    return this.self;
  }
  /** "Specifies to run the trigger every n hours." Apps Script accepts 1, 2, 4, 6, 8 or 12. */
  everyHours(n: number): this {
    if (!EVERY_HOURS.includes(n)) throw new Error('Invalid argument: n must be 1, 2, 4, 6, 8 or 12');
    this.s.everyHours = n;
    return this.self;
  }
  everyDays(n: number): this {
    this.s.everyDays = integer(n, 'n', 1, 365);
    return this.self;
  }
  everyWeeks(n: number): this {
    this.s.everyWeeks = integer(n, 'n', 1, 52);
    return this.self;
  }
  /** "Specifies the hour at which the trigger runs." (with everyDays or everyWeeks) */
  atHour(hour: number): this {
    this.s.atHour = integer(hour, 'hour', 0, 23);
    return this.self;
  }
  /** "Specifies the minute at which the trigger runs (plus or minus 15 minutes)." */
  nearMinute(minute: number): this {
    this.s.nearMinute = integer(minute, 'minute', 0, 59);
    return this.self;
  }
  inTimezone(timezone: string): this {
    this.s.timeZone = assertTimeZone(timezone);
    return this.self;
  }
  onWeekDay(day: unknown): this {
    if (typeof day !== 'string' || !(day in WeekDay)) throw new Error('Invalid argument: day');
    this.s.onWeekDay = day as WeekDayName;
    return this.self;
  }
  onMonthDay(day: number): this {
    this.s.onMonthDay = integer(day, 'day', 1, 31);
    return this.self;
  }
  /** "Specifies the minimum duration (in milliseconds) after the current time that the trigger runs." */
  after(durationMilliseconds: number): this {
    this.s.at =
      this.ctx.clock.now() +
      integer(durationMilliseconds, 'durationMilliseconds', 0, Number.MAX_SAFE_INTEGER);
    return this.self;
  }
  /** "Specifies when the trigger runs." */
  at(date: unknown): this {
    if (!isDate(date)) throw new Error('Invalid argument: date');
    this.s.at = date.getTime();
    return this.self;
  }
  atDate(year: number, month: number, day: number): this {
    const y = integer(year, 'year', 1970, 9999);
    this.s.at = Date.UTC(y, integer(month, 'month', 1, 12) - 1, integer(day, 'day', 1, 31));
    return this.self;
  }
  /** "Creates the trigger." Refuses schedules Apps Script would refuse. */
  create(): GoogleAppsScript.Script.Trigger {
    const s = this.s;
    const recurring = [s.everyMinutes, s.everyHours, s.everyDays, s.everyWeeks, s.onMonthDay].filter(
      (v) => v !== undefined,
    ).length;
    if (recurring + (s.at !== undefined ? 1 : 0) !== 1) {
      throw new Error('A time-based trigger needs exactly one schedule (everyX, onMonthDay, at or after).');
    }
    if (
      s.atHour !== undefined &&
      s.everyDays === undefined &&
      s.everyWeeks === undefined &&
      s.onMonthDay === undefined
    ) {
      throw new Error('atHour() can only be used with everyDays(), everyWeeks() or onMonthDay().');
    }
    if (s.onWeekDay !== undefined && s.everyWeeks === undefined) {
      throw new Error('onWeekDay() can only be used with everyWeeks().');
    }
    const record = this.triggers.add({
      handlerFunction: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      clock: { ...s },
    });
    return this.triggers.trigger(record);
  }
}

/** Builder for spreadsheet triggers. */
class FakeSpreadsheetTriggerBuilder {
  private eventType: EventTypeName | undefined;
  self: this = this;
  constructor(
    private readonly triggers: FakeTriggers,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}
  onOpen(): this {
    return this.set('ON_OPEN');
  }
  onEdit(): this {
    return this.set('ON_EDIT');
  }
  onChange(): this {
    return this.set('ON_CHANGE');
  }
  onFormSubmit(): this {
    return this.set('ON_FORM_SUBMIT');
  }
  create(): GoogleAppsScript.Script.Trigger {
    if (!this.eventType)
      throw new Error('Choose an event (onOpen, onEdit, onChange, onFormSubmit) before create().');
    const record = this.triggers.add({
      handlerFunction: this.handler,
      eventType: this.eventType,
      source: 'SPREADSHEETS',
      sourceId: this.spreadsheetId,
    });
    return this.triggers.trigger(record);
  }
  private set(t: EventTypeName): this {
    this.eventType = t;
    return this.self;
  }
}

function spreadsheetIdOf(ss: unknown): string {
  if (typeof ss === 'string' && ss !== '') return ss;
  if (ss !== null && typeof ss === 'object' && typeof (ss as { getId?: unknown }).getId === 'function') {
    return String((ss as { getId(): string }).getId());
  }
  throw new Error('Invalid argument: spreadsheet');
}

/** The ScriptApp service. */
export class FakeScriptApp {
  readonly AuthMode = AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode;
  readonly EventType = EventType as unknown as typeof GoogleAppsScript.Script.EventType;
  readonly TriggerSource = TriggerSource as unknown as typeof GoogleAppsScript.Script.TriggerSource;
  readonly WeekDay = WeekDay as unknown as typeof GoogleAppsScript.Base.Weekday;
  readonly AuthorizationStatus =
    AuthorizationStatus as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus;
  readonly InstallationSource =
    InstallationSource as unknown as typeof GoogleAppsScript.Script.InstallationSource;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly triggers: FakeTriggers,
  ) {}

  /** "Begins the process of creating an installable trigger that, when fired, calls a given function." */
  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '')
      throw new Error('Invalid argument: functionName');
    const { ctx, triggers } = this;
    const builder = {
      timeBased: (): GoogleAppsScript.Script.ClockTriggerBuilder => {
        const b = new FakeClockTriggerBuilder(triggers, ctx, functionName);
        b.self = counted(ctx, 'ClockTriggerBuilder', b);
        return b.self as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
      },
      forSpreadsheet: (ss: unknown): GoogleAppsScript.Script.SpreadsheetTriggerBuilder => {
        const b = new FakeSpreadsheetTriggerBuilder(triggers, functionName, spreadsheetIdOf(ss));
        b.self = counted(ctx, 'SpreadsheetTriggerBuilder', b);
        return b.self as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
      },
    };
    return counted(ctx, 'TriggerBuilder', builder) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }
  /** "Gets all installable triggers associated with the current project and current user." */
  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    return this.ctx.realm.Array.from(this.triggers.list, (t) => this.triggers.trigger(t));
  }
  /** "Gets all installable triggers owned by this user in the given spreadsheet, for this script or add-on only." */
  getUserTriggers(spreadsheet: unknown): GoogleAppsScript.Script.Trigger[] {
    const id = spreadsheetIdOf(spreadsheet);
    return this.ctx.realm.Array.from(
      this.triggers.list.filter((t) => t.sourceId === id),
      (t) => this.triggers.trigger(t),
    );
  }
  /** "Removes the given trigger so it no longer runs." */
  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    if (!trigger || typeof trigger.getUniqueId !== 'function') throw new Error('Invalid argument: trigger');
    this.triggers.remove(trigger.getUniqueId());
  }
  getScriptId(): string {
    return '1EmulatorScriptId0000000000000000000000000000000000000';
  }
  /**
   * "Gets an object that checks if the user has granted authorization for all script requirements."
   * With a list of scopes, only those are checked and getAuthorizedScopes() returns the granted ones
   * among them (https://developers.google.com/apps-script/reference/script/authorization-info).
   */
  getAuthorizationInfo(authMode: unknown, oAuthScopes?: unknown): GoogleAppsScript.Script.AuthorizationInfo {
    if (typeof authMode !== 'string' || !(authMode in AuthMode))
      throw new Error('Invalid argument: authMode');
    if (
      oAuthScopes !== undefined &&
      (!Array.isArray(oAuthScopes) || oAuthScopes.some((x) => typeof x !== 'string'))
    )
      throw new Error('Invalid argument: oAuthScopes');
    const missing = this.missingScopes(oAuthScopes as string[] | undefined);
    const asked = (oAuthScopes as string[] | undefined) ?? this.triggers.auth.declared() ?? [];
    const granted = this.grantedAmong(asked);
    const { realm } = this.ctx;
    return counted(this.ctx, 'AuthorizationInfo', {
      getAuthorizationStatus: () =>
        (missing.length > 0 ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED) as unknown,
      getAuthorizationUrl: () => (missing.length > 0 ? AUTHORIZATION_URL : null),
      getAuthorizedScopes: () => realm.Array.from(granted),
    }) as unknown as GoogleAppsScript.Script.AuthorizationInfo;
  }
  /**
   * "Validates if the user has granted consent for all of the requested scopes … If any of the
   * specified consents aren't granted, then this method ends the current execution and renders an
   * authorization prompt to request the missing consent."
   */
  requireScopes(authMode: unknown, oAuthScopes: unknown): void {
    if (typeof authMode !== 'string' || !(authMode in AuthMode))
      throw new Error('Invalid argument: authMode');
    if (!Array.isArray(oAuthScopes) || oAuthScopes.some((x) => typeof x !== 'string'))
      throw new Error('Invalid argument: oAuthScopes');
    const missing = this.missingScopes(oAuthScopes as string[]);
    if (missing.length === 0) return;
    this.triggers.auth.prompt(missing);
    throw new Error(AUTHORIZATION_REQUIRED_MESSAGE);
  }
  /** requireScopes for every scope the script declares. */
  requireAllScopes(authMode: unknown): void {
    this.requireScopes(authMode, [...(this.triggers.auth.declared() ?? [])]);
  }
  /** "Returns an enum value that indicates how the script came to be installed as an add-on for the current user." */
  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    return this.triggers.auth.installationSource() as unknown as GoogleAppsScript.Script.InstallationSource;
  }
  private grantedAmong(scopes: readonly string[]): string[] {
    const auth = this.triggers.auth;
    if (auth.declared() === null) return [...scopes];
    const granted = auth.granted();
    return scopes.filter((s) => granted.includes(s));
  }
  private missingScopes(scopes: readonly string[] | undefined): string[] {
    const auth = this.triggers.auth;
    const declared = auth.declared();
    if (declared === null) return [];
    const asked = scopes ?? declared;
    const granted = auth.granted();
    return asked.filter((s) => !granted.includes(s));
  }
  getOAuthToken(): string {
    return `ya29.emulator-token-for-${this.ctx.user}`;
  }
  getService(): GoogleAppsScript.Script.Service {
    return counted(this.ctx, 'Service', {
      getUrl: (): string => 'https://script.google.com/macros/s/emulator/exec',
      isEnabled: (): boolean => false,
    }) as unknown as GoogleAppsScript.Script.Service;
  }
}
