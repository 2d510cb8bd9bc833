// Menu handlers: each runs one action under the document lock and tells the user what happened.

import { withDocumentLock } from '../sheets/lock';
import { loadExampleData } from '../sheets/example';
import { describeSetup, setUpTracker } from '../sheets/setup';
import { activeSpreadsheet } from '../sheets/workbook';
import { showHelp } from './help';
import { runAction, tell } from './run';

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
