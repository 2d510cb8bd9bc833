// Scoring one contact: each property of issue 3 holds all else equal, with real-looking titles.

import type { Contact } from '../../src/core/rows';
import { scoreContact } from '../../src/core/scoring';
import { defaultSettings, type Settings } from '../../src/core/settings';
import type { Degree } from '../../src/core/values';
import { makeContact } from '../helpers/fixtures';

const contact = (over: Partial<Contact> = {}): Contact =>
  makeContact({
    job: 'Data Scientist',
    name: 'Marie Curie',
    title: 'Data Scientist',
    degree: 2,
    premium: false,
    openProfile: false,
    sameSchool: false,
    ...over,
  });

const settings: Settings = defaultSettings();
const job = { job: 'Data Scientist' };
const scoreOf = (over: Partial<Contact>, target: { job: string } | string | null = job, s = settings) =>
  scoreContact(contact(over), target, s);
const pts = (over: Partial<Contact>, target: { job: string } | string | null = job) =>
  scoreOf(over, target).score as number;

/** "All else" backgrounds the properties must hold against, from weakest to strongest. */
const BACKGROUNDS: Partial<Contact>[] = [];
for (const degree of [1, 2, 3, null] as (Degree | null)[])
  for (const premium of [true, false, null])
    for (const sameSchool of [true, false])
      for (const inCommon of [[], ['Python'], ['Python', 'Lyon', 'Rugby']])
        for (const title of [
          'Stagiaire Data Science',
          'Senior Data Scientist II',
          'Comptable',
          'VP Engineering',
          '',
        ])
          for (const current of [true, null])
            BACKGROUNDS.push({ degree, premium, sameSchool, inCommon, title, current });

describe('scoring', () => {
  it('gives a whole number from 0 to 100', () => {
    for (const b of BACKGROUNDS) {
      const s = pts(b);
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(100);
    }
  });

  it('ranks 1st > 2nd > 3rd = blank degree, all else equal, on every background', () => {
    for (const b of BACKGROUNDS) {
      expect(pts({ ...b, degree: 1 })).toBeGreaterThan(pts({ ...b, degree: 2 }));
      expect(pts({ ...b, degree: 2 })).toBeGreaterThan(pts({ ...b, degree: 3 }));
      expect(pts({ ...b, degree: 3 })).toBe(pts({ ...b, degree: null }));
    }
  });

  it('ranks Premium Yes above No, and same school Yes above No, on every background', () => {
    for (const b of BACKGROUNDS) {
      expect(pts({ ...b, premium: true })).toBeGreaterThan(pts({ ...b, premium: false }));
      expect(pts({ ...b, sameSchool: true })).toBeGreaterThan(pts({ ...b, sameSchool: false }));
    }
  });

  it('ranks more things in common above fewer (up to 5), on every background', () => {
    const items = ['Python', 'Lyon', 'Rugby', 'Erasmus', 'Chess'];
    for (const b of BACKGROUNDS)
      for (let n = 0; n < items.length; n++)
        expect(pts({ ...b, inCommon: items.slice(0, n + 1) })).toBeGreaterThan(
          pts({ ...b, inCommon: items.slice(0, n) }),
        );
  });

  it('ranks a 2nd-degree contact with a named mutual connection above one without', () => {
    for (const b of BACKGROUNDS) {
      if (b.degree === 1) continue;
      expect(pts({ ...b, mutual: 'Jean Dupont' })).toBeGreaterThan(pts({ ...b, mutual: '' }));
    }
  });

  it.each([
    ['Data Scientist', 'Senior Data Scientist II', 'Account Executive'],
    ['Data Scientist', 'Ingénieur en science des données', 'Chef de projet digital'],
    ['Software Engineer', 'Sr. Software Eng.', 'Product Manager'],
    ['Software Engineer', 'Ingénieur logiciel senior', 'Responsable RH'],
    ['Software Engineer', 'Développeur Full Stack', 'Comptable'],
    ['Chef de projet', 'Project Manager, Digital', 'Data Analyst'],
    ['Product Manager', 'Senior PM', 'Développeur backend'],
    ['Data Scientist', 'Stagiaire Data Science', 'Stagiaire RH'],
  ])('for job "%s" ranks "%s" above the unrelated "%s"', (target, close, far) => {
    for (const b of BACKGROUNDS) {
      expect(pts({ ...b, title: close }, { job: target })).toBeGreaterThan(
        pts({ ...b, title: far }, { job: target }),
      );
    }
  });

  it.each([
    ['Data Scientist', 'Senior Data Scientist', 'Junior Data Scientist'],
    ['Data Scientist', 'Lead Data Scientist', 'Stagiaire Data Science'],
    ['Data Scientist', 'Data Science Manager', 'Data Scientist Intern'],
    ['Software Engineer', 'Staff Software Engineer', 'Jr. Software Engineer'],
    ['Software Engineer', 'Ingénieur logiciel confirmé', 'Ingénieur logiciel junior'],
    ['Software Engineer', 'Engineering Manager, Software', 'Graduate Software Engineer'],
    ['Chef de projet', 'Chef de projet senior', 'Alternant chef de projet'],
  ])('for job "%s" ranks "%s" above the entry-level "%s"', (target, senior, entry) => {
    for (const b of BACKGROUNDS) {
      if (b.title) continue;
      expect(pts({ ...b, title: senior }, { job: target })).toBeGreaterThan(
        pts({ ...b, title: entry }, { job: target }),
      );
    }
  });

  it('lowers the score of executives, who answer strangers less often', () => {
    const exec = scoreOf({ title: 'Chief Data Officer' });
    const director = scoreOf({ title: 'Director of Data Science' });
    expect(exec.why).toContain('executive');
    expect(exec.chance).toBeLessThan(director.chance);
  });

  it('does not score someone no longer at the company, and says so', () => {
    const r = scoreOf({ current: false, company: 'Doctolib' });
    expect(r.kind).toBe('not-current');
    expect(r.score).toBeNull();
    expect(r.why).toBe('not at Doctolib now');
  });

  it('scores a blank Current but asks to check they still work there', () => {
    const r = scoreOf({ current: null });
    expect(r.score).toEqual(scoreOf({ current: true }).score);
    expect(r.why).toContain('check they still work there');
  });

  it('explains the score in short plain English', () => {
    const r = scoreOf({ degree: 1, sameSchool: true, title: 'Senior Data Scientist' });
    expect(r.why).toBe('1st-degree; same school; title matches the job; senior');
    const r2 = scoreOf({
      degree: 2,
      mutual: 'Jean Dupont',
      premium: true,
      inCommon: ['Python', 'Lyon'],
      title: '',
    });
    expect(r2.why).toBe('2nd-degree; mutual: Jean Dupont; Premium; 2 things in common; no title');
  });

  it('does not score a row with problems and names the column', () => {
    const r = scoreOf({
      degree: null,
      problems: [{ row: 7, column: 'Degree', problem: '"4th" is not a degree (1st, 2nd, 3rd)' }],
    });
    expect(r.kind).toBe('problem');
    expect(r.score).toBeNull();
    expect(r.why).toBe('Degree: "4th" is not a degree (1st, 2nd, 3rd)');
    const missing = scoreOf({ name: '', problems: [{ row: 3, column: 'Name', problem: 'Name is missing' }] });
    expect(missing.why).toBe('Name is missing');
  });

  it('formula-escapes user text copied into Why', () => {
    expect(scoreOf({ current: false, company: '=IMPORTXML("x")' }).why).toBe(`not at '=IMPORTXML("x") now`);
    expect(scoreOf({ mutual: '+33 6 12 34 56 78' }).why).toContain(`mutual: '+33`);
  });

  it('costs no credit for a 1st-degree or an Open Profile, else one', () => {
    expect(scoreOf({ degree: 1 }).credits).toBe(0);
    expect(scoreOf({ degree: 2, openProfile: true }).credits).toBe(0);
    expect(scoreOf({ degree: 2 }).credits).toBe(1);
    expect(scoreOf({ degree: null }).credits).toBe(1);
  });

  it('uses a neutral title match when there is no target job', () => {
    const r = scoreOf({ title: 'Data Scientist' }, null);
    expect(r.why).toContain('no target job');
    expect(r.score).toBeGreaterThan(0);
  });

  it('follows tuned weights from Settings', () => {
    const noSchool = { ...settings, weights: { ...settings.weights, sameSchool: 0 } };
    expect(scoreOf({ sameSchool: true }, job, noSchool).score).toBe(
      scoreOf({ sameSchool: false }, job, noSchool).score,
    );
    const zero = {
      ...settings,
      weights: Object.fromEntries(Object.keys(settings.weights).map((k) => [k, 0])) as Settings['weights'],
    };
    expect(scoreOf({ degree: 1 }, job, zero).score).toBe(scoreOf({ degree: 3 }, job, zero).score);
  });

  it('never throws on odd values', () => {
    const odd = contact({
      title: undefined as unknown as string,
      inCommon: undefined as unknown as string[],
    });
    expect(() => scoreContact(odd, { job: 'x' }, settings)).not.toThrow();
    expect(() => scoreContact(contact(), 42 as unknown as string, settings)).not.toThrow();
  });
});
