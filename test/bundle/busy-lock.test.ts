// While another execution holds the lock: every menu action, page call and the daily run says so in
// plain words and changes nothing.
import { BUSY_MESSAGE } from '../../src/core/errors';
import { DEPLOYMENT, type LoadedBundle } from '../helpers/bundle';
import { captureState, loadState, RAW_TEXT, stateDiff, type TrackerState } from '../helpers/faults';
import { colOf, sheetOf } from '../helpers/sheets';
import { ROW, representativeTracker } from '../helpers/trackers';

const tracker = representativeTracker();
const base: TrackerState = captureState(tracker);
const kimDraft = tracker.call<{ fingerprint: string }>('sidebarDraft', ROW.kim, 'first-inmail');

const CSV = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Lea,Long,https://www.linkedin.com/in/lea-long,,Acme,Data Scientist,01 Mar 2026',
].join('\n');

/** A fresh copy of the tracker while another execution holds every lock. */
function busy(): LoadedBundle {
  const b = loadState(base);
  b.emu.lock.holdBySomeoneElse(true);
  return b;
}

/** Everything the user was shown: alerts, toasts and what a page's failure handler receives. */
function shown(b: LoadedBundle, thrown: unknown): string[] {
  return [
    ...b.emu.ui.dialogs.map((d) => d.prompt),
    ...b.emu.spreadsheet.toasts.map((t) => t.message),
    ...(thrown === undefined ? [] : [(thrown as Error).message]),
  ];
}

type Writer = [string, (b: LoadedBundle) => unknown];
const TURN_ON: Writer = ['Turn on daily reminders', (b) => b.call('menuTurnOnReminders')];

const WRITERS: Writer[] = [
  ['Set up tracker', (b) => b.call('menuSetUpTracker')],
  ['Score candidates', (b) => b.call('menuScoreCandidates')],
  ['Refresh follow-ups', (b) => b.call('menuRefreshFollowUps')],
  ['Refresh dashboard', (b) => b.call('menuRefreshDashboard')],
  ['Load example data', (b) => b.call('menuLoadExampleData')],
  // In the add-on, Turn on daily reminders writes nothing: it says why there are none (runtime.test.ts).
  ...(DEPLOYMENT === 'bound' ? [TURN_ON] : []),
  ['Turn off daily reminders', (b) => b.call('menuTurnOffReminders')],
  ['Import (the dialog)', (b) => b.call('importConnections', CSV)],
  [
    'Mark as sent (the sidebar)',
    (b) => b.call('sidebarMarkSent', ROW.kim, 'first-inmail', kimDraft.fingerprint),
  ],
  ['Save call guide (the sidebar)', (b) => b.call('sidebarSaveCallGuide', ROW.di, 'Form', 'After referral')],
];

describe('while another update holds the document lock', () => {
  it.each(WRITERS)('%s says so in plain words and changes nothing', (_name, run) => {
    const b = busy();
    let thrown: unknown;
    try {
      run(b);
    } catch (e) {
      thrown = e;
    }
    b.emu.endExecution();
    const said = shown(b, thrown);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(
      /^Another Referral tracker .* is running.*, so nothing was changed\. Try again in a moment\.$/,
    );
    expect(stateDiff(base, captureState(b))).toEqual([]);
  });

  it('the daily run shows nothing, changes nothing and logs why', () => {
    const b = busy();
    b.call('dailyReminder', { authMode: 'FULL', triggerUid: '1' });
    expect(shown(b, undefined)).toEqual([]);
    expect(stateDiff(base, captureState(b))).toEqual([]);
    expect(b.emu.logs.messages().join('\n')).toMatch(
      /Daily reminder skipped: Another Referral tracker update/,
    );
  });

  it('every message of the busy lock is plain (no Apps Script text)', () => {
    expect(BUSY_MESSAGE).not.toMatch(RAW_TEXT);
    expect(BUSY_MESSAGE).toMatch(/nothing was changed\. Try again in a moment\.$/);
  });
});
describe('an edit made while the lock is busy', () => {
  it('is kept as typed, and its stamp and Activity row are written once by the next run', () => {
    const b = busy();
    const sheet = sheetOf(b, 'Contacts');
    const status = colOf(b, 'Status');
    sheet.getRange(ROW.kim, status).setValue('Messaged');
    const raw = b.emu.spreadsheet.sheets.find((s) => s.name === 'Contacts')!;
    b.call('onEdit', {
      range: raw.rangeAt(ROW.kim, status).self,
      source: b.emu.spreadsheet.self,
      authMode: 'LIMITED',
      value: 'Messaged',
      oldValue: 'To contact',
    });
    b.emu.endExecution();
    for (const m of shown(b, undefined)) expect(m).not.toMatch(RAW_TEXT);
    expect(sheet.getRange(ROW.kim, status).getValue()).toBe('Messaged');

    // The other execution ends; the user's next action picks the edit up.
    b.emu.lock.holdBySomeoneElse(false);
    b.call('menuRefreshFollowUps');
    b.call('menuRefreshFollowUps');
    b.emu.endExecution();
    const messagedOn = sheet.getRange(ROW.kim, colOf(b, 'Messaged on')).getDisplayValue();
    expect(messagedOn).toBe('2026-03-10');
    const activity = sheetOf(b, 'Activity')
      .getDataRange()
      .getValues()
      .filter((r) => r[2] === 'Kim Kent');
    expect(activity.map((r) => r.slice(1, 6))).toEqual([
      ['Globex', 'Kim Kent', 'To contact', 'Messaged', 'edit'],
    ]);
  });
});
