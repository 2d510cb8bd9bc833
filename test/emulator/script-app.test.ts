import { CallCounter, Clock, type EmulatorContext, hostRealm } from '../../emulator/context';
import { FakeTriggers, MAX_TRIGGERS, TOO_MANY_TRIGGERS_MESSAGE } from '../../emulator/script-app';

function setup() {
  const ctx: EmulatorContext = {
    realm: hostRealm(),
    clock: new Clock(Date.parse('2026-03-02T09:00:00Z')),
    calls: new CallCounter(),
    user: 'me@x.com',
  };
  const triggers = new FakeTriggers(ctx, { timeZone: 'Europe/Paris' });
  return { ctx, triggers, ScriptApp: triggers.service() };
}
const spreadsheet = { getId: () => 'sheet-1' } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

describe('ScriptApp triggers', () => {
  it('creates a daily time-driven trigger and lists it', () => {
    const { ScriptApp, triggers } = setup();
    const t = ScriptApp.newTrigger('dailyFollowUps')
      .timeBased()
      .everyDays(1)
      .atHour(8)
      .nearMinute(30)
      .create();
    expect(t.getHandlerFunction()).toBe('dailyFollowUps');
    expect(t.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(t.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(t.getTriggerSourceId()).toBeNull();
    expect(triggers.list[0]!.clock).toEqual({ everyDays: 1, atHour: 8, nearMinute: 30 });
    expect(ScriptApp.getProjectTriggers().map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
  });

  it('creates spreadsheet triggers from a spreadsheet or its id', () => {
    const { ScriptApp } = setup();
    const a = ScriptApp.newTrigger('handleEdit').forSpreadsheet(spreadsheet).onEdit().create();
    const b = ScriptApp.newTrigger('handleChange').forSpreadsheet('other').onChange().create();
    expect(a.getEventType()).toBe(ScriptApp.EventType.ON_EDIT);
    expect(a.getTriggerSource()).toBe(ScriptApp.TriggerSource.SPREADSHEETS);
    expect(a.getTriggerSourceId()).toBe('sheet-1');
    expect(b.getTriggerSourceId()).toBe('other');
    // "Gets all installable triggers owned by this user in the given spreadsheet"
    expect(ScriptApp.getUserTriggers(spreadsheet).map((t) => t.getHandlerFunction())).toEqual(['handleEdit']);
  });

  it('gives every trigger its own unique id, and deleteTrigger removes one', () => {
    const { ScriptApp } = setup();
    const a = ScriptApp.newTrigger('a').timeBased().everyHours(1).create();
    const b = ScriptApp.newTrigger('b').timeBased().everyHours(1).create();
    expect(a.getUniqueId()).not.toBe(b.getUniqueId());
    ScriptApp.deleteTrigger(a);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['b']);
  });

  it(`refuses the 21st trigger: "${TOO_MANY_TRIGGERS_MESSAGE}"`, () => {
    const { ScriptApp } = setup();
    for (let i = 0; i < MAX_TRIGGERS; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyDays(1).create();
    expect(() => ScriptApp.newTrigger('one-too-many').timeBased().everyDays(1).create()).toThrow(
      TOO_MANY_TRIGGERS_MESSAGE,
    );
    ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]!);
    expect(() => ScriptApp.newTrigger('fits-again').timeBased().everyDays(1).create()).not.toThrow();
  });

  it('accepts only the intervals Apps Script offers for everyMinutes and everyHours', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(7)).toThrow('1, 5, 10, 15 or 30');
    expect(() => ScriptApp.newTrigger('f').timeBased().everyHours(3)).toThrow('1, 2, 4, 6, 8 or 12');
  });

  it('refuses a time-driven trigger without a schedule, and atHour without a daily or weekly one', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.newTrigger('f').timeBased().create()).toThrow('exactly one schedule');
    expect(() => ScriptApp.newTrigger('f').timeBased().everyHours(1).atHour(3).create()).toThrow('atHour');
  });

  it('supports weekly triggers on a weekday, in a time zone', () => {
    const { ScriptApp, triggers } = setup();
    ScriptApp.newTrigger('weekly')
      .timeBased()
      .everyWeeks(1)
      .onWeekDay(ScriptApp.WeekDay.MONDAY)
      .inTimezone('UTC')
      .create();
    expect(triggers.list[0]!.clock).toEqual({ everyWeeks: 1, onWeekDay: 'MONDAY', timeZone: 'UTC' });
  });

  it('supports one-off triggers with after(ms) and at(date)', () => {
    const { ctx, ScriptApp, triggers } = setup();
    ScriptApp.newTrigger('soon').timeBased().after(60_000).create();
    ScriptApp.newTrigger('later').timeBased().at(new Date('2026-04-01T00:00:00Z')).create();
    expect(triggers.list.map((t) => t.clock?.at)).toEqual([
      ctx.clock.now() + 60_000,
      Date.parse('2026-04-01T00:00:00Z'),
    ]);
  });

  it('has the AuthMode, EventType, TriggerSource and WeekDay enums', () => {
    const { ScriptApp } = setup();
    expect(Object.keys(ScriptApp.AuthMode).sort()).toEqual(['CUSTOM_FUNCTION', 'FULL', 'LIMITED', 'NONE']);
    expect(ScriptApp.EventType.ON_OPEN).toBe('ON_OPEN');
    expect(ScriptApp.TriggerSource.SPREADSHEETS).toBe('SPREADSHEETS');
    expect(ScriptApp.WeekDay.FRIDAY).toBe('FRIDAY');
  });

  it('fires a trigger by id or handler, passing an event with authMode FULL and triggerUid', () => {
    const { ScriptApp, triggers } = setup();
    const t = ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(9).create();
    const calls: [string, Record<string, unknown>][] = [];
    triggers.fire(t.getUniqueId(), undefined, (name, e) => calls.push([name, e]));
    triggers.fire('daily', { extra: 1 }, (name, e) => calls.push([name, e]));
    expect(calls.map(([n]) => n)).toEqual(['daily', 'daily']);
    expect(calls[0]![1]).toMatchObject({
      authMode: 'FULL',
      triggerUid: t.getUniqueId(),
      hour: 10,
      timezone: 'Europe/Paris',
    });
    expect(calls[1]![1]).toMatchObject({ extra: 1 });
    expect(() => triggers.fire('nobody', undefined, () => undefined)).toThrow('No trigger');
  });

  it('counts builder calls as TriggerBuilder, ClockTriggerBuilder and ScriptApp methods', () => {
    const { ctx, ScriptApp } = setup();
    ScriptApp.newTrigger('f').timeBased().everyDays(1).atHour(8).create();
    expect(ctx.calls.get('ScriptApp.newTrigger')).toBe(1);
    expect(ctx.calls.get('TriggerBuilder.timeBased')).toBe(1);
    expect(ctx.calls.get('ClockTriggerBuilder.atHour')).toBe(1);
    expect(ctx.calls.get('ClockTriggerBuilder.create')).toBe(1);
  });
});
