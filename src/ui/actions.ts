// Menu handlers: each runs one action under the document lock and tells the user what happened.

import { describeDashboard } from '../core/dashboard';
import { ADDON_REMINDERS_REASON, describeMissing, NEEDS } from '../core/permissions';
import { describeScoring } from '../core/scoring-plan';
import { describeSelfCheck } from '../core/self-check';
import { parseSettings } from '../core/settings';
import { refreshDashboard } from '../sheets/dashboard';
import { loadExampleData } from '../sheets/example';
import { refreshFollowUps } from '../sheets/followups';
import { installedAsAddon } from '../sheets/gas-ui';
import { withDocumentLock } from '../sheets/lock';
import { grantOf, requirePermissions } from '../sheets/permissions';
import { scoreCandidates } from '../sheets/scoring';
import { checkSpreadsheet } from '../sheets/self-check';
import { describeSetup, setUpTracker } from '../sheets/setup';
import { DAILY_HOUR, turnOffDailyReminders, turnOnDailyReminders } from '../sheets/triggers';
import { activeSpreadsheet, readSettingsRows } from '../sheets/workbook';
import { showHelp } from './help';
import { showImportDialog } from './import-dialog';
import { runAction, tell, toast } from './run';
import { shareWithMentor } from './share';

/** Referrals › Set up tracker. */
export function setUpTrackerAction(): void {
  runAction('Set up tracker', () => {
    const ss = activeSpreadsheet();
    const report = withDocumentLock(() => setUpTracker(ss));
    tell(describeSetup(report), 'Set up tracker');
  });
}

/** Referrals › Load example data. */
export function loadExampleDataAction(): void {
  runAction('Load example data', () => {
    const ss = activeSpreadsheet();
    const n = withDocumentLock(() => loadExampleData(ss, Date.now()));
    tell(`Loaded ${n.contacts} example contacts and ${n.jobs} jobs.`, 'Load example data');
  });
}

/** Referrals › Help. */
export function helpAction(): void {
  runAction('Help', showHelp);
}

/** Referrals › Check this spreadsheet: what the add-on relies on here, as a plain report. */
export function checkSpreadsheetAction(): void {
  runAction('Check this spreadsheet', () => {
    const ss = activeSpreadsheet();
    tell(describeSelfCheck(checkSpreadsheet(ss, Date.now())), 'Check this spreadsheet');
  });
}

/** Referrals › Refresh follow-ups. */
export function refreshFollowUpsAction(): void {
  runAction('Refresh follow-ups', () => {
    const ss = activeSpreadsheet();
    const plan = withDocumentLock(() => refreshFollowUps(ss, Date.now()));
    const parts = [`${plan.overdue.length} overdue`, `${plan.dueToday.length} due today`];
    const problems = plan.settingProblems.length ? ` Settings: ${plan.settingProblems.join('; ')}.` : '';
    const notes = plan.notes.length ? ` ${plan.notes.join(' ')}` : '';
    toast(`Follow-ups refreshed: ${parts.join(', ')}.${problems}${notes}`, 'Refresh follow-ups');
  });
}

/**
 * What Turn on daily reminders says in the add-on, where it installs nothing: a trigger there could
 * never reach the tracker (core/permissions ADDON_REMINDERS_REASON), so the user reads why, and what
 * keeps the tracker current without one.
 */
export const ADDON_REMINDERS_MESSAGE = [
  `Daily reminders aren't available in the add-on, so nothing was turned on: ${ADDON_REMINDERS_REASON}.`,
  '',
  'What you still have:',
  '• The red and amber highlighting stays right every day on its own.',
  '• Refresh follow-ups brings Next action and Due up to date whenever you like.',
  '• Installed as a script bound to this spreadsheet, Referral tracker does send daily reminders.',
].join('\n');

/**
 * Referrals › Turn on daily reminders. In a script bound to the spreadsheet, installs this
 * spreadsheet's morning trigger (it needs the trigger permission and says so, by name, when the user
 * did not grant it; it warns when the opt-in digest lacks its own). In the add-on it installs nothing
 * and says why (ADDON_REMINDERS_MESSAGE).
 */
export function turnOnRemindersAction(): void {
  runAction('Turn on daily reminders', () => {
    // Not knowing the deployment fails the action: a guess could install a trigger that cannot work.
    if (installedAsAddon()) {
      tell(ADDON_REMINDERS_MESSAGE, 'Daily reminders');
      return;
    }
    const ss = activeSpreadsheet();
    requirePermissions('Turning on daily reminders', NEEDS.reminders);
    const created = turnOnDailyReminders(ss);
    const zone = ss.getSpreadsheetTimeZone();
    const on = created
      ? `Daily reminders are on: every morning around ${DAILY_HOUR}:00 (${zone}) follow-ups are refreshed.`
      : 'Daily reminders were already on.';
    tell([on, digestWarning(ss)].filter((t) => t !== '').join('\n\n'), 'Daily reminders');
  });
}

/** When the opt-in digest is on but its permissions were not granted, the sentence that says so. */
function digestWarning(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  if (!parseSettings(readSettingsRows(ss)).settings.dailyDigest) return '';
  const { missing, url } = grantOf(NEEDS.digest);
  return missing.length > 0 ? describeMissing('The daily digest email', missing, url) : '';
}

/**
 * Referrals › Turn off daily reminders: removes this spreadsheet's trigger — in the add-on, one an
 * earlier version installed there — and never another spreadsheet's.
 */
export function turnOffRemindersAction(): void {
  runAction('Turn off daily reminders', () => {
    const ss = activeSpreadsheet();
    requirePermissions('Turning off daily reminders', NEEDS.reminders);
    const removed = turnOffDailyReminders(ss);
    tell(removed > 0 ? 'Daily reminders are off.' : 'Daily reminders were already off.', 'Daily reminders');
  });
}

/** Referrals › Score candidates. */
export function scoreCandidatesAction(): void {
  runAction('Score candidates', () => {
    const ss = activeSpreadsheet();
    const summary = withDocumentLock(() => scoreCandidates(ss, Date.now()));
    tell(describeScoring(summary), 'Score candidates');
  });
}

/** Referrals › Refresh dashboard. */
export function refreshDashboardAction(): void {
  runAction('Refresh dashboard', () => {
    const ss = activeSpreadsheet();
    const data = withDocumentLock(() => refreshDashboard(ss, Date.now()));
    toast(describeDashboard(data), 'Refresh dashboard', 8);
  });
}

/** Referrals › Import LinkedIn connections…. */
export function importConnectionsAction(): void {
  showImportDialog();
}

/** Referrals › Share with mentor…. */
export function shareWithMentorAction(): void {
  runAction('Share with mentor', shareWithMentor);
}
