// "Score candidates" as a change plan: Score, Rank, Pick, Why, Credits on Contacts and counts + Coverage on Jobs.

import { companyKey } from './companies';
import { laterTargetsSummary } from './connections';
import { creditsLeft as estimateCredits } from './credits';
import { dayOf } from './dates';
import { type Contact, type Job, jobIndex, parseContacts, parseJobs, type RowProblem } from './rows';
import { C, J, type Outcome, SHEET, type Status } from './schema';
import { type ContactScore, quoteUserText, scoreContact } from './scoring';
import { parseSettings, type SettingProblem } from './settings';
import { col, headerIndex, sameCell, type Table, type WritePlan } from './table';
import { plural, textKey } from './text';
import { analyzeTitle, type TitleAnalysis } from './titles';
import type { Cell } from './values';

/** What Score candidates reads. */
export interface ScoringInput {
  readonly contacts: Table;
  readonly jobs: Table;
  /** Settings rows `[Setting, Value, …]`; a leading `Setting | Value` header row is skipped. */
  readonly settingsRows: readonly (readonly Cell[])[];
  /** The spreadsheet's time zone ("today" is taken there). */
  readonly timeZone: string;
  /** Now, epoch ms. */
  readonly now: number;
  /** People just added to Contacts from Connections (later targets), per company, for the message. */
  readonly addedFromConnections?: readonly { readonly company: string; readonly added: number }[];
}

/** Figures for the message shown after scoring. */
export interface ScoringSummary {
  /** Rows that got a score. */
  readonly scored: number;
  /** Non-blank rows left without a score (bad cells, or Current = No). */
  readonly skipped: number;
  /** Bad cells, naming sheet row and column. */
  readonly problems: RowProblem[];
  /** People picked (✓), across companies. */
  readonly picks: number;
  /** Credits the picks still to contact would cost if credits were unlimited. */
  readonly creditsNeeded: number;
  /** Credits available (from Settings, or estimated). */
  readonly creditsLeft: number;
  /** Whether creditsLeft is an estimate (Settings "InMail credits left" blank). */
  readonly creditsEstimated: boolean;
  /** Would-be picks left out for lack of credits. */
  readonly leftOutForCredits: number;
  /** Bad Settings values (the default was used). */
  readonly settingProblems: SettingProblem[];
  /** Open jobs (not closed, nobody referred you yet) whose company has fewer picks than wanted. */
  readonly needsMore: readonly { readonly company: string; readonly job: string }[];
  /** Companies on Jobs that get no new picks: all jobs closed, or already referred. */
  readonly closedCompanies: number;
  readonly referredCompanies: number;
  /** People just added to Contacts from Connections, per target company. */
  readonly addedFromConnections: readonly { readonly company: string; readonly added: number }[];
  /** Rows whose Score, Rank, Why or Credits this run left to the next (see budgetScoring); 0 when done. */
  readonly rowsLeft: number;
}

/** The plan: writes to Contacts and Jobs, and a summary. */
export interface ScoringPlan {
  readonly contacts: WritePlan;
  readonly jobs: WritePlan;
  readonly summary: ScoringSummary;
}

/** The only Contacts columns Score candidates writes. */
export const SCORING_COLUMNS = [C.score, C.rank, C.pick, C.why, C.credits] as const;

/**
 * The Contacts columns Score candidates reads: what scoring, picks, credits and referrals use
 * (Profile URL to recognise people from Connections), and its own columns (to write only what
 * changed). Location, Time zone, Call on, Thanked on, Outcome shared on, Next action, Due and the
 * notes are not read, so a bad value there does not stop scoring.
 */
export const SCORING_READS: readonly string[] = [
  C.company,
  C.job,
  C.name,
  C.title,
  C.profileUrl,
  C.current,
  C.degree,
  C.premium,
  C.openProfile,
  C.sameSchool,
  C.inCommon,
  C.mutual,
  C.status,
  C.messagedOn,
  C.repliedOn,
  C.referredOn,
  ...SCORING_COLUMNS,
];
/** The only Jobs columns Score candidates writes. */
export const JOB_SCORING_COLUMNS = [J.contacts, J.picks, J.referrals, J.coverage] as const;

export const PICK_MARK = '✓';
const LEFT_OUT_WHY = 'would be a pick, but not enough InMail credits left';
/** Why someone to contact is not picked at a company whose jobs are all closed. */
export const JOB_CLOSED_WHY = 'job closed';
/** Why someone to contact is not picked where someone already referred you: "already referred at Acme". */
export const alreadyReferredWhy = (company: string): string => `already referred at ${company}`;

/** Outcomes that close a job (PRODUCT point 18). */
export const CLOSED_OUTCOMES: ReadonlySet<Outcome> = new Set<Outcome>(['Rejected', 'Withdrawn', 'Accepted']);

/** Whether a job is closed: its Outcome is Rejected, Withdrawn or Accepted (PRODUCT point 18). */
export function isClosed(job: Pick<Job, 'outcome'>): boolean {
  return job.outcome !== null && CLOSED_OUTCOMES.has(job.outcome);
}

/** Jobs' Coverage values (PRODUCT point 18). */
export type Coverage = 'ok' | 'needs more' | 'referred' | 'closed';

/**
 * Where a company stands for new picks: 'open' (a job still open and nobody referred you for it),
 * 'referred' (every open job has a referral), 'closed' (every job closed), 'untargeted' (no job
 * on Jobs: picked as PRODUCT point 5 says, without job rules).
 */
export type CompanyState = 'open' | 'referred' | 'closed' | 'untargeted';

/** Whether a contact has referred you (Status Referred, or a Referred on date). */
export function hasReferred(c: Pick<Contact, 'status' | 'referredOn'>): boolean {
  return c.status === 'Referred' || c.referredOn !== null;
}

/**
 * The state of each company on Jobs (by company key), from its jobs and the referrals of the
 * contacts linked to them (`referredJobs`: jobs someone referred you for).
 */
export function companyStates(
  jobs: readonly Job[],
  referredJobs: ReadonlySet<Job>,
): Map<string, { state: CompanyState; name: string }> {
  const by = new Map<string, { name: string; open: number; openUnreferred: number }>();
  for (const j of jobs) {
    const k = companyKey(j.company);
    if (!k) continue;
    const e = by.get(k) ?? { name: j.company, open: 0, openUnreferred: 0 };
    if (!isClosed(j)) {
      e.open++;
      if (!referredJobs.has(j)) e.openUnreferred++;
    }
    by.set(k, e);
  }
  const out = new Map<string, { state: CompanyState; name: string }>();
  for (const [k, e] of by) {
    const state: CompanyState = e.open === 0 ? 'closed' : e.openUnreferred === 0 ? 'referred' : 'open';
    out.set(k, { state, name: e.name });
  }
  return out;
}

const NOT_WORTH: ReadonlySet<Status> = new Set<Status>(['Declined', 'Skip', 'No reply']);
const ENGAGED: ReadonlySet<Status> = new Set<Status>([
  'Messaged',
  'Replied',
  'Call scheduled',
  'Call done',
  'Referred',
]);

interface Scored {
  readonly contact: Contact;
  readonly result: ContactScore;
}

/** Higher score first; on a tie, higher in the sheet first. */
function byRank(a: Scored, b: Scored): number {
  return (b.result.score ?? 0) - (a.result.score ?? 0) || a.contact.index - b.contact.index;
}

/** The people of one company, and whether it may get new picks. */
interface CompanyList {
  readonly list: Scored[];
  /** false when its jobs are all closed or already referred: engaged people only. */
  readonly newPicks: boolean;
}

interface CompanyPicks {
  /** Picks left after engaged people. */
  readonly slots: number;
  /** To contact candidates, best first. */
  readonly candidates: Scored[];
  readonly picked: Set<Scored>;
}

/**
 * Chooses picks per company, then, when credits cannot cover every paid pick still to contact,
 * re-chooses them: free contacts first, then one credit at a time where it adds the most expected
 * referrals (score) across all companies. Returns the picked set and the would-be picks left out.
 */
function choosePicks(
  companies: Map<string, CompanyList>,
  perCompany: number,
  credits: number,
): { picked: Set<Scored>; leftOut: Set<Scored>; creditsNeeded: number } {
  const picked = new Set<Scored>();
  const plans: CompanyPicks[] = [];
  let creditsNeeded = 0;
  for (const { list, newPicks } of companies.values()) {
    const worth = list.filter((s) => !NOT_WORTH.has(s.contact.status));
    const engaged = worth.filter((s) => ENGAGED.has(s.contact.status));
    const engagedPicks = engaged.slice(0, perCompany);
    for (const s of engagedPicks) picked.add(s);
    const slots = newPicks ? perCompany - engagedPicks.length : 0;
    const candidates = worth.filter((s) => s.contact.status === 'To contact');
    const ideal = new Set(candidates.slice(0, Math.max(0, slots)));
    for (const s of ideal) creditsNeeded += s.result.credits;
    plans.push({ slots, candidates, picked: ideal });
  }
  const leftOut = new Set<Scored>();
  if (creditsNeeded <= credits) {
    for (const p of plans) for (const s of p.picked) picked.add(s);
    return { picked, leftOut, creditsNeeded };
  }

  // Shortage: free contacts first, then spend credits greedily by expected value.
  interface State {
    readonly plan: CompanyPicks;
    readonly chosen: Scored[];
    readonly paid: Scored[];
    next: number;
  }
  const states: State[] = [];
  for (const plan of plans) {
    if (plan.slots <= 0) continue;
    const free = plan.candidates.filter((s) => s.result.credits === 0);
    const paid = plan.candidates.filter((s) => s.result.credits > 0);
    states.push({ plan, chosen: free.slice(0, plan.slots), paid, next: 0 });
  }
  const gainOf = (st: State): number => {
    const p = st.paid[st.next];
    if (!p) return 0;
    if (st.chosen.length < st.plan.slots) return p.result.expected;
    const worst = st.chosen[st.chosen.length - 1];
    return worst ? p.result.expected - worst.result.expected : 0;
  };
  let left = credits;
  while (left > 0) {
    let best: State | null = null;
    let bestGain = 0;
    for (const st of states) {
      const g = gainOf(st);
      if (g > bestGain) {
        best = st;
        bestGain = g;
      }
    }
    if (!best || bestGain <= 0) break;
    const p = best.paid[best.next++] as Scored;
    if (best.chosen.length >= best.plan.slots) best.chosen.pop();
    // Keep `chosen` best-first so the weakest is always last.
    best.chosen.push(p);
    best.chosen.sort(byRank);
    left--;
  }
  for (const st of states) {
    for (const s of st.chosen) picked.add(s);
    for (const s of st.plan.picked) if (!picked.has(s) && s.result.credits > 0) leftOut.add(s);
  }
  return { picked, leftOut, creditsNeeded };
}

function settingsRowsOf(rows: readonly (readonly Cell[])[]): {
  rows: readonly (readonly Cell[])[];
  firstRow: number;
} {
  const head = rows[0];
  if (head && textKey(head[0]) === 'setting') return { rows: rows.slice(1), firstRow: 2 };
  return { rows, firstRow: 2 };
}

function present(table: Table, headers: readonly string[]): string[] {
  const idx = headerIndex(table.headers);
  return headers.filter((h) => col(idx, h) >= 0);
}

/**
 * Plans "Score candidates". Contacts: Score, Rank (1 = best at the company; ties keep sheet
 * order), Pick (✓), Why, Credits for every non-blank row — nothing else, blank rows untouched
 * (`undefined`), values aligned with `contacts.rows`. Jobs: Contacts, Picks, Referrals, Coverage.
 * Companies are grouped by the company-name rule (core/companies). Pick follows PRODUCT points 5
 * and 18: a company whose jobs are all closed, or whose open jobs all have a referral, gets no new
 * picks and spends no credits (people already engaged keep their pick; Why says "job closed" or
 * "already referred at …"); when credits run short, see choosePicks. Never throws on bad cells:
 * they are named in Why and in the summary.
 */
export function planScoring(input: ScoringInput): ScoringPlan {
  const { contacts: contactsTable, jobs: jobsTable, timeZone, now } = input;
  const { rows: settingRows, firstRow } = settingsRowsOf(input.settingsRows ?? []);
  const { settings, problems: settingProblems } = parseSettings(settingRows, firstRow, timeZone);
  const today = dayOf(now, timeZone);
  const contacts = parseContacts(contactsTable, timeZone);
  const jobs = parseJobs(jobsTable, timeZone);
  const lookup = jobIndex(jobs);

  // Score every contact, analysing each target job title once.
  const titleCache = new Map<string, TitleAnalysis>();
  const targetOf = (title: string): TitleAnalysis | null => {
    if (!title.trim()) return null;
    let a = titleCache.get(title);
    if (!a) {
      a = analyzeTitle(title);
      titleCache.set(title, a);
    }
    return a;
  };
  const jobOf = new Map<Contact, Job | null>();
  const referredJobs = new Set<Job>();
  const all: Scored[] = [];
  const byCompany = new Map<string, Scored[]>();
  const problems: RowProblem[] = [];
  let scored = 0;
  let skipped = 0;
  for (const contact of contacts) {
    const job = lookup(contact);
    jobOf.set(contact, job);
    if (job && hasReferred(contact)) referredJobs.add(job);
    const result = scoreContact(contact, targetOf(job?.job ?? contact.job), settings);
    const s: Scored = { contact, result };
    all.push(s);
    problems.push(...result.problems);
    if (result.kind !== 'scored') {
      skipped++;
      continue;
    }
    scored++;
    const key = companyKey(contact.company);
    const list = byCompany.get(key);
    if (list) list.push(s);
    else byCompany.set(key, [s]);
  }

  // Rank within each company; companies whose jobs are closed or referred get no new picks.
  const states = companyStates(jobs, referredJobs);
  const rank = new Map<Scored, number>();
  const companies = new Map<string, CompanyList>();
  for (const [key, list] of byCompany) {
    list.sort(byRank);
    list.forEach((s, i) => {
      rank.set(s, i + 1);
    });
    const state = states.get(key)?.state ?? 'untargeted';
    companies.set(key, { list, newPicks: state === 'open' || state === 'untargeted' });
  }

  const credits = estimateCredits(contacts, settings, today);
  const { picked, leftOut, creditsNeeded } = choosePicks(companies, settings.picksPerCompany, credits.left);

  /** Why a scored person to contact is not picked at a company with no new picks, or ''. */
  const blockedWhy = (c: Contact): string => {
    if (c.status !== 'To contact') return '';
    const st = states.get(companyKey(c.company));
    if (st?.state === 'closed') return JOB_CLOSED_WHY;
    if (st?.state === 'referred') return alreadyReferredWhy(quoteUserText(st.name));
    return '';
  };

  // Contacts columns.
  const n = contactsTable.rows.length;
  const score: (Cell | undefined)[] = new Array(n).fill(undefined);
  const rankCol: (Cell | undefined)[] = new Array(n).fill(undefined);
  const pick: (Cell | undefined)[] = new Array(n).fill(undefined);
  const why: (Cell | undefined)[] = new Array(n).fill(undefined);
  const creditsCol: (Cell | undefined)[] = new Array(n).fill(undefined);
  const picksByCompany = new Map<string, number>();
  for (const s of all) {
    const i = s.contact.index;
    const r = s.result;
    const isPick = picked.has(s);
    if (isPick) {
      const key = companyKey(s.contact.company);
      picksByCompany.set(key, (picksByCompany.get(key) ?? 0) + 1);
    }
    score[i] = r.score ?? '';
    rankCol[i] = rank.get(s) ?? '';
    pick[i] = isPick ? PICK_MARK : '';
    const blocked = r.kind === 'scored' && !isPick ? blockedWhy(s.contact) : '';
    why[i] = leftOut.has(s) ? `${r.why}; ${LEFT_OUT_WHY}` : blocked ? `${r.why}; ${blocked}` : r.why;
    creditsCol[i] = r.kind === 'scored' ? r.credits : '';
  }
  const values: Record<string, (Cell | undefined)[]> = {
    [C.score]: score,
    [C.rank]: rankCol,
    [C.pick]: pick,
    [C.why]: why,
    [C.credits]: creditsCol,
  };
  const contactColumns = present(contactsTable, SCORING_COLUMNS).map((header) => ({
    header,
    values: values[header] as (Cell | undefined)[],
  }));

  // Jobs columns.
  const perJob = new Map<Job, { contacts: number; picks: number; referrals: number }>();
  for (const s of all) {
    const job = jobOf.get(s.contact);
    if (!job) continue;
    const t = perJob.get(job) ?? { contacts: 0, picks: 0, referrals: 0 };
    t.contacts++;
    if (picked.has(s)) t.picks++;
    if (hasReferred(s.contact)) t.referrals++;
    perJob.set(job, t);
  }
  const m = jobsTable.rows.length;
  const jobValues: Record<string, (Cell | undefined)[]> = {
    [J.contacts]: new Array(m).fill(undefined),
    [J.picks]: new Array(m).fill(undefined),
    [J.referrals]: new Array(m).fill(undefined),
    [J.coverage]: new Array(m).fill(undefined),
  };
  const needsMore: { company: string; job: string }[] = [];
  for (const job of jobs) {
    const t = perJob.get(job) ?? { contacts: 0, picks: 0, referrals: 0 };
    const i = job.index;
    (jobValues[J.contacts] as (Cell | undefined)[])[i] = t.contacts;
    (jobValues[J.picks] as (Cell | undefined)[])[i] = t.picks;
    (jobValues[J.referrals] as (Cell | undefined)[])[i] = t.referrals;
    const key = companyKey(job.company);
    let coverage: Coverage | '' = '';
    if (key) {
      if (isClosed(job)) coverage = 'closed';
      else if (referredJobs.has(job)) coverage = 'referred';
      else if ((picksByCompany.get(key) ?? 0) < settings.picksPerCompany) coverage = 'needs more';
      else coverage = 'ok';
    }
    if (coverage === 'needs more') needsMore.push({ company: job.company, job: job.job });
    (jobValues[J.coverage] as (Cell | undefined)[])[i] = coverage;
  }
  const jobColumns = present(jobsTable, JOB_SCORING_COLUMNS).map((header) => ({
    header,
    values: jobValues[header] as (Cell | undefined)[],
  }));
  const stateCount = (state: CompanyState) => [...states.values()].filter((x) => x.state === state).length;

  return {
    contacts: { sheet: SHEET.contacts, columns: contactColumns },
    jobs: { sheet: SHEET.jobs, columns: jobColumns },
    summary: {
      scored,
      skipped,
      problems,
      picks: picked.size,
      creditsNeeded,
      creditsLeft: credits.left,
      creditsEstimated: credits.estimated,
      leftOutForCredits: leftOut.size,
      settingProblems,
      needsMore,
      closedCompanies: stateCount('closed'),
      referredCompanies: stateCount('referred'),
      addedFromConnections: input.addedFromConnections ?? [],
      rowsLeft: 0,
    },
  };
}

/** What one run of Score candidates writes to Contacts, cut to a budget of cells (budgetScoring). */
export interface BudgetedScoring {
  /** Pick alone, every change whatever the budget: who to contact comes first. */
  readonly picks: WritePlan;
  /** Score, Rank, Why and Credits of the rows that change, from the top, as many as the budget allows. */
  readonly rest: WritePlan;
  /** Rows that change left for the next run (0: everything is written). */
  readonly rowsLeft: number;
}

/**
 * Cuts the Contacts plan of Score candidates to about `budget` cells written, as the whole-sheet
 * time target asks (issue 14: a first run on 50,000 people would write 200,000 cells). Cells that
 * already hold their planned value are not counted (a rerun writes only what is left). Pick comes
 * first, whole (the picks and the Jobs figures are computed from everyone, so they are right
 * now); then the other columns for the changed rows from the top, as long as the span from the
 * first changed row to the last one taken, times the columns, fits what is left — at least one
 * row, so each run makes progress. The plan is computed from the inputs alone, never from these
 * columns, so the next run plans the same and writes the rows left: reruns converge.
 */
export function budgetScoring(table: Table, plan: WritePlan, budget: number): BudgetedScoring {
  const idx = headerIndex(table.headers);
  const placed = plan.columns.filter((w) => w.values && col(idx, w.header) >= 0);
  const changes = (w: WritePlan['columns'][number], r: number): boolean => {
    const v = w.values?.[r];
    return v !== undefined && !sameCell(v, table.rows[r]?.[col(idx, w.header)]);
  };
  const isPick = (w: { header: string }) => textKey(w.header) === textKey(C.pick);
  const pickColumns = placed.filter(isPick);
  const others = placed.filter((w) => !isPick(w));
  const n = table.rows.length;
  let pickCells = 0;
  const rows: number[] = [];
  for (let r = 0; r < n; r++) {
    for (const w of pickColumns) if (changes(w, r)) pickCells++;
    if (others.some((w) => changes(w, r))) rows.push(r);
  }
  let taken = rows.length;
  if (taken > 0 && (rows[taken - 1]! - rows[0]! + 1) * others.length > budget - pickCells) {
    const span = Math.max(1, Math.floor((budget - pickCells) / others.length));
    taken = 1;
    while (taken < rows.length && rows[taken]! - rows[0]! < span) taken++;
  }
  const cut = taken < rows.length ? rows[taken]! : n;
  return {
    picks: { sheet: plan.sheet, columns: pickColumns },
    rest: {
      sheet: plan.sheet,
      columns: others.map((w) => ({ ...w, values: w.values!.map((v, r) => (r < cut ? v : undefined)) })),
    },
    rowsLeft: rows.length - taken,
  };
}

/** The closing message of Score candidates, in plain words, from the summary's figures. */
export function describeScoring(s: ScoringSummary): string {
  const lines = [
    laterTargetsSummary(s.addedFromConnections),
    `Scored ${plural(s.scored, 'person', 'people')}; ${s.picks} picked (✓).`,
    `InMail credits: the picks still to contact need ${s.creditsNeeded}; ${s.creditsLeft} left${s.creditsEstimated ? ' (estimated from your plan)' : ''}.`,
  ];
  if (s.leftOutForCredits > 0)
    lines.push(`${s.leftOutForCredits} would-be pick(s) left out for lack of credits (see Why).`);
  if (s.needsMore.length > 0) {
    const shown = s.needsMore.slice(0, 5).map((x) => `${x.company} — ${x.job}`);
    const more = s.needsMore.length > 5 ? `, …and ${s.needsMore.length - 5} more` : '';
    lines.push(
      `${plural(s.needsMore.length, 'open job needs', 'open jobs need')} more picks: ${shown.join(', ')}${more}. Add people at ${s.needsMore.length === 1 ? 'that company' : 'those companies'} to Contacts.`,
    );
  }
  const stopped = [
    s.closedCompanies > 0 ? `${plural(s.closedCompanies, 'company', 'companies')} with every job closed` : '',
    s.referredCompanies > 0
      ? `${plural(s.referredCompanies, 'company', 'companies')} where someone already referred you`
      : '',
  ].filter(Boolean);
  if (stopped.length > 0) lines.push(`No new picks at ${stopped.join(' or ')}.`);
  if (s.skipped > 0) lines.push(`${s.skipped} row(s) not scored: see the Why column.`);
  const shown = s.problems.slice(0, 5).map((p) => `Row ${p.row}, ${p.column}: ${p.problem}`);
  if (shown.length) lines.push(...shown, s.problems.length > 5 ? `…and ${s.problems.length - 5} more.` : '');
  if (s.settingProblems.length)
    lines.push(`Settings: ${s.settingProblems.map((p) => p.message).join('; ')} (defaults used).`);
  if (s.rowsLeft > 0)
    lines.push(
      `The picks are all marked; Score, Rank, Why and Credits of ${plural(s.rowsLeft, 'more row', 'more rows')} are left so this run stays within Google's time limit: run Score candidates again to finish.`,
    );
  return lines.filter(Boolean).join('\n');
}
