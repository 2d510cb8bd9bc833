// The sidebar's server functions on the built bundle: what they read (flat in the number of rows, one
// flush), what they refuse without a confirm, exact retries, rows that move or change meanwhile, hostile
// arguments, follow-ups on Jobs, availability notices and templates kept from an earlier version.
import type { CallInfo } from '../../emulator/context';
import type { DraftPayload, MarkSentResult, SelectionInfo } from '../../src/core/sidebar-api';
import { LEGACY_TEMPLATES } from '../../src/core/template-seed';
import { type LoadedBundle, loadBundle } from '../helpers/bundle';
import { colOf, setSetting, sheetOf as sheet, writeRows } from '../helpers/sheets';

const NOW = '2026-03-10T08:00:00Z'; // a Tuesday, 09:00 in Paris

const ANN = {
  Company: 'Acme',
  Job: 'Data Analyst',
  Name: 'Ann Lee',
  Degree: '2nd',
  Status: 'To contact',
  'Profile URL': 'https://www.linkedin.com/in/annlee',
};

/** A tracker with Ann (row 2) and two colleagues at Acme, then `others` contacts at other companies. */
function tracker(others = 0): LoadedBundle {
  const b = loadBundle({ now: NOW, timeZone: 'Europe/Paris' });
  b.call('menuSetUpTracker');
  setSetting(b, 'Your name', 'Sam Student');
  setSetting(b, 'Sector', 'data analytics');
  setSetting(b, 'InMail credits left', 10);
  const rows: Record<string, unknown>[] = [
    ANN,
    { Company: 'Acme', Job: 'Data Analyst', Name: 'Bob Ray', Degree: '2nd', Status: 'Replied' },
    { Company: 'ACME ', Job: 'Data Analyst', Name: 'Cy Hill', Degree: '3rd', Status: 'Declined' },
  ];
  for (let i = 0; i < others; i++)
    rows.push({
      Company: `Other ${i % 97}`,
      Name: `Person ${i}`,
      Degree: '2nd',
      Status: i % 3 ? 'To contact' : 'Messaged',
    });
  writeRows(b, 'Contacts', rows);
  const jobs: Record<string, unknown>[] = [{ Company: 'Acme', Job: 'Data Analyst' }];
  for (let i = 0; i < 60; i++) jobs.push({ Company: `Other ${i}`, Job: 'Analyst' });
  writeRows(b, 'Jobs', jobs);
  return b;
}

function value(b: LoadedBundle, row: number, header: string, name = 'Contacts'): unknown {
  return sheet(b, name)
    .getRange(row, colOf(b, header, name))
    .getValue();
}

function setting(b: LoadedBundle, name: string): unknown {
  return sheet(b, 'Settings')
    .getDataRange()
    .getValues()
    .find((r) => r[0] === name)?.[1];
}

function activity(b: LoadedBundle): unknown[][] {
  return sheet(b, 'Activity')
    .getDataRange()
    .getValues()
    .slice(1)
    .map((r) => r.slice(1));
}

/** Every sheet's values and formulas, to show that a refused call wrote nothing. */
function snapshot(b: LoadedBundle): string {
  return JSON.stringify(
    b.emu.spreadsheet.self.getSheets().map((s) => {
      const r = s.getDataRange();
      return [s.getName(), r.getValues(), r.getFormulas(), r.getNotes()];
    }),
  );
}

const READS = new Set([
  'getValues',
  'getValue',
  'getDisplayValues',
  'getDisplayValue',
  'getBackgrounds',
  'getNotes',
  'getFormulas',
  'getLastRow',
  'getLastColumn',
  'getMaxRows',
  'getDataRange',
  'findAll',
]);
const isWrite = (c: CallInfo) => /^(set|insert|delete|append|clear)/.test(c.method);

/** Runs `fn` counting the cells read, the calls, and the reads that came after a write (each forces a flush). */
function measure(
  b: LoadedBundle,
  fn: () => void,
): { cells: number; calls: number; readsAfterWrite: string[] } {
  let cells = 0;
  let calls = 0;
  let wrote = false;
  const readsAfterWrite: string[] = [];
  const remove = b.emu.calls.use({
    before(c) {
      calls++;
      if (isWrite(c)) wrote = true;
      else if (wrote && READS.has(c.method)) readsAfterWrite.push(c.key);
    },
    after(_c, result) {
      if (Array.isArray(result) && Array.isArray(result[0]))
        cells += (result as unknown[][]).reduce((n, r) => n + r.length, 0);
      else if (_c.method === 'getValue' || _c.method === 'getDisplayValue') cells += 1;
    },
  });
  try {
    fn();
  } finally {
    remove();
  }
  return { cells, calls, readsAfterWrite };
}

describe('the sidebar reads what a one-row action needs', () => {
  function run(others: number) {
    const b = tracker(others);
    b.emu.spreadsheet.selectRange('Contacts!C2');
    const out: Record<string, ReturnType<typeof measure>> = {};
    let d: DraftPayload | undefined;
    out.selection = measure(b, () => b.call<SelectionInfo>('sidebarSelection'));
    out.draft = measure(b, () => {
      d = b.call<DraftPayload>('sidebarDraft', 2);
    });
    out.markSent = measure(b, () =>
      b.call<MarkSentResult>('sidebarMarkSent', 2, 'first-inmail', d!.fingerprint),
    );
    out.saveCallGuide = measure(b, () =>
      b.call('sidebarSaveCallGuide', 2, 'Form on the intranet', 'After referral'),
    );
    return { b, out };
  }

  it('reads the same cells and makes the same calls for 20 and 2,000 contacts, and flushes once', () => {
    const small = run(17).out;
    const large = run(1997).out;
    for (const action of ['selection', 'draft', 'markSent', 'saveCallGuide']) {
      expect({ action, cells: large[action]!.cells }).toEqual({ action, cells: small[action]!.cells });
      expect({ action, calls: large[action]!.calls }).toEqual({ action, calls: small[action]!.calls });
      expect({ action, readsAfterWrite: large[action]!.readsAfterWrite }).toEqual({
        action,
        readsAfterWrite: [],
      });
    }
    // Headers, Ann's row, Acme's rows, Templates, and Settings' two columns (read whole in one call
    // rather than asking their extent first) — not 2,000 rows.
    expect(large.markSent!.cells).toBeLessThan(3000);
    expect(large.draft!.cells).toBeLessThan(3000);
  });

  it('builds the refreshed draft from what Mark as sent wrote, matching the sheet', () => {
    const { b } = run(5);
    const d = b.call<DraftPayload>('sidebarDraft', 2);
    b.emu.spreadsheet.selectRange('Contacts!C2');
    expect(b.call<SelectionInfo>('sidebarSelection').fingerprint).toBe(d.fingerprint);
  });
});

describe('Mark as sent guardrails', () => {
  it('refuses a message the advice warns about unless confirmed, writing nothing; records it when confirmed', () => {
    const b = tracker();
    const d = b.call<DraftPayload>('sidebarDraft', 4); // Cy Hill, Declined
    expect(d.advice.kind).toBe('none');
    expect(d.warnings).toEqual(['Cy Hill declined: try another person at ACME.']);
    const before = snapshot(b);
    expect(() => b.call('sidebarMarkSent', 4, d.type, d.fingerprint)).toThrow(
      'Cy Hill declined: try another person at ACME. Nothing was recorded: confirm in the sidebar to mark it as sent anyway.',
    );
    expect(() => b.call('sidebarMarkSent', 4, d.type, d.fingerprint, false)).toThrow(/Nothing was recorded/);
    expect(snapshot(b)).toBe(before);
    const r = b.call<MarkSentResult>('sidebarMarkSent', 4, d.type, d.fingerprint, true);
    expect(r.statusTo).toBe('Declined');
    expect(activity(b)).toEqual([['ACME', 'Cy Hill', 'Declined', 'Declined', 'Mark as sent: First InMail']]);
  });

  it('refuses the same message marked twice unless confirmed, and never logs it twice silently', () => {
    const b = tracker();
    const d = b.call<DraftPayload>('sidebarDraft', 2);
    const first = b.call<MarkSentResult>('sidebarMarkSent', 2, 'first-inmail', d.fingerprint);
    expect(first.creditsLeft).toBe(9);
    expect(first.draft.warnings).toEqual([
      expect.stringMatching(/^You messaged Ann Lee on 2026-03-10/),
      'Already marked as sent: Messaged on is 2026-03-10.',
    ]);
    expect(first.draft.advice.kind).toBe('none');
    expect(() => b.call('sidebarMarkSent', 2, 'first-inmail', first.draft.fingerprint)).toThrow(
      /Already marked as sent: Messaged on is 2026-03-10\. Nothing was recorded/,
    );
    expect(activity(b)).toHaveLength(1);
    b.call('sidebarMarkSent', 2, 'first-inmail', first.draft.fingerprint, true);
    expect(activity(b)).toEqual([
      ['Acme', 'Ann Lee', 'To contact', 'Messaged', 'Mark as sent'],
      ['Acme', 'Ann Lee', 'Messaged', 'Messaged', 'Mark as sent: First InMail'],
    ]);
    expect(setting(b, 'InMail credits left')).toBe(8); // the confirmed second InMail spent one too
  });

  it('tells a repeated reply from Activity, where nothing is stamped', () => {
    const b = tracker();
    const d = b.call<DraftPayload>('sidebarDraft', 3); // Bob, Replied
    expect(d.type).toBe('reply-availability');
    const r = b.call<MarkSentResult>('sidebarMarkSent', 3, d.type, d.fingerprint);
    expect(r.draft.warnings).toEqual([
      expect.stringMatching(/^Already marked as sent on 2026-03-10 \(see Activity\)\.$/),
    ]);
    expect(() => b.call('sidebarMarkSent', 3, d.type, r.draft.fingerprint)).toThrow(/Already marked as sent/);
    expect(activity(b)).toHaveLength(1);
  });

  /** The unfinished Mark as sent records kept in document properties. */
  function kept(b: LoadedBundle): string[] {
    return [...b.emu.properties.document.data.keys()].filter((k) =>
      k.startsWith('referralTracker.markSent.'),
    );
  }

  /** Makes the first call named `key` fail with Google Sheets' text until the returned function is called. */
  function failing(b: LoadedBundle, key: string): () => void {
    return b.emu.calls.use({
      before(c) {
        if (c.key === key) throw new Error('Service Spreadsheets failed while accessing document with id 1.');
      },
    });
  }

  it('finishes a Mark as sent stopped before its Activity row: the real transition logged once, the credit taken once', () => {
    const b = tracker();
    const d = b.call<DraftPayload>('sidebarDraft', 2);
    const remove = failing(b, 'Sheet.appendRow');
    expect(() => b.call('sidebarMarkSent', 2, 'first-inmail', d.fingerprint)).toThrow(
      'Mark as sent did not finish: Google Sheets did not answer. Press Mark as sent again — what was already written is kept and finished, never recorded twice.',
    );
    remove();
    // Stamp, Status, follow-ups and credit were written; Activity was not; the record is kept.
    expect(value(b, 2, 'Status')).toBe('Messaged');
    expect(activity(b)).toEqual([]);
    expect(setting(b, 'InMail credits left')).toBe(9);
    expect(kept(b)).toHaveLength(1);
    // The reloaded draft asks for no confirm: pressing Mark as sent finishes it.
    const again = b.call<DraftPayload>('sidebarDraft', 2);
    expect(again.type).toBe('first-inmail');
    expect(again.warnings).toEqual([]);
    expect(again.markSentHint).toMatch(
      /^Mark as sent of this First InMail on 2026-03-10 stopped before it finished/,
    );
    const r = b.call<MarkSentResult>('sidebarMarkSent', 2, 'first-inmail', again.fingerprint);
    expect(r.message).toBe(
      'Finished recording the first inmail to Ann Lee (an earlier try stopped halfway); stamped Messaged on; Status To contact → Messaged; 9 InMail credits left.',
    );
    expect(activity(b)).toEqual([['Acme', 'Ann Lee', 'To contact', 'Messaged', 'Mark as sent']]);
    expect(sheet(b).getRange(2, colOf(b, 'Messaged on')).getDisplayValue()).toBe('2026-03-10');
    expect(setting(b, 'InMail credits left')).toBe(9);
    expect(value(b, 2, 'Next action')).not.toBe('');
    expect(kept(b)).toEqual([]);
    // Once finished, it is a repeat like any other.
    expect(r.draft.warnings.join(' ')).toMatch(/Already marked as sent/);
    expect(() => b.call('sidebarMarkSent', 2, 'first-inmail', r.draft.fingerprint)).toThrow(
      /Already marked as sent/,
    );
  });

  it('takes the credit once when a Mark as sent stopped after its Activity row', () => {
    const b = tracker();
    const d = b.call<DraftPayload>('sidebarDraft', 2);
    const remove = failing(b, 'Properties.deleteProperty');
    expect(() => b.call('sidebarMarkSent', 2, 'first-inmail', d.fingerprint)).toThrow(/did not finish/);
    remove();
    expect(setting(b, 'InMail credits left')).toBe(9);
    expect(activity(b)).toHaveLength(1);
    const again = b.call<DraftPayload>('sidebarDraft', 2);
    b.call('sidebarMarkSent', 2, 'first-inmail', again.fingerprint);
    expect(setting(b, 'InMail credits left')).toBe(9);
    expect(activity(b)).toHaveLength(1);
    expect(kept(b)).toEqual([]);
  });

  it('finishes it on a later day with the date it was sent, and leaves cells the user changed meanwhile', () => {
    const b = tracker();
    const d = b.call<DraftPayload>('sidebarDraft', 2);
    const remove = failing(b, 'Range.setValue'); // the credit
    expect(() => b.call('sidebarMarkSent', 2, 'first-inmail', d.fingerprint)).toThrow(/did not finish/);
    remove();
    expect(setting(b, 'InMail credits left')).toBe(10);
    setSetting(b, 'InMail credits left', 25); // bought more meanwhile
    b.emu.clock.set(Date.parse('2026-03-12T09:00:00Z'));
    // Another person's Mark as sent in between keeps its own record apart.
    const bob = b.call<DraftPayload>('sidebarDraft', 3);
    b.call('sidebarMarkSent', 3, bob.type, bob.fingerprint);
    expect(kept(b)).toHaveLength(1);
    const again = b.call<DraftPayload>('sidebarDraft', 2);
    expect(again.warnings).toEqual([]);
    b.call('sidebarMarkSent', 2, 'first-inmail', again.fingerprint);
    const ann = sheet(b, 'Activity')
      .getDataRange()
      .getValues()
      .filter((r) => r[2] === 'Ann Lee');
    expect(ann.map((r) => [(r[0] as Date).toISOString(), ...r.slice(3)])).toEqual([
      ['2026-03-10T08:00:00.000Z', 'To contact', 'Messaged', 'Mark as sent'],
    ]);
    expect(sheet(b).getRange(2, colOf(b, 'Messaged on')).getDisplayValue()).toBe('2026-03-10');
    expect(setting(b, 'InMail credits left')).toBe(25);
    expect(kept(b)).toEqual([]);
  });
});

describe('plain messages', () => {
  it('says what to do when Google Sheets fails, never its raw text', () => {
    const b = tracker();
    const remove = b.emu.calls.use({
      before(c) {
        if (c.key === 'Range.getValues')
          throw new Error('Service Spreadsheets failed while accessing document with id 1.');
      },
    });
    for (const [fn, args, message] of [
      ['sidebarDraft', [2], /^Google Sheets did not answer while reading this row/],
      ['sidebarSaveCallGuide', [2, 'form', 'Unknown'], /^Saving the call guide did not finish/],
      ['sidebarMarkSent', [2, 'first-inmail', 'x'], /^Mark as sent did not finish/],
    ] as const) {
      expect(() => b.call(fn, ...args)).toThrow(message);
      expect(() => b.call(fn, ...args)).not.toThrow(/Service|document with id/);
    }
    b.emu.spreadsheet.selectRange('Contacts!C2');
    expect(() => b.call('sidebarSelection')).toThrow(/it tries again by itself/);
    remove();
  });
});

describe('rows that change or move meanwhile', () => {
  it('refuses when the row was sorted, moved or deleted since the draft, naming who is there now', () => {
    const b = tracker();
    const d = b.call<DraftPayload>('sidebarDraft', 2);
    const contacts = sheet(b);
    const width = contacts.getLastColumn();
    const [ann, bob] = contacts.getRange(2, 1, 2, width).getValues();
    contacts.getRange(2, 1, 2, width).setValues([bob!, ann!]); // a sort
    const before = snapshot(b);
    expect(() => b.call('sidebarMarkSent', 2, 'first-inmail', d.fingerprint)).toThrow(
      "Row 2 now holds Bob Ray, not the person the draft was for: the sheet was sorted, or rows were moved, added or deleted. Nothing was written; select the person's row again.",
    );
    expect(snapshot(b)).toBe(before);
    contacts.insertRowsBefore(2, 1);
    expect(() => b.call('sidebarMarkSent', 2, 'first-inmail', d.fingerprint)).toThrow(/^Row 2 is empty now/);
    expect(snapshot(b)).not.toBe(before); // the inserted row only
    expect(activity(b)).toEqual([]);
  });

  it('refuses when the row was edited since the draft', () => {
    const b = tracker();
    const d = b.call<DraftPayload>('sidebarDraft', 2);
    sheet(b).getRange(2, colOf(b, 'Title')).setValue('Head of Data');
    expect(() => b.call('sidebarMarkSent', 2, 'first-inmail', d.fingerprint)).toThrow(
      'This row changed since the draft was made; review it and try again.',
    );
    expect(activity(b)).toEqual([]);
  });

  it('refuses, writing nothing, when an edit lands between its read and its write', () => {
    const b = tracker();
    const d = b.call<DraftPayload>('sidebarDraft', 2);
    let reads = 0;
    const remove = b.emu.calls.use({
      after(c) {
        const target = c.target as { sheet?: { name?: string }; row?: number; numRows?: number };
        if (
          c.key === 'Range.getValues' &&
          target.sheet?.name === 'Contacts' &&
          target.row === 2 &&
          target.numRows === 1
        )
          if (++reads === 1) sheet(b).getRange(2, colOf(b, 'Status')).setValue('Replied');
      },
    });
    expect(() => b.call('sidebarMarkSent', 2, 'first-inmail', d.fingerprint)).toThrow(
      'Row 2 was edited while this ran; nothing was written. Review the row and try again.',
    );
    remove();
    expect(value(b, 2, 'Status')).toBe('Replied');
    expect(value(b, 2, 'Messaged on')).toBe('');
    expect(activity(b)).toEqual([]);
  });

  it('keeps a user’s edit that lands while it writes (it writes only its own cells)', () => {
    const b = tracker();
    const d = b.call<DraftPayload>('sidebarDraft', 2);
    const remove = b.emu.calls.use({
      after(c) {
        if (c.key === 'Sheet.appendRow' && (c.target as { name?: string }).name === 'Activity')
          sheet(b).getRange(2, colOf(b, 'Notes')).setValue('call her back on Friday');
      },
    });
    b.call('sidebarMarkSent', 2, 'first-inmail', d.fingerprint);
    remove();
    expect(value(b, 2, 'Notes')).toBe('call her back on Friday');
    expect(value(b, 2, 'Status')).toBe('Messaged');
  });

  it('two sidebars marking the same person: one Activity row, no stamp on anyone else', () => {
    const b = tracker();
    const one = b.call<DraftPayload>('sidebarDraft', 2);
    const two = b.call<DraftPayload>('sidebarDraft', 2);
    b.call('sidebarMarkSent', 2, 'first-inmail', one.fingerprint);
    expect(() => b.call('sidebarMarkSent', 2, 'first-inmail', two.fingerprint)).toThrow(/row changed/);
    const fresh = b.call<DraftPayload>('sidebarDraft', 2);
    expect(() => b.call('sidebarMarkSent', 2, 'first-inmail', fresh.fingerprint)).toThrow(
      /Already marked as sent/,
    );
    expect(activity(b)).toHaveLength(1);
    expect([value(b, 3, 'Messaged on'), value(b, 4, 'Messaged on')]).toEqual(['', '']);
  });
});

describe('hostile arguments', () => {
  const MB = 'x'.repeat(1024 * 1024);
  const rows = [0, 1, -2, 2.5, Number.NaN, 1e9, '2', '=2', null, undefined, [2], { row: 2 }, MB];
  const texts = [42, MB, ['a'], { a: 1 }];

  const named = rows.map((r) => [
    r === MB ? 'a 1 MB string' : typeof r === 'number' ? String(r) : (JSON.stringify(r) ?? 'undefined'),
    r,
  ]);

  it.each(named)(
    'every sidebar function refuses row %s with a clear message, writing nothing',
    (_name, row) => {
      const b = tracker();
      const before = snapshot(b);
      const d = b.call<DraftPayload>('sidebarDraft', 2);
      for (const [fn, args] of [
        ['sidebarDraft', [row]],
        ['sidebarMarkSent', [row, 'first-inmail', d.fingerprint]],
        ['sidebarSaveCallGuide', [row, 'form', 'Unknown']],
      ] as const) {
        expect(() => b.call(fn, ...args)).toThrow(
          /^Row must be a Contacts data row number \(2 or more\), not /,
        );
      }
      expect(snapshot(b)).toBe(before);
    },
  );

  it('refuses wrong types, huge strings and formula-like text in every other argument', () => {
    const b = tracker();
    const d = b.call<DraftPayload>('sidebarDraft', 2);
    const before = snapshot(b);
    for (const bad of [...texts, '=HYPERLINK("x")', '+1', '-1', '@me'])
      for (const args of [
        [2, bad],
        [2, 'first-inmail', bad],
      ])
        expect(() => b.call('sidebarDraft', ...args)).toThrow(/^Unknown (message type|language)/);
    for (const bad of texts) {
      expect(() => b.call('sidebarMarkSent', 2, bad, d.fingerprint)).toThrow(/^Unknown message type/);
      expect(() => b.call('sidebarMarkSent', 2, 'first-inmail', bad)).toThrow(
        /^The row fingerprint (must be text|is too long)/,
      );
      expect(() => b.call('sidebarMarkSent', 2, 'first-inmail', d.fingerprint, bad)).toThrow(
        'The confirm must be true or false.',
      );
      expect(() => b.call('sidebarSaveCallGuide', 2, bad, 'Unknown')).toThrow(
        /^Referral process (must be text|is too long)/,
      );
      expect(() => b.call('sidebarSaveCallGuide', 2, 'form', bad)).toThrow(/^Apply must be one of/);
    }
    expect(() => b.call('sidebarMarkSent', 2, null, d.fingerprint)).toThrow(/^Unknown message type null/);
    expect(() => b.call('sidebarMarkSent', 2, 'first-inmail', null)).toThrow(
      'The row fingerprint must be text, not null.',
    );
    expect(() => b.call('sidebarSaveCallGuide', 2, null, 'Unknown')).toThrow(
      'Referral process must be text, not null.',
    );
    expect(() => b.call('sidebarMarkSent', 2, 'first-inmail', '=1+1')).toThrow(
      /not the person the draft was for/,
    );
    expect(snapshot(b)).toBe(before);
    b.call('sidebarSaveCallGuide', 2, '@recruiter by email', 'Unknown');
    const cell = sheet(b, 'Jobs').getRange(2, colOf(b, 'Referral process', 'Jobs'));
    expect([cell.getValue(), cell.getFormula()]).toEqual(['@recruiter by email', '']);
  });
});

describe('follow-ups after the sidebar writes', () => {
  it('Mark as sent recomputes the contact’s and the job’s Next action and Due', () => {
    const b = tracker();
    writeRows(b, 'Jobs', [
      { Company: 'Acme', Job: 'Data Analyst', Outcome: 'Offer', 'Outcome on': '2026-03-09' },
    ]);
    const referred = new Date('2026-03-01T00:00:00Z');
    sheet(b).getRange(3, colOf(b, 'Status')).setValue('Referred');
    sheet(b).getRange(3, colOf(b, 'Referred on')).setValue(referred);
    sheet(b).getRange(3, colOf(b, 'Thanked on')).setValue(referred);
    b.call('menuRefreshFollowUps');
    expect(value(b, 2, 'Next action', 'Jobs')).toBe('tell 1 referrer the outcome');
    const d = b.call<DraftPayload>('sidebarDraft', 3);
    expect(d.type).toBe('outcome');
    b.call('sidebarMarkSent', 3, 'outcome', d.fingerprint);
    expect(value(b, 3, 'Next action')).toBe('');
    expect(value(b, 2, 'Next action', 'Jobs')).toBe('');
    expect(value(b, 3, 'Next action', 'Jobs')).toBe('find people to contact'); // another job's row untouched by it
  });

  it('Save call guide recomputes the job and its contacts (Apply after referral → apply online now)', () => {
    const b = tracker();
    sheet(b).getRange(3, colOf(b, 'Status')).setValue('Referred');
    sheet(b).getRange(3, colOf(b, 'Referred on')).setValue(new Date('2026-03-09T00:00:00Z'));
    sheet(b).getRange(3, colOf(b, 'Thanked on')).setValue(new Date('2026-03-09T00:00:00Z'));
    b.call('sidebarSaveCallGuide', 2, 'CV to the recruiter', 'After referral');
    expect(value(b, 2, 'Next action', 'Jobs')).toBe('apply online now');
    expect(value(b, 3, 'Next action')).toBe('apply online now');
    expect(sheet(b).getRange(3, colOf(b, 'Due')).getDisplayValue()).toBe('2026-03-11');
  });
});

describe('availability and settings in the sidebar', () => {
  it('says plainly when your hours miss a contact’s working hours, and proposes nothing', () => {
    const b = tracker();
    writeRows(b, 'Contacts', [{ ...ANN, Location: 'Sydney, New South Wales, Australia', Status: 'Replied' }]);
    const d = b.call<DraftPayload>('sidebarDraft', 2);
    expect(d.type).toBe('reply-availability');
    expect(d.body.unfilled).toEqual(['availability']);
    expect(d.availabilityNotice).toMatch(
      /does not overlap their working hours .* widen your Availability in Settings/,
    );
  });

  it('puts a note on a bad Availability or Their working hours and shows the message', () => {
    const b = tracker();
    setSetting(b, 'Availability', '9 to 5 weekdays');
    setSetting(b, 'Their working hours', 'office hours');
    const d = b.call<DraftPayload>('sidebarDraft', 3);
    expect(d.problems).toEqual([
      expect.stringMatching(/^Availability: .*Write days and hours like Mon-Fri 09:00-18:00$/),
      expect.stringMatching(/^Their working hours: /),
    ]);
    const settings = sheet(b, 'Settings');
    const names = settings
      .getRange(1, 1, settings.getLastRow(), 1)
      .getValues()
      .map((r) => r[0]);
    const note = (name: string) => settings.getRange(names.indexOf(name) + 1, 2).getNote();
    expect(note('Availability')).toMatch(
      /^Referral tracker: Availability: .*The default is used meanwhile\.$/,
    );
    expect(note('Their working hours')).toMatch(/^Referral tracker: Their working hours: /);
    // Meanwhile the defaults propose times.
    expect(d.body.text).toContain('Wed 11 Mar: 9:00 am – 6:00 pm');
    setSetting(b, 'Availability', 'Mon-Fri 9-18');
    b.call('sidebarDraft', 3);
    expect(note('Availability')).toBe('');
  });
});

describe('templates from an earlier version', () => {
  function oldTracker(editedBody: string | null): LoadedBundle {
    const b = tracker();
    const t = sheet(b, 'Templates');
    const rows = t.getRange(2, 1, t.getLastRow() - 1, 5).getValues();
    // An earlier tracker: the old "First InMail" rows instead of "First InMail (call request)".
    rows.forEach((r, i) => {
      if (r[0] !== 'First InMail (call request)') return;
      const old = LEGACY_TEMPLATES.find((l) => l.language === r[1])!;
      const body = editedBody !== null && r[1] === 'English' ? editedBody : old.body;
      t.getRange(i + 2, 1, 1, 5).setValues([[old.name, old.language, old.channel, old.subject, body]]);
    });
    return b;
  }

  it('Set up tracker adds the new template beside a user’s edited one, which stays in use', () => {
    const b = oldTracker('Hello {{first_name}}, my own words about {{company}}.\n{{my_name}}');
    const t = sheet(b, 'Templates');
    const before = t.getDataRange().getValues();
    b.call('menuSetUpTracker');
    const after = t.getDataRange().getValues();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((r) => [r[0], r[1]])).toEqual([
      ['First InMail (call request)', 'English'],
      ['First InMail (call request)', 'Français'],
    ]);
    const d = b.call<DraftPayload>('sidebarDraft', 2);
    expect(d.body.text).toBe('Hello Ann, my own words about Acme.\nSam Student');
    expect(d.templateNote).toMatch(/^Using your edited template “First InMail”/);
    expect(b.call<DraftPayload>('sidebarDraft', 2, '', 'Français').body.text).toMatch(
      /^Bonjour Ann,\n\nJe m’appelle/,
    );
  });

  it('uses the new wording when the old row was never edited', () => {
    const b = oldTracker(null);
    const d = b.call<DraftPayload>('sidebarDraft', 2);
    expect(d.body.text).toMatch(/My name is Sam Student/);
    expect(d.templateNote).toBe('');
  });
});
