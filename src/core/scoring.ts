// Scores one contact for one target job: chance they answer × how much their referral counts, with a plain Why.

import { creditsFor } from './credits';
import type { Contact, RowProblem } from './rows';
import type { Settings } from './settings';
import { analyzeTitle, type Seniority, type TitleAnalysis, titleSimilarity } from './titles';
import { escapeFormula } from './values';
import type { Weights } from './weights';

/** Chance points everyone starts with: a stranger with nothing in common still answers sometimes. */
export const BASE_CHANCE = 15;
/** Value points everyone starts with: any employee can refer you. */
export const BASE_VALUE = 40;
/** In common items counted at most. */
export const MAX_IN_COMMON = 5;
/** Title similarity assumed when there is no target job to compare with. */
export const UNKNOWN_TITLE_MATCH = 0.5;

/** Share of the Seniority weight each level earns (null: no seniority word, read as mid-level). */
export const SENIORITY_LEVEL: Readonly<Record<Seniority, number>> = {
  intern: 0,
  entry: 0.25,
  mid: 0.5,
  senior: 0.8,
  lead: 1,
  manager: 1,
  director: 1,
  executive: 1,
};

/** What scoring one contact gives. */
export interface ContactScore {
  /** 'scored'; 'not-current' (Current = No); 'problem' (a bad cell, see problems). */
  readonly kind: 'scored' | 'not-current' | 'problem';
  /** 0–100, or null when not scored. */
  readonly score: number | null;
  /** chance × value, 0–1 unrounded: the expected share of a referral (0 when not scored). */
  readonly expected: number;
  /** Relative chance they answer, 0–1. */
  readonly chance: number;
  /** How much their referral counts, 0–1. */
  readonly value: number;
  /** Title similarity to the target job, 0–1 (null: no job or no title to compare). */
  readonly titleMatch: number | null;
  readonly seniority: Seniority | null;
  /** InMail credits it costs to message them. */
  readonly credits: 0 | 1;
  /** The reasons, in order, each a few words. */
  readonly reasons: readonly string[];
  /** Plain-English reason, formula-escaped, ready for the Why cell. */
  readonly why: string;
  readonly problems: readonly RowProblem[];
}

/** The target job: a Jobs row (its `job` title), a title, or a precomputed title analysis. */
export type TargetJob = { readonly job: string } | string | TitleAnalysis | null;

/** Longest piece of user text copied into Why. */
const MAX_COPIED = 60;

/** User text made safe and short for Why. */
export function quoteUserText(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return escapeFormula(t.length > MAX_COPIED ? `${t.slice(0, MAX_COPIED - 1)}…` : t);
}

/** One problem in plain words, naming its column ("Degree: "4th" is not a degree (1st, 2nd, 3rd)"). */
export function describeProblem(p: RowProblem): string {
  const text = p.problem.toLowerCase().startsWith(p.column.toLowerCase())
    ? p.problem
    : `${p.column}: ${p.problem}`;
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function targetAnalysis(job: TargetJob): TitleAnalysis | null {
  if (typeof job === 'string') return job.trim() ? analyzeTitle(job) : null;
  if (job === null || typeof job !== 'object') return null;
  if ('functionTokens' in job) return job;
  return typeof job.job === 'string' && job.job.trim() ? analyzeTitle(job.job) : null;
}

function num(w: Weights, key: keyof Weights): number {
  const v = w[key];
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
}

const SENIORITY_WORDS: Readonly<Record<Seniority, string>> = {
  intern: 'intern',
  entry: 'entry-level',
  mid: '',
  senior: 'senior',
  lead: 'lead',
  manager: 'manager',
  director: 'director',
  executive: 'executive (answers less often)',
};

function titleWords(match: number | null, hasTitle: boolean, hasJob: boolean): string {
  if (!hasTitle) return 'no title';
  if (!hasJob || match === null) return 'no target job to compare the title with';
  if (match >= 0.8) return 'title matches the job';
  if (match >= 0.45) return 'title close to the job';
  if (match > 0) return 'title loosely related to the job';
  return 'title unrelated to the job';
}

function notScored(
  kind: 'not-current' | 'problem',
  contact: Contact,
  why: string,
  problems: readonly RowProblem[],
): ContactScore {
  return {
    kind,
    score: null,
    expected: 0,
    chance: 0,
    value: 0,
    titleMatch: null,
    seniority: null,
    credits: creditsFor(contact),
    reasons: [why],
    why: escapeFormula(why),
    problems,
  };
}

/**
 * Scores a contact for a target job. Never throws.
 *
 * - A row with problems (see rows.ts) is not scored; Why names each problem and its column.
 * - Current = No is not scored; Why says "not at <Company> now".
 * - Otherwise Score = round(100 × chance × value):
 *   chance = (15 + degree + Premium + same school + in common × up to 5 + mutual) / the most
 *   possible, less the executive penalty (percent) for VPs, C-level and founders;
 *   value = (40 + title match × similarity + seniority × level × (¼ + ¾ × similarity)) / the most
 *   possible, so seniority counts in full only within the job's function.
 *   Current blank adds "check they still work there" to Why.
 */
export function scoreContact(contact: Contact, job: TargetJob, settings: Settings): ContactScore {
  try {
    return score(contact, job, settings);
  } catch (e) {
    const why = `could not score this row (${e instanceof Error ? e.message : String(e)})`;
    return notScored('problem', contact, why.slice(0, 200), []);
  }
}

function score(contact: Contact, job: TargetJob, settings: Settings): ContactScore {
  const problems = contact.problems ?? [];
  if (problems.length > 0) {
    return notScored('problem', contact, problems.map(describeProblem).join('; '), problems);
  }
  if (contact.current === false) {
    return notScored(
      'not-current',
      contact,
      `not at ${quoteUserText(contact.company) || 'the company'} now`,
      [],
    );
  }
  const w = settings.weights;
  const reasons: string[] = [];

  // Chance they answer.
  const degreeMax = Math.max(num(w, 'degree1'), num(w, 'degree2'));
  const maxChance =
    BASE_CHANCE +
    degreeMax +
    num(w, 'premium') +
    num(w, 'sameSchool') +
    MAX_IN_COMMON * num(w, 'inCommon') +
    num(w, 'mutual');
  let chancePoints = BASE_CHANCE;
  if (contact.degree === 1) {
    chancePoints += num(w, 'degree1');
    reasons.push('1st-degree');
  } else if (contact.degree === 2) {
    chancePoints += num(w, 'degree2');
    reasons.push('2nd-degree');
  } else if (contact.degree === 3) reasons.push('3rd-degree');
  else reasons.push('degree unknown');
  const mutual = contact.mutual?.trim() ?? '';
  if (mutual && contact.degree !== 1) {
    chancePoints += num(w, 'mutual');
    reasons.push(`mutual: ${quoteUserText(mutual)}`);
  }
  if (contact.premium === true) {
    chancePoints += num(w, 'premium');
    reasons.push('Premium');
  }
  if (contact.openProfile === true && contact.degree !== 1) reasons.push('Open Profile (free to message)');
  if (contact.sameSchool === true) {
    chancePoints += num(w, 'sameSchool');
    reasons.push('same school');
  }
  const common = Math.min(contact.inCommon?.length ?? 0, MAX_IN_COMMON);
  if (common > 0) {
    chancePoints += common * num(w, 'inCommon');
    reasons.push(common === 1 ? '1 thing in common' : `${common} things in common`);
  }
  const title = analyzeTitle(contact.title ?? '');
  const executive = title.seniority === 'executive';
  const penalty = executive ? Math.min(num(w, 'executive'), 90) / 100 : 0;
  const chance = (chancePoints / maxChance) * (1 - penalty);

  // How much their referral counts.
  const target = targetAnalysis(job);
  const hasTitle = (contact.title ?? '').trim() !== '';
  let match: number | null = null;
  if (target && hasTitle) match = titleSimilarity(title, target);
  const similarity = match ?? (target ? 0 : UNKNOWN_TITLE_MATCH);
  const level = SENIORITY_LEVEL[title.seniority ?? 'mid'];
  const maxValue = BASE_VALUE + num(w, 'titleMatch') + num(w, 'seniority');
  const valuePoints =
    BASE_VALUE + num(w, 'titleMatch') * similarity + num(w, 'seniority') * level * (0.25 + 0.75 * similarity);
  const value = valuePoints / maxValue;
  reasons.push(titleWords(match, hasTitle, target !== null));
  const seniorityWord = title.seniority ? SENIORITY_WORDS[title.seniority] : '';
  if (seniorityWord) reasons.push(seniorityWord);
  if (contact.current === null) reasons.push('check they still work there');

  const expected = Math.max(0, Math.min(1, chance * value));
  const points = Math.max(0, Math.min(100, Math.round(100 * expected)));
  const why = reasons.join('; ');
  return {
    kind: 'scored',
    score: points,
    expected,
    chance,
    value,
    titleMatch: match,
    seniority: title.seniority,
    credits: creditsFor(contact),
    reasons,
    why: escapeFormula(why),
    problems: [],
  };
}
