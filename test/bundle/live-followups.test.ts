// Live follow-ups through the bundle: every edit that can change a rule recomputes the affected
// Contacts rows and their Jobs rows at once, reading only the rows involved, all before writing.
import { type LoadedBundle, loadBundle } from '../helpers/bundle';
import { colOf, columnValues, sheetOf, writeRows } from '../helpers/sheets';

const NOW = '2026-03-10T08:00:00Z'; // a Tuesday, 09:00 in Paris

function setUp(): LoadedBundle {
  const b = loadBundle({ now: NOW, timeZone: 'Europe/Paris' });
  b.call('menuSetUpTracker');
  return b;
}

/** Midnight in Paris of a March 2026 day (before the 29th: UTC+1). */
function day(b: LoadedBundle, d: number): Date {
  const DateC = b.evaluate<DateConstructor>('Date');
  return new DateC(Date.UTC(2026, 2, d) - 3_600_000);
}

/** Types `value` into one cell, or pastes over a range (no e.value), and fires onEdit as Sheets would. */
function edit(
  b: LoadedBundle,
  sheet: string,
  row: number,
  header: string,
  values: unknown[],
  oldValue?: unknown,
  beforeTrigger?: () => void,
) {
  const s = sheetOf(b, sheet);
  const range = s.getRange(row, colOf(b, header, sheet), values.length, 1);
  range.setValues(values.map((v) => [v]));
  beforeTrigger?.();
  const e: Record<string, unknown> = { range, source: b.emu.spreadsheet.self, authMode: 'LIMITED' };
  if (values.length === 1) {
    e.value = values[0] instanceof Date ? String(values[0]) : values[0];
    if (oldValue !== undefined && oldValue !== '') e.oldValue = oldValue;
  }
  b.call('onEdit', e);
}

const at = (b: LoadedBundle, sheet: string, row: number, header: string) =>
  sheetOf(b, sheet)
    .getRange(row, colOf(b, header, sheet))
    .getValue();
const shown = (b: LoadedBundle, sheet: string, row: number, header: string) =>
  sheetOf(b, sheet)
    .getRange(row, colOf(b, header, sheet))
    .getDisplayValue();

describe('live follow-ups on Contacts', () => {
  function tracker() {
    const b = setUp();
    writeRows(b, 'Jobs', [{ Company: 'Acme', Job: 'Engineer', Apply: 'After referral' }]);
    writeRows(b, 'Contacts', [
      { Company: 'Acme', Name: 'Ann', Status: 'Call done', 'Call on': day(b, 9) },
      { Company: 'Acme', Name: 'Bob', Status: 'Messaged', 'Messaged on': day(b, 2) },
      { Company: 'Beta', Name: 'Cy', Status: 'To contact' },
    ]);
    b.call('menuRefreshFollowUps');
    return b;
  }

  it('clears "send thank-you" the moment Thanked on is typed', () => {
    const b = tracker();
    expect(at(b, 'Contacts', 2, 'Next action')).toBe('send thank-you + connection request');
    edit(b, 'Contacts', 2, 'Thanked on', [day(b, 10)]);
    expect(at(b, 'Contacts', 2, 'Next action')).toBe('');
    expect(at(b, 'Contacts', 2, 'Due')).toBe('');
    expect(sheetOf(b, 'Contacts').getRange(2, colOf(b, 'Due')).getBackground()).toBe('#ffffff');
  });

  it('updates the job’s row when a contact of that job changes', () => {
    const b = tracker();
    expect(at(b, 'Jobs', 2, 'Next action')).toBe('');
    edit(b, 'Contacts', 3 - 1, 'Status', ['Referred'], 'Call done');
    expect(shown(b, 'Contacts', 2, 'Referred on')).toBe('2026-03-10');
    expect(at(b, 'Jobs', 2, 'Next action')).toBe('apply online now');
    expect(shown(b, 'Jobs', 2, 'Due')).toBe('2026-03-12');
  });

  it('leaves a job alone whose other cells only name the company (Jobs is searched whole, rows kept by Company)', () => {
    const b = tracker();
    writeRows(b, 'Jobs', [
      { Company: 'Beta', Job: 'Acme', Apply: 'After referral', Notes: 'Acme' },
      { Company: 'Acme', Job: 'Engineer', Apply: 'After referral' },
    ]);
    b.call('menuRefreshFollowUps');
    const betaBefore = [at(b, 'Jobs', 2, 'Next action'), at(b, 'Jobs', 2, 'Due')];
    const jobsReads: string[] = [];
    let stop = () => {};
    edit(b, 'Contacts', 3, 'Status', ['Replied'], 'Messaged', () => {
      stop = b.emu.calls.use({
        before: (c) => {
          const r = c.target as GoogleAppsScript.Spreadsheet.Range | undefined;
          if (c.key === 'Range.getValues' && r?.getSheet().getName() === 'Jobs')
            jobsReads.push(r.getA1Notation());
        },
      });
    });
    stop();
    // Jobs' header came with the rows the search found (Beta's through its Job and Notes cells): one read.
    expect(jobsReads).toEqual(['1:3']);
    expect([at(b, 'Jobs', 2, 'Next action'), at(b, 'Jobs', 2, 'Due')]).toEqual(betaBefore);
    const live = [at(b, 'Jobs', 3, 'Next action'), shown(b, 'Jobs', 3, 'Due')];
    b.call('menuRefreshFollowUps');
    expect([at(b, 'Jobs', 3, 'Next action'), shown(b, 'Jobs', 3, 'Due')]).toEqual(live);
  });

  it('follows a Call on typed for a scheduled call', () => {
    const b = tracker();
    edit(b, 'Contacts', 3, 'Status', ['Call scheduled'], 'Messaged');
    edit(b, 'Contacts', 3, 'Call on', [new (b.evaluate<DateConstructor>('Date'))('2026-03-12T14:00:00Z')]);
    expect(at(b, 'Contacts', 3, 'Next action')).toBe('prepare your questions');
    expect(shown(b, 'Contacts', 3, 'Due')).toBe('2026-03-12');
  });

  it('recomputes every row of a multi-row paste of Status (no e.value) and each of their jobs', () => {
    const b = tracker();
    writeRows(b, 'Jobs', [
      { Company: 'Acme', Job: 'Engineer', Apply: 'After referral' },
      { Company: 'Beta', Job: 'PM', Apply: 'Before referral' },
    ]);
    edit(b, 'Contacts', 2, 'Status', ['Referred', 'Replied', 'Call done']);
    expect(columnValues(b, 'Next action')).toEqual([
      'send thank-you + connection request',
      'answer with your availability',
      'send thank-you + connection request',
    ]);
    expect(columnValues(b, 'Next action', 'Jobs')).toEqual([
      'apply online now',
      'apply online before asking for a referral',
    ]);
  });

  it('does nothing for an edit of a column no rule reads', () => {
    const b = tracker();
    const before = JSON.stringify(b.emu.spreadsheet.toJSON());
    b.emu.calls.reset();
    const range = sheetOf(b).getRange(2, colOf(b, 'Notes'));
    b.call('onEdit', { range, value: '', source: b.emu.spreadsheet.self });
    expect(JSON.stringify(b.emu.spreadsheet.toJSON())).toBe(before);
    expect(b.emu.calls.get('Range.setValues')).toBe(0);
  });
});

describe('live follow-ups on Jobs', () => {
  function tracker() {
    const b = setUp();
    writeRows(b, 'Jobs', [
      { Company: 'Acme', Job: 'Engineer' },
      { Company: 'Beta', Job: 'PM', Outcome: 'Rejected', 'Outcome on': day(b, 1) },
    ]);
    writeRows(b, 'Contacts', [
      { Company: 'Acme', Name: 'Ann', Status: 'Referred', 'Referred on': day(b, 8), 'Thanked on': day(b, 9) },
      { Company: 'acme ', Name: 'Bob', Status: 'No reply', 'Messaged on': day(b, 1) },
      {
        Company: 'Beta',
        Name: 'Cy',
        Status: 'Referred',
        'Referred on': day(b, 1),
        'Thanked on': day(b, 2),
        'Outcome shared on': day(b, 2),
      },
      { Company: 'Gamma', Name: 'Di', Status: 'Referred', 'Referred on': day(b, 3), 'Thanked on': day(b, 3) },
    ]);
    b.call('menuRefreshFollowUps');
    return b;
  }

  it('makes Apply = After referral ask the referrer’s row and the job to apply now', () => {
    const b = tracker();
    edit(b, 'Jobs', 2, 'Apply', ['After referral']);
    expect(at(b, 'Contacts', 2, 'Next action')).toBe('apply online now');
    expect(at(b, 'Jobs', 2, 'Next action')).toBe('apply online now');
    edit(b, 'Jobs', 2, 'Applied on', [day(b, 10)]);
    expect(at(b, 'Contacts', 2, 'Next action')).toBe('');
    expect(at(b, 'Jobs', 2, 'Next action')).toBe('');
  });

  it('asks to tell the job’s referrers an Outcome, and every referrer at every company an accepted offer', () => {
    const b = tracker();
    edit(b, 'Jobs', 2, 'Outcome', ['Interview']);
    edit(b, 'Jobs', 2, 'Outcome on', [day(b, 10)]);
    expect(at(b, 'Contacts', 2, 'Next action')).toBe('tell them the outcome');
    expect(at(b, 'Jobs', 2, 'Next action')).toBe('tell 1 referrer the outcome');
    expect(at(b, 'Contacts', 4, 'Next action')).toBe('');
    edit(b, 'Jobs', 2, 'Outcome', ['Accepted'], 'Interview');
    expect(columnValues(b, 'Next action')).toEqual([
      'tell them the outcome',
      '',
      'tell them the outcome', // Beta's referrer heard of the rejection, not of the offer
      'tell them the outcome', // Gamma has no job at all
    ]);
    expect(at(b, 'Jobs', 2, 'Next action')).toBe('tell every referrer you accepted this offer (3 to tell)');
    // Telling one of them updates the accepted job's count at once.
    edit(b, 'Contacts', 5, 'Outcome shared on', [day(b, 10)]);
    expect(at(b, 'Contacts', 5, 'Next action')).toBe('');
    expect(at(b, 'Jobs', 2, 'Next action')).toBe('tell every referrer you accepted this offer (2 to tell)');
  });
});

// ---------------------------------------------------------------- what an edit reads

/** Counts cells returned by reads and records whether any read follows a write. */
function watch(b: LoadedBundle) {
  const READ =
    /^(Range\.get(Values|DisplayValues|Backgrounds|Notes|Formulas|NumberFormats)|Sheet\.(getLastRow|getLastColumn|getMaxRows|getMaxColumns|getDataRange)|TextFinder\.findAll)$/;
  const WRITE = /^(Range\.(set|clear|insert|delete)|Sheet\.(insert|delete|appendRow|set))/;
  const seen = { cells: 0, reads: 0, readAfterWrite: 0, written: false };
  b.emu.calls.reset();
  const stop = b.emu.calls.use({
    before(call) {
      if (READ.test(call.key)) {
        seen.reads++;
        if (seen.written) seen.readAfterWrite++;
      }
      if (WRITE.test(call.key)) seen.written = true;
    },
    after(call, result) {
      if (/^Range\.get(Values|DisplayValues|Backgrounds|Notes)$/.test(call.key) && Array.isArray(result)) {
        for (const row of result as unknown[][]) seen.cells += row.length;
      }
    },
  });
  return { seen, stop };
}

/**
 * A tracker of `n` contacts: companies of 4 people (grouped, as added company by company); Jobs holds
 * one job at each of the five companies around the middle, the same five rows whatever `n` (a one-row
 * action may read its small tables: what must not grow is what it reads of Contacts).
 */
function bigTracker(n: number): LoadedBundle {
  const b = setUp();
  const middle = Math.floor(n / 8);
  writeRows(
    b,
    'Jobs',
    Array.from({ length: 5 }, (_, k) => ({
      Company: `Co ${middle - 2 + k}`,
      Job: 'Engineer',
      Apply: 'After referral',
    })),
  );
  writeRows(
    b,
    'Contacts',
    Array.from({ length: n }, (_, i) => ({
      Company: `Co ${Math.floor(i / 4)}`,
      Name: `Person ${i}`,
      Status: i % 4 === 0 ? 'Referred' : 'Messaged',
      'Messaged on': day(b, 2),
      'Referred on': i % 4 === 0 ? day(b, 5) : '',
    })),
  );
  return b;
}

describe('what an edit reads', () => {
  const measure = (n: number, rows: number) => {
    const b = bigTracker(n);
    const middle = 4 * Math.floor(n / 8) + 3; // the second person of a company in the middle

    let w: ReturnType<typeof watch> | undefined;
    edit(
      b,
      'Contacts',
      middle,
      'Status',
      Array(rows).fill('Replied'),
      rows === 1 ? 'Messaged' : undefined,
      () => {
        w = watch(b);
      },
    );
    w!.stop();
    expect(at(b, 'Contacts', middle, 'Next action')).toBe('answer with your availability');
    return { ...w!.seen, calls: b.emu.calls.total() };
  };

  it('reads the same cells and makes the same calls for 20 contacts as for 2,000, all reads first', () => {
    const small = measure(20, 1);
    const large = measure(2000, 1);
    expect(large.cells).toBe(small.cells);
    expect(large.calls).toBe(small.calls);
    expect(large.readAfterWrite).toBe(0);
    // Both header rows, the company's rows on Contacts and Jobs, and Settings' columns A:B whole
    // (one read of 2 × 1,000 cells instead of asking its size first).
    expect(large.cells).toBeLessThan(2_500);
  });

  it('keeps a 50-row paste flat in the number of contacts too', () => {
    const small = measure(200, 50);
    const large = measure(2000, 50);
    expect(large.cells).toBe(small.cells);
    expect(large.calls).toBe(small.calls);
    expect(large.readAfterWrite).toBe(0);
  });
});
