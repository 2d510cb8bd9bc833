// What to ask on the 15-minute call (subjective questions, then the referral question) and what saving its notes writes to Jobs.

import type { Job } from './rows';
import { type ApplyChoice, J, type Language, SHEET } from './schema';
import type { Table, WritePlan } from './table';
import { type Cell, escapeFormula } from './values';

/** The call guide: the method's subjective questions and the referral question, per language. */
export const CALL_GUIDE: Record<Language, { questions: string[]; referral: string }> = {
  English: {
    questions: [
      'How did you come to join the company, and what do you enjoy most about working there?',
      'What does a typical week look like in your team?',
      'What makes someone successful in this kind of role there?',
      'How would you describe the culture and the way decisions are made?',
      'What do you wish you had known before joining?',
    ],
    referral:
      'After 10–15 minutes: “I’m applying for this role; would a referral from you help, and would you be comfortable giving one? How do referrals work at your company (a form, a CV sent to the recruiter)? Should I apply online before or after the referral?”',
  },
  Français: {
    questions: [
      'Comment avez-vous rejoint l’entreprise, et qu’est-ce qui vous plaît le plus dans votre travail ?',
      'À quoi ressemble une semaine type dans votre équipe ?',
      'Qu’est-ce qui fait réussir quelqu’un dans ce type de poste chez vous ?',
      'Comment décririez-vous la culture et la façon dont les décisions sont prises ?',
      'Qu’auriez-vous aimé savoir avant d’arriver ?',
    ],
    referral:
      'Après 10 à 15 minutes : « Je postule à ce poste ; une recommandation de votre part m’aiderait-elle, et seriez-vous à l’aise de la faire ? Comment fonctionnent les recommandations chez vous (formulaire, CV transmis au recruteur) ? Dois-je postuler en ligne avant ou après la recommandation ? »',
  },
};

/**
 * The write of Save call guide: Referral process (formula-escaped) and Apply on the job's row of
 * `jobs` (the table the job was parsed from).
 */
export function planCallGuideSave(
  jobs: Table,
  job: Pick<Job, 'index'>,
  referralProcess: string,
  apply: ApplyChoice,
): WritePlan {
  const at = (v: Cell) => {
    const values = new Array<Cell | undefined>(jobs.rows.length).fill(undefined);
    values[job.index] = v;
    return values;
  };
  return {
    sheet: SHEET.jobs,
    columns: [
      { header: J.referralProcess, values: at(escapeFormula(referralProcess)) },
      { header: J.apply, values: at(apply) },
    ],
  };
}
