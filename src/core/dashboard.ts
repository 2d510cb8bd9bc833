// The Dashboard as data: funnel, reply rate by signal, credits, outcomes, follow-ups, coverage, laid out in blocks.

import { type CreditsLeft, creditsLeft } from './credits';
import { type Day, dayOf, midnightOf, zonedParts } from './dates';
import { type DueItem, planFollowUps } from './followup-plan';
import { type Contact, parseContacts, parseJobs } from './rows';
import { C, OUTCOMES, type Status } from './schema';
import { parseSettings } from './settings';
import { col, headerIndex, type Table } from './table';
import { textKey } from './text';
import { type Cell, escapeFormula, isBlank } from './values';

/** The funnel's stages, in order; each counts the people who reached at least that stage. */
export const FUNNEL_STAGES = [
  'Listed',
  'Messaged',
  'Replied',
  'Call scheduled',
  'Call done',
  'Referred',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/**
 * How far each Status got in the funnel (index into FUNNEL_STAGES). No reply and Declined count
 * as Messaged (PRODUCT precise point 10); To contact and Skip are only Listed.
 */
export const STAGE_OF_STATUS: Readonly<Record<Status, number>> = {
  'To contact': 0,
  Skip: 0,
  Messaged: 1,
  'No reply': 1,
  Declined: 1,
  Replied: 2,
  'Call scheduled': 3,
  'Call done': 4,
  Referred: 5,
};

const MESSAGED = 1;
const REPLIED = 2;
const REFERRED = 5;

/** The chart's title; also how Refresh dashboard recognises its own chart to replace it. */
export const FUNNEL_CHART_TITLE = 'Referral funnel';

/** At most this many follow-ups are listed on the dashboard (overdue first). */
export const DASHBOARD_FOLLOW_UPS = 15;

/** One funnel line: people who reached at least this stage, and that as a share of Messaged. */
export interface FunnelRow {
  readonly stage: FunnelStage;
  readonly people: number;
  /** people / messaged, or null for Listed and when nobody was messaged. */
  readonly rate: number | null;
}

/** Reply rate among the people messaged who have a given signal. */
export interface SignalRow {
  readonly signal: string;
  readonly messaged: number;
  readonly replied: number;
  /** replied / messaged, or null when nobody with this signal was messaged. */
  readonly rate: number | null;
}

/** One company's coverage. */
export interface CoverageRow {
  readonly company: string;
  readonly people: number;
  /** People marked ✓ in Pick (as last written by Score candidates). */
  readonly picks: number;
  /** People messaged through referred (still in play). */
  readonly engaged: number;
  readonly referrals: number;
  readonly coverage: 'ok' | 'needs more';
}

/** Jobs per outcome ('Not set' for a blank or unknown Outcome). */
export interface OutcomeRow {
  readonly outcome: string;
  readonly jobs: number;
}

/** Everything the Dashboard shows, computed from the sheets. */
export interface DashboardData {
  readonly today: Day;
  readonly funnel: readonly FunnelRow[];
  readonly signals: readonly SignalRow[];
  readonly coverage: readonly CoverageRow[];
  readonly credits: CreditsLeft & { readonly plan: string };
  readonly overdue: readonly DueItem[];
  readonly dueToday: readonly DueItem[];
  readonly outcomes: readonly OutcomeRow[];
  readonly picksPerCompany: number;
}

/** What computeDashboard reads. */
export interface DashboardInput {
  readonly contacts: Table;
  readonly jobs: Table;
  readonly settingsRows: readonly (readonly Cell[])[];
  readonly timeZone: string;
  readonly now: number;
}

function rate(n: number, of: number): number | null {
  return of > 0 ? n / of : null;
}

/** The furthest funnel stage a contact reached (index into FUNNEL_STAGES). */
export function stageOf(c: Pick<Contact, 'status'>): number {
  return STAGE_OF_STATUS[c.status] ?? 0;
}

/** Cumulative funnel: each stage counts everyone who reached it or a later one; rates are vs Messaged. */
export function funnelOf(contacts: readonly Pick<Contact, 'status'>[]): FunnelRow[] {
  const reached = FUNNEL_STAGES.map(() => 0);
  for (const c of contacts) {
    const s = stageOf(c);
    for (let i = 0; i <= s; i++) reached[i]!++;
  }
  const messaged = reached[MESSAGED]!;
  return FUNNEL_STAGES.map((stage, i) => ({
    stage,
    people: reached[i]!,
    rate: i === 0 ? null : rate(reached[i]!, messaged),
  }));
}

type SignalContact = Pick<
  Contact,
  'status' | 'degree' | 'premium' | 'sameSchool' | 'inCommon' | 'openProfile'
>;

/** The signals, in display order, each with its test on a contact. */
const SIGNALS: readonly { label: string; has: (c: SignalContact) => boolean }[] = [
  { label: '1st degree', has: (c) => c.degree === 1 },
  { label: '2nd degree', has: (c) => c.degree === 2 },
  { label: '3rd degree', has: (c) => c.degree === 3 },
  { label: 'Premium: yes', has: (c) => c.premium === true },
  { label: 'Premium: no', has: (c) => c.premium === false },
  { label: 'Same school: yes', has: (c) => c.sameSchool === true },
  { label: 'Same school: no', has: (c) => c.sameSchool === false },
  { label: 'In common: yes', has: (c) => c.inCommon.length > 0 },
  { label: 'In common: no', has: (c) => c.inCommon.length === 0 },
  { label: 'Open Profile: yes', has: (c) => c.openProfile === true },
  { label: 'Open Profile: no', has: (c) => c.openProfile === false },
];

/** Reply rate by signal: among people messaged (stage ≥ Messaged), the share who reached Replied. */
export function signalsOf(contacts: readonly SignalContact[]): SignalRow[] {
  return SIGNALS.map(({ label, has }) => {
    let messaged = 0;
    let replied = 0;
    for (const c of contacts) {
      const s = stageOf(c);
      if (s < MESSAGED || !has(c)) continue;
      messaged++;
      if (s >= REPLIED) replied++;
    }
    return { signal: label, messaged, replied, rate: rate(replied, messaged) };
  });
}

/**
 * Coverage per company (companies from Contacts and Jobs): people listed, picks (the Pick
 * column as written by Score candidates), engaged (Messaged through Referred), referrals, and
 * `ok` when picks reach "Picks per company". Companies needing more come first, then by name.
 */
export function coverageOf(
  contacts: readonly Contact[],
  picked: ReadonlySet<number>,
  jobCompanies: readonly string[],
  picksPerCompany: number,
): CoverageRow[] {
  const by = new Map<
    string,
    { company: string; people: number; picks: number; engaged: number; referrals: number }
  >();
  const entry = (company: string) => {
    const k = textKey(company);
    let e = by.get(k);
    if (!e) {
      e = { company, people: 0, picks: 0, engaged: 0, referrals: 0 };
      by.set(k, e);
    }
    return e;
  };
  for (const c of contacts) {
    if (!c.company) continue;
    const e = entry(c.company);
    e.people++;
    if (picked.has(c.index)) e.picks++;
    const s = stageOf(c);
    if (s >= MESSAGED && c.status !== 'No reply' && c.status !== 'Declined') e.engaged++;
    if (s >= REFERRED || c.referredOn !== null) e.referrals++;
  }
  for (const company of jobCompanies) if (company) entry(company);
  const rows: CoverageRow[] = [...by.values()].map((e) => ({
    ...e,
    coverage: e.picks >= picksPerCompany ? 'ok' : 'needs more',
  }));
  rows.sort(
    (a, b) =>
      (a.coverage === b.coverage ? 0 : a.coverage === 'needs more' ? -1 : 1) ||
      a.company.localeCompare(b.company, 'en', { sensitivity: 'base' }),
  );
  return rows;
}

/** Jobs counted per Outcome, in the dropdown's order, then 'Not set'. */
export function outcomesOf(jobs: readonly { outcome: string | null }[]): OutcomeRow[] {
  const counts = new Map<string, number>();
  for (const j of jobs) {
    const k = j.outcome ?? 'Not set';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...OUTCOMES, 'Not set'].map((outcome) => ({ outcome, jobs: counts.get(outcome) ?? 0 }));
}

/** Rows whose Pick cell is not blank (0-based data row indexes). */
function pickedRows(table: Table): Set<number> {
  const i = col(headerIndex(table.headers), C.pick);
  const out = new Set<number>();
  if (i < 0) return out;
  table.rows.forEach((r, index) => {
    if (!isBlank(r[i])) out.add(index);
  });
  return out;
}

/** Computes every dashboard figure from Contacts, Jobs and Settings. O(contacts + jobs). */
export function computeDashboard(input: DashboardInput): DashboardData {
  const { timeZone, now } = input;
  const { settings } = parseSettings(input.settingsRows);
  const today = dayOf(now, timeZone);
  const contacts = parseContacts(input.contacts, timeZone);
  const jobs = parseJobs(input.jobs, timeZone);
  const followUps = planFollowUps({
    contacts: input.contacts,
    jobs: input.jobs,
    settingsRows: input.settingsRows,
    timeZone,
    now,
  });
  return {
    today,
    funnel: funnelOf(contacts),
    signals: signalsOf(contacts),
    coverage: coverageOf(
      contacts,
      pickedRows(input.contacts),
      jobs.map((j) => j.company),
      settings.picksPerCompany,
    ),
    credits: { ...creditsLeft(contacts, settings, today), plan: settings.plan },
    overdue: followUps.overdue,
    dueToday: followUps.dueToday,
    outcomes: outcomesOf(jobs),
    picksPerCompany: settings.picksPerCompany,
  };
}

/** A block of the Dashboard: a title row, a header row, data rows; written with one setValues. */
export interface DashboardBlock {
  readonly key: 'funnel' | 'signals' | 'credits' | 'outcomes' | 'followUps' | 'coverage';
  /** 1-based sheet row of the title row (the header is the next row, data after it). */
  readonly row: number;
  /** 1-based first column. */
  readonly col: number;
  /** Title row, header row and data rows, all `width` wide. */
  readonly values: Cell[][];
  readonly width: number;
  /** Number formats for data columns (0-based within the block), e.g. percentages. */
  readonly formats: readonly { readonly col: number; readonly format: string }[];
}

/** The whole Dashboard sheet: title row, blocks, and where the funnel chart goes. */
export interface DashboardLayout {
  /** Row 1: title, '', "updated …". */
  readonly titleRow: Cell[];
  readonly blocks: readonly DashboardBlock[];
  /** Last sheet row used. */
  readonly lastRow: number;
  /** Widest block, in columns. */
  readonly width: number;
  /** Funnel chart: its data (header + stages, Stage and People columns) and its anchor. */
  readonly chart: {
    readonly dataRow: number;
    readonly dataCol: number;
    readonly numRows: number;
    readonly numCols: number;
    readonly anchorRow: number;
    readonly anchorCol: number;
  };
}

export const DASHBOARD_TITLE = 'Referral tracker — dashboard';
export const PERCENT_FORMAT = '0%';
export const DAY_FORMAT = 'yyyy-mm-dd';

/** "updated 2026-03-10 09:00 (Europe/Paris)". */
export function updatedLabel(now: number, timeZone: string): string {
  const p = zonedParts(now, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `updated ${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)} (${timeZone})`;
}

const orBlank = (n: number | null): Cell => (n === null ? '' : n);

/**
 * Lays the data out: blocks stacked in columns A–F from row 3 with a blank row between them,
 * fixed-size blocks first so their place does not move; the chart sits to the right. All user
 * text (company, name, job) is formula-escaped; no formulas are written at all.
 */
export function layoutDashboard(
  data: DashboardData,
  timeZone: string,
  now: number,
  maxFollowUps = DASHBOARD_FOLLOW_UPS,
): DashboardLayout {
  const blocks: DashboardBlock[] = [];
  let row = 3;
  const add = (
    key: DashboardBlock['key'],
    title: string,
    header: readonly string[],
    rows: Cell[][],
    formats: DashboardBlock['formats'] = [],
  ) => {
    const width = header.length;
    const pad = (r: readonly Cell[]) => [...r, ...new Array<Cell>(Math.max(0, width - r.length)).fill('')];
    const body = rows.length > 0 ? rows.map(pad) : [pad(['none yet'])];
    const values = [pad([title]), [...header], ...body];
    blocks.push({ key, row, col: 1, values, width, formats: rows.length > 0 ? formats : [] });
    row += values.length + 1;
  };

  add(
    'funnel',
    'Funnel (people who reached at least this stage)',
    ['Stage', 'People', 'Of messaged'],
    data.funnel.map((f) => [f.stage, f.people, orBlank(f.rate)]),
    [{ col: 2, format: PERCENT_FORMAT }],
  );
  add(
    'signals',
    'Reply rate by signal (among people messaged)',
    ['Signal', 'Messaged', 'Replied', 'Reply rate'],
    data.signals.map((s) => [s.signal, s.messaged, s.replied, orBlank(s.rate)]),
    [{ col: 3, format: PERCENT_FORMAT }],
  );
  const cr = data.credits;
  add(
    'credits',
    'InMail credits this month',
    ['Item', 'Credits'],
    [
      ['LinkedIn plan', cr.plan],
      ['Monthly allowance', cr.allowance],
      ['Paid InMails sent this month', cr.spent],
      ['Returned (answered within 90 days)', cr.refunded],
      [cr.estimated ? 'Left (estimate)' : 'Left (from Settings)', cr.left],
    ],
  );
  add(
    'outcomes',
    'Jobs by outcome',
    ['Outcome', 'Jobs'],
    data.outcomes.map((o) => [o.outcome, o.jobs]),
  );
  const due = [
    ...data.overdue.map((d) => ['Overdue', d] as const),
    ...data.dueToday.map((d) => ['Today', d] as const),
  ].slice(0, Math.max(0, maxFollowUps));
  const shown = due.length < data.overdue.length + data.dueToday.length ? ` — first ${due.length}` : '';
  add(
    'followUps',
    `Follow-ups: ${data.overdue.length} overdue, ${data.dueToday.length} due today${shown}`,
    ['Due', 'When', 'Sheet', 'Company', 'Who / job', 'Next action'],
    due.map(([when, d]) => [
      new Date(midnightOf(d.due, timeZone)),
      when,
      d.sheet,
      escapeFormula(d.company),
      escapeFormula(d.name),
      escapeFormula(d.action),
    ]),
    [{ col: 0, format: DAY_FORMAT }],
  );
  add(
    'coverage',
    `Coverage per company (ok = at least ${data.picksPerCompany} picks)`,
    ['Company', 'People', 'Picks', 'Engaged', 'Referrals', 'Coverage'],
    data.coverage.map((c) => [
      escapeFormula(c.company),
      c.people,
      c.picks,
      c.engaged,
      c.referrals,
      c.coverage,
    ]),
  );

  const width = Math.max(...blocks.map((b) => b.width));
  const funnel = blocks[0]!;
  return {
    titleRow: [DASHBOARD_TITLE, '', updatedLabel(now, timeZone)],
    blocks,
    lastRow: row - 2,
    width,
    chart: {
      dataRow: funnel.row + 1,
      dataCol: funnel.col,
      numRows: data.funnel.length + 1,
      numCols: 2,
      anchorRow: 3,
      anchorCol: width + 2,
    },
  };
}
