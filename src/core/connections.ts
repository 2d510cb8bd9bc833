// Your network (PRODUCT points 13 and 25): the Connections sheet merged with an export, and the people at target companies for Contacts.

import { companyKey, NearIndex } from './companies';
import { JOB_ACTIONS } from './followups';
import { type ExportRead, type ExportRecord, LINKEDIN, profileKey } from './import';
import { type Job, jobIndex, parseJobs } from './rows';
import { C, J, SHEET } from './schema';
import { col, headerIndex, isBlankRow, type Table } from './table';
import { plural, textKey } from './text';
import { type Cell, escapeFormula, isBlank } from './values';

/** The Connections sheet's columns, as in LinkedIn's export (PRODUCT point 25). */
export const CONNECTIONS_HEADERS: readonly string[] = [
  LINKEDIN.firstName,
  LINKEDIN.lastName,
  LINKEDIN.url,
  LINKEDIN.email,
  LINKEDIN.company,
  LINKEDIN.position,
  LINKEDIN.connectedOn,
];

/** The Connections columns the add-on reads: enough to recognise people, update them and add them to Contacts. */
export const CONNECTIONS_READ: readonly string[] = [
  LINKEDIN.firstName,
  LINKEDIN.lastName,
  LINKEDIN.url,
  LINKEDIN.company,
  LINKEDIN.position,
];

/** The Contacts columns the add-on reads to know who is already there. */
export const CONTACTS_KNOWN: readonly string[] = [C.company, C.name, C.profileUrl];

/** One person on the Connections sheet (or about to be added to it). */
export interface Connection {
  readonly name: string;
  readonly company: string;
  readonly position: string;
  readonly url: string;
}

const cellText = (v: Cell | undefined): string => (isBlank(v) ? '' : String(v).trim());
const fullName = (first: string, last: string) => `${first} ${last}`.trim().replace(/\s+/g, ' ');
const nameKey = (name: string, company: string) => `${textKey(name)}\u0000${companyKey(company)}`;

/** The people of a Connections table (its blank rows skipped), by header. */
export function parseConnections(table: Table): Connection[] {
  const idx = headerIndex(table.headers);
  const at = (r: readonly Cell[], h: string) => {
    const i = col(idx, h);
    return i < 0 ? '' : cellText(r[i]);
  };
  const out: Connection[] = [];
  for (const r of table.rows) {
    if (isBlankRow(r)) continue;
    out.push({
      name: fullName(at(r, LINKEDIN.firstName), at(r, LINKEDIN.lastName)),
      company: at(r, LINKEDIN.company),
      position: at(r, LINKEDIN.position),
      url: at(r, LINKEDIN.url),
    });
  }
  return out;
}

/**
 * Who is known, by profile URL and by name + company (core/companies). Someone is known when
 * their URL is, or when their name + company is and either side has no URL (two different URLs
 * at the same name and company are two people).
 */
class Known<T> {
  private readonly byUrl = new Map<string, T>();
  private readonly byName = new Map<string, { url: string; item: T }[]>();

  add(name: string, company: string, url: string, item: T): void {
    const u = profileKey(url);
    if (u && !this.byUrl.has(u)) this.byUrl.set(u, item);
    if (!textKey(name) || !companyKey(company)) return;
    const k = nameKey(name, company);
    const list = this.byName.get(k) ?? [];
    list.push({ url: u, item });
    this.byName.set(k, list);
  }

  find(name: string, company: string, url: string): T | undefined {
    const u = profileKey(url);
    if (u) {
      const hit = this.byUrl.get(u);
      if (hit !== undefined) return hit;
    }
    const list = this.byName.get(nameKey(name, company));
    if (!list) return undefined;
    return list.find((x) => u === '' || x.url === '')?.item;
  }
}

/** A change to one cell of an existing Connections row. */
export interface CellUpdate {
  /** 0-based data row. */
  readonly index: number;
  readonly header: string;
  readonly value: Cell;
}

/** What merging an export into the Connections sheet does. */
export interface ConnectionsPlan {
  /** New rows, LinkedIn header → value (formula-escaped), in file order. */
  readonly append: Record<string, Cell>[];
  /** Company or Position cells that changed for people already there. */
  readonly updates: CellUpdate[];
  /** LinkedIn headers the sheet lacks (appended at its end). */
  readonly missingHeaders: string[];
  /** Everyone on Connections once the plan is applied. */
  readonly all: Connection[];
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Records listed twice in the file. */
  readonly repeated: number;
}

/**
 * Merges an export into the Connections sheet as read (`existing`, headers found by text; an
 * empty table for a sheet still to create): a person already there (same URL, else same name +
 * company) has a changed Company or Position updated and nothing else touched; a new person is
 * appended with LinkedIn's columns; a person listed twice in the file counts once. Cells of the
 * user's own columns are never in the plan.
 */
export function planConnections(read: ExportRead, existing: Table): ConnectionsPlan {
  const idx = headerIndex(existing.headers);
  const missingHeaders = CONNECTIONS_HEADERS.filter((h) => col(idx, h) < 0);
  const people = existing.rows.map((r) => {
    const at = (h: string) => {
      const i = col(idx, h);
      return i < 0 ? '' : cellText(r[i]);
    };
    return {
      name: fullName(at(LINKEDIN.firstName), at(LINKEDIN.lastName)),
      company: at(LINKEDIN.company),
      position: at(LINKEDIN.position),
      url: at(LINKEDIN.url),
    };
  });
  type Entry = { index: number | null; person: Connection };
  const known = new Known<Entry>();
  const entries: Entry[] = [];
  people.forEach((person, index) => {
    if (!isBlankRow(existing.rows[index] ?? [])) {
      const e = { index, person };
      entries.push(e);
      known.add(person.name, person.company, person.url, e);
    }
  });

  const append: Record<string, Cell>[] = [];
  const updates: CellUpdate[] = [];
  const updatedRows = new Set<number>();
  const seenInFile = new Set<Entry>();
  let repeated = 0;
  let unchanged = 0;
  for (const rec of read.records) {
    const name = fullName(rec.firstName, rec.lastName);
    const hit = known.find(name, rec.company, rec.url);
    if (hit && seenInFile.has(hit)) {
      repeated++;
      continue;
    }
    if (hit) {
      seenInFile.add(hit);
      if (hit.index === null) continue;
      const was = hit.person;
      const companyChanged = companyKey(rec.company) !== companyKey(was.company);
      const positionChanged = textKey(rec.position) !== textKey(was.position);
      if (companyChanged)
        updates.push({ index: hit.index, header: LINKEDIN.company, value: escapeFormula(rec.company) });
      if (positionChanged)
        updates.push({ index: hit.index, header: LINKEDIN.position, value: escapeFormula(rec.position) });
      if (companyChanged || positionChanged) {
        updatedRows.add(hit.index);
        hit.person = {
          ...was,
          company: companyChanged ? rec.company : was.company,
          position: positionChanged ? rec.position : was.position,
        };
      } else unchanged++;
      continue;
    }
    const e: Entry = {
      index: null,
      person: { name, company: rec.company, position: rec.position, url: rec.url },
    };
    entries.push(e);
    seenInFile.add(e);
    known.add(name, rec.company, rec.url, e);
    append.push(exportRow(rec));
  }
  return {
    append,
    updates,
    missingHeaders,
    all: entries.map((e) => e.person),
    added: append.length,
    updated: updatedRows.size,
    unchanged,
    repeated,
  };
}

/** A record as a Connections row: LinkedIn header → formula-escaped text. */
function exportRow(rec: ExportRecord): Record<string, Cell> {
  return {
    [LINKEDIN.firstName]: escapeFormula(rec.firstName),
    [LINKEDIN.lastName]: escapeFormula(rec.lastName),
    [LINKEDIN.url]: escapeFormula(rec.url),
    [LINKEDIN.email]: escapeFormula(rec.email),
    [LINKEDIN.company]: escapeFormula(rec.company),
    [LINKEDIN.position]: escapeFormula(rec.position),
    [LINKEDIN.connectedOn]: escapeFormula(rec.connectedOn),
  };
}

/** A company whose name is close to a target's without matching it. */
export interface NearMiss {
  /** As written on Connections. */
  readonly company: string;
  /** As written on Jobs. */
  readonly target: string;
  readonly people: number;
}

/** Who from Connections goes to Contacts, and why the others do not. */
export interface ContactsFromConnections {
  /** New Contacts rows, Contacts header → value (formula-escaped). */
  readonly rows: Record<string, Cell>[];
  /** People added per target company (named as on Jobs), most first. */
  readonly byCompany: { readonly company: string; readonly added: number }[];
  /** At a target company but already on Contacts. */
  readonly alreadyOnContacts: number;
  /** At a company with no job on Jobs (Freelance, Self-employed, other employers). */
  readonly notTarget: number;
  /** No company on their profile. */
  readonly noCompany: number;
  /** Companies close to a target's name that were not matched, most people first. */
  readonly nearMisses: NearMiss[];
}

/** The most near misses reported. */
export const MAX_NEAR_MISSES = 20;

/**
 * Chooses the connections to add to Contacts (PRODUCT point 13): those at a target company (a
 * company on Jobs, by core/companies) who are not on Contacts yet (same profile URL, else same
 * name + company). Each new row: Company as written on Jobs, Name, Title = Position, Profile URL,
 * Degree 1st, Current Yes, Status To contact. `contacts` needs only Company, Name, Profile URL.
 */
export function planContactsFromConnections(
  connections: readonly Connection[],
  contacts: Table,
  jobs: readonly Pick<Job, 'company'>[],
): ContactsFromConnections {
  const targets = new Map<string, { name: string }>();
  for (const j of jobs) {
    const k = companyKey(j.company);
    if (k && !targets.has(k)) targets.set(k, { name: j.company });
  }
  const cIdx = headerIndex(contacts.headers);
  const at = (r: readonly Cell[], h: string) => {
    const i = col(cIdx, h);
    return i < 0 ? '' : cellText(r[i]);
  };
  const known = new Known<true>();
  for (const r of contacts.rows) known.add(at(r, C.name), at(r, C.company), at(r, C.profileUrl), true);

  const rows: Record<string, Cell>[] = [];
  const added = new Map<string, number>();
  const elsewhere = new Map<string, { name: string; people: number }>();
  let alreadyOnContacts = 0;
  let notTarget = 0;
  let noCompany = 0;
  for (const p of connections) {
    const k = companyKey(p.company);
    if (!k) {
      noCompany++;
      continue;
    }
    const target = targets.get(k);
    if (!target) {
      notTarget++;
      const e = elsewhere.get(k) ?? { name: p.company, people: 0 };
      e.people++;
      elsewhere.set(k, e);
      continue;
    }
    if (known.find(p.name, p.company, p.url)) {
      alreadyOnContacts++;
      continue;
    }
    known.add(p.name, p.company, p.url, true);
    added.set(target.name, (added.get(target.name) ?? 0) + 1);
    rows.push({
      [C.company]: escapeFormula(target.name),
      [C.name]: escapeFormula(p.name),
      [C.title]: escapeFormula(p.position),
      [C.profileUrl]: escapeFormula(p.url),
      [C.degree]: '1st',
      [C.current]: 'Yes',
      [C.status]: 'To contact',
    });
  }

  const nearMisses: NearMiss[] = [];
  const index = new NearIndex([...targets.values()].map((t) => t.name));
  for (const e of elsewhere.values()) {
    for (const target of index.near(e.name)) nearMisses.push({ company: e.name, target, people: e.people });
  }
  nearMisses.sort((a, b) => b.people - a.people || a.company.localeCompare(b.company));
  return {
    rows,
    byCompany: [...added].map(([company, n]) => ({ company, added: n })).sort((a, b) => b.added - a.added),
    alreadyOnContacts,
    notTarget,
    noCompany,
    nearMisses: nearMisses.slice(0, MAX_NEAR_MISSES),
  };
}

/** New rows laid out on a run of a sheet's columns: what one write carries. */
export interface ColumnBlock {
  /** 0-based first column. */
  readonly col: number;
  readonly values: Cell[][];
}

/**
 * Lays rows (header → value) out on a sheet's headers (found by text, first occurrence), from the
 * first to the last column that holds data in at least one row, blank in the columns between: one
 * write carries every new row whole, so a run stopped at any call leaves each new row written whole
 * or not at all (a rerun recognises only whole people). The columns between are blank in a new
 * row (it lies below the sheet's last row with content), so writing '' there changes nothing; the
 * columns outside the span are not written. Null when no row holds data on the sheet.
 */
export function dataSpan(
  headers: readonly string[],
  rows: readonly Readonly<Record<string, Cell>>[],
): ColumnBlock | null {
  const idx = headerIndex(headers);
  const byCol = new Map<number, string>();
  for (const key of new Set(rows.flatMap((r) => Object.keys(r)))) {
    const c = col(idx, key);
    if (c >= 0 && rows.some((r) => !isBlank(r[key]))) byCol.set(c, key);
  }
  if (byCol.size === 0) return null;
  const first = Math.min(...byCol.keys());
  const last = Math.max(...byCol.keys());
  const keys = Array.from({ length: last - first + 1 }, (_, j) => byCol.get(first + j));
  return { col: first, values: rows.map((r) => keys.map((k) => (k === undefined ? '' : (r[k] ?? '')))) };
}

/** A value as the sheet holds it once written (a leading apostrophe only marks text). */
const asStored = (v: Cell | undefined): Cell =>
  typeof v === 'string' && v.startsWith("'") ? v.slice(1) : (v ?? '');

/**
 * A new row (header → value, formula-escaped) laid out on a sheet's headers as the sheet will hold
 * it once written: for the actions that go on with the rows they add (scoring, follow-ups).
 */
export function rowCells(headers: readonly string[], row: Readonly<Record<string, Cell>>): Cell[] {
  const idx = headerIndex(headers);
  const line = new Array<Cell>(headers.length).fill('');
  for (const [h, v] of Object.entries(row)) {
    const c = col(idx, h);
    if (c >= 0 && line[c] === '') line[c] = asStored(v);
  }
  return line;
}

/**
 * The new Contacts rows (indexes into `rows`) that change a job's follow-up (PRODUCT point 19:
 * follow-ups are live). People added from Connections are To contact with no dates, so of the job
 * rules (core/followups jobFollowUps) they can only end "find people to contact" — nobody active
 * on the job — and only for the job they link to (core/rows jobIndex: a blank Job is the
 * company's only job). The actions that add people read Jobs whole: the jobs whose Next action
 * says so now are known, and only their companies need reading to recompute them.
 */
export function rowsEndingFindPeople(
  rows: readonly Readonly<Record<string, Cell>>[],
  jobs: Table,
  timeZone: string,
): number[] {
  const next = col(headerIndex(jobs.headers), J.nextAction);
  if (next < 0 || rows.length === 0) return [];
  const parsed = parseJobs(jobs, timeZone);
  const asking = new Set(
    parsed.filter((j) => textKey(jobs.rows[j.index]?.[next]) === textKey(JOB_ACTIONS.findPeople)),
  );
  if (asking.size === 0) return [];
  const jobOf = jobIndex(parsed);
  const out: number[] = [];
  rows.forEach((r, i) => {
    const job = jobOf({ company: String(asStored(r[C.company])), job: String(asStored(r[C.job])) });
    if (job && asking.has(job)) out.push(i);
  });
  return out;
}

/** What an import did, JSON-safe (google.script.run hands it to the dialog). */
export interface ImportResult {
  /** Connections read from the file. */
  read: number;
  /** Records with neither a name nor a profile URL. */
  noName: number;
  connections: { added: number; updated: number; unchanged: number; repeated: number };
  contacts: {
    added: number;
    byCompany: { company: string; added: number }[];
    alreadyOnContacts: number;
    notTarget: number;
    noCompany: number;
  };
  nearMisses: NearMiss[];
  /** The result in plain sentences (importSummary). */
  summary: string[];
}

/** The figures of an import in plain sentences, for the dialog (one sentence a line). */
export function importSummary(r: Omit<ImportResult, 'summary'>): string[] {
  const c = r.connections;
  const kept = [
    `${plural(c.added, 'new', 'new')}`,
    c.updated > 0 ? `${c.updated.toLocaleString('en-US')} updated (company or position changed)` : '',
    c.unchanged > 0 ? `${c.unchanged.toLocaleString('en-US')} already there` : '',
  ].filter(Boolean);
  const lines = [
    `Read ${plural(r.read, 'connection', 'connections')}; kept on ${SHEET.connections}: ${kept.join(', ')}.`,
  ];
  const skipped = [
    r.noName > 0 ? `${r.noName.toLocaleString('en-US')} without a name` : '',
    c.repeated > 0 ? `${c.repeated.toLocaleString('en-US')} listed twice in the file` : '',
  ].filter(Boolean);
  if (skipped.length > 0) lines.push(`Skipped: ${skipped.join(', ')}.`);
  const t = r.contacts;
  if (t.added > 0) {
    const per = t.byCompany.map((x) => `${x.company} ${x.added}`).join(', ');
    lines.push(
      `Added to Contacts: ${plural(t.added, 'person', 'people')} at your target companies (${per}).`,
    );
  } else lines.push('Added to Contacts: nobody new at your target companies.');
  const notAdded = [
    t.alreadyOnContacts > 0 ? `${t.alreadyOnContacts.toLocaleString('en-US')} already on Contacts` : '',
    t.notTarget > 0 ? `${t.notTarget.toLocaleString('en-US')} at companies with no job on Jobs` : '',
    t.noCompany > 0 ? `${t.noCompany.toLocaleString('en-US')} without a company` : '',
  ].filter(Boolean);
  if (notAdded.length > 0) lines.push(`Not added to Contacts: ${notAdded.join(', ')}.`);
  if (r.nearMisses.length > 0) {
    lines.push(
      'Close to a target company but not matched (write the name the same way on Jobs if it is the same employer):',
      ...r.nearMisses.map(
        (m) => `• ${m.company} (${plural(m.people, 'person', 'people')}) — on Jobs: ${m.target}`,
      ),
    );
  }
  lines.push(
    'Adding a company to Jobs later? Score candidates adds the people you know there from Connections.',
  );
  return lines;
}

/** "You know 2 people at Litware Games: added to Contacts." for each company, in one message. */
export function laterTargetsSummary(byCompany: readonly { company: string; added: number }[]): string {
  return byCompany
    .map((x) => `You know ${plural(x.added, 'person', 'people')} at ${x.company}: added to Contacts.`)
    .join(' ');
}
