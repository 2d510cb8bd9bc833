// The Draft-message sidebar's server side: reads the selected row and the small tables around it, applies core's plans.

import { planCallGuideSave } from '../core/call-guide';
import { contactOnRow, type DraftInput, planDraft } from '../core/draft';
import { UserError } from '../core/errors';
import { rowFingerprint } from '../core/fingerprint';
import { planFollowUps } from '../core/followup-plan';
import { planCreditUse, planMarkSent } from '../core/mark-sent';
import { MESSAGE_INFO, type MessageType } from '../core/messages';
import { type Contact, jobFor, parseJobs } from '../core/rows';
import { SHEET } from '../core/schema';
import { parseSettings } from '../core/settings';
import type { MarkSentResult, SaveCallGuideResult, SelectionInfo } from '../core/sidebar-api';
import { checkApply, checkLanguage, checkRow, checkText, checkType } from '../core/sidebar-args';
import { isBlankRow, type Table, withPlan } from '../core/table';
import { parseTemplates } from '../core/templates';
import type { Cell } from '../core/values';
import { appendActivity } from './followups';
import { applyPlan, readTable } from './gas-table';
import { withDocumentLock } from './lock';
import { type LoadedSheet, readSettingsRows, requireSheet } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The refusal Mark as sent gives when the row changed after the draft was made. */
export const ROW_CHANGED = 'This row changed since the draft was made; review it and try again.';

// ---------------------------------------------------------------- selection

/**
 * The selected Contacts data row and its fingerprint: a handful of light calls (active range,
 * last row and column, one row's values), so the sidebar can poll it.
 */
export function selection(ss: Spreadsheet): SelectionInfo {
  const none: SelectionInfo = { row: null, fingerprint: '' };
  const range = ss.getActiveRange();
  if (!range) return none;
  const sheet = range.getSheet();
  if (sheet.getName() !== SHEET.contacts) return none;
  const row = range.getRow();
  if (row < 2 || row > sheet.getLastRow()) return none;
  const lastCol = sheet.getLastColumn();
  if (lastCol < 1) return none;
  const cells = sheet.getRange(row, 1, 1, lastCol).getValues()[0] ?? [];
  if (isBlankRow(cells as Cell[])) return none;
  return { row, fingerprint: rowFingerprint(row, cells) };
}

// ---------------------------------------------------------------- reading

/** One Contacts row with the small tables a draft needs, as read from the sheet. */
interface DraftRead extends DraftInput {
  sheet: Sheet;
  contact: Contact;
  /** Jobs as read (null when the sheet is missing). */
  jobsSheet: LoadedSheet | null;
  settingsRows: Cell[][];
}

/** Reads Contacts' header row and row `row` (two getValues of one row each), refusing past the end or a blank row. */
function readContactRow(ss: Spreadsheet, row: number): { sheet: Sheet; headers: string[]; cells: Cell[] } {
  const sheet = requireSheet(ss, SHEET.contacts);
  const last = sheet.getLastRow();
  if (row > last) throw new UserError(`Row ${row} is past the last row of Contacts (${last}).`);
  const lastCol = Math.max(1, sheet.getLastColumn());
  const headers = (sheet.getRange(1, 1, 1, lastCol).getValues()[0] ?? []).map((h) => String(h));
  const cells = (sheet.getRange(row, 1, 1, lastCol).getValues()[0] ?? []) as Cell[];
  return { sheet, headers, cells };
}

/** Reads what the draft for `row` needs: that row, Jobs, Settings and Templates. */
function readDraft(ss: Spreadsheet, row: number, now: number): DraftRead {
  const timeZone = ss.getSpreadsheetTimeZone();
  const { sheet, headers, cells } = readContactRow(ss, row);
  const jobsRaw = ss.getSheetByName(SHEET.jobs);
  const jobsSheet = jobsRaw ? { sheet: jobsRaw, table: readTable(jobsRaw) } : null;
  const templatesSheet = ss.getSheetByName(SHEET.templates);
  const settingsRows = readSettingsRows(ss);
  const contact = contactOnRow(headers, cells, row, timeZone);
  if (!contact) throw new UserError(`Row ${row} of Contacts is empty.`);
  return {
    sheet,
    headers,
    cells,
    row,
    contact,
    jobs: jobsSheet ? parseJobs(jobsSheet.table, timeZone) : [],
    jobsSheet,
    settings: parseSettings(settingsRows).settings,
    settingsRows,
    templates: templatesSheet ? parseTemplates(readTable(templatesSheet)) : [],
    timeZone,
    now,
  };
}

// ---------------------------------------------------------------- the draft

/** The draft for a Contacts row (validated arguments; JSON-safe result). */
export function draftFor(ss: Spreadsheet, row: unknown, type: unknown, language: unknown, now: number) {
  const r = checkRow(row);
  const t = checkType(type, true);
  const l = checkLanguage(language);
  const read = readDraft(ss, r, now);
  return planDraft(read, read.contact, t, l);
}

// ---------------------------------------------------------------- Mark as sent

/**
 * Records a sent message under the document lock: refuses when the row's fingerprint changed;
 * stamps the message's date (when blank, or replacing an older outcome date), moves Status
 * forward where it applies (stamping and logging like an edit, by "Mark as sent"), recomputes the
 * row's follow-up, and decrements Settings "InMail credits left" when it holds a number and the
 * message costs a credit.
 */
export function markSent(
  ss: Spreadsheet,
  row: unknown,
  type: unknown,
  fingerprint: unknown,
  now: number,
): MarkSentResult {
  const r = checkRow(row);
  const t = checkType(type, false) as MessageType;
  const fp = checkText(fingerprint, 'The row fingerprint', 200);
  return withDocumentLock(() => {
    const read = readDraft(ss, r, now);
    const { sheet, contact } = read;
    if (rowFingerprint(r, read.cells) !== fp) throw new UserError(ROW_CHANGED);
    const contacts: Table = { headers: read.headers, rows: [read.cells] };

    const { plan, after, activity, stamped, statusFrom, statusTo, costsCredit } = planMarkSent({
      contacts,
      contact,
      type: t,
      timeZone: read.timeZone,
      now,
    });
    if (plan.columns.length > 0) applyPlan(sheet, contacts, plan, r);
    appendActivity(ss, activity);

    // The row's Next action and Due follow the new state, as after an edit.
    const follow = planFollowUps({
      contacts: after,
      jobs: read.jobsSheet?.table ?? { headers: [], rows: [] },
      settingsRows: read.settingsRows,
      timeZone: read.timeZone,
      now,
      onlyRows: [0],
    });
    applyPlan(sheet, after, follow.contacts, r);

    const credit = costsCredit ? planCreditUse(read.settingsRows) : null;
    const settingsSheet = ss.getSheetByName(SHEET.settings);
    if (credit && settingsSheet) settingsSheet.getRange(credit.index + 2, 2).setValue(credit.value);
    const creditsLeft = credit && settingsSheet ? credit.value : null;

    const parts = [`Marked the ${MESSAGE_INFO[t].label.toLowerCase()} to ${contact.name} as sent`];
    if (stamped) parts.push(`stamped ${stamped}`);
    if (statusTo !== statusFrom) parts.push(`Status ${statusFrom} → ${statusTo}`);
    if (creditsLeft !== null) parts.push(`${creditsLeft} InMail credits left`);
    // The refreshed draft comes from what was read and written, not from a second read.
    const cells = withPlan(after, follow.contacts).rows[0] ?? read.cells;
    const afterContact = contactOnRow(read.headers, cells, r, read.timeZone) ?? contact;
    const draft = planDraft({ ...read, cells }, afterContact, null, null);
    return {
      message: `${parts.join('; ')}.`,
      stamped,
      statusFrom,
      statusTo,
      creditsLeft,
      draft,
    };
  });
}

// ---------------------------------------------------------------- call guide

/** Saves Referral process and Apply to the contact's job on Jobs (under the document lock). */
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
    const read = readDraft(ss, r, now);
    const { contact } = read;
    const job = jobFor(contact, read.jobs);
    if (!job || !read.jobsSheet) {
      throw new UserError(
        `No job on Jobs matches ${contact.name}'s Company and Job (${contact.company}${contact.job ? ` — ${contact.job}` : ''}). Add the job to Jobs first.`,
      );
    }
    const jobs = read.jobsSheet;
    applyPlan(jobs.sheet, jobs.table, planCallGuideSave(jobs.table, job, text, choice));
    const saved = read.jobs.map((j) => (j === job ? { ...j, referralProcess: text, apply: choice } : j));
    const draft = planDraft({ ...read, jobs: saved }, contact, null, null);
    return { message: `Saved the referral process and Apply for ${job.company} — ${job.job}.`, draft };
  });
}
