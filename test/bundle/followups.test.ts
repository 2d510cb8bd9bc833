// Follow-ups through the bundle: Refresh follow-ups, onEdit stamps, daily reminders and the digest.
import { measure } from '../../emulator/cost';
import { type LoadedBundle, type LoadOptions, loadBundle } from '../helpers/bundle';
import { colOf, sheetOf, sheetsCalls, writeRows } from '../helpers/sheets';

const contactsSheet = (b: LoadedBundle) => sheetOf(b, 'Contacts');
const writeContacts = (b: LoadedBundle, rows: Record<string, unknown>[]) => writeRows(b, 'Contacts', rows);

const NOW = '2026-03-10T08:00:00Z'; // a Tuesday, 09:00 in Paris

function setUp(now = NOW, timeZone = 'Europe/Paris', options: LoadOptions = {}): LoadedBundle {
  const b = loadBundle({ now, timeZone, ...options });
  b.call('menuSetUpTracker');
  return b;
}

/** Daily reminders are a feature of the script bound to the spreadsheet (the add-on has none). */
const bound = () => setUp(NOW, 'Europe/Paris', { deployment: 'bound' });

function parisDate(b: LoadedBundle, ymd: string): Date {
  const [y, m, d] = ymd.split('-').map(Number);
  // Midnight in Europe/Paris in March 2026 (before the 29th) is 23:00 UTC the day before.
  const DateC = b.evaluate<DateConstructor>('Date');
  return new DateC(Date.UTC(y!, m! - 1, d!) - 3_600_000);
}

function edit(b: LoadedBundle, a1: string, value?: string, oldValue?: string) {
  const range = contactsSheet(b).getRange(a1);
  const e: Record<string, unknown> = { range, source: b.emu.spreadsheet.self, authMode: 'LIMITED' };
  if (value !== undefined) {
    e.value = value;
    if (oldValue !== undefined) e.oldValue = oldValue;
  }
  b.call('onEdit', e);
}

describe('Refresh follow-ups', () => {
  it('writes Next action and Due and colours overdue red and due-today amber, only in those columns', () => {
    const b = setUp();
    writeContacts(b, [
      { Company: 'Acme', Name: 'Ann Overdue', Status: 'Replied', 'Replied on': parisDate(b, '2026-03-05') },
      { Company: 'Acme', Name: 'Bob Today', Status: 'Replied', 'Replied on': parisDate(b, '2026-03-09') },
      { Company: 'Acme', Name: 'Cy Later', Status: 'Messaged', 'Messaged on': parisDate(b, '2026-03-09') },
      { Company: 'Acme', Name: 'Dee Nothing', Status: 'To contact' },
    ]);
    const sheet = contactsSheet(b);
    sheet.getRange(2, colOf(b, 'Name')).setBackground('#00ff00');
    b.call('menuRefreshFollowUps');
    const next = colOf(b, 'Next action');
    const due = colOf(b, 'Due');
    expect(
      sheet
        .getRange(2, next, 4, 1)
        .getValues()
        .map((r) => r[0]),
    ).toEqual([
      'answer with your availability',
      'answer with your availability',
      'no reply yet — try another person at the company',
      '',
    ]);
    expect(sheet.getRange(2, due).getDisplayValue()).toBe('2026-03-06');
    expect(
      sheet
        .getRange(2, next, 4, 1)
        .getBackgrounds()
        .map((r) => r[0]),
    ).toEqual(['#f4c7c3', '#fce8b2', '#ffffff', '#ffffff']);
    expect(sheet.getRange(2, due).getBackground()).toBe('#f4c7c3');
    expect(sheet.getRange(2, colOf(b, 'Name')).getBackground()).toBe('#00ff00');
    expect(sheet.getRange(2, colOf(b, 'Status')).getBackground()).toBe('#ffffff');
  });

  it('clears the fill of a row whose action is done', () => {
    const b = setUp();
    writeContacts(b, [
      { Company: 'Acme', Name: 'Ann', Status: 'Replied', 'Replied on': parisDate(b, '2026-03-01') },
    ]);
    b.call('menuRefreshFollowUps');
    const sheet = contactsSheet(b);
    expect(sheet.getRange(2, colOf(b, 'Due')).getBackground()).toBe('#f4c7c3');
    sheet.getRange(2, colOf(b, 'Status')).setValue('Declined');
    b.call('menuRefreshFollowUps');
    expect(sheet.getRange(2, colOf(b, 'Next action')).getValue()).toBe('');
    expect(sheet.getRange(2, colOf(b, 'Due')).getBackground()).toBe('#ffffff');
  });

  it('writes only the cells that change the next morning, in as many calls for 2,000 rows as for 20', () => {
    const nextMorning = (n: number) => {
      const b = setUp();
      // Every seventh person replied on a day not typed: "answer" is due today, every day; the
      // others' Dues were days ago and stay red.
      const rows = Array.from({ length: n }, (_, i) => ({
        Company: `Co ${i % 50}`,
        Name: `Person ${i}`,
        Status: i % 7 === 0 ? 'Replied' : i % 3 === 0 ? 'Replied' : 'Messaged',
        'Replied on': i % 7 === 0 ? '' : parisDate(b, '2026-03-02'),
        'Messaged on': parisDate(b, '2026-03-01'),
      }));
      writeContacts(b, rows);
      b.call('menuRefreshFollowUps');
      b.emu.endExecution();
      b.emu.clock.advance(86_400_000);
      b.emu.calls.reset();
      const cost = measure(b.emu.calls, () => b.call('menuRefreshFollowUps'));
      const due = contactsSheet(b).getRange(2, colOf(b, 'Due'), n, 1).getDisplayValues();
      expect(due.filter((_, i) => i % 7 === 0).every(([d]) => d === '2026-03-11')).toBe(true);
      return { calls: sheetsCalls(b), cost, changed: Math.ceil(n / 7) };
    };
    const small = nextMorning(20);
    const large = nextMorning(2000);
    expect(large.calls).toBe(small.calls);
    expect(large.cost.byKey['Range.setValues']).toBeUndefined();
    // Each changed Due is one range of one RangeList: its value, and its date format.
    expect(large.cost.cellsWritten).toBe(2 * large.changed);
    expect(large.cost.flushes).toBe(1);
  });
});

describe('the document lock', () => {
  /** Position of the first and last call matching a pattern in the call sequence. */
  const at = (seq: readonly string[], re: RegExp) => {
    const hits = seq.flatMap((k, i) => (re.test(k) ? [i] : []));
    return [hits[0] ?? -1, hits.at(-1) ?? -1];
  };
  const WRITE = /^(Range|RangeList|Sheet|Spreadsheet)\.(set|insert|delete|clear|append|remove)/;

  // The Lock reference (releaseLock()): with a spreadsheet, SpreadsheetApp.flush() before the release.
  it.each([
    ['Refresh follow-ups', (b: LoadedBundle) => b.call('menuRefreshFollowUps')],
    [
      'a Status edit',
      (b: LoadedBundle) => {
        const cell = contactsSheet(b).getRange(2, colOf(b, 'Status'));
        cell.setValue('Messaged');
        b.emu.calls.reset();
        edit(b, cell.getA1Notation(), 'Messaged', 'Replied');
      },
    ],
  ])('%s commits its writes with SpreadsheetApp.flush() before releasing the lock', (_name, run) => {
    const b = setUp();
    writeContacts(b, [
      { Company: 'Acme', Name: 'Ann', Status: 'Replied', 'Replied on': parisDate(b, '2026-03-01') },
    ]);
    b.emu.calls.reset();
    run(b);
    const seq = b.emu.calls.sequence();
    const [, lastWrite] = at(seq, WRITE);
    const [flush, lastFlush] = at(seq, /^SpreadsheetApp\.flush$/);
    const [release] = at(seq, /^Lock\.releaseLock$/);
    expect(lastWrite).toBeGreaterThan(0);
    expect(flush).toBe(lastFlush);
    expect(lastWrite).toBeLessThan(flush);
    expect(flush).toBe(release - 1);
  });

  it('commits what a failed action wrote before releasing, and a failing commit hides nothing', () => {
    const b = setUp();
    writeContacts(b, [
      { Company: 'Acme', Name: 'Ann', Status: 'Replied', 'Replied on': parisDate(b, '2026-03-01') },
    ]);
    b.emu.calls.reset();
    const stop = b.emu.calls.use({
      before(call) {
        if (call.key === 'RangeList.setBackground' || call.key === 'SpreadsheetApp.flush')
          throw new Error('Service Spreadsheets failed while accessing document with id 1abc.');
      },
    });
    b.call('menuRefreshFollowUps');
    stop();
    const seq = b.emu.calls.sequence();
    const release = seq.indexOf('Lock.releaseLock');
    const spreadsheetCalls = seq.slice(0, release).filter((k) => !k.startsWith('console.'));
    expect(spreadsheetCalls.at(-1)).toBe('SpreadsheetApp.flush');
    // The user reads what failed first (the fill), in plain words; the commit's failure is logged.
    expect(b.emu.ui.dialogs.at(-1)?.prompt).toMatch(/Google Sheets did not (respond|answer)/);
    expect(b.emu.logs.messages().join('\n')).toMatch(/Committing the writes of a failed action failed/);
    expect(b.emu.lock.held.size).toBe(0);
  });
});

describe('onEdit', () => {
  it('stamps Messaged on with today, logs to Activity and updates the row when one Status cell is typed', () => {
    const b = setUp();
    writeContacts(b, [
      { Company: 'Acme', Name: 'Ann', Status: 'To contact' },
      { Company: 'Acme', Name: 'Bob' },
    ]);
    const status = colOf(b, 'Status');
    const sheet = contactsSheet(b);
    sheet.getRange(2, status).setValue('Messaged');
    const a1 = sheet.getRange(2, status).getA1Notation();
    edit(b, a1, 'Messaged', 'To contact');
    const stamp = sheet.getRange(2, colOf(b, 'Messaged on')).getValue() as Date;
    expect(stamp).toBeInstanceOf(b.evaluate<DateConstructor>('Date'));
    expect(sheet.getRange(2, colOf(b, 'Messaged on')).getDisplayValue()).toBe('2026-03-10');
    expect(sheet.getRange(2, colOf(b, 'Next action')).getValue()).toBe(
      'no reply yet — try another person at the company',
    );
    expect(sheet.getRange(3, colOf(b, 'Messaged on')).getValue()).toBe('');
    const activity = b.emu.spreadsheet.self.getSheetByName('Activity')!.getDataRange().getValues();
    expect(activity[1]!.slice(1)).toEqual(['Acme', 'Ann', 'To contact', 'Messaged', 'edit']);
  });

  it('never overwrites an existing stamp', () => {
    const b = setUp();
    writeContacts(b, [
      { Company: 'Acme', Name: 'Ann', Status: 'Messaged', 'Messaged on': parisDate(b, '2026-02-01') },
    ]);
    const a1 = contactsSheet(b).getRange(2, colOf(b, 'Status')).getA1Notation();
    edit(b, a1, 'Messaged', 'To contact');
    expect(contactsSheet(b).getRange(2, colOf(b, 'Messaged on')).getDisplayValue()).toBe('2026-02-01');
  });

  it('stamps every row of a multi-row paste, which has no e.value', () => {
    const b = setUp();
    writeContacts(b, [
      { Company: 'Acme', Name: 'Ann' },
      { Company: 'Acme', Name: 'Bob' },
      { Company: 'Beta', Name: 'Cy' },
    ]);
    const sheet = contactsSheet(b);
    const status = colOf(b, 'Status');
    sheet.getRange(2, status, 3, 1).setValues([['Messaged'], ['Replied'], ['Referred']]);
    edit(b, sheet.getRange(2, status, 3, 1).getA1Notation());
    expect(sheet.getRange(2, colOf(b, 'Messaged on')).getDisplayValue()).toBe('2026-03-10');
    expect(sheet.getRange(3, colOf(b, 'Replied on')).getDisplayValue()).toBe('2026-03-10');
    expect(sheet.getRange(4, colOf(b, 'Referred on')).getDisplayValue()).toBe('2026-03-10');
    expect(sheet.getRange(3, colOf(b, 'Next action')).getValue()).toBe('answer with your availability');
    expect(b.emu.spreadsheet.self.getSheetByName('Activity')!.getLastRow()).toBe(4);
  });

  it("logs a paste's rows to Activity in one write, into the rows after the last one, with their date-time format", () => {
    const b = setUp();
    writeContacts(b, [
      { Company: 'Acme', Name: 'Ann' },
      { Company: 'Acme', Name: 'Bob' },
      { Company: 'Beta', Name: 'Cy' },
    ]);
    const sheet = contactsSheet(b);
    const status = colOf(b, 'Status');
    const activity = b.emu.spreadsheet.self.getSheetByName('Activity')!;
    const paste = (values: string[]) => {
      sheet.getRange(2, status, values.length, 1).setValues(values.map((v) => [v]));
      edit(b, sheet.getRange(2, status, values.length, 1).getA1Notation());
    };
    const height = activity.getMaxRows();
    b.emu.calls.reset();
    paste(['Messaged', 'Replied', 'Referred']);
    expect(b.emu.calls.get('Sheet.appendRow')).toBe(0);
    expect(activity.getRange(2, 2, 3, 5).getValues()).toEqual([
      ['Acme', 'Ann', '', 'Messaged', 'edit'],
      ['Acme', 'Bob', '', 'Replied', 'edit'],
      ['Beta', 'Cy', '', 'Referred', 'edit'],
    ]);
    expect(activity.getRange(2, 1).getDisplayValue()).toMatch(/^2026-03-10 \d\d:\d\d$/);
    expect(activity.getMaxRows()).toBe(height);
    // A grid that ends at the last row: each row appended, the grid grown.
    activity.deleteRows(5, height - 4);
    paste(['Call done', 'Call done']);
    expect(activity.getLastRow()).toBe(6);
    expect(activity.getRange(5, 2, 2, 5).getValues()).toEqual([
      ['Acme', 'Ann', 'Messaged', 'Call done', 'edit'],
      ['Acme', 'Bob', 'Replied', 'Call done', 'edit'],
    ]);
  });

  it('does nothing for an edit on another sheet or another column', () => {
    const b = setUp();
    writeContacts(b, [{ Company: 'Acme', Name: 'Ann', Status: 'Messaged' }]);
    const before = JSON.stringify(b.emu.spreadsheet.toJSON());
    const jobs = b.emu.spreadsheet.self.getSheetByName('Jobs')!;
    b.call('onEdit', { range: jobs.getRange('A2'), value: 'x', source: b.emu.spreadsheet.self });
    edit(b, contactsSheet(b).getRange(2, colOf(b, 'Name')).getA1Notation(), 'Ann', 'Anne');
    expect(JSON.stringify(b.emu.spreadsheet.toJSON())).toBe(before);
  });
});

describe('daily reminders (bound script)', () => {
  it('installs exactly one daily trigger however often it is turned on, and removes only its own', () => {
    const b = bound();
    const ScriptApp = b.emu.globals.ScriptApp;
    ScriptApp.newTrigger('somethingElse').timeBased().everyHours(1).create();
    b.call('menuTurnOnReminders');
    b.call('menuTurnOnReminders');
    const handlers = () => ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction());
    expect(handlers().filter((h) => h === 'dailyReminder')).toHaveLength(1);
    expect(b.emu.triggers.list).toHaveLength(2);
    b.call('menuTurnOffReminders');
    expect(handlers()).toEqual(['somethingElse']);
  });

  it('refreshes follow-ups and mails the opt-in digest when the trigger fires', () => {
    const b = bound();
    writeContacts(b, [
      { Company: 'Acme', Name: 'Ann', Status: 'Replied', 'Replied on': parisDate(b, '2026-03-01') },
    ]);
    const settings = b.emu.spreadsheet.self.getSheetByName('Settings')!;
    const names = settings
      .getDataRange()
      .getValues()
      .map((r) => r[0]);
    settings.getRange(names.indexOf('Daily digest email') + 1, 2).setValue('Yes');
    b.call('menuTurnOnReminders');
    b.emu.triggers.fire('dailyReminder', {}, (name, e) => b.call(name, e));
    expect(contactsSheet(b).getRange(2, colOf(b, 'Next action')).getValue()).toBe(
      'answer with your availability',
    );
    expect(b.emu.mail.sent).toHaveLength(1);
    expect(JSON.stringify(b.emu.mail.sent[0])).toMatch(/Ann/);
  });

  it('reads Contacts, Jobs and Settings once for follow-ups and the dashboard together', () => {
    const b = bound();
    writeContacts(b, [
      { Company: 'Acme', Name: 'Ann', Status: 'Replied', 'Replied on': parisDate(b, '2026-03-01') },
    ]);
    b.call('menuRefreshDashboard');
    b.call('menuTurnOnReminders');
    b.emu.calls.reset();
    const reads = new Map<string, number>();
    const stop = b.emu.calls.use({
      before(call) {
        const t = call.target as { sheet?: { name?: string }; row?: number };
        if (call.key !== 'Range.getValues' || t.row !== 1 || !t.sheet?.name) return;
        reads.set(t.sheet.name, (reads.get(t.sheet.name) ?? 0) + 1);
      },
    });
    b.emu.triggers.fire('dailyReminder', {}, (name, e) => b.call(name, e));
    stop();
    // Each sheet's header row (Contacts' columns, Jobs, Settings' A:B) read once, shared by both.
    expect([reads.get('Contacts'), reads.get('Jobs'), reads.get('Settings')]).toEqual([1, 1, 1]);
    expect(b.emu.spreadsheet.self.getSheetByName('Dashboard')!.getCharts()).toHaveLength(1);
  });

  it('ends quietly with a log line when there is no active spreadsheet', () => {
    // An add-on's time-driven run has no active spreadsheet (a trigger an earlier version set up).
    const b = loadBundle({ now: NOW, deployment: 'addon' });
    b.call('menuSetUpTracker');
    const t = b.emu.globals.ScriptApp.newTrigger('dailyReminder').timeBased().everyDays(1).create();
    expect(() => b.emu.triggers.fire(t.getUniqueId(), {}, (name, e) => b.call(name, e))).not.toThrow();
    expect(b.emu.logs.messages()).toEqual([
      "Daily reminder: no active spreadsheet in this run, so nothing was done (an add-on's morning run has no open spreadsheet, and Referral tracker keeps to this-spreadsheet-only access). Turn off daily reminders in your tracker removes this trigger.",
    ]);
  });
});

describe('time zones', () => {
  it('counts calendar days in a Los Angeles spreadsheet', () => {
    // 2026-03-10T06:00Z is still March 9 in Los Angeles.
    const b = setUp('2026-03-10T06:00:00Z', 'America/Los_Angeles');
    const DateC = b.evaluate<DateConstructor>('Date');
    writeContacts(b, [
      { Company: 'Acme', Name: 'Ann', Status: 'Replied', 'Replied on': new DateC('2026-03-08T08:00:00Z') },
    ]);
    b.call('menuRefreshFollowUps');
    const sheet = contactsSheet(b);
    expect(sheet.getRange(2, colOf(b, 'Due')).getDisplayValue()).toBe('2026-03-09');
    expect(sheet.getRange(2, colOf(b, 'Due')).getBackground()).toBe('#fce8b2');
  });
});
