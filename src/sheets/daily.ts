// The daily reminder trigger's run: follow-ups, the dashboard when it exists, and the opt-in digest.

import { refreshDashboardIfPresent } from './dashboard';
import { refreshFollowUps, sendDigest } from './followups';
import { withDocumentLock } from './lock';
import { readTracker } from './workbook';

/**
 * The daily trigger: refreshes follow-ups (Contacts and Jobs) from the data under the document
 * lock, refreshes the Dashboard when that sheet exists (it is created only by Refresh dashboard,
 * PRODUCT points 1 and 15; a failure there is logged and does not stop the digest), and sends the
 * opt-in digest. Without an active spreadsheet it logs and ends quietly.
 */
export function dailyReminderHandler(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) {
    console.log('Daily reminder: no active spreadsheet in this run; nothing to do.');
    return;
  }
  try {
    withDocumentLock(() => {
      const now = Date.now();
      const tracker = readTracker(ss);
      const plan = refreshFollowUps(ss, now, tracker);
      try {
        refreshDashboardIfPresent(ss, now, tracker);
      } catch (e) {
        console.log(`Daily reminder: dashboard not refreshed: ${e instanceof Error ? e.message : String(e)}`);
      }
      sendDigest(ss, plan, plan.settings);
    });
  } catch (e) {
    console.log(`Daily reminder skipped: ${e instanceof Error ? e.message : String(e)}`);
  }
}
