// The draft decided in core: one Contacts row plus Jobs, Settings and Templates in, the sidebar's payload out.
import { planCallGuideSave } from '../../src/core/call-guide';
import { contactOnRow, type DraftInput, planDraft, templateFor } from '../../src/core/draft';
import { type MarkSentRecord, planCreditUse } from '../../src/core/mark-sent';
import { parseJobs } from '../../src/core/rows';
import { defaultSettings, type Settings } from '../../src/core/settings';
import { withPlan } from '../../src/core/table';
import { SEED_TEMPLATES } from '../../src/core/template-seed';
import type { Cell } from '../../src/core/values';

const TZ = 'Europe/Paris';
const NOW = Date.parse('2026-03-10T08:00:00Z'); // Tuesday 09:00 in Paris
const HEADERS = ['Company', 'Job', 'Name', 'Degree', 'Location', 'Status', 'Thanked on', 'Score', 'Why'];
const JOBS = {
  headers: ['Company', 'Job', 'Referral process', 'Apply'],
  rows: [['Acme', 'Analyst', '', '']],
};

function input(cells: Cell[], over: Partial<Settings> = {}, row = 7): DraftInput {
  return {
    headers: HEADERS,
    cells,
    row,
    jobs: parseJobs(JOBS, TZ),
    settings: { ...defaultSettings(), yourName: 'Sam Student', ...over },
    templates: SEED_TEMPLATES.map((t) => ({ ...t })),
    timeZone: TZ,
    now: NOW,
    activity: [],
    settingProblems: [],
  };
}

function draft(cells: Cell[], type: Parameters<typeof planDraft>[2] = null, over: Partial<Settings> = {}) {
  const i = input(cells, over);
  return planDraft(i, contactOnRow(i.headers, i.cells, i.row, TZ)!, type, null);
}

describe('contactOnRow', () => {
  it('parses one row at its own sheet row, with problems naming that row', () => {
    const c = contactOnRow(HEADERS, ['Acme', '', 'Ann Lee', 'fourth', '', '', '', '', ''], 12, TZ)!;
    expect(c).toMatchObject({ index: 0, row: 12, name: 'Ann Lee', degree: null });
    expect(c.problems).toEqual([
      { row: 12, column: 'Degree', problem: expect.stringMatching(/not a degree/) },
    ]);
  });

  it('gives null for a blank row', () => {
    expect(contactOnRow(HEADERS, ['', ' ', '', '', '', '', '', '', ''], 3, TZ)).toBeNull();
  });
});

describe('planDraft', () => {
  it('drafts the suggested message with the person, limits and call guide', () => {
    const d = draft(['Acme', 'Analyst', 'Ann Lee', '2nd', '', 'To contact', '', 72, 'same school']);
    expect(d.row).toBe(7);
    expect(d.fingerprint).toMatch(/^7-/);
    expect(d.person).toMatchObject({ name: 'Ann Lee', company: 'Acme', score: '72', why: 'same school' });
    expect(d.type).toBe(d.suggestedType);
    expect(d.body.text).toContain('Sam Student');
    expect(d.callGuide).toMatchObject({ hasJob: true, jobLabel: 'Acme — Analyst' });
    expect(d.generatedAt).toBe('2026-03-10T08:00:00.000Z');
  });

  it('drafts the type and language asked for', () => {
    const i = input(['Acme', 'Analyst', 'Ann Lee', '2nd', '', 'Call done', '', '', '']);
    const c = contactOnRow(i.headers, i.cells, i.row, TZ)!;
    const d = planDraft(i, c, 'thank-you', 'Français');
    expect(d).toMatchObject({ type: 'thank-you', language: 'Français', channel: 'Connection note' });
    expect(d.body.text).toMatch(/^Bonjour Ann/);
  });
});

describe('planDraft guidance', () => {
  const row = (over: Record<string, Cell> = {}) =>
    HEADERS.map(
      (h) =>
        over[h] ??
        (
          { Company: 'Acme', Job: 'Analyst', Name: 'Ann Lee', Degree: '2nd', Status: 'To contact' } as Record<
            string,
            Cell
          >
        )[h] ??
        '',
    );

  it('follows the advice, and warns when asked for a message it advises against', () => {
    const d = draft(row({ Status: 'Declined' }));
    expect(d.suggestedType).toBeNull();
    expect(d.advice).toEqual({ kind: 'none', why: 'Ann Lee declined: try another person at Acme.' });
    expect(d.type).toBe('first-inmail');
    expect(d.warnings).toEqual(['Ann Lee declined: try another person at Acme.']);
    expect(draft(row()).warnings).toEqual([]);
  });

  it('drafts a free message, with no subject, to a 1st-degree connection', () => {
    const d = draft(row({ Degree: '1st' }));
    expect(d).toMatchObject({ type: 'first-message', channel: 'Message', subject: null, warnings: [] });
    expect(d.markSentHint).toBe(
      'Mark as sent stamps Messaged on, moves Status to Messaged, logs to Activity.',
    );
  });

  it('drafts a connection note within 200 characters on a Free plan', () => {
    const d = draft(row(), null, { plan: 'Free', sector: 'data' });
    expect(d).toMatchObject({
      type: 'connection-note',
      channel: 'Connection note',
      limits: { subject: null, body: 200 },
    });
    expect(d.body.text.length).toBeLessThanOrEqual(200);
  });

  it('thanks a 1st-degree connection by message (they are already connected)', () => {
    const d = draft(row({ Degree: '1st', Status: 'Call done' }));
    expect(d).toMatchObject({ type: 'thank-you', channel: 'Message', limits: { body: 8000 } });
  });

  it('points a scheduled call to the call guide', () => {
    const d = draft(row({ Status: 'Call scheduled' }));
    expect(d.advice.kind).toBe('call-guide');
    expect(d.suggestedType).toBeNull();
  });

  it('says why no time is proposed when your hours miss theirs, and leaves {{availability}} unfilled', () => {
    const d = draft(row({ Status: 'Replied', Location: 'Sydney, New South Wales, Australia' }));
    expect(d.timeZone).toBe('Australia/Sydney');
    expect(d.body.unfilled).toContain('availability');
    expect(d.availabilityNotice).toMatch(
      /^Your Availability \(Mon-Fri 09:00-18:00, Europe\/Paris\) does not overlap/,
    );
    expect(draft(row()).availabilityNotice).toBe('');
  });

  it('names an edited template kept under its old name', () => {
    const i = input(row());
    const mine = {
      name: 'First InMail',
      language: 'English',
      channel: 'InMail',
      subject: 'Hi',
      body: 'My own {{company}}',
    };
    const d = planDraft(
      { ...i, templates: [mine, ...i.templates] },
      contactOnRow(i.headers, i.cells, i.row, TZ)!,
      null,
      null,
    );
    expect(d.body.text).toBe('My own Acme');
    expect(d.templateNote).toMatch(/^Using your edited template “First InMail”/);
  });

  it('shows bad settings with the draft', () => {
    const i = { ...input(row()), settingProblems: ['Availability: "9 to 5" is not a day'] };
    expect(planDraft(i, contactOnRow(i.headers, i.cells, i.row, TZ)!, null, null).problems).toEqual([
      'Availability: "9 to 5" is not a day',
    ]);
  });
});

describe('templateFor', () => {
  it('uses the Templates row, else the built-in seed in that language', () => {
    const mine = {
      name: 'Thank-you note',
      language: 'English',
      channel: 'Message',
      subject: '',
      body: 'Mine',
    };
    expect(templateFor([mine], 'thank-you', 'English')).toEqual({
      template: mine,
      builtIn: false,
      legacy: false,
    });
    const builtIn = templateFor([], 'thank-you', 'Français');
    expect(builtIn.builtIn).toBe(true);
    expect(builtIn.template.language).toBe('Français');
    expect(builtIn.template.body).toMatch(/^Bonjour/);
    expect(builtIn.legacy).toBe(false);
  });
});

describe('a Mark as sent that stopped halfway', () => {
  const thanked = ['Acme', 'Analyst', 'Ann Lee', '1st', '', 'Call done', new Date(NOW), '', ''] as Cell[];
  const record: MarkSentRecord = {
    type: 'thank-you',
    at: NOW,
    from: 'Call done',
    to: 'Call done',
    by: 'Mark as sent: Thank-you + connection request',
    stamps: [{ header: 'Thanked on', at: NOW, was: 's' }],
    credit: null,
  };

  it('opens on that message with no warning to confirm, and says pressing Mark as sent finishes it', () => {
    const i = { ...input(thanked), unfinished: record };
    const d = planDraft(i, contactOnRow(i.headers, i.cells, i.row, TZ)!, null, null);
    expect(d.type).toBe('thank-you');
    expect(d.warnings).toEqual([]);
    expect(d.markSentHint).toBe(
      'Mark as sent of this Thank-you + connection request on 2026-03-10 stopped before it finished: press Mark as sent to finish recording it (nothing is recorded twice).',
    );
  });

  it('without its record, the same row warns that the message is already marked as sent', () => {
    expect(draft(thanked, 'thank-you').warnings).toEqual([
      'Already marked as sent: Thanked on is 2026-03-10.',
    ]);
  });

  it('keeps the warnings of another message', () => {
    const i = { ...input(thanked), unfinished: record };
    const d = planDraft(i, contactOnRow(i.headers, i.cells, i.row, TZ)!, 'first-message', null);
    expect(d.warnings.length).toBeGreaterThan(0);
    expect(d.markSentHint).toMatch(/^Mark as sent stamps Messaged on/);
  });
});

describe('planCreditUse', () => {
  it('takes one credit off a number, never below zero, and leaves a blank setting alone', () => {
    expect(
      planCreditUse([
        ['Your name', 'x'],
        ['InMail credits left', 12],
      ]),
    ).toEqual({ index: 1, from: 12, value: 11 });
    expect(planCreditUse([['InMail credits left', ' 3 ']])).toEqual({ index: 0, from: 3, value: 2 });
    expect(planCreditUse([['InMail credits left', 0]])).toEqual({ index: 0, from: 0, value: 0 });
    expect(planCreditUse([['InMail credits left', '']])).toBeNull();
    expect(planCreditUse([['InMail credits left', 'lots']])).toBeNull();
    expect(planCreditUse([['Your name', 'x']])).toBeNull();
  });
});

describe('planCallGuideSave', () => {
  it('writes Referral process (formula-escaped) and Apply on the job’s row only', () => {
    const jobs = { headers: JOBS.headers, rows: [['Globex', 'Dev', '', ''], ...JOBS.rows] };
    const plan = planCallGuideSave(jobs, { index: 1 }, '=form', 'After referral');
    expect(withPlan(jobs, plan).rows).toEqual([
      ['Globex', 'Dev', '', ''],
      ['Acme', 'Analyst', "'=form", 'After referral'],
    ]);
  });
});
