// A fault at every Apps Script call of each menu action and of the daily run: nothing of the
// user's changes, nothing is left half-done that one more run does not repair, and the user reads
// a plain sentence. Prints the fault points tried per action.
import { DEPLOYMENT, type LoadedBundle } from '../helpers/bundle';
import { captureState, expectSafe, type TrackerState } from '../helpers/faults';
import { colOf, sheetOf } from '../helpers/sheets';
import { daysAgo, forgetUi, representativeTracker } from '../helpers/trackers';

function stateOf(make: () => LoadedBundle, then?: (b: LoadedBundle) => void): TrackerState {
  const b = make();
  then?.(b);
  forgetUi(b);
  return captureState(b);
}

const tracker = stateOf(representativeTracker);

/** The tracker after Refresh dashboard, with a chart of the user's own there, and newer data since. */
const withDashboard = stateOf(representativeTracker, (b) => {
  b.call('menuRefreshDashboard');
  const dash = sheetOf(b, 'Dashboard');
  dash.insertChart(
    dash
      .newChart()
      .asPieChart()
      .addRange(dash.getRange('A3:B5'))
      .setPosition(30, 2, 0, 0)
      .setOption('title', 'My own chart')
      .build(),
  );
  sheetOf(b, 'Contacts').getRange(4, colOf(b, 'Status')).setValue('Call scheduled');
  sheetOf(b, 'Contacts')
    .getRange(4, colOf(b, 'Call on'))
    .setValue(daysAgo(b, -1, 14));
  b.call('menuTurnOnReminders');
});

/**
 * The tracker with this spreadsheet's daily reminder on — in the add-on, which installs none, one an
 * earlier version set up and recorded — and another trigger of the user's.
 */
const remindersOn = stateOf(representativeTracker, (b) => {
  const ScriptApp = b.emu.globals.ScriptApp;
  ScriptApp.newTrigger('myOwnFunction').timeBased().everyHours(1).create();
  if (DEPLOYMENT === 'bound') {
    b.call('menuTurnOnReminders');
    return;
  }
  const t = ScriptApp.newTrigger('dailyReminder').timeBased().everyDays(1).atHour(6).create();
  b.emu.properties.user.data.set(`dailyReminder:${t.getUniqueId()}`, b.emu.spreadsheet.id);
});

describe('a fault at every call of a menu action', () => {
  it('Score candidates', () => {
    expectSafe({ name: 'Score candidates', base: tracker, run: (b) => b.call('menuScoreCandidates') });
  });

  it('Refresh follow-ups', () => {
    expectSafe({ name: 'Refresh follow-ups', base: tracker, run: (b) => b.call('menuRefreshFollowUps') });
  });

  it('Refresh dashboard, the first time', () => {
    expectSafe({
      name: 'Refresh dashboard (new)',
      base: tracker,
      run: (b) => b.call('menuRefreshDashboard'),
      ownSheets: ['Dashboard'],
    });
  });

  it("Refresh dashboard over an existing one with a chart of the user's", () => {
    expectSafe({
      name: 'Refresh dashboard (existing)',
      base: withDashboard,
      run: (b) => b.call('menuRefreshDashboard'),
      ownSheets: ['Dashboard'],
    });
  });

  it('Turn on daily reminders', () => {
    // In the add-on it reaches no spreadsheet: of its three calls, the one that matters is ScriptApp's
    // (which deployment this is); failing it, the user reads the plain sentence, not a guess's outcome.
    expectSafe(
      {
        name: 'Turn on daily reminders',
        base: tracker,
        run: (b) => b.call('menuTurnOnReminders'),
        stride: 1,
      },
      DEPLOYMENT === 'addon' ? /^Turn on daily reminders stopped: .*try again/m : undefined,
    );
  });

  it('Turn off daily reminders', () => {
    expectSafe({
      name: 'Turn off daily reminders',
      base: remindersOn,
      run: (b) => b.call('menuTurnOffReminders'),
    });
  });

  it('Share with mentor', () => {
    expectSafe({
      name: 'Share with mentor',
      base: tracker,
      run: (b) => {
        // Answers a failed run did not use are not the next run's.
        (b.emu.ui as unknown as { answers: unknown[] }).answers.length = 0;
        b.emu.ui.answerNext('OK', 'mentor@example.com');
        b.emu.ui.answerNext('YES');
        b.call('menuShareWithMentor');
      },
    });
  });
});

describe('a fault at every call of the daily run', () => {
  it('refreshes follow-ups and the dashboard and sends the digest, or logs why not', () => {
    expectSafe({
      name: 'Daily run',
      base: withDashboard,
      run: (b) => b.call('dailyReminder', { authMode: 'FULL', triggerUid: '1' }),
      ownSheets: ['Dashboard'],
      silent: true,
    });
  });
});
