// The daily reminder trigger: installed at most once, removed without touching other triggers.

/** The global function the daily trigger runs. */
export const DAILY_HANDLER = 'dailyReminder';
/** Hour of the day (spreadsheet time zone) the reminder runs; Apps Script picks a minute in it. */
export const DAILY_HOUR = 6;

function ours(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === DAILY_HANDLER);
}

/**
 * Ensures exactly one daily trigger: creates it when absent, removes duplicates (left by an old
 * version or a double click). Returns whether one was created.
 */
export function turnOnDailyReminders(timeZone: string): boolean {
  const existing = ours();
  for (const t of existing.slice(1)) ScriptApp.deleteTrigger(t);
  if (existing.length > 0) return false;
  ScriptApp.newTrigger(DAILY_HANDLER)
    .timeBased()
    .everyDays(1)
    .atHour(DAILY_HOUR)
    .inTimezone(timeZone)
    .create();
  return true;
}

/** Removes the add-on's daily triggers only. Returns how many were removed. */
export function turnOffDailyReminders(): number {
  const existing = ours();
  for (const t of existing) ScriptApp.deleteTrigger(t);
  return existing.length;
}
