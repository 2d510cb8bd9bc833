// The daily reminder trigger's run: follow-ups, the dashboard when it exists, and the opt-in digest.

import { failureDetails, isUserError } from '../core/errors';
import { ADDON_REMINDERS_REASON, describeMissing, NEEDS } from '../core/permissions';
import { DASHBOARD_READS, planDashboardIfPresent } from './dashboard';
import { planRefresh, readForFollowUps, sendDigest } from './followups';
import { withDocumentLock } from './lock';
import { grantOf } from './permissions';

/**
 * The line logged when a run has no active spreadsheet (PRODUCT point 16): a reminder trigger an
 * earlier version set up in the add-on, whose morning run cannot reach the tracker.
 */
export const NO_SPREADSHEET_LOG =
  `Daily reminder: no active spreadsheet in this run, so nothing was done (${ADDON_REMINDERS_REASON}). ` +
  'Turn off daily reminders in your tracker removes this trigger.';

/**
 * The daily trigger: refreshes follow-ups (Contacts and Jobs) from the data under the document
 * lock, refreshes the Dashboard when that sheet exists (it is created only by Refresh dashboard,
 * PRODUCT points 1 and 15; a failure there is logged and does not stop the follow-ups or the
 * digest), and sends the opt-in digest when its permissions were granted. Every read of both comes
 * before any write (one flush); the follow-ups are written first, then the Dashboard. Without an
 * active spreadsheet (an add-on's time-driven run) it logs NO_SPREADSHEET_LOG and ends quietly: the
 * add-on opens no spreadsheet by id.
 */
export function dailyReminderHandler(): void {
  try {
    // A trigger that throws mails the user Apps Script's raw text: every failure is logged instead.
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    if (!ss) {
      console.log(NO_SPREADSHEET_LOG);
      return;
    }
    withDocumentLock(() => {
      const now = Date.now();
      // Every read first — one read of the Contacts columns follow-ups and the dashboard use, shared
      // by both, then each one's own — and every write after: one commit of the write cache.
      const tracker = readForFollowUps(ss, now, DASHBOARD_READS);
      const followUps = planRefresh(ss, now, tracker);
      let dashboard: { write(): void } | null = null;
      try {
        dashboard = planDashboardIfPresent(ss, now, tracker);
      } catch (err) {
        console.error(`Daily reminder: dashboard not refreshed: ${failureDetails(err)}`);
      }
      followUps.write();
      try {
        dashboard?.write();
      } catch (err) {
        console.error(`Daily reminder: dashboard not refreshed: ${failureDetails(err)}`);
      }
      const plan = followUps.result;
      if (!plan.settings.dailyDigest) return;
      const { missing } = grantOf(NEEDS.digest);
      if (missing.length > 0) {
        console.log(
          `Daily reminder: digest not sent. ${describeMissing('The daily digest email', missing, null)}`,
        );
        return;
      }
      sendDigest(ss, plan, plan.settings);
    });
  } catch (err) {
    if (isUserError(err)) console.log(`Daily reminder skipped: ${err.message}`);
    else console.error(`Daily reminder failed: ${failureDetails(err)}`);
  }
}
