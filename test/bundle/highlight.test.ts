// Red/amber that stays right on later days (conditional rules on the add-on's own columns, drawn by
// the emulator as Sheets would), Pay it forward, Refresh writing only what changed, and the one rule
// for a missing sheet.
import { type LoadedBundle, loadBundle } from '../helpers/bundle';
import { colOf, sheetOf, writeRows } from '../helpers/sheets';

const RED = '#f4c7c3';
const AMBER = '#fce8b2';
const NONE = '#ffffff';

function setUp(now = '2026-03-10T08:00:00Z'): LoadedBundle {
  const b = loadBundle({ now, timeZone: 'Europe/Paris' });
  b.call('menuSetUpTracker');
  return b;
}

/** Midnight in Paris of a March 2026 day (before the 29th: UTC+1). */
function day(b: LoadedBundle, d: number): Date {
  const DateC = b.evaluate<DateConstructor>('Date');
  return new DateC(Date.UTC(2026, 2, d) - 3_600_000);
}

/** What a person sees in a cell now: the rules drawn over its own fill. */
function seen(b: LoadedBundle, sheet: string, row: number, header: string): string {
  return b.emu.spreadsheet.sheetRaw(sheet)!.displayedBackground(row, colOf(b, header, sheet));
}

const fill = (b: LoadedBundle, sheet: string, row: number, header: string) =>
  sheetOf(b, sheet)
    .getRange(row, colOf(b, header, sheet))
    .getBackground();

describe('highlighting on later days', () => {
  function tracker() {
    const b = setUp();
    writeRows(b, 'Contacts', [
      { Company: 'Acme', Name: 'Ann', Status: 'Replied', 'Replied on': day(b, 9) }, // due today (10th)
      { Company: 'Acme', Name: 'Bob', Status: 'Messaged', 'Messaged on': day(b, 4) }, // due the 11th
      { Company: 'Acme', Name: 'Cy', Status: 'To contact' },
    ]);
    writeRows(b, 'Jobs', [
      { Company: 'Acme', Job: 'Engineer' },
      { Company: 'Beta', Job: 'PM' },
    ]);
    b.call('menuRefreshFollowUps');
    return b;
  }

  it('shows today’s items amber and moves them to red the next day, with no refresh', () => {
    const b = tracker();
    expect([seen(b, 'Contacts', 2, 'Next action'), seen(b, 'Contacts', 2, 'Due')]).toEqual([AMBER, AMBER]);
    expect(seen(b, 'Contacts', 3, 'Due')).toBe(NONE);
    expect(fill(b, 'Contacts', 2, 'Due')).toBe(AMBER); // the fill written on the day of the refresh
    b.emu.clock.set('2026-03-11T07:00:00Z'); // 08:00 in Paris, the next day
    expect([seen(b, 'Contacts', 2, 'Next action'), seen(b, 'Contacts', 2, 'Due')]).toEqual([RED, RED]);
    expect(seen(b, 'Contacts', 3, 'Next action')).toBe(AMBER);
    expect(seen(b, 'Contacts', 4, 'Due')).toBe(NONE);
    expect(seen(b, 'Jobs', 3, 'Due')).toBe(RED); // Beta: "find people to contact" was due on the 10th
  });

  it('takes both the rule and the fill away the moment the action is done', () => {
    const b = tracker();
    b.emu.clock.set('2026-03-12T08:00:00Z');
    const range = sheetOf(b).getRange(2, colOf(b, 'Status'));
    range.setValue('Call scheduled');
    b.call('onEdit', { range, value: 'Call scheduled', oldValue: 'Replied', source: b.emu.spreadsheet.self });
    expect([seen(b, 'Contacts', 2, 'Next action'), fill(b, 'Contacts', 2, 'Next action')]).toEqual([
      NONE,
      NONE,
    ]);
  });

  it('keeps the user’s own rules, after its own, and follows a column the user inserts', () => {
    const b = tracker();
    const contacts = sheetOf(b);
    const mine = SpreadsheetAppOf(b)
      .newConditionalFormatRule()
      .whenTextEqualTo('Acme')
      .setBackground('#00ff00')
      .setRanges([contacts.getRange('A2:A')])
      .build();
    contacts.setConditionalFormatRules([...contacts.getConditionalFormatRules(), mine]);
    contacts.insertColumnsBefore(colOf(b, 'Due'), 1);
    const inserted = colOf(b, 'Next action') + 1;
    contacts.getRange(1, inserted).setValue('My column');
    contacts.getRange(2, inserted, contacts.getMaxRows() - 1, 1).clearFormat(); // Sheets copied Next action's fills
    b.call('menuSetUpTracker');
    const rules = contacts.getConditionalFormatRules();
    expect(rules).toHaveLength(3);
    expect(rules[2]!.getBooleanCondition()!.getBackground()).toBe('#00ff00');
    b.emu.clock.set('2026-03-11T08:00:00Z');
    expect(seen(b, 'Contacts', 2, 'Due')).toBe(RED);
    expect(seen(b, 'Contacts', 2, 'My column')).toBe(NONE);
    expect(seen(b, 'Contacts', 2, 'Company')).toBe('#00ff00');
  });
});

function SpreadsheetAppOf(b: LoadedBundle) {
  return b.emu.globals.SpreadsheetApp;
}

describe('Pay it forward', () => {
  it('is created by Set up tracker with its six columns', () => {
    const b = setUp();
    const sheet = sheetOf(b, 'Pay it forward');
    expect(sheet.getRange(1, 1, 1, 6).getValues()[0]).toEqual([
      'Date',
      'Name',
      'Asked for',
      'What I did',
      'Follow up on',
      'Notes',
    ]);
    expect(sheet.getRange(2, 1).getNumberFormat()).toBe('yyyy-mm-dd');
    expect(sheet.getFrozenRows()).toBe(1);
  });

  it('highlights Follow up on like a Due, on later days too, and at once when it is typed', () => {
    const b = setUp();
    writeRows(b, 'Pay it forward', [
      { Date: day(b, 2), Name: 'Lea', 'Asked for': 'a referral at Acme', 'Follow up on': day(b, 9) },
      { Date: day(b, 3), Name: 'Max', 'Asked for': 'CV review', 'Follow up on': day(b, 10) },
      { Date: day(b, 3), Name: 'Noe', 'Asked for': 'intro', 'Follow up on': day(b, 12) },
    ]);
    sheetOf(b, 'Pay it forward').getRange('E4').setBackground('#00ff00'); // the user's own fill
    b.call('menuRefreshFollowUps');
    expect([2, 3, 4].map((r) => fill(b, 'Pay it forward', r, 'Follow up on'))).toEqual([
      RED,
      AMBER,
      '#00ff00',
    ]);
    b.emu.clock.set('2026-03-12T08:00:00Z');
    expect([2, 3, 4].map((r) => seen(b, 'Pay it forward', r, 'Follow up on'))).toEqual([RED, RED, AMBER]);
    const range = sheetOf(b, 'Pay it forward').getRange('E2');
    range.setValue(day(b, 20));
    b.call('onEdit', { range, source: b.emu.spreadsheet.self, value: '2026-03-20' });
    expect(fill(b, 'Pay it forward', 2, 'Follow up on')).toBe(NONE);
    expect(seen(b, 'Pay it forward', 2, 'Name')).toBe(NONE); // nothing else is coloured
  });
});

describe('Refresh follow-ups', () => {
  it('writes nothing the second time, and only the changed row after one edit', () => {
    const b = setUp();
    writeRows(
      b,
      'Contacts',
      Array.from({ length: 30 }, (_, i) => ({
        Company: `Co ${i % 5}`,
        Name: `P${i}`,
        Status: 'Messaged',
        'Messaged on': day(b, 1 + (i % 9)),
      })),
    );
    b.call('menuRefreshFollowUps');
    // The rows each write covers (a Range's, or every range of a RangeList).
    const written: number[] = [];
    const stop = b.emu.calls.use({
      before(call) {
        if (!/^(Range|RangeList)\.set/.test(call.key)) return;
        const t = call.target as {
          row?: number;
          numRows?: number;
          ranges?: { row: number; numRows: number }[];
        };
        for (const r of t.ranges ?? [t as { row: number; numRows: number }])
          for (let k = 0; k < r.numRows; k++) written.push(r.row + k);
      },
    });
    b.call('menuRefreshFollowUps');
    expect(written).toEqual([]);
    sheetOf(b).getRange(10, colOf(b, 'Messaged on')).setValue(day(b, 10));
    written.length = 0; // the edit itself
    b.call('menuRefreshFollowUps');
    stop();
    expect(new Set(written)).toEqual(new Set([10]));
  });
});

describe('a missing sheet', () => {
  it('without Jobs, refreshes Contacts and says Jobs is missing', () => {
    const b = setUp();
    writeRows(b, 'Contacts', [{ Company: 'Acme', Name: 'Ann', Status: 'Replied', 'Replied on': day(b, 9) }]);
    b.emu.spreadsheet.self.deleteSheet(sheetOf(b, 'Jobs'));
    b.call('menuRefreshFollowUps');
    expect(sheetOf(b).getRange(2, colOf(b, 'Next action')).getValue()).toBe('answer with your availability');
    expect(b.emu.spreadsheet.toasts.at(-1)?.message).toMatch(/Jobs sheet is missing.*Set up tracker/);
  });

  it('without Contacts, every action says to run Set up tracker and changes nothing', () => {
    const b = setUp();
    b.emu.spreadsheet.self.deleteSheet(sheetOf(b, 'Contacts'));
    const before = JSON.stringify(b.emu.spreadsheet.toJSON());
    for (const action of ['menuRefreshFollowUps', 'menuScoreCandidates', 'menuRefreshDashboard']) {
      b.call(action);
      expect([action, String(b.emu.ui.dialogs.at(-1)?.prompt)]).toEqual([
        action,
        'The "Contacts" sheet is missing. Use Referrals › Set up tracker to create it.',
      ]);
    }
    expect(JSON.stringify(b.emu.spreadsheet.toJSON())).toBe(before);
  });
});
