// A Status edit made while the lock is busy, or while Sheets fails, never loses its stamp and
// Activity row: it is kept in document properties and finished by the next run holding the lock;
// a retried edit never logs twice; a menu action that cannot get the lock says so and changes nothing.
import { type LoadedBundle, loadBundle } from '../helpers/bundle';
import { colOf, columnValues, sheetOf, writeRows } from '../helpers/sheets';

const EDIT_DAY = '2026-03-10T08:00:00Z'; // Tuesday 09:00 in Paris

function setUp(): LoadedBundle {
  const b = loadBundle({ now: EDIT_DAY, timeZone: 'Europe/Paris' });
  b.call('menuSetUpTracker');
  writeRows(b, 'Contacts', [
    { Company: 'Acme', Name: 'Ann', Status: 'To contact' },
    { Company: 'Acme', Name: 'Bob', Status: 'To contact' },
    { Company: 'Beta', Name: 'Cy', Status: 'To contact' },
  ]);
  writeRows(b, 'Jobs', [{ Company: 'Acme', Job: 'Engineer' }]);
  b.emu.endExecution();
  return b;
}

/** The user sets Status on rows (one cell: with e.value/e.oldValue; several: a paste) and Sheets fires onEdit. */
function setStatus(b: LoadedBundle, row: number, values: string[], old?: string) {
  const range = sheetOf(b).getRange(row, colOf(b, 'Status'), values.length, 1);
  range.setValues(values.map((v) => [v]));
  const e: Record<string, unknown> = { range, source: b.emu.spreadsheet.self, authMode: 'LIMITED' };
  if (values.length === 1) {
    e.value = values[0];
    if (old) e.oldValue = old;
  }
  b.call('onEdit', e);
  b.emu.endExecution();
}

const activity = (b: LoadedBundle) =>
  sheetOf(b, 'Activity')
    .getDataRange()
    .getValues()
    .slice(1)
    .map((r) => [r[2], r[3], r[4]]);
const pending = (b: LoadedBundle) =>
  [...b.emu.properties.document.data.keys()].filter((k) => k.startsWith('referralTracker.pendingEdit.'));
const shown = (b: LoadedBundle, row: number, header: string) =>
  sheetOf(b).getRange(row, colOf(b, header)).getDisplayValue();

describe('an edit while the lock is busy', () => {
  it('is kept, told in plain words, and finished by the next action with the day it was made', () => {
    const b = setUp();
    b.emu.lock.holdBySomeoneElse(true);
    setStatus(b, 2, ['Messaged'], 'To contact');
    expect(shown(b, 2, 'Messaged on')).toBe('');
    expect(b.emu.spreadsheet.toasts.at(-1)?.message).toMatch(/your edit is kept/);
    expect(pending(b)).toHaveLength(1);
    b.emu.lock.holdBySomeoneElse(false);
    b.emu.clock.set('2026-03-12T08:00:00Z'); // two days later, the next action
    b.call('menuRefreshFollowUps');
    expect(shown(b, 2, 'Messaged on')).toBe('2026-03-10');
    expect(activity(b)).toEqual([['Ann', 'To contact', 'Messaged']]);
    const stamp = sheetOf(b, 'Activity').getRange(2, 1).getValue() as Date;
    expect(stamp.toISOString()).toBe('2026-03-10T08:00:00.000Z');
    expect(pending(b)).toEqual([]);
    expect(columnValues(b, 'Next action')[0]).toBe('no reply yet — try another person at the company');
  });

  it('keeps the order of edits: the next edit finishes the kept one before its own', () => {
    const b = setUp();
    b.emu.lock.holdBySomeoneElse(true);
    setStatus(b, 2, ['Messaged'], 'To contact');
    b.emu.lock.holdBySomeoneElse(false);
    b.emu.clock.advance(3_600_000);
    setStatus(b, 2, ['Replied'], 'Messaged');
    expect(activity(b)).toEqual([
      ['Ann', 'To contact', 'Messaged'],
      ['Ann', 'Messaged', 'Replied'],
    ]);
    expect([shown(b, 2, 'Messaged on'), shown(b, 2, 'Replied on')]).toEqual(['2026-03-10', '2026-03-10']);
  });

  it('keeps a pasted Status column as it was pasted, in records under the 9 KB a property holds', () => {
    const b = setUp();
    const rows = 250;
    writeRows(
      b,
      'Contacts',
      Array.from({ length: rows }, (_, i) => ({
        Company: `Co ${i % 7}`,
        Name: `P${i}`,
        Status: 'To contact',
      })),
    );
    b.emu.lock.holdBySomeoneElse(true);
    setStatus(
      b,
      2,
      Array.from({ length: rows }, () => 'Messaged'),
    );
    const values = pending(b).map((k) => b.emu.properties.document.data.get(k) ?? '');
    expect(values.length).toBe(3);
    for (const v of values) expect(new TextEncoder().encode(v).length).toBeLessThan(9 * 1024);
    // The user changes one row again before the add-on gets to it: the kept edit still says Messaged.
    sheetOf(b).getRange(3, colOf(b, 'Status')).setValue('Skip');
    b.emu.lock.holdBySomeoneElse(false);
    b.call('menuRefreshFollowUps');
    expect(activity(b)).toHaveLength(rows);
    expect(activity(b)[1]).toEqual(['P1', '', 'Messaged']);
    expect(shown(b, 3, 'Messaged on')).toBe('2026-03-10');
  });
});

describe('an edit while Sheets fails', () => {
  it('is kept and finished by the next action, logged once even when the failure came after its log row', () => {
    const b = setUp();
    let armed = true;
    const stop = b.emu.calls.use({
      after(call) {
        // The Activity row is written, then Sheets fails: the edit is kept anyway.
        if (armed && call.key === 'Sheet.appendRow') {
          armed = false;
          throw new Error('Service Spreadsheets failed while accessing document with id 1abc.');
        }
      },
    });
    setStatus(b, 2, ['Messaged'], 'To contact');
    stop();
    expect(b.emu.spreadsheet.toasts.at(-1)?.message).toMatch(
      /Google Sheets did not answer.*your edit is kept/,
    );
    expect(activity(b)).toHaveLength(1);
    b.call('menuRefreshFollowUps');
    expect(activity(b)).toEqual([['Ann', 'To contact', 'Messaged']]);
    expect(pending(b)).toEqual([]);
  });

  it('logs the real transition once when the user, seeing no log row, picks the same value again', () => {
    const b = setUp();
    const stop = b.emu.calls.use({
      before(call) {
        if (call.key === 'Sheet.appendRow') throw new Error('Service Spreadsheets failed.');
      },
    });
    setStatus(b, 2, ['Messaged'], 'To contact');
    stop();
    expect(activity(b)).toEqual([]);
    // The user picks Messaged again (Sheets sends old = new): the kept edit is finished first.
    setStatus(b, 2, ['Messaged'], 'Messaged');
    expect(activity(b)).toEqual([['Ann', 'To contact', 'Messaged']]);
    setStatus(b, 2, ['Messaged'], 'Messaged');
    expect(activity(b)).toHaveLength(1);
  });
});

describe('a menu action that cannot get the lock', () => {
  it('says so in plain words and changes nothing, also when the lock call itself fails', () => {
    const b = setUp();
    const before = JSON.stringify(b.emu.spreadsheet.toJSON());
    b.emu.lock.holdBySomeoneElse(true);
    b.call('menuRefreshFollowUps');
    expect(b.emu.ui.dialogs.at(-1)?.prompt).toBe(
      'Another Referral tracker update is running on this spreadsheet, so nothing was changed. Try again in a moment.',
    );
    b.emu.lock.holdBySomeoneElse(false);
    const stop = b.emu.calls.use({
      before(call) {
        if (call.key === 'Lock.tryLock')
          throw new Error('Lock timeout: another process was holding the lock for too long.');
      },
    });
    b.call('menuScoreCandidates');
    stop();
    expect(b.emu.ui.dialogs.at(-1)?.prompt).toMatch(/^Another Referral tracker update is running/);
    expect(JSON.stringify(b.emu.spreadsheet.toJSON())).toBe(before);
  });
});
