// The daily digest email: nothing when nothing is due, a plain-text list otherwise.

import { dayFromYmd } from '../../src/core/dates';
import { buildDigest, DIGEST_MAX_ITEMS } from '../../src/core/digest';
import type { DueItem } from '../../src/core/followup-plan';

const D = dayFromYmd(2026, 3, 10);
const item = (over: Partial<DueItem> = {}): DueItem => ({
  sheet: 'Contacts',
  row: 2,
  company: 'Acme',
  name: 'Ann Lee',
  action: 'answer with your availability',
  due: D - 1,
  ...over,
});
const URL = 'https://docs.google.com/spreadsheets/d/abc/edit';

describe('buildDigest', () => {
  it('is null when nothing is overdue or due today', () => {
    expect(buildDigest([], [], 'Tracker', URL)).toBeNull();
  });

  it('lists overdue then due-today follow-ups with dates, rows and a link', () => {
    const d = buildDigest(
      [
        item(),
        item({
          sheet: 'Jobs',
          row: 5,
          company: 'Beta',
          name: 'Analyst',
          action: 'apply online now',
          due: D - 3,
        }),
      ],
      [item({ row: 9, name: 'Bob', action: 'prepare your questions', due: D })],
      'My search',
      URL,
    );
    expect(d?.subject).toBe('Referral follow-ups: 2 overdue, 1 due today — My search');
    const body = d?.body ?? '';
    expect(body).toContain(
      'Overdue (2):\n- Acme — Ann Lee: answer with your availability (due 2026-03-09; Contacts row 2)',
    );
    expect(body).toContain('- Beta — Analyst: apply online now (due 2026-03-07; Jobs row 5)');
    expect(body).toContain(
      'Due today (1):\n- Acme — Bob: prepare your questions (due 2026-03-10; Contacts row 9)',
    );
    expect(body.indexOf('Overdue')).toBeLessThan(body.indexOf('Due today'));
    expect(body).toContain(URL);
    expect(body).not.toMatch(/<[a-z]/i);
  });

  it('mentions only the sections that have items', () => {
    const d = buildDigest([], [item({ due: D })], 'T', URL);
    expect(d?.subject).toBe('Referral follow-ups: 1 due today — T');
    expect(d?.body).not.toContain('Overdue');
  });

  it('keeps the subject on one line and names an unnamed sheet', () => {
    const d = buildDigest([item()], [], 'Bad\r\nBcc: x@y.z', URL);
    expect(d?.subject).not.toMatch(/[\r\n]/);
    expect(buildDigest([item()], [], '', URL)?.subject).toContain('Referral tracker');
  });

  it('falls back to the sheet row when company and name are blank', () => {
    expect(buildDigest([item({ company: '', name: '' })], [], 'T', '')?.body).toContain(
      '- Contacts row 2: answer',
    );
  });

  it(`shows at most ${DIGEST_MAX_ITEMS} items per section`, () => {
    const many = Array.from({ length: DIGEST_MAX_ITEMS + 7 }, (_, i) => item({ row: i + 2 }));
    const body = buildDigest(many, [], 'T', URL)?.body ?? '';
    expect(body.match(/^- /gm)).toHaveLength(DIGEST_MAX_ITEMS);
    expect(body).toContain('…and 7 more');
    expect(body).toContain(`Overdue (${DIGEST_MAX_ITEMS + 7}):`);
  });
});
