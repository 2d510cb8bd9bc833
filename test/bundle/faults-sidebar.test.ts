// A fault at every Apps Script call of what the sidebar calls through google.script.run (Mark as
// sent, Save call guide; Import has its own suite, faults-import). The page receives a plain
// sentence; what the user does next (press the button again) leaves exactly a clean run's state.
import type { LoadedBundle } from '../helpers/bundle';
import {
  anyOf,
  captureState,
  expectSafe,
  type FaultCase,
  mayStamp,
  mayWrite,
  settingRow,
} from '../helpers/faults';
import { ROW, representativeTracker } from '../helpers/trackers';

interface Draft {
  type: string;
  fingerprint: string;
  warnings: string[];
}

const tracker = representativeTracker();
const base = captureState(tracker);

/** Mark as sent as the sidebar does it: with the type and fingerprint of the draft it shows. */
function markSentCase(name: string, row: number, type: string): FaultCase {
  const shown = tracker.call<Draft>('sidebarDraft', row, type);
  return {
    name,
    base,
    run: (b) => b.call('sidebarMarkSent', row, type, shown.fingerprint),
    // After a failure the page reloads the draft (its poll sees the row changed), and the user
    // presses Mark as sent again, which the page allows only while the draft warns nothing (an
    // unfinished Mark as sent shows no warning: pressing it finishes it). A run halted after its
    // very last write left exactly a clean run's state: the draft then says the message is already
    // marked as sent, and there is nothing left to press (the server refuses a repeat).
    retry: (b: LoadedBundle) => {
      const d = b.call<Draft>('sidebarDraft', row, type);
      if (d.warnings.some((w) => w.startsWith('Already marked as sent'))) return;
      b.call('sidebarMarkSent', row, type, d.fingerprint);
    },
    wholeRows: ['Activity'],
    may: anyOf(
      mayStamp,
      mayWrite('Contacts', row, ['Status']),
      mayWrite('Settings', settingRow(base, 'InMail credits left'), ['Value']),
    ),
  };
}

describe("a fault at every call of a page's server function", () => {
  it('Mark as sent of a first InMail (stamp, Status, Activity, credits)', () => {
    expectSafe(markSentCase('Mark as sent (first InMail)', ROW.kim, 'first-inmail'));
  });

  it('Mark as sent of a thank-you note (stamp, Activity)', () => {
    expectSafe(markSentCase('Mark as sent (thank-you)', ROW.gus, 'thank-you'));
  });

  it('Mark as sent of an outcome update (Outcome shared on, their job’s follow-ups, Activity)', () => {
    expectSafe(markSentCase('Mark as sent (outcome)', ROW.di, 'outcome'));
  });

  it('Save call guide', () => {
    expectSafe({
      name: 'Save call guide',
      base,
      // Di's job is Acme's Data Scientist, on row 2 of Jobs.
      may: mayWrite('Jobs', 2, ['Referral process', 'Apply']),
      run: (b) =>
        b.call('sidebarSaveCallGuide', ROW.di, '=Form on the intranet, then CV to Pat', 'After referral'),
    });
  });
});
