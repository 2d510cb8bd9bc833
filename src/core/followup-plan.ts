// Turns Contacts, Jobs and Settings into a write plan for Next action, Due and their fills:
// every row (Refresh follow-ups, the daily run) or only the rows an edit affects (onEdit, Mark as sent).

import { companyKey, LEGAL_SUFFIXES } from './companies';
import { creditsLeft } from './credits';
import { type Day, dayOf, midnightOf } from './dates';
import {
  type FollowUp,
  fillFor,
  isAccepted,
  latestAccepted,
  nextActionForContact,
  nextActionForJob,
} from './followups';
import { type Contact, type Job, jobIndex, parseContacts, parseJobs } from './rows';
import { C, CONTACT_DATES, J, SHEET } from './schema';
import { parseSettings, type Settings } from './settings';
import { type ColumnWrite, col, headerIndex, type Table, type WritePlan } from './table';
import { textKey } from './text';
import { picksToContact, type TrialUse, total, trialJobAction, trialUse } from './trial';
import type { Cell } from './values';

/** One follow-up that is overdue or due today, for the digest and the dashboard. */
export interface DueItem {
  /** 'Contacts' or 'Jobs'. */
  readonly sheet: string;
  /** 1-based sheet row. */
  readonly row: number;
  readonly company: string;
  /** The person's name (Contacts) or the job title (Jobs). */
  readonly name: string;
  readonly action: string;
  readonly due: Day;
}

/**
 * Rows of a sheet as read: the header row and some data rows. `rowNumbers[i]` is the sheet row
 * (1-based) of `rows[i]`; without it the rows are the whole sheet from row 2.
 */
export interface SheetRows extends Table {
  readonly rowNumbers?: readonly number[];
}

/** The sheet row of `rows[i]`. */
export function rowNumberAt(t: SheetRows, i: number): number {
  return t.rowNumbers ? (t.rowNumbers[i] ?? i + 2) : i + 2;
}

/**
 * The Contacts columns the follow-up rules read, and Next action and Due themselves (to write only
 * what changes): a whole-sheet refresh reads these columns only (see followUpReads).
 */
export const FOLLOW_UP_READS: readonly string[] = [
  C.company,
  C.job,
  C.name,
  C.status,
  ...CONTACT_DATES,
  C.nextAction,
  C.due,
];

/** What the Premium trial reminder reads besides: picks still to contact, and what a credit costs. */
const TRIAL_READS: readonly string[] = [C.pick, C.degree, C.openProfile];

/** The Contacts columns a refresh reads: FOLLOW_UP_READS, and TRIAL_READS while the trial reminder shows. */
export function followUpReads(
  settingsRows: readonly (readonly Cell[])[],
  timeZone: string,
  now: number,
): string[] {
  const { settings } = parseSettings(settingsRows, 2, timeZone);
  const trial = trialUse(settings, dayOf(now, timeZone), 0, 0) !== null;
  return trial ? [...FOLLOW_UP_READS, ...TRIAL_READS] : [...FOLLOW_UP_READS];
}

/** What planFollowUps reads. */
export interface FollowUpInput {
  readonly contacts: Table;
  readonly jobs: Table;
  /** Settings rows as read (the header row may be included: unknown names are ignored). */
  readonly settingsRows: readonly (readonly Cell[])[];
  readonly timeZone: string;
  /** The current instant (ms). */
  readonly now: number;
  /**
   * 0-based Contacts data rows to recompute; Jobs are then left alone. Kept for callers that
   * have not moved to planAffected, which also recomputes the Jobs rows of the edited contacts.
   */
  readonly onlyRows?: readonly number[];
}

/** What planFollowUps decides. */
export interface FollowUpPlan {
  readonly contacts: WritePlan;
  /** null when onlyRows was given. */
  readonly jobs: WritePlan | null;
  readonly overdue: DueItem[];
  readonly dueToday: DueItem[];
  /** The Premium trial reminder (PRODUCT point 22) on a full refresh, else null. */
  readonly trial: TrialUse | null;
}

/** Per-row results collected into the two columns of a sheet. */
class ColumnsBuilder {
  readonly actions: (Cell | undefined)[];
  readonly dues: (Cell | undefined)[];
  readonly fills: (string | null | undefined)[];
  private readonly midnight = new Map<Day, Date>();

  constructor(
    size: number,
    private readonly timeZone: string,
    private readonly today: Day,
  ) {
    this.actions = new Array<Cell | undefined>(size).fill(undefined);
    this.dues = new Array<Cell | undefined>(size).fill(undefined);
    this.fills = new Array<string | null | undefined>(size).fill(undefined);
  }

  /** Records a row's follow-up ('' and no fill when none); returns its fill. */
  set(index: number, f: FollowUp | null): string | null {
    if (f === null) {
      this.actions[index] = '';
      this.dues[index] = '';
      this.fills[index] = null;
      return null;
    }
    let date = this.midnight.get(f.due);
    if (!date) {
      date = new Date(midnightOf(f.due, this.timeZone));
      this.midnight.set(f.due, date);
    }
    const fill = fillFor(f.due, this.today);
    this.actions[index] = f.action;
    // Each cell gets its own Date, so a caller mutating one cannot change another.
    this.dues[index] = new Date(date.getTime());
    this.fills[index] = fill;
    return fill;
  }

  /** Only the columns the table has (a missing header is not written; Set up tracker adds it). */
  plan(sheet: string, headers: readonly string[], actionHeader: string, dueHeader: string): WritePlan {
    const idx = headerIndex(headers);
    const columns: ColumnWrite[] = [];
    if (col(idx, actionHeader) >= 0)
      columns.push({ header: actionHeader, values: this.actions, backgrounds: this.fills });
    if (col(idx, dueHeader) >= 0)
      columns.push({ header: dueHeader, values: this.dues, backgrounds: this.fills });
    return { sheet, columns };
  }
}

/** Contacts and Jobs parsed once, with the links the rules follow. */
class World {
  readonly settings: Settings;
  readonly today: Day;
  readonly contacts: Contact[];
  readonly jobs: Job[];
  readonly jobOf: (c: Contact) => Job | null;
  private byJobMemo: Map<Job, Contact[]> | null = null;
  /** Everyone with Referred on, at any company. */
  readonly referrers: Contact[];
  /** The offer accepted last (every referrer hears of it), or null. */
  readonly accepted: Job | null;
  /** Picks still to contact per company key, from the contacts given. */
  private readonly picks: Map<string, number>;
  /** The Premium trial reminder (core/trial), or null outside its last days. */
  readonly trial: TrialUse | null;

  /** `credits`: InMail credits left, when the contacts given are not the whole sheet (see trialCredits). */
  constructor(
    contactTable: SheetRows,
    jobs: SheetRows,
    settingsRows: readonly (readonly Cell[])[],
    readonly timeZone: string,
    readonly now: number,
    credits?: number,
  ) {
    this.settings = parseSettings(settingsRows, 2, timeZone).settings;
    this.today = dayOf(now, timeZone);
    this.contacts = withRowNumbers(contactTable, parseContacts(contactTable, timeZone));
    this.jobs = withRowNumbers(jobs, parseJobs(jobs, timeZone));
    this.jobOf = jobIndex(this.jobs);
    this.referrers = this.contacts.filter((c) => c.referredOn !== null);
    this.accepted = latestAccepted(this.jobs);
    this.picks = picksToContact(contactTable, this.contacts);
    const left = credits ?? creditsLeft(this.contacts, this.settings, this.today).left;
    this.trial = trialUse(this.settings, this.today, left, total(this.picks));
  }

  /** The contacts of each job. */
  get byJob(): Map<Job, Contact[]> {
    if (this.byJobMemo) return this.byJobMemo;
    const m = new Map<Job, Contact[]>();
    for (const c of this.contacts) {
      const job = this.jobOf(c);
      if (!job) continue;
      const list = m.get(job);
      if (list) list.push(c);
      else m.set(job, [c]);
    }
    this.byJobMemo = m;
    return m;
  }

  contactFollowUp(c: Contact): FollowUp | null {
    return nextActionForContact(c, this.jobOf(c), this.settings, this.now, this.timeZone, this.accepted);
  }

  jobFollowUp(j: Job): FollowUp | null {
    // Premium trial: open jobs with picks still to contact say what is left to use (core/trial).
    const here = this.trial ? (this.picks.get(companyKey(j.company)) ?? 0) : 0;
    const extra =
      this.trial && here > 0 ? { action: trialJobAction(this.trial, here), due: this.trial.endsOn } : null;
    const referrers = isAccepted(j) ? this.referrers : undefined;
    const contacts = this.byJob.get(j) ?? [];
    return nextActionForJob(j, contacts, this.settings, this.now, this.timeZone, extra, referrers);
  }
}

/** Parsed rows carry their sheet row (and keep `index` as the position in the given rows). */
function withRowNumbers<T extends { index: number; row: number }>(t: SheetRows, parsed: T[]): T[] {
  if (!t.rowNumbers) return parsed;
  return parsed.map((x) => ({ ...x, row: rowNumberAt(t, x.index) }));
}

/** The rows of `table` at `indexes` (deduplicated, in range), as a smaller table plus their original indexes. */
function subTable(table: Table, indexes: readonly number[]): { table: SheetRows; original: number[] } {
  const original = [...new Set(indexes)].filter(
    (i) => Number.isInteger(i) && i >= 0 && i < table.rows.length,
  );
  original.sort((a, b) => a - b);
  return {
    table: {
      headers: table.headers,
      rows: original.map((i) => table.rows[i]!),
      rowNumbers: original.map((i) => i + 2),
    },
    original,
  };
}

/** Collects due items of both sheets, sorted earliest first. */
class DueLists {
  readonly overdue: DueItem[] = [];
  readonly dueToday: DueItem[] = [];
  constructor(private readonly today: Day) {}
  note(sheet: string, row: number, company: string, name: string, f: FollowUp | null, fill: string | null) {
    if (f === null || fill === null) return;
    const item: DueItem = { sheet, row, company, name, action: f.action, due: f.due };
    if (f.due < this.today) this.overdue.push(item);
    else this.dueToday.push(item);
  }
  sorted(): { overdue: DueItem[]; dueToday: DueItem[] } {
    const byDue = (a: DueItem, b: DueItem) =>
      a.due - b.due || a.sheet.localeCompare(b.sheet) || a.row - b.row;
    return { overdue: this.overdue.sort(byDue), dueToday: this.dueToday.sort(byDue) };
  }
}

/**
 * Plans Next action and Due (values and fills) for Contacts and, on a full refresh, Jobs.
 * Only those two columns are in the plan; blank rows are left untouched (undefined); a row
 * with no follow-up gets '' and no fill. Due is a Date at midnight of the due day in the
 * spreadsheet's time zone. Rows with bad cells still get what can be computed from the rest.
 * With `onlyRows`, only those Contacts rows are computed (others undefined) and jobs is null.
 * O(contacts + jobs).
 */
export function planFollowUps(input: FollowUpInput): FollowUpPlan {
  const { timeZone, now } = input;
  if (input.onlyRows) {
    const sub = subTable(input.contacts, input.onlyRows);
    const world = new World(sub.table, input.jobs, input.settingsRows, timeZone, now);
    const cols = new ColumnsBuilder(input.contacts.rows.length, timeZone, world.today);
    const due = new DueLists(world.today);
    for (const c of world.contacts) {
      const f = world.contactFollowUp(c);
      due.note(SHEET.contacts, c.row, c.company, c.name, f, cols.set(sub.original[c.index]!, f));
    }
    return {
      contacts: cols.plan(SHEET.contacts, input.contacts.headers, C.nextAction, C.due),
      jobs: null,
      ...due.sorted(),
      trial: null,
    };
  }
  const world = new World(input.contacts, input.jobs, input.settingsRows, timeZone, now);
  const due = new DueLists(world.today);
  const contactCols = new ColumnsBuilder(input.contacts.rows.length, timeZone, world.today);
  for (const c of world.contacts) {
    const f = world.contactFollowUp(c);
    due.note(SHEET.contacts, c.row, c.company, c.name, f, contactCols.set(c.index, f));
  }
  const jobCols = new ColumnsBuilder(input.jobs.rows.length, timeZone, world.today);
  for (const j of world.jobs) {
    const f = world.jobFollowUp(j);
    due.note(SHEET.jobs, j.row, j.company, j.job, f, jobCols.set(j.index, f));
  }
  return {
    contacts: contactCols.plan(SHEET.contacts, input.contacts.headers, C.nextAction, C.due),
    jobs: jobCols.plan(SHEET.jobs, input.jobs.headers, J.nextAction, J.due),
    ...due.sorted(),
    trial: world.trial,
  };
}

// ---------------------------------------------------------------- live recompute of a few rows

/** What planAffected reads: the rows an edit touched and the rows their follow-ups depend on. */
export interface AffectedInput {
  /**
   * Contacts rows read: the changed rows and every row of the companies involved (see
   * affectedCompanies); with `everyReferrer`, also every row with Referred on.
   */
  readonly contacts: SheetRows;
  /** Jobs rows read: every row of the companies involved; with `everyReferrer`, every Accepted job too. */
  readonly jobs: SheetRows;
  readonly settingsRows: readonly (readonly Cell[])[];
  readonly timeZone: string;
  readonly now: number;
  /** Sheet rows of Contacts whose Status, dates (or anything a rule reads) changed. */
  readonly changedContacts?: readonly number[];
  /** Sheet rows of Jobs whose Apply, Applied on, Outcome or Outcome on changed. */
  readonly changedJobs?: readonly number[];
  /**
   * Also recompute every referrer and every Accepted job: an accepted offer concerns every
   * referrer, at any company, so a change to an Outcome, or to a referrer while an offer is
   * accepted, changes their advice (see needsEveryReferrer).
   */
  readonly everyReferrer?: boolean;
  /**
   * InMail credits left across the whole sheet, for the Premium trial reminder on recomputed jobs
   * (see trialCredits); needed only while that reminder shows and the credits are not in Settings.
   */
  readonly credits?: number;
}

/** What planAffected decides: plans aligned with the given rows (undefined = leave alone). */
export interface AffectedPlan {
  readonly contacts: WritePlan;
  readonly jobs: WritePlan;
  /** Sheet rows recomputed, ascending. */
  readonly contactRows: number[];
  readonly jobRows: number[];
}

/**
 * Recomputes Next action and Due of the rows an edit affects, exactly as a full refresh would:
 * the changed Contacts rows and their jobs' rows; the changed Jobs rows and every contact linked
 * to them; with `everyReferrer`, every referrer and every Accepted job as well. The input must
 * hold every Contacts and Jobs row of the companies involved (affectedCompanies) — a job's advice
 * counts all of its contacts, and a blank Job links to the company's only job.
 */
export function planAffected(input: AffectedInput): AffectedPlan {
  const { timeZone, now } = input;
  const world = new World(input.contacts, input.jobs, input.settingsRows, timeZone, now, input.credits);
  const { contactSet, jobSet } = affectedSets(world, input);
  const contactCols = new ColumnsBuilder(input.contacts.rows.length, timeZone, world.today);
  for (const c of contactSet) contactCols.set(c.index, world.contactFollowUp(c));
  const jobCols = new ColumnsBuilder(input.jobs.rows.length, timeZone, world.today);
  for (const j of jobSet) jobCols.set(j.index, world.jobFollowUp(j));
  return {
    contacts: contactCols.plan(SHEET.contacts, input.contacts.headers, C.nextAction, C.due),
    jobs: jobCols.plan(SHEET.jobs, input.jobs.headers, J.nextAction, J.due),
    contactRows: [...contactSet].map((c) => c.row).sort((a, b) => a - b),
    jobRows: [...jobSet].map((j) => j.row).sort((a, b) => a - b),
  };
}

/** The contacts and jobs a change affects (see planAffected). */
function affectedSets(world: World, input: AffectedInput): { contactSet: Set<Contact>; jobSet: Set<Job> } {
  const changedC = new Set(input.changedContacts ?? []);
  const changedJ = new Set(input.changedJobs ?? []);
  const contactSet = new Set<Contact>();
  const jobSet = new Set<Job>();
  for (const c of world.contacts) {
    if (!changedC.has(c.row)) continue;
    contactSet.add(c);
    const job = world.jobOf(c);
    if (job) jobSet.add(job);
  }
  for (const j of world.jobs) if (changedJ.has(j.row)) jobSet.add(j);
  if (changedJ.size > 0) {
    for (const c of world.contacts) {
      const job = world.jobOf(c);
      if (job && changedJ.has(job.row)) contactSet.add(c);
    }
  }
  if (input.everyReferrer) {
    for (const c of world.referrers) contactSet.add(c);
    for (const j of world.jobs) if (isAccepted(j)) jobSet.add(j);
  }
  return { contactSet, jobSet };
}

/**
 * Whether the change recomputes an Accepted job, whose advice counts every referrer at every
 * company: the input must then hold every Contacts row with Referred on.
 */
export function needsAllReferrers(input: AffectedInput): boolean {
  if (input.everyReferrer) return true;
  const world = new World(input.contacts, input.jobs, input.settingsRows, input.timeZone, input.now);
  for (const j of affectedSets(world, input).jobSet) if (isAccepted(j)) return true;
  return false;
}

/**
 * Whether a live recompute needs the whole of Contacts to word the Premium trial reminder on a
 * job: during the trial's last days (PRODUCT point 22) when InMail credits left is not typed in
 * Settings, the figure is estimated from every contact (core/credits).
 */
export function trialNeedsAllContacts(
  settingsRows: readonly (readonly Cell[])[],
  timeZone: string,
  now: number,
): boolean {
  const { settings } = parseSettings(settingsRows, 2, timeZone);
  return settings.creditsLeft === null && trialUse(settings, dayOf(now, timeZone), 0, 0) !== null;
}

/** InMail credits left, estimated from the whole of Contacts (for planAffected's `credits`). */
export function trialCredits(
  contacts: Table,
  settingsRows: readonly (readonly Cell[])[],
  timeZone: string,
  now: number,
): number {
  const { settings } = parseSettings(settingsRows, 2, timeZone);
  return creditsLeft(parseContacts(contacts, timeZone), settings, dayOf(now, timeZone)).left;
}

/**
 * Whether the change recomputes someone with Referred on: their advice also follows an offer
 * accepted at any company, so the input must then hold every Accepted job.
 */
export function recomputesReferrer(input: AffectedInput): boolean {
  const world = new World(input.contacts, input.jobs, input.settingsRows, input.timeZone, input.now);
  for (const c of affectedSets(world, input).contactSet) if (c.referredOn !== null) return true;
  return false;
}

/** The Company cell of each row, as typed (trimmed), by sheet row. */
function companiesAt(t: SheetRows, header: string, rows: ReadonlySet<number> | null): string[] {
  const i = col(headerIndex(t.headers), header);
  if (i < 0) return [];
  const out: string[] = [];
  t.rows.forEach((cells, k) => {
    if (rows && !rows.has(rowNumberAt(t, k))) return;
    const name = String(cells[i] ?? '').trim();
    if (name) out.push(name);
  });
  return out;
}

/**
 * The companies whose every Contacts and Jobs row planAffected needs, from the rows read so far:
 * those of the changed rows, and with `everyReferrer` those of every referrer and Accepted job
 * (already in the input). Distinct by company key, in first-seen order.
 */
export function affectedCompanies(input: AffectedInput): string[] {
  const c = input.changedContacts ? new Set(input.changedContacts) : new Set<number>();
  const j = input.changedJobs ? new Set(input.changedJobs) : new Set<number>();
  const names = [...companiesAt(input.contacts, C.company, c), ...companiesAt(input.jobs, J.company, j)];
  if (input.everyReferrer) {
    const world = new World(input.contacts, input.jobs, input.settingsRows, input.timeZone, input.now);
    for (const r of world.referrers) names.push(r.company);
    for (const x of world.jobs) if (isAccepted(x)) names.push(x.company);
  }
  const seen = new Map<string, string>();
  for (const n of names) {
    const k = companyKey(n);
    if (k && !seen.has(k)) seen.set(k, n);
  }
  return [...seen.values()];
}

/**
 * Whether an accepted offer makes this change concern every referrer: a change on Jobs to an
 * Outcome (a job may have become, or stopped being, Accepted), or, while some job is Accepted, a
 * change to a referrer on Contacts (Referred on set now, or the Referred on or Outcome shared on
 * column edited).
 */
export function needsEveryReferrer(options: {
  /** The edit was on Jobs and covered Outcome or Outcome on. */
  readonly outcomeEdited: boolean;
  /** Some job is Accepted (a search of Jobs' Outcome column). */
  readonly anyAccepted: boolean;
  /** A changed Contacts row has Referred on, or its Referred on / Outcome shared on was edited. */
  readonly referrerEdited: boolean;
}): boolean {
  return options.outcomeEdited || (options.anyAccepted && options.referrerEdited);
}

/**
 * A regular expression (RE2 and JavaScript alike) matching, as an entire cell and ignoring case,
 * every spelling of these names that textKey takes as the same: any spaces around and between
 * words. For a TextFinder over a Name column (people are keyed by textKey: stamps' personKey).
 */
export function sameTextPattern(names: readonly string[]): string {
  const alternatives = [...new Set(names.map(textKey).filter((k) => k !== ''))].map((k) =>
    k
      .split(' ')
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+'),
  );
  return `\\s*(?:${alternatives.join('|')})\\s*`;
}

/** Anything but a letter or a digit (RE2 and JavaScript `u` alike). */
const NON_WORD = '[^\\p{L}\\p{N}]';
/** What companyWords sets aside between two letters of a key: separators, apostrophes, dots, "&"/"and". */
const GAP = `(?:${NON_WORD}+(?:and${NON_WORD}+)*)?`;
/** Before a key: spaces and a leading "The". */
const LEAD = `${NON_WORD}*(?:the${NON_WORD}+)?`;
/** After a key: legal suffixes (dotted or not), then spaces or punctuation. */
const TAIL = `(?:${NON_WORD}+(?:${[...LEGAL_SUFFIXES].map((w) => [...w].join('\\.?')).join('|')})\\.?)*${NON_WORD}*`;
/** Letters companyWords folds: the key's letters also match what they were folded from. */
const FOLDED: readonly [string, string][] = [
  ['ss', 'ß'],
  ['ae', 'æ'],
  ['oe', 'œ'],
  ['o', 'ø'],
  ['l', 'ł'],
];

/**
 * A regular expression (RE2 and JavaScript alike) matching, as an entire cell ignoring case and
 * diacritics, every spelling of these companies that companyKey — the key jobIndex links Contacts
 * to Jobs by (PRODUCT point 25) — takes as the same: any spacing and punctuation between letters,
 * "&"/"and", a leading "The", trailing legal suffixes, folded letters (ß, æ, œ, ø, ł). For a
 * TextFinder over a Company column with ignoreDiacritics; the rows it finds are linked again by
 * jobIndex, so it may find more, never less.
 */
export function companyPattern(names: readonly string[]): string {
  const keys = [...new Set(names.map(companyKey).filter((k) => k !== ''))];
  const alternatives = keys.map((key) => {
    const parts: string[] = [];
    for (let i = 0; i < key.length; ) {
      const fold = FOLDED.find(([from]) => key.startsWith(from, i));
      if (fold && fold[0].length === 2) {
        parts.push(`(?:${escapeRe(fold[0][0]!)}${GAP}${escapeRe(fold[0][1]!)}|${fold[1]})`);
        i += 2;
      } else if (fold) {
        parts.push(`[${fold[0]}${fold[1]}]`);
        i += 1;
      } else {
        parts.push(escapeRe(key[i]!));
        i += 1;
      }
    }
    return parts.join(GAP);
  });
  return `${LEAD}(?:${alternatives.join('|')})${TAIL}`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
