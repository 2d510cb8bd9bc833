// Turns Contacts and Jobs tables into typed records, with a problem list naming row and column.

import { companyKey } from './companies';
import { type Day, dayOf, parseIsoDay } from './dates';
import {
  APPLY_CHOICES,
  type ApplyChoice,
  C,
  J,
  OUTCOMES,
  type Outcome,
  STATUSES,
  type Status,
} from './schema';
import { col, headerIndex, isBlankRow, sheetRow, type Table } from './table';
import { inList, textKey } from './text';
import {
  type Cell,
  type Degree,
  isBlank,
  isDate,
  parseDegree,
  parseText,
  parseYesNo,
  splitList,
} from './values';

/** A bad cell: sheet row, column header, and what is wrong in plain words. */
export interface RowProblem {
  readonly row: number;
  readonly column: string;
  readonly problem: string;
}

/** One person on Contacts. */
export interface Contact {
  /** 0-based index among data rows. */
  readonly index: number;
  /** 1-based sheet row. */
  readonly row: number;
  readonly company: string;
  readonly job: string;
  readonly name: string;
  readonly title: string;
  readonly profileUrl: string;
  readonly location: string;
  readonly timeZone: string;
  readonly current: boolean | null;
  readonly degree: Degree | null;
  readonly premium: boolean | null;
  readonly openProfile: boolean | null;
  readonly sameSchool: boolean | null;
  readonly inCommon: readonly string[];
  readonly mutual: string;
  /** Blank Status reads as To contact. */
  readonly status: Status;
  readonly messagedOn: Day | null;
  readonly repliedOn: Day | null;
  /** Call on as an instant (epoch ms). */
  readonly callOn: number | null;
  readonly referredOn: Day | null;
  readonly thankedOn: Day | null;
  readonly outcomeSharedOn: Day | null;
  readonly problems: readonly RowProblem[];
}

/** One target job on Jobs. */
export interface Job {
  readonly index: number;
  readonly row: number;
  readonly company: string;
  readonly job: string;
  readonly postingUrl: string;
  readonly referralProcess: string;
  readonly apply: ApplyChoice | null;
  readonly appliedOn: Day | null;
  readonly outcome: Outcome | null;
  readonly outcomeOn: Day | null;
  readonly problems: readonly RowProblem[];
}

/** Column positions by header, resolved once per table (header normalisation is not free). */
class ColumnCache {
  private readonly positions = new Map<string, number>();
  constructor(private readonly idx: Map<string, number>) {}
  get(header: string): number {
    let i = this.positions.get(header);
    if (i === undefined) {
      i = col(this.idx, header);
      this.positions.set(header, i);
    }
    return i;
  }
}

class RowReader {
  readonly problems: RowProblem[] = [];
  constructor(
    private readonly idx: ColumnCache,
    private readonly cells: readonly Cell[],
    private readonly row: number,
    private readonly timeZone: string,
  ) {}

  raw(header: string): Cell | undefined {
    const i = this.idx.get(header);
    return i < 0 ? undefined : this.cells[i];
  }

  private note(column: string, problem: string): void {
    this.problems.push({ row: this.row, column, problem });
  }

  text(header: string, required = false): string {
    const v = this.raw(header);
    const p = parseText(v);
    if (!p.ok) {
      this.note(header, p.problem);
      return '';
    }
    if (required && !p.value) this.note(header, `${header} is missing`);
    return p.value ?? '';
  }

  yesNo(header: string): boolean | null {
    const p = parseYesNo(this.raw(header));
    if (p.ok) return p.value;
    this.note(header, p.problem);
    return null;
  }

  degree(): Degree | null {
    const p = parseDegree(this.raw(C.degree));
    if (p.ok) return p.value;
    this.note(C.degree, p.problem);
    return null;
  }

  oneOf<T extends string>(header: string, list: readonly T[]): T | null {
    const v = this.raw(header);
    if (isBlank(v)) return null;
    const hit = inList(list, v);
    if (!hit) this.note(header, `"${String(v)}" is not one of ${list.join(', ')}`);
    return hit ?? null;
  }

  /** A date cell → calendar day in the spreadsheet's zone. Text 'YYYY-MM-DD' is accepted. */
  day(header: string): Day | null {
    const v = this.raw(header);
    if (isBlank(v) || v === undefined) return null;
    if (isDate(v)) return dayOf(v.getTime(), this.timeZone);
    if (typeof v === 'string') {
      const d = parseIsoDay(v);
      if (d !== null) return d;
    }
    this.note(header, `"${String(v)}" is not a date`);
    return null;
  }

  instant(header: string): number | null {
    const v = this.raw(header);
    if (isBlank(v) || v === undefined) return null;
    if (isDate(v)) return v.getTime();
    this.note(header, `"${String(v)}" is not a date and time`);
    return null;
  }
}

/** Parses every non-blank row of Contacts. Blank rows are skipped (they stay untouched). */
export function parseContacts(table: Table, timeZone: string): Contact[] {
  const idx = new ColumnCache(headerIndex(table.headers));
  const out: Contact[] = [];
  table.rows.forEach((cells, index) => {
    if (isBlankRow(cells)) return;
    const row = sheetRow(index);
    const r = new RowReader(idx, cells, row, timeZone);
    const status = r.oneOf(C.status, STATUSES) ?? 'To contact';
    out.push({
      index,
      row,
      company: r.text(C.company, true),
      job: r.text(C.job),
      name: r.text(C.name, true),
      title: r.text(C.title),
      profileUrl: r.text(C.profileUrl),
      location: r.text(C.location),
      timeZone: r.text(C.timeZone),
      current: r.yesNo(C.current),
      degree: r.degree(),
      premium: r.yesNo(C.premium),
      openProfile: r.yesNo(C.openProfile),
      sameSchool: r.yesNo(C.sameSchool),
      inCommon: splitList(r.text(C.inCommon)),
      mutual: r.text(C.mutual),
      status,
      messagedOn: r.day(C.messagedOn),
      repliedOn: r.day(C.repliedOn),
      callOn: r.instant(C.callOn),
      referredOn: r.day(C.referredOn),
      thankedOn: r.day(C.thankedOn),
      outcomeSharedOn: r.day(C.outcomeSharedOn),
      problems: r.problems,
    });
  });
  return out;
}

/** Parses every non-blank row of Jobs. */
export function parseJobs(table: Table, timeZone: string): Job[] {
  const idx = new ColumnCache(headerIndex(table.headers));
  const out: Job[] = [];
  table.rows.forEach((cells, index) => {
    if (isBlankRow(cells)) return;
    const row = sheetRow(index);
    const r = new RowReader(idx, cells, row, timeZone);
    out.push({
      index,
      row,
      company: r.text(J.company, true),
      job: r.text(J.job, true),
      postingUrl: r.text(J.postingUrl),
      referralProcess: r.text(J.referralProcess),
      apply: r.oneOf(J.apply, APPLY_CHOICES),
      appliedOn: r.day(J.appliedOn),
      outcome: r.oneOf(J.outcome, OUTCOMES),
      outcomeOn: r.day(J.outcomeOn),
      problems: r.problems,
    });
  });
  return out;
}

/**
 * The job a contact is for: same company by the company-name rule (core/companies, PRODUCT
 * point 25: "Contoso Energy Inc." is "Contoso Energy") and same Job title (case-insensitive); a
 * blank Job means the company's only job when it has exactly one. Returns null when none matches.
 */
export function jobFor(contact: Pick<Contact, 'company' | 'job'>, jobs: readonly Job[]): Job | null {
  return jobIndex(jobs)(contact);
}

/** Builds a jobFor lookup that is O(1) per contact, for large sheets. */
export function jobIndex(jobs: readonly Job[]): (c: Pick<Contact, 'company' | 'job'>) => Job | null {
  const byCompany = new Map<string, Job[]>();
  const byPair = new Map<string, Job>();
  for (const j of jobs) {
    const ck = companyKey(j.company);
    if (!ck) continue;
    const list = byCompany.get(ck) ?? [];
    list.push(j);
    byCompany.set(ck, list);
    const pk = `${ck}\u0000${textKey(j.job)}`;
    if (!byPair.has(pk)) byPair.set(pk, j);
  }
  return (c) => {
    const ck = companyKey(c.company);
    if (!ck) return null;
    if (!c.job) {
      const list = byCompany.get(ck);
      return list && list.length === 1 ? (list[0] ?? null) : null;
    }
    return byPair.get(`${ck}\u0000${textKey(c.job)}`) ?? null;
  };
}
