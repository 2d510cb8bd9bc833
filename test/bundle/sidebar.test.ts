// The Draft message sidebar's server functions through the bundle: selection, draft, Mark as sent, call guide.
import type {
  DraftPayload,
  MarkSentResult,
  SaveCallGuideResult,
  SelectionInfo,
} from '../../src/core/sidebar-api';
import { type LoadedBundle, loadBundle } from '../helpers/bundle';
import { colOf, setSetting, sheetOf as sheet, writeRows } from '../helpers/sheets';

const NOW = '2026-03-10T08:00:00Z'; // a Tuesday, 09:00 in Paris

function cell(b: LoadedBundle, row: number, header: string, name = 'Contacts'): unknown {
  return sheet(b, name)
    .getRange(row, colOf(b, header, name))
    .getValue();
}

/** Fails on anything google.script.run would not carry: Dates, functions, undefined in arrays, class instances. */
function expectJsonSafe(v: unknown, path = 'result'): void {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
  if (typeof v === 'number') {
    expect(Number.isFinite(v)).toBe(true);
    return;
  }
  const tag = Object.prototype.toString.call(v);
  if (tag === '[object Array]') {
    (v as unknown[]).forEach((x, i) => {
      if (x === undefined) throw new Error(`${path}[${i}] is undefined`);
      expectJsonSafe(x, `${path}[${i}]`);
    });
    return;
  }
  if (tag !== '[object Object]') throw new Error(`${path} is not JSON-safe (${tag})`);
  for (const [k, x] of Object.entries(v as object)) {
    if (x === undefined) continue;
    expectJsonSafe(x, `${path}.${k}`);
  }
}

function setUp(): LoadedBundle {
  const b = loadBundle({ now: NOW, timeZone: 'Europe/Paris' });
  b.call('menuSetUpTracker');
  setSetting(b, 'Your name', 'Sam Student');
  setSetting(b, 'Sector', 'data analytics');
  writeRows(b, 'Contacts', [
    {
      Company: 'Acme',
      Job: 'Data Analyst',
      Name: 'Ann Lee',
      Title: 'Senior Data Analyst',
      'Profile URL': 'https://www.linkedin.com/in/annlee',
      Degree: '2nd',
      Status: 'To contact',
      'Same school': 'Yes',
    },
    {
      Company: 'Globex',
      Job: 'Engineer',
      Name: 'Bob Ray',
      Location: 'New York, NY',
      Degree: '2nd',
      Status: 'Replied',
    },
    { Company: 'Initech', Name: 'Cy Open', Degree: '1st', Status: 'To contact' },
  ]);
  writeRows(b, 'Jobs', [
    { Company: 'Acme', Job: 'Data Analyst' },
    { Company: 'Globex', Job: 'Engineer' },
  ]);
  return b;
}

function select(b: LoadedBundle, a1: string): SelectionInfo {
  b.emu.spreadsheet.selectRange(a1);
  return b.call<SelectionInfo>('sidebarSelection');
}

describe('Draft message sidebar', () => {
  it('opens from the menu as a sidebar titled Draft message, after Score candidates', () => {
    const b = setUp();
    b.call('onOpen');
    const items = b.emu.ui.menus[0]!.items.map((i) => ('label' in i ? i.label : i)) as unknown[];
    const names = JSON.stringify(items);
    expect(names.indexOf('Draft message…')).toBeGreaterThan(names.indexOf('Score candidates'));
    b.call('menuDraftMessage');
    const shown = b.emu.ui.lastShown()!;
    expect(shown.kind).toBe('sidebar');
    expect(shown.title).toBe('Draft message');
    expect(shown.html).toContain('id="mark-sent"');
  });

  describe('sidebarSelection', () => {
    it('gives the selected Contacts data row and a fingerprint that changes when the row changes', () => {
      const b = setUp();
      const s = select(b, 'Contacts!C2');
      expect(s.row).toBe(2);
      expect(s.fingerprint).toMatch(/^2-/);
      expectJsonSafe(s);
      expect(select(b, 'Contacts!C2').fingerprint).toBe(s.fingerprint);
      sheet(b, 'Contacts').getRange(2, colOf(b, 'Title')).setValue('Lead Analyst');
      expect(select(b, 'Contacts!C2').fingerprint).not.toBe(s.fingerprint);
    });

    it('gives null on the header row, a blank row, or another sheet', () => {
      const b = setUp();
      expect(select(b, 'Contacts!A1').row).toBeNull();
      expect(select(b, 'Contacts!A50').row).toBeNull();
      expect(select(b, 'Jobs!A2').row).toBeNull();
    });
  });

  describe('sidebarDraft', () => {
    it('drafts the first InMail for a To contact on the selected row', () => {
      const b = setUp();
      const { row } = select(b, 'Contacts!B2');
      const d = b.call<DraftPayload>('sidebarDraft', row);
      expectJsonSafe(d);
      expect(d.person.name).toBe('Ann Lee');
      expect(d.person.title).toBe('Senior Data Analyst');
      expect(d.person.status).toBe('To contact');
      expect(d.person.profileUrl).toBe('https://www.linkedin.com/in/annlee');
      expect(d.type).toBe('first-inmail');
      expect(d.suggestedType).toBe('first-inmail');
      expect(d.advice).toEqual({ kind: 'message', why: 'Ask Ann Lee for a 15-minute call.' });
      expect(d.warnings).toEqual([]);
      expect(d.types.map((t) => t.type)).toContain('intro-request');
      expect(d.channel).toBe('InMail');
      expect(d.limits).toEqual({ subject: 200, body: 1900 });
      expect(d.subject!.text).toBe('Your experience at Acme');
      expect(d.body.text.split('\n').slice(0, 5)).toEqual([
        'Hi Ann,',
        '',
        'My name is Sam Student. I’m looking for jobs in data analytics and saw an opening for Data Analyst at Acme. I noticed we went to the same school.',
        '',
        'I’m not sure what the role is like there — would you have ~15 minutes for a call this week?',
      ]);
      expect(d.body.unfilled).toEqual([]);
      expect(d.words).toBeGreaterThan(10);
      expect(d.language).toBe('English');
      expect(d.callGuide.hasJob).toBe(true);
      expect(d.callGuide.questions.length).toBeGreaterThan(2);
      expect(d.callGuide.referralQuestion).toMatch(/10–15 minutes/);
    });

    it('drafts the reply with availability for Replied: your hours inside their working hours, in their zone', () => {
      const b = setUp();
      const d = b.call<DraftPayload>('sidebarDraft', 3);
      expect(d.type).toBe('reply-availability');
      expect(d.timeZone).toBe('America/New_York');
      expect(d.subject).toBeNull();
      expect(d.body.text).toContain('(times in your time zone, America/New_York)');
      // 09:00–18:00 in Paris is 4:00 am – 1:00 pm in New York (US already on DST): only 9 to 1 is in their day.
      expect(d.body.text).toContain('Wed 11 Mar: 9:00 am – 1:00 pm\nThu 12 Mar: 9:00 am – 1:00 pm');
      expect(d.body.text).not.toMatch(/[2-8]:\d\d am/);
      expect(d.body.unfilled).toEqual([]);
    });

    it('switches type and language on request (French connection note within the Free limit)', () => {
      const b = setUp();
      setSetting(b, 'LinkedIn plan', 'Free');
      const d = b.call<DraftPayload>('sidebarDraft', 2, 'thank-you', 'Français');
      expect(d.type).toBe('thank-you');
      expect(d.suggestedType).toBe('connection-note');
      expect(d.warnings).toEqual([
        'The thank-you note follows the call, and Status is To contact: you have not contacted them yet.',
      ]);
      expect(d.language).toBe('Français');
      expect(d.channel).toBe('Connection note');
      expect(d.limits).toEqual({ subject: null, body: 200 });
      expect(d.body.text).toMatch(/Ann/);
    });

    it('reports an unfilled placeholder with its span', () => {
      const b = setUp();
      setSetting(b, 'Your name', '');
      const d = b.call<DraftPayload>('sidebarDraft', 2);
      expect(d.body.unfilled).toEqual(['my_name']);
      const span = d.body.spans[0]!;
      expect(d.body.text.slice(span.start, span.end)).toBe('{{my_name}}');
    });

    it.each([
      ['a row below the last one', [99], 'Row 99 of Contacts is empty.'],
      ['a row past the end of the grid', [5000], 'Row 5000 is past the last row of Contacts.'],
      ['the header row', [1], /Contacts data row/],
      ['a fractional row', [2.5], /Contacts data row/],
      ['a row as text', ['2'], /Contacts data row/],
      ['a Date-like string as row', ['2026-03-10T00:00:00.000Z'], /Contacts data row/],
      ['an unknown type', [2, 'spam'], /Unknown message type "spam"/],
      ['a Date-like string as type', [2, '2026-03-10'], /Unknown message type/],
      ['a non-string type', [2, 42], /Unknown message type 42/],
      ['an unknown language', [2, 'first-inmail', 'Klingon'], /Unknown language/],
    ])('refuses %s with a clear error', (_what, args, message) => {
      const b = setUp();
      expect(() => b.call('sidebarDraft', ...args)).toThrow(message);
    });

    it('refuses a blank row inside the sheet', () => {
      const b = setUp();
      sheet(b, 'Contacts').getRange(6, colOf(b, 'Name')).setValue('Later Person');
      expect(() => b.call('sidebarDraft', 5)).toThrow('Row 5 of Contacts is empty.');
    });
  });

  describe('sidebarMarkSent', () => {
    it('stamps Messaged on, moves Status to Messaged, logs Activity and decrements the credits set in Settings', () => {
      const b = setUp();
      setSetting(b, 'InMail credits left', 12);
      const d = b.call<DraftPayload>('sidebarDraft', 2);
      const r = b.call<MarkSentResult>('sidebarMarkSent', 2, 'first-inmail', d.fingerprint);
      expectJsonSafe(r);
      expect(r.statusFrom).toBe('To contact');
      expect(r.statusTo).toBe('Messaged');
      expect(r.stamped).toBe('Messaged on');
      expect(r.creditsLeft).toBe(11);
      expect(cell(b, 2, 'Status')).toBe('Messaged');
      expect(sheet(b, 'Contacts').getRange(2, colOf(b, 'Messaged on')).getDisplayValue()).toBe('2026-03-10');
      expect(cell(b, 2, 'Next action')).not.toBe('');
      const activity = sheet(b, 'Activity').getDataRange().getValues();
      expect(activity).toHaveLength(2);
      expect(activity[1]!.slice(1)).toEqual(['Acme', 'Ann Lee', 'To contact', 'Messaged', 'Mark as sent']);
      const settings = sheet(b, 'Settings').getDataRange().getValues();
      expect(settings.find((s) => s[0] === 'InMail credits left')![1]).toBe(11);
      expect(r.draft.person.status).toBe('Messaged');
      expect(r.draft.person.messagedOn).toBe('2026-03-10');
    });

    it('spends no credit for a 1st-degree contact, and writes nothing to a blank credits setting', () => {
      const b = setUp();
      const d = b.call<DraftPayload>('sidebarDraft', 4);
      expect(d).toMatchObject({ type: 'first-message', channel: 'Message', subject: null });
      const r = b.call<MarkSentResult>('sidebarMarkSent', 4, 'first-message', d.fingerprint);
      expect(r.creditsLeft).toBeNull();
      const d2 = b.call<DraftPayload>('sidebarDraft', 2);
      const r2 = b.call<MarkSentResult>('sidebarMarkSent', 2, 'first-inmail', d2.fingerprint);
      expect(r2.creditsLeft).toBeNull();
      const settings = sheet(b, 'Settings').getDataRange().getValues();
      expect(settings.find((s) => s[0] === 'InMail credits left')![1]).toBe('');
    });

    it('stamps Thanked on for the thank-you without changing Status and logs it', () => {
      const b = setUp();
      sheet(b, 'Contacts').getRange(3, colOf(b, 'Status')).setValue('Call done');
      const d = b.call<DraftPayload>('sidebarDraft', 3);
      expect(d.type).toBe('thank-you');
      const r = b.call<MarkSentResult>('sidebarMarkSent', 3, 'thank-you', d.fingerprint);
      expect(r.stamped).toBe('Thanked on');
      expect(cell(b, 3, 'Status')).toBe('Call done');
      expect(sheet(b, 'Contacts').getRange(3, colOf(b, 'Thanked on')).getDisplayValue()).toBe('2026-03-10');
      const activity = sheet(b, 'Activity').getDataRange().getValues();
      expect(String(activity[1]![5])).toMatch(/^Mark as sent/);
    });

    it('refuses when the row changed since the draft, and writes nothing', () => {
      const b = setUp();
      const d = b.call<DraftPayload>('sidebarDraft', 2);
      sheet(b, 'Contacts').getRange(2, colOf(b, 'Title')).setValue('Head of Data');
      expect(() => b.call('sidebarMarkSent', 2, 'first-inmail', d.fingerprint)).toThrow(
        'This row changed since the draft was made; review it and try again.',
      );
      expect(cell(b, 2, 'Status')).toBe('To contact');
      expect(cell(b, 2, 'Messaged on')).toBe('');
      expect(sheet(b, 'Activity').getLastRow()).toBe(1);
    });

    it.each([
      ['a bad row', [0, 'first-inmail', 'x'], /Contacts data row/],
      ['a missing type', [2, undefined, 'x'], /Unknown message type/],
      ['an unknown type', [2, 'gift', 'x'], /Unknown message type/],
      ['a missing fingerprint', [2, 'first-inmail'], /fingerprint must be text/],
      ['a Date-like string as row', ['2026-03-10', 'first-inmail', 'x'], /Contacts data row/],
    ])('refuses %s', (_what, args, message) => {
      const b = setUp();
      expect(() => b.call('sidebarMarkSent', ...args)).toThrow(message);
      expect(sheet(b, 'Activity').getLastRow()).toBe(1);
    });
  });

  describe('sidebarSaveCallGuide', () => {
    it('writes Referral process (formula-escaped) and Apply to the contact’s job on Jobs', () => {
      const b = setUp();
      const r = b.call<SaveCallGuideResult>(
        'sidebarSaveCallGuide',
        3,
        '=HYPERLINK("x") form on the intranet',
        'Before referral',
      );
      expectJsonSafe(r);
      const process = sheet(b, 'Jobs').getRange(3, colOf(b, 'Referral process', 'Jobs'));
      expect(process.getValue()).toBe('=HYPERLINK("x") form on the intranet');
      expect(process.getFormula()).toBe('');
      expect(cell(b, 3, 'Apply', 'Jobs')).toBe('Before referral');
      expect(cell(b, 2, 'Referral process', 'Jobs')).toBe('');
      expect(r.callGuide).toMatchObject({
        apply: 'Before referral',
        referralProcess: '=HYPERLINK("x") form on the intranet',
      });
      // The fingerprint returned is the row's as it is now (its Next action was recomputed).
      b.emu.spreadsheet.selectRange('Contacts!A3');
      expect(b.call<SelectionInfo>('sidebarSelection').fingerprint).toBe(r.fingerprint);
    });

    it('refuses an Apply outside the list, a non-text process, and a contact without a job', () => {
      const b = setUp();
      expect(() => b.call('sidebarSaveCallGuide', 2, 'form', 'Whenever')).toThrow(/Apply must be one of/);
      expect(() => b.call('sidebarSaveCallGuide', 2, 42, 'Unknown')).toThrow(/must be text/);
      expect(() => b.call('sidebarSaveCallGuide', 4, 'form', 'Unknown')).toThrow(/No job on Jobs matches/);
      expect(cell(b, 2, 'Apply', 'Jobs')).toBe('');
    });
  });
});
