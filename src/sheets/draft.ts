// The Draft-message sidebar's server side: reads the selected row and the small tables around it, applies core's plans.
// Every action reads first, then writes (one flush), and what it reads does not grow with the
// sheets: the header rows, the person's row, that company's Jobs rows (a TextFinder search),
// Settings, Templates, and only when they matter the person's Activity rows and the rows a
// follow-up recompute needs (sheets/followups readAffected). docs/performance.md has the counts.

import { type ActivityEntry, parseActivityRows } from '../core/advice';
import { planCallGuideSave } from '../core/call-guide';
import { callGuideFor, contactOnRow, type DraftInput, draftType, personInfo, planDraft } from '../core/draft';
import { UserError } from '../core/errors';
import { contactFingerprint, personId, personKey, samePerson } from '../core/fingerprint';
import { companyPattern, planAffected, type SheetRows, sameTextPattern } from '../core/followup-plan';
import {
  activityNeeded,
  changesJobFollowUp,
  decideMarkSent,
  type MarkSentRecord,
  parseMarkSentRecord,
  planRecordWrites,
} from '../core/mark-sent';
import { MESSAGE_INFO, type MessageType } from '../core/messages';
import { type Contact, jobFor, parseJobs } from '../core/rows';
import { ACTIVITY_SHEET, J, JOBS, SHEET } from '../core/schema';
import { parseSettings } from '../core/settings';
import type { DraftPayload, MarkSentResult, SaveCallGuideResult, SelectionInfo } from '../core/sidebar-api';
import { checkApply, checkLanguage, checkRow, checkText, checkType } from '../core/sidebar-args';
import { isBlankRow, type WritePlan, withPlan } from '../core/table';
import { parseTemplates } from '../core/templates';
import type { Cell } from '../core/values';
import { type AffectedData, readAffected, writeAffected } from './followups';
import { applyPlan, findRows, readHeaders, readMatchingRows, readRows, readTable } from './gas-table';
import { withDocumentLock } from './lock';
import { flagSettingProblems, readSettingsRows, requireSheet } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The refusal Mark as sent gives when the row changed after the draft was made. */
export const ROW_CHANGED = 'This row changed since the draft was made; review it and try again.';

const OUTSIDE = /outside the dimensions of the sheet|Range not found/i;

/** Row `row` of a sheet (columns 1…width), or null when the grid has fewer rows. */
function readRowAt(sheet: Sheet, row: number, width: number): Cell[] | null {
  try {
    return readRows(sheet, [row], Math.max(1, width)).get(row) ?? [];
  } catch (e) {
    if (OUTSIDE.test(String((e as { message?: unknown })?.message ?? e))) return null;
    throw e;
  }
}

// ---------------------------------------------------------------- selection

/**
 * The selected Contacts data row and its fingerprint: three light calls (the active range, the
 * header row, that row), so the sidebar can poll it.
 */
export function selection(ss: Spreadsheet): SelectionInfo {
  const none: SelectionInfo = { row: null, fingerprint: '' };
  const range = ss.getActiveRange();
  if (!range) return none;
  const sheet = range.getSheet();
  if (sheet.getName() !== SHEET.contacts) return none;
  const row = range.getRow();
  if (row < 2) return none;
  const headers = readHeaders(sheet);
  const cells = readRowAt(sheet, row, headers.length);
  if (!cells || isBlankRow(cells)) return none;
  return { row, fingerprint: contactFingerprint(row, headers, cells) };
}

// ---------------------------------------------------------------- reading

/** Some rows of a sheet with its header row; `rows` in sheet order. */
interface SheetPart {
  sheet: Sheet;
  headers: readonly string[];
  rows: { row: number; cells: Cell[] }[];
}

/** What one sidebar action reads. */
interface DraftRead extends DraftInput {
  sheet: Sheet;
  contact: Contact;
  /** Jobs' rows for the contact's company (null when Jobs is missing). */
  jobRows: SheetPart | null;
  /** Settings rows below the header (column A: setting, B: value). */
  settingsRows: Cell[][];
}

/** Some rows of a sheet as SheetRows (their sheet rows kept). */
function sheetRowsOf(part: {
  headers: readonly string[];
  rows: readonly { row: number; cells: Cell[] }[];
}): SheetRows {
  return {
    headers: part.headers,
    rows: part.rows.map((r) => r.cells),
    rowNumbers: part.rows.map((r) => r.row),
  };
}

/** The Jobs rows of one company with the header row: one search, one read when they are near the top (readMatchingRows). */
function companyJobs(sheet: Sheet, company: string): SheetPart {
  if (!company) return { sheet, headers: readHeaders(sheet), rows: [] };
  const { headers, rows, found } = readMatchingRows(
    sheet,
    J.company,
    companyPattern([company]),
    true,
    JOBS.columns.length,
  );
  return { sheet, headers, rows: found.map((r) => ({ row: r, cells: rows.get(r) ?? [] })) };
}

/** Activity's columns: the add-on writes its six columns in the contract's order. */
const ACTIVITY_HEADERS = ACTIVITY_SHEET.columns.map((c) => c.header);

/** The Activity rows about a person: one search of the Name column, then the rows found. */
function readActivity(ss: Spreadsheet, contact: Contact): ActivityEntry[] {
  const sheet = ss.getSheetByName(SHEET.activity);
  if (!sheet || !contact.name) return [];
  const found = findRows(sheet, 3, sameTextPattern([contact.name]));
  const read = readRows(sheet, found, ACTIVITY_HEADERS.length);
  return parseActivityRows(
    ACTIVITY_HEADERS,
    found.map((r) => ({ row: r, cells: read.get(r) ?? [] })),
  );
}

/**
 * Reads what a draft for Contacts row `row` needs: the header row and that row, the company's
 * Jobs rows, Settings and Templates (the person's Activity rows are the caller's to read, when
 * they matter). `moved` replaces the message for a row that is empty or past the end.
 */
function readDraft(
  ss: Spreadsheet,
  row: number,
  now: number,
  options: {
    moved?: string;
    /** false: the caller builds no message (Save call guide), so Templates are not read. */
    templates?: boolean;
  } = {},
): DraftRead {
  const timeZone = ss.getSpreadsheetTimeZone();
  const sheet = requireSheet(ss, SHEET.contacts);
  const headers = readHeaders(sheet);
  const cells = readRowAt(sheet, row, headers.length);
  if (cells === null) throw new UserError(options.moved || `Row ${row} is past the last row of Contacts.`);
  const contact = contactOnRow(headers, cells, row, timeZone);
  if (!contact) throw new UserError(options.moved || `Row ${row} of Contacts is empty.`);

  const jobsSheet = ss.getSheetByName(SHEET.jobs);
  const jobRows = jobsSheet ? companyJobs(jobsSheet, contact.company) : null;
  const jobs = jobRows
    ? parseJobs(sheetRowsOf(jobRows), timeZone).map((j) => ({
        ...j,
        row: jobRows.rows[j.index]?.row ?? j.row,
      }))
    : [];
  const settingsRows = readSettingsRows(ss);
  const { settings, problems } = parseSettings(settingsRows, 2, timeZone);
  const templatesSheet = options.templates === false ? null : ss.getSheetByName(SHEET.templates);
  const templates = templatesSheet ? parseTemplates(readTable(templatesSheet)) : [];
  return {
    sheet,
    headers,
    cells,
    row,
    contact,
    jobs,
    jobRows,
    settings,
    settingsRows,
    settingProblems: problems.map((p) => p.message),
    templates,
    activity: [],
    timeZone,
    now,
  };
}

// ---------------------------------------------------------------- unfinished Mark as sent

/** Document property keys of unfinished Mark as sent records: this, then the person's id (core/fingerprint personId). */
export const UNFINISHED_PREFIX = 'referralTracker.markSent.';

/**
 * Where a person's unfinished Mark as sent is kept (core/mark-sent MarkSentRecord): one document
 * property per person (a few hundred bytes, far under the 9 KB a value may hold), written before
 * the first write of a Mark as sent and deleted after its last.
 */
function unfinishedStore(headers: readonly string[], cells: readonly Cell[]) {
  const key = UNFINISHED_PREFIX + personId(headers, cells);
  const props = PropertiesService.getDocumentProperties();
  return {
    read: (): MarkSentRecord | null => parseMarkSentRecord(props?.getProperty(key)),
    keep: (record: MarkSentRecord): void => {
      props?.setProperty(key, JSON.stringify(record));
    },
    clear: (): void => {
      props?.deleteProperty(key);
    },
  };
}

/** The refusal when row `row` no longer holds the person a draft was for. */
function movedMessage(row: number, now: string | null): string {
  const holds = now === null ? 'is empty now' : `now holds ${now}`;
  return `Row ${row} ${holds}, not the person the draft was for: the sheet was sorted, or rows were moved, added or deleted. Nothing was written; select the person's row again.`;
}

/** The refusal when the row's fingerprint differs from the draft's: edited, or someone else now. */
function changedMessage(read: DraftRead, fingerprint: string): string {
  if (!samePerson(fingerprint, personKey(read.headers, read.cells)))
    return movedMessage(read.row, read.contact.name || 'someone else');
  return ROW_CHANGED;
}

/** Refuses when the acted-on row, read again just before writing, differs from the first read. */
function checkUnchanged(read: DraftRead, now: readonly Cell[] | undefined): void {
  if (
    contactFingerprint(read.row, read.headers, now ?? []) !==
    contactFingerprint(read.row, read.headers, read.cells)
  ) {
    throw new UserError(
      `Row ${read.row} was edited while this ran; nothing was written. Review the row and try again.`,
    );
  }
}

// ---------------------------------------------------------------- the draft

/** The draft for a Contacts row (validated arguments; JSON-safe result). */
export function draftFor(
  ss: Spreadsheet,
  row: unknown,
  type: unknown,
  language: unknown,
  now: number,
): DraftPayload {
  const r = checkRow(row);
  const t = checkType(type, true);
  const l = checkLanguage(language);
  const read = readDraft(ss, r, now);
  const { contact, timeZone: tz } = read;
  const unfinished = unfinishedStore(read.headers, read.cells).read();
  // Activity tells a repeat of a message that stamps no date; the others show on the row.
  const shown = draftType(contact, read.jobs, read.settings, t, tz, unfinished);
  const activity = activityNeeded(shown, contact, now, tz) ? readActivity(ss, contact) : [];
  const draft = planDraft({ ...read, activity, unfinished }, contact, t, l);
  // A bad setting gets its note (a read and a write, only then); fixed ones are cleared by the menu actions.
  if (read.settingProblems.length > 0)
    flagSettingProblems(ss, parseSettings(read.settingsRows, 2, read.timeZone).problems);
  return draft;
}

// ---------------------------------------------------------------- follow-ups

/**
 * Next action and Due after a change to the contact's row: for a person who never referred you,
 * after a message that cannot change their job's advice (core/mark-sent changesJobFollowUp), the
 * row's own follow-up from that row and the company's Jobs rows already read (planAffected, the
 * Jobs row left as it is); otherwise the live recompute of the row and of their job
 * (readAffected: the company's rows, and every referrer when an accepted offer makes it matter).
 * Reads now; the returned function writes. The re-read of the row is checked against the first.
 */
function followUpsAfterRow(
  ss: Spreadsheet,
  read: DraftRead,
  afterCells: readonly Cell[],
  changed: readonly string[],
  type: MessageType,
): { write: () => void; cells: Cell[] } {
  const r = read.row;
  const jobs = read.jobRows;
  if (!changesJobFollowUp(type) && read.contact.referredOn === null) {
    checkUnchanged(read, readRowAt(read.sheet, r, read.headers.length) ?? []);
    const contacts: SheetRows = { headers: read.headers, rows: [[...afterCells]], rowNumbers: [r] };
    const plan = planAffected({
      contacts,
      jobs: jobs ? sheetRowsOf(jobs) : { headers: [], rows: [] },
      settingsRows: read.settingsRows,
      timeZone: read.timeZone,
      now: read.now,
      changedContacts: [r],
    });
    return {
      write: () => applyPlan(read.sheet, contacts, plan.contacts, [r]),
      cells: withPlan(contacts, plan.contacts).rows[0] as Cell[],
    };
  }
  const data = readAffected(ss, { contactRows: [r], contactColumns: changed }, read.now, {
    contacts: { sheet: read.sheet, headers: read.headers },
    ...(jobs
      ? {
          jobs: {
            sheet: jobs.sheet,
            headers: jobs.headers,
            rows: new Map(jobs.rows.map((x) => [x.row, x.cells])),
          },
        }
      : {}),
    settingsRows: read.settingsRows,
  });
  const rows = data.contacts.rows;
  const at = rows.rowNumbers ?? [];
  checkUnchanged(read, rows.rows[at.indexOf(r)]);
  const after: SheetRows = {
    ...rows,
    rows: rows.rows.map((cells, i) => (at[i] === r ? [...afterCells] : cells)),
  };
  const plan = planAffected({
    contacts: after,
    jobs: data.jobs.rows,
    settingsRows: data.settingsRows,
    timeZone: data.timeZone,
    now: read.now,
    changedContacts: data.changedContacts,
    everyReferrer: data.everyReferrer,
    ...(data.credits === undefined ? {} : { credits: data.credits }),
  });
  return {
    write: () => writeAffected(data, read.now, after),
    cells: (withPlan(after, plan.contacts).rows[at.indexOf(r)] ?? [...afterCells]) as Cell[],
  };
}

// ---------------------------------------------------------------- Mark as sent

/**
 * Records a sent message under the document lock. Refuses, writing nothing, when the row changed
 * or moved since the draft, when it changes while this runs, or when the message is advised
 * against or already marked as sent and the page did not send the user's confirm.
 *
 * What it writes is decided once, as a record (core/mark-sent MarkSentRecord) kept in document
 * properties before the first write and deleted after the last. Writes in this order: the record,
 * the contact's stamp and Status, Next action and Due of the contact (and of their job), Settings
 * "InMail credits left", the Activity row, then the record's deletion. A run that stops anywhere
 * leaves the record, and the next Mark as sent of that message (no confirm needed: the draft shows
 * no warning for it) finishes it: each cell written only while it still holds what the first run
 * read, the credit taken once, the Activity row appended unless Activity shows it, the follow-ups
 * recomputed. Once the record is gone, marking the message again is a repeat, refused unless confirmed.
 */
export function markSent(
  ss: Spreadsheet,
  row: unknown,
  type: unknown,
  fingerprint: unknown,
  confirmed: unknown,
  now: number,
): MarkSentResult {
  const r = checkRow(row);
  const t = checkType(type, false) as MessageType;
  const fp = checkText(fingerprint, 'The row fingerprint', 200);
  if (confirmed !== undefined && confirmed !== null && typeof confirmed !== 'boolean')
    throw new UserError('The confirm must be true or false.');
  return withDocumentLock(() => {
    const read = readDraft(ss, r, now, { moved: movedMessage(r, null) });
    const { contact, timeZone } = read;
    if (contactFingerprint(r, read.headers, read.cells) !== fp) throw new UserError(changedMessage(read, fp));
    const store = unfinishedStore(read.headers, read.cells);
    const kept = store.read();
    const unfinished = kept?.type === t ? kept : null;
    const activity = unfinished || activityNeeded(t, contact, now, timeZone) ? readActivity(ss, contact) : [];
    const contactTable = { headers: read.headers, rows: [read.cells] };
    const decision = decideMarkSent({
      contacts: contactTable,
      contact,
      job: jobFor(contact, read.jobs),
      type: t,
      plan: read.settings.plan,
      settingsRows: read.settingsRows,
      activity,
      unfinished,
      confirmed: confirmed === true,
      timeZone,
      now,
    });
    if (decision.kind === 'refuse') throw new UserError(decision.message);
    const { record, finishing } = decision;
    const writes = planRecordWrites({
      contacts: contactTable,
      contact,
      record,
      settingsRows: read.settingsRows,
      activity,
      finishing,
    });
    const followUps = followUpsAfterRow(ss, read, writes.after.rows[0] ?? read.cells, writes.changed, t);
    const settingsSheet = writes.credit ? ss.getSheetByName(SHEET.settings) : null;
    const activitySheet = writes.activity.length > 0 ? ss.getSheetByName(SHEET.activity) : null;

    // Writes (appendRow is a write, so nothing is read between): the record first, its deletion last.
    if (!finishing) store.keep(record);
    if (writes.plan.columns.length > 0) applyPlan(read.sheet, contactTable, writes.plan, [r]);
    followUps.write();
    if (writes.credit && settingsSheet)
      settingsSheet.getRange(writes.credit.index + 2, 2).setValue(writes.credit.value);
    for (const entry of activitySheet ? writes.activity : []) activitySheet?.appendRow([...entry]);
    store.clear();

    const creditsLeft = writes.credit && !settingsSheet ? null : writes.creditsLeft;
    const label = MESSAGE_INFO[t].label.toLowerCase();
    const stamped = record.stamps[0]?.header ?? '';
    const parts = [
      finishing
        ? `Finished recording the ${label} to ${contact.name} (an earlier try stopped halfway)`
        : `Marked the ${label} to ${contact.name} as sent`,
    ];
    if (stamped) parts.push(`stamped ${stamped}`);
    if (record.to !== record.from) parts.push(`Status ${record.from} → ${record.to}`);
    if (creditsLeft !== null) parts.push(`${creditsLeft} InMail credits left`);

    // The refreshed draft comes from what was read and written, not from a second read.
    const cells = followUps.cells;
    const afterContact = contactOnRow(read.headers, cells, r, timeZone) ?? contact;
    const logged: ActivityEntry[] = activitySheet
      ? parseActivityRows(
          ACTIVITY_HEADERS,
          writes.activity.map((a) => ({ row: 0, cells: a })),
        )
      : [];
    const draft = planDraft({ ...read, cells, activity: [...activity, ...logged] }, afterContact, null, null);
    return {
      message: `${parts.join('; ')}.`,
      stamped,
      statusFrom: record.from,
      statusTo: record.to,
      creditsLeft,
      draft,
    };
  });
}

// ---------------------------------------------------------------- call guide

/**
 * Saves Referral process and Apply to the contact's job on Jobs (under the document lock), then
 * recomputes Next action and Due of that job and of its contacts (Apply changes their "apply
 * online" advice), with the live recompute (sheets/followups).
 */
export function saveCallGuide(
  ss: Spreadsheet,
  row: unknown,
  referralProcess: unknown,
  apply: unknown,
  now: number,
): SaveCallGuideResult {
  const r = checkRow(row);
  const text = checkText(referralProcess, 'Referral process', 2000).trim();
  const choice = checkApply(apply);
  return withDocumentLock(() => {
    const read = readDraft(ss, r, now, { templates: false });
    const { contact } = read;
    const job = jobFor(contact, read.jobs);
    const jobRows = read.jobRows;
    if (!job || !jobRows) {
      throw new UserError(
        `No job on Jobs matches ${contact.name}'s Company and Job (${contact.company}${contact.job ? ` — ${contact.job}` : ''}). Add the job to Jobs first.`,
      );
    }
    const jobsRead = sheetRowsOf(jobRows);
    const save: WritePlan = planCallGuideSave(jobsRead, job, text, choice);
    const data: AffectedData = readAffected(
      ss,
      { jobRows: [job.row], jobColumns: [J.apply, J.referralProcess] },
      now,
      {
        contacts: { sheet: read.sheet, headers: read.headers },
        jobs: {
          sheet: jobRows.sheet,
          headers: jobRows.headers,
          rows: new Map(jobRows.rows.map((x) => [x.row, x.cells])),
        },
        settingsRows: read.settingsRows,
      },
    );
    // The job's row as it will be, for the recompute.
    const jobsAt = data.jobs.rows.rowNumbers ?? [];
    const savedRow = withPlan(jobsRead, save).rows[jobRows.rows.findIndex((x) => x.row === job.row)];
    const jobsAfter: SheetRows = {
      ...data.jobs.rows,
      rows: data.jobs.rows.rows.map((cells, i) =>
        jobsAt[i] === job.row && savedRow ? [...savedRow] : cells,
      ),
    };
    const after: AffectedData = { ...data, jobs: { ...data.jobs, rows: jobsAfter } };
    // Writes: the job's two cells, then the recomputed follow-ups.
    applyPlan(jobRows.sheet, jobsRead, save, jobsRead.rowNumbers ?? 2);
    const recomputed = writeAffected(after, now);
    const contactsAt = data.contacts.rows.rowNumbers ?? [];
    const cells = (withPlan(data.contacts.rows, recomputed.contacts).rows[contactsAt.indexOf(r)] ??
      read.cells) as Cell[];
    return {
      message: `Saved the referral process and Apply for ${job.company} — ${job.job}.`,
      fingerprint: contactFingerprint(r, read.headers, cells),
      person: personInfo({ ...read, cells }, contactOnRow(read.headers, cells, r, read.timeZone) ?? contact),
      callGuide: callGuideFor({ ...job, referralProcess: text, apply: choice }, read.settings.language),
    };
  });
}
