// The daily reminder trigger's run: follow-ups, the dashboard when it exists, and the opt-in digest.

import { failureDetails, isUserError } from '../core/errors';
import { describeMissing, NEEDS } from '../core/permissions';
import { DASHBOARD_READS, refreshDashboardIfPresent } from './dashboard';
import { readForFollowUps, refreshFollowUps, sendDigest } from './followups';
import { withDocumentLock } from './lock';
import { grantOf } from './permissions';
import { spreadsheetIdOfTrigger } from './triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The start of the line logged when the run ends quietly for want of a spreadsheet (PRODUCT point 16). */
export const NO_SPREADSHEET_LOG = 'Daily reminder: no active spreadsheet in this run';

/**
 * The spreadsheet of a time-driven run. A bound script's run has its spreadsheet active; an add-on's
 * has none, so the spreadsheet recorded for the trigger (sheets/triggers.ts) is opened by id, which
 * needs the `spreadsheets` scope. Where that cannot be done, logs why and returns null.
 */
function spreadsheetOfRun(e: { triggerUid?: unknown } | undefined): Spreadsheet | null {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const uid = typeof e?.triggerUid === 'string' ? e.triggerUid : '';
  const id = uid ? spreadsheetIdOfTrigger(uid) : null;
  if (!id) {
    console.log(`${NO_SPREADSHEET_LOG} and no spreadsheet is recorded for this trigger; nothing to do.`);
    return null;
  }
  const { missing } = grantOf(NEEDS.addonMorningRun);
  if (missing.length > 0) {
    console.log(
      `${NO_SPREADSHEET_LOG}, and opening spreadsheet ${id} needs the permission ${missing.join(', ')}, ` +
        'which was not granted; nothing to do.',
    );
    return null;
  }
  try {
    return SpreadsheetApp.openById(id);
  } catch (err) {
    console.log(
      `${NO_SPREADSHEET_LOG}, and spreadsheet ${id} could not be opened ` +
        `(${err instanceof Error ? err.message : String(err)}); nothing to do.`,
    );
    return null;
  }
}

/**
 * The daily trigger: refreshes follow-ups (Contacts and Jobs) from the data under the document
 * lock, refreshes the Dashboard when that sheet exists (it is created only by Refresh dashboard,
 * PRODUCT points 1 and 15; a failure there is logged and does not stop the digest), and sends the
 * opt-in digest when its permissions were granted. Without a spreadsheet it logs and ends quietly.
 */
export function dailyReminderHandler(e?: { triggerUid?: unknown }): void {
  try {
    // A trigger that throws mails the user Apps Script's raw text: every failure is logged instead.
    const ss = spreadsheetOfRun(e);
    if (!ss) return;
    withDocumentLock(() => {
      const now = Date.now();
      // One read of the Contacts columns follow-ups and the dashboard use, shared by both.
      const tracker = readForFollowUps(ss, now, DASHBOARD_READS);
      const plan = refreshFollowUps(ss, now, tracker);
      try {
        refreshDashboardIfPresent(ss, now, tracker);
      } catch (err) {
        console.error(`Daily reminder: dashboard not refreshed: ${failureDetails(err)}`);
      }
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
