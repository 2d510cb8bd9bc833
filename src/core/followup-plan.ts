// Turns Contacts, Jobs and Settings into a write plan for Next action, Due and their fills (Refresh follow-ups, onEdit).

import { companyKey } from './companies';
import { creditsLeft } from './credits';
import { type Day, dayOf, midnightOf } from './dates';
import { type FollowUp, fillFor, nextActionForContact, nextActionForJob } from './followups';
import { type Contact, type Job, jobIndex, parseContacts, parseJobs } from './rows';
import { C, J, SHEET } from './schema';
import { parseSettings } from './settings';
import { type ColumnWrite, col, headerIndex, type Table, type WritePlan } from './table';
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

/** What planFollowUps reads. */
export interface FollowUpInput {
  readonly contacts: Table;
  readonly jobs: Table;
  /** Settings rows as read (the header row may be included: unknown names are ignored). */
  readonly settingsRows: readonly (readonly Cell[])[];
  readonly timeZone: string;
  /** The current instant (ms). */
  readonly now: number;
  /** 0-based Contacts data rows to recompute (onEdit); Jobs are then left alone. */
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

/** The rows of `table` at `indexes` (deduplicated, in range), as a smaller table plus their original indexes. */
function subTable(table: Table, indexes: readonly number[]): { table: Table; original: number[] } {
  const original = [...new Set(indexes)].filter(
    (i) => Number.isInteger(i) && i >= 0 && i < table.rows.length,
  );
  original.sort((a, b) => a - b);
  return { table: { headers: table.headers, rows: original.map((i) => table.rows[i]!) }, original };
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
  const { settings } = parseSettings(input.settingsRows, 2, timeZone);
  const today = dayOf(now, timeZone);
  const jobs = parseJobs(input.jobs, timeZone);
  const jobOf = jobIndex(jobs);
  const overdue: DueItem[] = [];
  const dueToday: DueItem[] = [];
  const note = (
    sheet: string,
    row: number,
    company: string,
    name: string,
    f: FollowUp,
    fill: string | null,
  ) => {
    if (fill === null) return;
    const item: DueItem = { sheet, row, company, name, action: f.action, due: f.due };
    if (f.due < today) overdue.push(item);
    else dueToday.push(item);
  };

  // Contacts: everything, or only the edited rows (parsed alone, which keeps onEdit fast).
  let contacts: Contact[];
  if (input.onlyRows) {
    const sub = subTable(input.contacts, input.onlyRows);
    contacts = parseContacts(sub.table, timeZone).map((c) => {
      const index = sub.original[c.index]!;
      return { ...c, index, row: index + 2 };
    });
  } else {
    contacts = parseContacts(input.contacts, timeZone);
  }
  const contactCols = new ColumnsBuilder(input.contacts.rows.length, timeZone, today);
  const byJob = new Map<Job, Contact[]>();
  for (const c of contacts) {
    const job = jobOf(c);
    if (job) {
      const list = byJob.get(job);
      if (list) list.push(c);
      else byJob.set(job, [c]);
    }
    const f = nextActionForContact(c, job, settings, now, timeZone);
    const fill = contactCols.set(c.index, f);
    if (f) note(SHEET.contacts, c.row, c.company, c.name, f, fill);
  }

  let jobsPlan: WritePlan | null = null;
  let trial: TrialUse | null = null;
  if (!input.onlyRows) {
    // Premium trial: open jobs with picks still to contact say what is left to use (core/trial).
    const picks = picksToContact(input.contacts, contacts);
    trial = trialUse(settings, today, creditsLeft(contacts, settings, today).left, total(picks));
    const jobCols = new ColumnsBuilder(input.jobs.rows.length, timeZone, today);
    for (const j of jobs) {
      const here = trial ? (picks.get(companyKey(j.company)) ?? 0) : 0;
      const extra = trial && here > 0 ? { action: trialJobAction(trial, here), due: trial.endsOn } : null;
      const f = nextActionForJob(j, byJob.get(j) ?? [], settings, now, timeZone, extra);
      const fill = jobCols.set(j.index, f);
      if (f) note(SHEET.jobs, j.row, j.company, j.job, f, fill);
    }
    jobsPlan = jobCols.plan(SHEET.jobs, input.jobs.headers, J.nextAction, J.due);
  }

  const byDue = (a: DueItem, b: DueItem) => a.due - b.due || a.sheet.localeCompare(b.sheet) || a.row - b.row;
  overdue.sort(byDue);
  dueToday.sort(byDue);
  return {
    contacts: contactCols.plan(SHEET.contacts, input.contacts.headers, C.nextAction, C.due),
    jobs: jobsPlan,
    overdue,
    dueToday,
    trial,
  };
}
