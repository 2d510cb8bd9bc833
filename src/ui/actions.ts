// Menu handlers: each runs one action under the document lock and tells the user what happened.

import { describeDashboard } from '../core/dashboard';
import { describeScoring } from '../core/scoring-plan';
import { refreshDashboard } from '../sheets/dashboard';
import { loadExampleData } from '../sheets/example';
import { refreshFollowUps } from '../sheets/followups';
import { withDocumentLock } from '../sheets/lock';
import { scoreCandidates } from '../sheets/scoring';
import { describeSetup, setUpTracker } from '../sheets/setup';
import { DAILY_HOUR, turnOffDailyReminders, turnOnDailyReminders } from '../sheets/triggers';
import { activeSpreadsheet } from '../sheets/workbook';
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

/** Referrals › Refresh follow-ups. */
export function refreshFollowUpsAction(): void {
  runAction('Refresh follow-ups', () => {
    const ss = activeSpreadsheet();
    const plan = withDocumentLock(() => refreshFollowUps(ss, Date.now()));
    const parts = [`${plan.overdue.length} overdue`, `${plan.dueToday.length} due today`];
    const problems = plan.settingProblems.length ? ` Settings: ${plan.settingProblems.join('; ')}.` : '';
    toast(`Follow-ups refreshed: ${parts.join(', ')}.${problems}`, 'Refresh follow-ups');
  });
}

/** Referrals › Turn on daily reminders. */
export function turnOnRemindersAction(): void {
  runAction('Turn on daily reminders', () => {
    const ss = activeSpreadsheet();
    const created = turnOnDailyReminders(ss.getSpreadsheetTimeZone());
    tell(
      created
        ? `Daily reminders are on: every morning around ${DAILY_HOUR}:00 (${ss.getSpreadsheetTimeZone()}) follow-ups are refreshed.`
        : 'Daily reminders were already on.',
      'Daily reminders',
    );
  });
}

/** Referrals › Turn off daily reminders. */
export function turnOffRemindersAction(): void {
  runAction('Turn off daily reminders', () => {
    const removed = turnOffDailyReminders();
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
