// The daily reminder trigger, bookkept per spreadsheet: turning it on or off in one spreadsheet never
// touches another's, even where one user's triggers are shared by every spreadsheet (an editor add-on).

import { LOCK_WAIT_MS, withLock } from './lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

/** The global function the daily trigger runs. */
export const DAILY_HANDLER = 'dailyReminder';
/** Hour of the day (spreadsheet time zone) the reminder runs; Apps Script picks a minute in it. */
export const DAILY_HOUR = 6;
/**
 * User property `dailyReminder:<trigger id>` = the spreadsheet's id: a time-driven trigger names no
 * spreadsheet, and one user's triggers are shared by every spreadsheet an add-on is used in (an
 * earlier version installed reminders there too; Turn off removes only this spreadsheet's). User
 * properties, not document properties: a trigger belongs to the user who created it ("Installable
 * triggers always run under the account of the person who created them"), while document properties
 * are shared by every editor.
 */
export const TRIGGER_KEY_PREFIX = 'dailyReminder:';

/** This spreadsheet's daily triggers, and the daily triggers recorded for no spreadsheet at all. */
export interface DailyTriggers {
  /** Triggers recorded for this spreadsheet. */
  ours: Trigger[];
  /** Daily triggers with no record (left by a version that did not record them): treated as this spreadsheet's. */
  unrecorded: Trigger[];
  /** Every trigger of the user in this project (the 20-per-user limit counts them all). */
  total: number;
  /** Records whose trigger no longer exists (deleted in the Apps Script dashboard): to forget. */
  stale: string[];
}

/** The user's daily triggers as they relate to `spreadsheetId` (two calls: triggers and user properties). */
export function dailyTriggers(spreadsheetId: string): DailyTriggers {
  const all = ScriptApp.getProjectTriggers();
  const records = PropertiesService.getUserProperties().getProperties();
  const daily = all.filter((t) => t.getHandlerFunction() === DAILY_HANDLER);
  const live = new Set(daily.map((t) => TRIGGER_KEY_PREFIX + t.getUniqueId()));
  return {
    ours: daily.filter((t) => records[TRIGGER_KEY_PREFIX + t.getUniqueId()] === spreadsheetId),
    unrecorded: daily.filter((t) => !(TRIGGER_KEY_PREFIX + t.getUniqueId() in records)),
    total: all.length,
    stale: Object.keys(records).filter((k) => k.startsWith(TRIGGER_KEY_PREFIX) && !live.has(k)),
  };
}

/** Runs `fn` under the user lock, so two of the user's spreadsheets do not bookkeep at once. */
function withUserLock<T>(fn: () => T): T {
  return withLock(
    () => LockService.getUserLock(),
    fn,
    LOCK_WAIT_MS,
    'Another Referral tracker change to your reminders is running, so nothing was changed. Try again in a moment.',
  );
}

function forget(props: GoogleAppsScript.Properties.Properties, trigger: Trigger): void {
  ScriptApp.deleteTrigger(trigger);
  props.deleteProperty(TRIGGER_KEY_PREFIX + trigger.getUniqueId());
}

/**
 * Ensures this spreadsheet has exactly one daily trigger: keeps one of its own (removing duplicates
 * left by a double click), else adopts an unrecorded one, else creates one and records it. Returns
 * whether one was created or adopted.
 */
export function turnOnDailyReminders(ss: Spreadsheet): boolean {
  return withUserLock(() => {
    const id = ss.getId();
    const { ours, unrecorded, stale } = dailyTriggers(id);
    const props = PropertiesService.getUserProperties();
    for (const key of stale) props.deleteProperty(key);
    for (const t of ours.slice(1)) forget(props, t);
    if (ours.length > 0) return false;
    const adopted = unrecorded[0];
    if (adopted) {
      props.setProperty(TRIGGER_KEY_PREFIX + adopted.getUniqueId(), id);
      return true;
    }
    const created = ScriptApp.newTrigger(DAILY_HANDLER)
      .timeBased()
      .everyDays(1)
      .atHour(DAILY_HOUR)
      .inTimezone(ss.getSpreadsheetTimeZone())
      .create();
    props.setProperty(TRIGGER_KEY_PREFIX + created.getUniqueId(), id);
    return true;
  });
}

/** Removes this spreadsheet's daily triggers (and unrecorded ones) only. Returns how many were removed. */
export function turnOffDailyReminders(ss: Spreadsheet): number {
  return withUserLock(() => {
    const { ours, unrecorded, stale } = dailyTriggers(ss.getId());
    const props = PropertiesService.getUserProperties();
    for (const key of stale) props.deleteProperty(key);
    for (const t of [...ours, ...unrecorded]) forget(props, t);
    return ours.length + unrecorded.length;
  });
}
