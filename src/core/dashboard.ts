// The Dashboard as data: funnel, reply rate by signal, credits, outcomes, follow-ups, coverage, laid out in blocks.

import { companyKey } from './companies';
import { type CreditsLeft, creditsLeft } from './credits';
import { type Day, dayOf, midnightOf, zonedParts } from './dates';
import { type DueItem, planFollowUps } from './followup-plan';
import { type Contact, type Job, jobIndex, parseContacts, parseJobs } from './rows';
import { C, OUTCOMES, type Status } from './schema';
import { type CompanyState, type Coverage, companyStates, hasReferred } from './scoring-plan';
import { parseSettings } from './settings';
import { col, headerIndex, type Table } from './table';
import { textKey } from './text';
import { describeTrial, type TrialUse } from './trial';
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
 * How far each Status got in the funnel (index into FUNNEL_STAGES). No reply counts as Messaged;
 * Declined counts as Replied: they answered, with a no (PRODUCT precise point 10); To contact and
 * Skip are only Listed.
 */
export const STAGE_OF_STATUS: Readonly<Record<Status, number>> = {
  'To contact': 0,
  Skip: 0,
  Messaged: 1,
  'No reply': 1,
  Declined: 2,
  Replied: 2,
  'Call scheduled': 3,
  'Call done': 4,
  Referred: 5,
};

const stageIndex = (stage: FunnelStage): number => FUNNEL_STAGES.indexOf(stage);
const MESSAGED = stageIndex('Messaged');
const REPLIED = stageIndex('Replied');

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

/** One target company's coverage (a company on Jobs). */
export interface CoverageRow {
  /** As written on Jobs (its first row). */
  readonly company: string;
  readonly people: number;
  /** People marked ✓ in Pick (as last written by Score candidates). */
  readonly picks: number;
  /** People messaged through referred (still in play). */
  readonly engaged: number;
  readonly referrals: number;
  /** PRODUCT point 18: 'closed' (every job closed), 'referred', else by picks. */
  readonly coverage: Coverage;
}

/** Coverage of the target companies, and the people at companies that are not targets. */
export interface CoverageData {
  readonly rows: readonly CoverageRow[];
  /** People on Contacts whose company has no job on Jobs. */
  readonly notTargetPeople: number;
  /** How many such companies. */
  readonly notTargetCompanies: number;
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
  readonly coverage: CoverageData;
  readonly credits: CreditsLeft & { readonly plan: string };
  /** The Premium trial reminder, from 5 days before it ends (PRODUCT point 22), else null. */
  readonly trial: TrialUse | null;
  /** Pay it forward: people who asked you for help, and those you helped (What I did filled). */
  readonly payItForward: { readonly asked: number; readonly helped: number };
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
  /** The `Pay it forward` sheet, or null when the tracker has none yet. */
  readonly payItForward?: Table | null;
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

const COVERAGE_ORDER: readonly Coverage[] = ['needs more', 'ok', 'referred', 'closed'];

/** Text sorted as text: leading symbols ("=", "-", "'") do not put a name first. */
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
function sortKey(name: string): string {
  return name.replace(/^[^\p{L}\p{N}]+/u, '');
}

/**
 * Coverage per target company (PRODUCT point 18): one row per company on Jobs (companies matched
 * by core/companies), with people listed, picks (the Pick column as written by Score candidates),
 * engaged (Messaged through Referred), referrals, and the coverage: `closed` when every job is
 * closed, `referred` when every open job has a referral, else `ok` when picks reach "Picks per
 * company" and `needs more` otherwise. Companies needing more come first, then ok, referred,
 * closed; by name within each (as text). People at companies with no job on Jobs are only counted.
 */
export function coverageOf(
  contacts: readonly Contact[],
  picked: ReadonlySet<number>,
  jobs: readonly Job[],
  picksPerCompany: number,
): CoverageData {
  const lookup = jobIndex(jobs);
  const referredJobs = new Set<Job>();
  for (const c of contacts) {
    const j = hasReferred(c) ? lookup(c) : null;
    if (j) referredJobs.add(j);
  }
  const states = companyStates(jobs, referredJobs);
  const by = new Map<
    string,
    {
      company: string;
      state: CompanyState;
      people: number;
      picks: number;
      engaged: number;
      referrals: number;
    }
  >();
  for (const [k, st] of states) {
    by.set(k, { company: st.name, state: st.state, people: 0, picks: 0, engaged: 0, referrals: 0 });
  }
  const elsewhere = new Set<string>();
  let notTargetPeople = 0;
  for (const c of contacts) {
    const k = companyKey(c.company);
    if (!k) continue;
    const e = by.get(k);
    if (!e) {
      notTargetPeople++;
      elsewhere.add(k);
      continue;
    }
    e.people++;
    if (picked.has(c.index)) e.picks++;
    const s = stageOf(c);
    if (s >= MESSAGED && c.status !== 'No reply' && c.status !== 'Declined') e.engaged++;
    if (hasReferred(c)) e.referrals++;
  }
  const rows: CoverageRow[] = [...by.values()].map(({ state, ...e }) => ({
    ...e,
    coverage:
      state === 'closed' || state === 'referred' ? state : e.picks >= picksPerCompany ? 'ok' : 'needs more',
  }));
  rows.sort(
    (a, b) =>
      COVERAGE_ORDER.indexOf(a.coverage) - COVERAGE_ORDER.indexOf(b.coverage) ||
      collator.compare(sortKey(a.company), sortKey(b.company)),
  );
  return { rows, notTargetPeople, notTargetCompanies: elsewhere.size };
}

/**
 * Pay it forward: rows with a Name are people who asked you for help; those with "What I did"
 * filled are people you helped. Each person (Name, case-insensitive) counts once. A missing sheet
 * counts 0.
 */
export function payItForwardOf(table: Table | null | undefined): { asked: number; helped: number } {
  if (!table) return { asked: 0, helped: 0 };
  const idx = headerIndex(table.headers);
  const name = col(idx, 'Name');
  const did = col(idx, 'What I did');
  if (name < 0) return { asked: 0, helped: 0 };
  const asked = new Set<string>();
  const helped = new Set<string>();
  for (const r of table.rows) {
    const k = textKey(r[name]);
    if (!k) continue;
    asked.add(k);
    if (did >= 0 && !isBlank(r[did])) helped.add(k);
  }
  return { asked: asked.size, helped: helped.size };
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
  const { settings } = parseSettings(input.settingsRows, 2, timeZone);
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
  const credits = creditsLeft(contacts, settings, today);
  return {
    today,
    funnel: funnelOf(contacts),
    signals: signalsOf(contacts),
    coverage: coverageOf(contacts, pickedRows(input.contacts), jobs, settings.picksPerCompany),
    credits: { ...credits, plan: settings.plan },
    trial: followUps.trial,
    payItForward: payItForwardOf(input.payItForward),
    overdue: followUps.overdue,
    dueToday: followUps.dueToday,
    outcomes: outcomesOf(jobs),
    picksPerCompany: settings.picksPerCompany,
  };
}

/** A block of the Dashboard: a title row, a header row, data rows; written with one setValues. */
export interface DashboardBlock {
  readonly key: 'funnel' | 'signals' | 'credits' | 'outcomes' | 'payItForward' | 'followUps' | 'coverage';
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
  /** Row 2: a notice (the Premium trial reminder), or [] for none. */
  readonly noticeRow: Cell[];
  readonly blocks: readonly DashboardBlock[];
  /** Last sheet row used. */
  readonly lastRow: number;
  /** Widest block, in columns. */
  readonly width: number;
  /**
   * Funnel chart: its data (Stage and People from Messaged to Referred: Listed, often far larger,
   * is shown as a number in the block so the later stages stay readable) and its anchor.
   */
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

/** The coverage block's last line: people at companies with no job on Jobs, counted once. */
export const NOT_TARGET_LABEL = 'Not a target company';
export const NOT_TARGET_HINT = 'add the job on Jobs to target them';

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
    'Funnel (people who reached at least this stage; Declined counts as Replied; the chart starts at Messaged)',
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
  add(
    'payItForward',
    'Pay it forward',
    ['Item', 'People'],
    [
      ['Asked you for help', data.payItForward.asked],
      ['Helped', data.payItForward.helped],
    ],
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
    `Coverage per target company (ok = at least ${data.picksPerCompany} picks)`,
    ['Company', 'People', 'Picks', 'Engaged', 'Referrals', 'Coverage'],
    [
      ...data.coverage.rows.map((c) => [
        escapeFormula(c.company),
        c.people,
        c.picks,
        c.engaged,
        c.referrals,
        c.coverage,
      ]),
      ...(data.coverage.notTargetPeople > 0
        ? [
            [
              `${NOT_TARGET_LABEL} (${data.coverage.notTargetCompanies} ${data.coverage.notTargetCompanies === 1 ? 'company' : 'companies'})`,
              data.coverage.notTargetPeople,
              '',
              '',
              '',
              NOT_TARGET_HINT,
            ],
          ]
        : []),
    ],
  );

  const width = Math.max(...blocks.map((b) => b.width));
  const funnel = blocks[0]!;
  return {
    titleRow: [DASHBOARD_TITLE, '', updatedLabel(now, timeZone)],
    noticeRow: data.trial ? [describeTrial(data.trial)] : [],
    blocks,
    lastRow: row - 2,
    width,
    chart: {
      // Title, header and Listed rows come first: the chart's data starts at Messaged.
      dataRow: funnel.row + 2 + MESSAGED,
      dataCol: funnel.col,
      numRows: data.funnel.length - MESSAGED,
      numCols: 2,
      anchorRow: 3,
      anchorCol: width + 2,
    },
  };
}

/** The Dashboard as one grid from row 1: values, font weights and fills, each written with one call. */
export interface DashboardGrid {
  readonly values: Cell[][];
  readonly weights: ('bold' | null)[][];
  readonly backgrounds: (string | null)[][];
  readonly width: number;
}

/**
 * The whole layout as one grid (rows 1…lastRow, `width` columns): the title row (title bold), the
 * notice row, each block's title and header rows bold and its header row filled with `headerFill`.
 */
export function dashboardGrid(layout: DashboardLayout, headerFill: string): DashboardGrid {
  const width = Math.max(layout.width, layout.titleRow.length, layout.noticeRow.length);
  const rows = Math.max(layout.lastRow, 2);
  const blank = <T>(v: T): T[][] => Array.from({ length: rows }, () => new Array<T>(width).fill(v));
  const values = blank<Cell>('');
  const weights = blank<'bold' | null>(null);
  const backgrounds = blank<string | null>(null);
  const put = (row: number, col: number, cells: readonly Cell[]) => {
    cells.forEach((v, j) => {
      values[row - 1]![col - 1 + j] = v;
    });
  };
  put(1, 1, layout.titleRow);
  weights[0]![0] = 'bold';
  put(2, 1, layout.noticeRow);
  for (const b of layout.blocks) {
    b.values.forEach((r, i) => {
      put(b.row + i, b.col, r);
    });
    for (let j = 0; j < b.width; j++) {
      weights[b.row - 1]![b.col - 1 + j] = 'bold';
      weights[b.row]![b.col - 1 + j] = 'bold';
      backgrounds[b.row]![b.col - 1 + j] = headerFill;
    }
  }
  return { values, weights, backgrounds, width };
}

/** People who reached a funnel stage, looked up by name. */
export function reached(data: Pick<DashboardData, 'funnel'>, stage: FunnelStage): number {
  return data.funnel.find((f) => f.stage === stage)?.people ?? 0;
}

/** The message shown after Refresh dashboard, from the figures it shows. */
export function describeDashboard(data: DashboardData): string {
  const needMore = data.coverage.rows.filter((c) => c.coverage === 'needs more').length;
  const elsewhere = data.coverage.notTargetPeople;
  return [
    `Dashboard updated: ${reached(data, 'Messaged')} messaged, ${reached(data, 'Replied')} replied, ${reached(data, 'Referred')} referred.`,
    `${data.overdue.length} follow-ups overdue, ${data.dueToday.length} due today.`,
    needMore > 0
      ? `${needMore} target ${needMore === 1 ? 'company needs' : 'companies need'} more picks (run Score candidates to pick people).`
      : '',
    elsewhere > 0
      ? `${elsewhere} ${elsewhere === 1 ? 'person is' : 'people are'} at a company with no job on Jobs: ${NOT_TARGET_HINT}.`
      : '',
    data.trial ? describeTrial(data.trial) : '',
  ]
    .filter((s) => s)
    .join(' ');
}
