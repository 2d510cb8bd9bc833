// Title analysis and matching on real-looking LinkedIn titles, in English and French.

import { analyzeTitle, normalizeTitle, TITLE_WORDS, titleSimilarity } from '../../src/core/titles';

describe('titles', () => {
  describe('analyzeTitle', () => {
    it.each([
      ['Senior Data Scientist II', ['data', 'science'], 'senior'],
      ['Sr. Software Eng.', ['software', 'engineer'], 'senior'],
      ['SWE III @ Google | ex-Meta', ['software', 'engineer'], 'senior'],
      ['SDE II', ['software', 'engineer'], 'mid'],
      ['Software Engineer L5', ['software', 'engineer'], 'senior'],
      ['Staff Software Engineer', ['software', 'engineer'], 'lead'],
      ['Principal ML Engineer', ['ml', 'engineer'], 'lead'],
      ['Machine Learning Engineer', ['ml', 'engineer'], null],
      ['Data Analyst I', ['data', 'analyst'], 'entry'],
      ['Jr. QA Engineer', ['qa', 'engineer'], 'entry'],
      ['Engineering Manager', ['engineer'], 'manager'],
      ['Senior PM', ['product', 'manager'], 'senior'],
      ['Product Manager', ['product', 'manager'], null],
      ['Product Owner', ['product', 'owner'], null],
      ['Head of Product', ['product'], 'director'],
      ['Dir. of Marketing', ['marketing'], 'director'],
      ['VP of Engineering', ['engineer'], 'executive'],
      ['V.P. Sales', ['sales'], 'executive'],
      ['CTO & Co-founder', ['technology'], 'executive'],
      ['Chief Data Officer', ['data'], 'executive'],
      ['UX/UI Designer', ['ux', 'ui', 'designer'], null],
      ['SRE', ['sre', 'engineer'], null],
      ['Site Reliability Engineer', ['sre', 'engineer'], null],
      ['Member of Technical Staff', ['engineer'], null],
      ['Staff Accountant', ['accountant'], null],
      ['HR Business Partner', ['hr', 'business', 'partner'], null],
      ['Software Engineering Intern', ['software', 'engineer'], 'intern'],
      ['Associate Director, Data Science', ['data', 'science'], 'director'],
      // French
      ['Ingénieur logiciel senior', ['engineer', 'software'], 'senior'],
      ['Développeuse Full-Stack (H/F)', ['developer', 'fullstack'], null],
      ['Chef de projet digital', ['project', 'manager', 'digital'], null],
      ['Chef de produit', ['product', 'manager'], null],
      ['Stagiaire Data Science', ['data', 'science'], 'intern'],
      ['Alternant Data Analyst', ['data', 'analyst'], 'intern'],
      ['Data Scientist confirmé', ['data', 'science'], 'senior'],
      ['Ingénieur en science des données', ['engineer', 'data', 'science'], null],
      ['Scientifique des données junior', ['data', 'science'], 'entry'],
      ['Responsable RH', ['hr'], 'manager'],
      ['Directrice marketing', ['marketing'], 'director'],
      ['Directeur Général', [], 'executive'],
      ['Chargée de recrutement', ['recruit'], null],
      ['Ingénieure Machine Learning', ['engineer', 'ml'], null],
      ['Développeur back-end Java chez Doctolib', ['developer', 'backend', 'java'], null],
    ])('reads "%s" as function %j, seniority %s', (title, fn, seniority) => {
      const a = analyzeTitle(title);
      expect(a.functionTokens).toEqual(fn);
      expect(a.seniority).toBe(seniority);
    });

    it('removes accents, case and punctuation', () => {
      expect(normalizeTitle('  INGÉNIEUR — Développement, Logiciel!! ')).toBe(
        'ingenieur developpement logiciel',
      );
    });

    it('gives the same analysis whatever the case and punctuation', () => {
      expect(analyzeTitle('senior data scientist')).toEqual(analyzeTitle('SENIOR DATA-SCIENTIST'));
      expect(analyzeTitle('Sr Software Engineer')).toEqual(analyzeTitle('sr. software eng'));
    });

    it('handles blank and odd titles', () => {
      expect(analyzeTitle('')).toEqual({ functionTokens: [], seniority: null });
      expect(analyzeTitle('---')).toEqual({ functionTokens: [], seniority: null });
      expect(() => analyzeTitle(undefined as unknown as string)).not.toThrow();
    });
  });

  describe('titleSimilarity', () => {
    it.each([
      ['Senior Data Scientist II', 'Data Scientist'],
      ['Stagiaire Data Science', 'Data Scientist'],
      ['Ingénieur logiciel senior', 'Software Engineer'],
      ['Sr. Software Eng.', 'Software Engineer'],
      ['SWE II', 'Software Engineer'],
      ['SDE', 'Software Development Engineer'],
      ['Développeur Full Stack', 'Full Stack Developer'],
      ['Responsable marketing digital', 'Digital Marketing Manager'],
      ['Senior PM', 'Product Manager'],
      ['Chef de produit', 'Product Manager'],
      ['Chef de projet', 'Project Manager'],
      ['Ingénieure ML', 'Machine Learning Engineer'],
    ])('sees "%s" as the same function as "%s"', (title, job) => {
      expect(titleSimilarity(title, job)).toBe(1);
    });

    it.each([
      ['Software Developer', 'Software Engineer', 'Product Manager'],
      ['Ingénieur en science des données', 'Data Scientist', 'Data Engineer'],
      ['Data Analyst', 'Data Scientist', 'Comptable'],
      ['Machine Learning Engineer', 'Data Scientist', 'Office Manager'],
      ['Full Stack Developer', 'Software Engineer', 'Sales Engineer'],
      ['Engineering Manager', 'Software Engineer', 'Chef de projet digital'],
      ['Chef de projet digital', 'Project Manager', 'Software Engineer'],
    ])('sees "%s" as closer to "%s" than "%s" is', (title, job, other) => {
      expect(titleSimilarity(title, job)).toBeGreaterThan(titleSimilarity(other, job));
    });

    it('scores unrelated titles 0', () => {
      expect(titleSimilarity('Accountant', 'Software Engineer')).toBe(0);
      expect(titleSimilarity('Product Manager', 'Software Engineer')).toBe(0);
    });

    it('scores 0 when either side has no function words', () => {
      expect(titleSimilarity('', 'Data Scientist')).toBe(0);
      expect(titleSimilarity('Senior', 'Data Scientist')).toBe(0);
      expect(titleSimilarity('Data Scientist', '')).toBe(0);
    });

    it('accepts a precomputed analysis of the job', () => {
      const job = analyzeTitle('Data Scientist');
      expect(titleSimilarity('Lead Data Scientist', job)).toBe(1);
    });

    it('stays within 0..1', () => {
      for (const [a, b] of [
        ['Data Data Data', 'Data'],
        ['ML AI Data Science', 'Data Scientist'],
      ] as const) {
        const s = titleSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }
    });
  });

  describe('short forms (PRODUCT point 24)', () => {
    it.each([
      ['Quant', 'Quantitative'],
      ['Quant Analyst', 'Quantitative Analyst'],
      ['Senior Quant Developer', 'Quantitative Developer'],
      ['Analyste quantitatif', 'Quantitative Analyst'],
      ['Software Eng', 'Software Engineer'],
      ['Sr. Software Eng.', 'Software Engineer'],
      ['Java Dev', 'Java Developer'],
      ['Dév. back-end', 'Backend Developer'],
      ['Eng Mgr', 'Engineering Manager'],
      ['EM', 'Engineering Manager'],
      ['Marketing Mgr', 'Marketing Manager'],
      ['SWE', 'Software Engineer'],
      ['SWE II', 'Software Engineer'],
      ['PM', 'Product Manager'],
      ['Senior PM', 'Product Manager'],
      ['ML Engineer', 'Machine Learning Engineer'],
      ['MLE', 'Machine Learning Engineer'],
      ['DS', 'Data Scientist'],
      ['Senior DS', 'Data Science'],
      ['Ingé ML', 'Ingénieur Machine Learning'],
      ['Ingé logiciel', 'Software Engineer'],
      ['Dev Fullstack', 'Développeur Full Stack'],
      ['CDP digital', 'Chef de projet digital'],
      ['Resp. marketing', 'Responsable marketing'],
      ['Prod Manager', 'Product Manager'],
      ['Sysadmin', 'System Administrator'],
    ])('reads "%s" as the same function as "%s"', (short, long) => {
      // Same words, in any order (French puts them the other way round).
      expect([...analyzeTitle(short).functionTokens].sort()).toEqual(
        [...analyzeTitle(long).functionTokens].sort(),
      );
      expect(titleSimilarity(short, long)).toBe(1);
    });

    it('keeps seniority apart from the function: "Resp." is a manager, "DRH" a director', () => {
      expect(analyzeTitle('Resp. marketing').seniority).toBe('manager');
      expect(analyzeTitle('DRH')).toEqual({ functionTokens: ['hr'], seniority: 'director' });
      expect(analyzeTitle('RSSI')).toEqual({ functionTokens: ['security'], seniority: 'manager' });
    });

    it('relates "Head of Quant Research" to a Quantitative Analyst job', () => {
      expect(titleSimilarity('Head of Quant Research', 'Quantitative Analyst')).toBeGreaterThanOrEqual(0.45);
      expect(titleSimilarity('Head of Quant Research', 'Quantitative Analyst')).toBeGreaterThan(
        titleSimilarity('Head of Marketing', 'Quantitative Analyst'),
      );
    });

    it('has one table of short forms, every entry in lower case and accent-free', () => {
      for (const [short, long] of Object.entries(TITLE_WORDS)) {
        expect(short).toMatch(/^[a-z0-9]+$/);
        expect(long).toMatch(/^[a-z0-9 ]+$/);
      }
    });
  });
});
