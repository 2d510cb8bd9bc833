// The Draft-message sidebar's server side: selection, draft for a Contacts row, Mark as sent, call guide.

import { availabilityText, contactZone, yourZone } from '../core/availability';
import { CALL_GUIDE } from '../core/call-guide';
import { isoDay } from '../core/dates';
import { UserError } from '../core/errors';
import { rowFingerprint } from '../core/fingerprint';
import { planFollowUps } from '../core/followup-plan';
import { planMarkSent } from '../core/mark-sent';
import {
  findTemplate,
  isMessageType,
  MESSAGE_INFO,
  MESSAGE_TYPES,
  type MessageType,
  markSentEffect,
  suggestMessageType,
} from '../core/messages';
import { type Contact, type Job, jobFor, parseContacts, parseJobs } from '../core/rows';
import { APPLY_CHOICES, type ApplyChoice, C, J, LANGUAGES, type Language, SHEET } from '../core/schema';
import { parseSettings, type Settings } from '../core/settings';
import type {
  CallGuide,
  DraftPayload,
  MarkSentResult,
  PersonInfo,
  RenderedText,
  SaveCallGuideResult,
  SelectionInfo,
} from '../core/sidebar-api';
import { col, headerIndex, isBlankRow, type Table, type WritePlan } from '../core/table';
import { SEED_TEMPLATES } from '../core/template-seed';
import {
  buildVars,
  countWords,
  KEEP_SHORT_WORDS,
  limitsFor,
  parseChannel,
  parseLanguage,
  parseTemplates,
  type Rendered,
  renderTemplate,
  type TemplateRow,
} from '../core/templates';
import { textKey } from '../core/text';
import { type Cell, escapeFormula, isBlank, isDate } from '../core/values';
import { appendActivity } from './followups';
import { applyPlan, readTable } from './gas-table';
import { withDocumentLock } from './lock';
import { type LoadedSheet, loadSheet, readSettingsRows } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The refusal Mark as sent gives when the row changed after the draft was made. */
export const ROW_CHANGED = 'This row changed since the draft was made; review it and try again.';

const MAX_TEXT = 5000;

// ---------------------------------------------------------------- validation

/** A Contacts row number from the client: an integer sheet row ≥ 2 (range is checked against the sheet). */
export function checkRow(row: unknown): number {
  if (typeof row !== 'number' || !Number.isInteger(row) || row < 2 || row > 10_000_000) {
    throw new UserError(`Row must be a Contacts data row number (2 or more), not ${describe(row)}.`);
  }
  return row;
}

function checkType(type: unknown, optional: boolean): MessageType | null {
  if (optional && (type === undefined || type === null || type === '')) return null;
  if (!isMessageType(type)) {
    throw new UserError(
      `Unknown message type ${describe(type)}; expected one of ${MESSAGE_TYPES.join(', ')}.`,
    );
  }
  return type;
}

function checkLanguage(language: unknown): Language | null {
  if (language === undefined || language === null || language === '') return null;
  const parsed = typeof language === 'string' ? parseLanguage(language) : null;
  if (!parsed) throw new UserError(`Unknown language ${describe(language)}; expected English or Français.`);
  return parsed;
}

function checkText(v: unknown, what: string, max = MAX_TEXT): string {
  if (typeof v !== 'string') throw new UserError(`${what} must be text, not ${describe(v)}.`);
  if (v.length > max) throw new UserError(`${what} is too long (${v.length} characters; at most ${max}).`);
  return v;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'number') return String(v);
  if (isDate(v)) return 'a date';
  return `a ${typeof v}`;
}

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

// ---------------------------------------------------------------- the draft

interface Workbook {
  contacts: ReturnType<typeof loadSheet>;
  contactList: Contact[];
  jobs: Job[];
  /** Jobs as read (null when the sheet is missing). */
  jobsSheet: LoadedSheet | null;
  settings: Settings;
  settingsRows: Cell[][];
  templates: TemplateRow[];
  timeZone: string;
}

function readWorkbook(ss: Spreadsheet): Workbook {
  const timeZone = ss.getSpreadsheetTimeZone();
  const contacts = loadSheet(ss, SHEET.contacts);
  const jobsRaw = ss.getSheetByName(SHEET.jobs);
  const jobsSheet = jobsRaw ? { sheet: jobsRaw, table: readTable(jobsRaw) } : null;
  const templatesSheet = ss.getSheetByName(SHEET.templates);
  const settingsRows = readSettingsRows(ss);
  return {
    contacts,
    contactList: parseContacts(contacts.table, timeZone),
    jobs: jobsSheet ? parseJobs(jobsSheet.table, timeZone) : [],
    jobsSheet,
    settings: parseSettings(settingsRows).settings,
    settingsRows,
    templates: templatesSheet ? parseTemplates(readTable(templatesSheet)) : [],
    timeZone,
  };
}

function contactAt(wb: Workbook, row: number): Contact {
  const last = wb.contacts.table.rows.length + 1;
  if (row > last) throw new UserError(`Row ${row} is past the last row of Contacts (${last}).`);
  const contact = wb.contactList.find((c) => c.row === row);
  if (!contact) throw new UserError(`Row ${row} of Contacts is empty.`);
  return contact;
}

function cellText(table: Table, index: number, header: string): string {
  const i = col(headerIndex(table.headers), header);
  const v = i < 0 ? '' : table.rows[index]?.[i];
  if (v === undefined || v === null || isBlank(v)) return '';
  if (isDate(v)) return v.toISOString();
  return String(v).trim();
}

function iso(d: number | null): string {
  return d === null ? '' : isoDay(d);
}

function toRendered(r: Rendered): RenderedText {
  return { text: r.text, unfilled: [...r.unfilled], spans: r.spans.map((s) => ({ ...s })) };
}

function markSentHint(type: MessageType, contact: Contact): string {
  const e = markSentEffect(type, contact);
  const parts: string[] = [];
  if (e.stamp) parts.push(`stamps ${e.stamp}`);
  if (e.statusTo) parts.push(`moves Status to ${e.statusTo}`);
  if (e.costsCredit) parts.push('uses an InMail credit');
  parts.push('logs to Activity');
  return `Mark as sent ${parts.join(', ')}.`;
}

/** Builds the draft for a Contacts row from an already-read workbook. */
function draftFrom(
  wb: Workbook,
  row: number,
  wanted: MessageType | null,
  lang: Language | null,
  now: number,
): DraftPayload {
  const contact = contactAt(wb, row);
  const job = jobFor(contact, wb.jobs);
  const suggested = suggestMessageType(contact, job);
  const type = wanted ?? suggested;
  const language = lang ?? wb.settings.language;
  const found = findTemplate(wb.templates, type, language);
  const seed =
    SEED_TEMPLATES.find((t) => t.name === MESSAGE_INFO[type].template && t.language === language) ??
    SEED_TEMPLATES.find((t) => t.name === MESSAGE_INFO[type].template);
  const template: TemplateRow = found ?? {
    name: seed?.name ?? MESSAGE_INFO[type].template,
    language: seed?.language ?? language,
    channel: seed?.channel ?? MESSAGE_INFO[type].channel,
    subject: seed?.subject ?? '',
    body: seed?.body ?? '',
  };
  const channel = parseChannel(template.channel) ?? MESSAGE_INFO[type].channel;
  const mine = yourZone(wb.settings, wb.timeZone);
  const zone = contactZone(contact, wb.settings, wb.timeZone);
  const availability = availabilityText({
    availability: wb.settings.availability,
    yourTimeZone: mine,
    contactTimeZone: zone.timeZone,
    now,
    language,
  });
  const vars = buildVars(contact, job, wb.settings, { availability }, language);
  const limits = limitsFor(channel, wb.settings.plan);
  const hasSubject = limits.subject !== undefined || template.subject.trim() !== '';
  const subject = hasSubject ? toRendered(renderTemplate(template.subject, vars)) : null;
  const body = toRendered(renderTemplate(template.body, vars));
  const t = wb.contacts.table;
  const person: PersonInfo = {
    row,
    name: contact.name,
    title: contact.title,
    company: contact.company,
    job: contact.job,
    score: cellText(t, contact.index, C.score),
    why: cellText(t, contact.index, C.why),
    nextAction: cellText(t, contact.index, C.nextAction),
    status: contact.status,
    profileUrl: contact.profileUrl,
    messagedOn: iso(contact.messagedOn),
    thankedOn: iso(contact.thankedOn),
    outcomeSharedOn: iso(contact.outcomeSharedOn),
  };
  const guide = CALL_GUIDE[language];
  const callGuide: CallGuide = {
    questions: [...guide.questions],
    referralQuestion: guide.referral,
    hasJob: job !== null,
    jobLabel: job ? `${job.company} — ${job.job}` : '',
    referralProcess: job?.referralProcess ?? '',
    apply: job?.apply ?? '',
    applyChoices: [...APPLY_CHOICES],
  };
  const problems = contact.problems.map((p) => `${p.column}: ${p.problem}`);
  if (zone.problem) problems.push(zone.problem);
  return {
    row,
    fingerprint: rowFingerprint(row, t.rows[contact.index] ?? []),
    person,
    type,
    suggestedType: suggested,
    types: MESSAGE_TYPES.map((m) => ({ type: m, label: MESSAGE_INFO[m].label })),
    language,
    languages: [...LANGUAGES],
    channel,
    plan: wb.settings.plan,
    subject,
    body,
    limits: { subject: limits.subject ?? null, body: limits.body },
    words: countWords(body.text),
    keepShortWords: KEEP_SHORT_WORDS,
    timeZone: zone.timeZone,
    timeZoneSource: zone.source,
    markSentHint: markSentHint(type, contact),
    builtInTemplate: found === null,
    problems,
    callGuide,
    generatedAt: new Date(now).toISOString(),
  };
}

/** The draft for a Contacts row (validated arguments; JSON-safe result). */
export function draftFor(ss: Spreadsheet, row: unknown, type: unknown, language: unknown, now: number) {
  const r = checkRow(row);
  const t = checkType(type, true);
  const l = checkLanguage(language);
  return draftFrom(readWorkbook(ss), r, t, l, now);
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
    const wb = readWorkbook(ss);
    const contact = contactAt(wb, r);
    const { sheet, table } = wb.contacts;
    const cells = table.rows[contact.index] ?? [];
    if (rowFingerprint(r, cells) !== fp) throw new UserError(ROW_CHANGED);

    const { plan, after, activity, stamped, statusFrom, statusTo, costsCredit } = planMarkSent({
      contacts: table,
      contact,
      type: t,
      timeZone: wb.timeZone,
      now,
    });
    if (plan.columns.length > 0) applyPlan(sheet, table, plan);
    appendActivity(ss, activity);

    // The row's Next action and Due follow the new state, as after an edit.
    const follow = planFollowUps({
      contacts: after,
      jobs: wb.jobsSheet?.table ?? { headers: [], rows: [] },
      settingsRows: wb.settingsRows,
      timeZone: wb.timeZone,
      now,
      onlyRows: [contact.index],
    });
    applyPlan(sheet, after, follow.contacts);

    let creditsLeft: number | null = null;
    if (costsCredit && wb.settings.creditsLeft !== null) {
      creditsLeft = decrementCredits(ss, wb.settingsRows);
    }

    const parts = [`Marked the ${MESSAGE_INFO[t].label.toLowerCase()} to ${contact.name} as sent`];
    if (stamped) parts.push(`stamped ${stamped}`);
    if (statusTo !== statusFrom) parts.push(`Status ${statusFrom} → ${statusTo}`);
    if (creditsLeft !== null) parts.push(`${creditsLeft} InMail credits left`);
    const draft = draftFrom(readWorkbook(ss), r, null, null, now);
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

/** Decrements Settings "InMail credits left" (one setValue); returns the new value, or null. */
function decrementCredits(ss: Spreadsheet, rows: readonly Cell[][]): number | null {
  const i = rows.findIndex((r) => textKey(r[0]) === 'inmail credits left');
  const sheet = ss.getSheetByName(SHEET.settings);
  if (i < 0 || !sheet) return null;
  const v = rows[i]?.[1];
  const n = typeof v === 'number' ? v : Number(String(v ?? '').trim());
  if (!Number.isFinite(n)) return null;
  const next = Math.max(0, Math.floor(n) - 1);
  sheet.getRange(i + 2, 2).setValue(next);
  return next;
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
  const choice = APPLY_CHOICES.find((c) => c === apply);
  if (!choice) {
    throw new UserError(`Apply must be one of ${APPLY_CHOICES.join(', ')}, not ${describe(apply)}.`);
  }
  return withDocumentLock(() => {
    const wb = readWorkbook(ss);
    const contact = contactAt(wb, r);
    const job = jobFor(contact, wb.jobs);
    if (!job || !wb.jobsSheet) {
      throw new UserError(
        `No job on Jobs matches ${contact.name}'s Company and Job (${contact.company}${contact.job ? ` — ${contact.job}` : ''}). Add the job to Jobs first.`,
      );
    }
    const jobs = wb.jobsSheet;
    const size = jobs.table.rows.length;
    const at = (v: Cell) => {
      const values = new Array<Cell | undefined>(size).fill(undefined);
      values[job.index] = v;
      return values;
    };
    const plan: WritePlan = {
      sheet: SHEET.jobs,
      columns: [
        { header: J.referralProcess, values: at(escapeFormula(text)) },
        { header: J.apply, values: at(choice as ApplyChoice) },
      ],
    };
    applyPlan(jobs.sheet, jobs.table, plan);
    const draft = draftFrom(readWorkbook(ss), r, null, null, now);
    return { message: `Saved the referral process and Apply for ${job.company} — ${job.job}.`, draft };
  });
}
