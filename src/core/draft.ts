// Decides the Draft-message sidebar's payload for one Contacts row: template, channel, placeholders, availability, call guide.

import { type ActivityEntry, adviseMessage, fallbackType, lastSent, warningsFor } from './advice';
import { availabilitySlots, availabilityText, contactZone, yourZone } from './availability';
import { CALL_GUIDE } from './call-guide';
import { dayOf, isoDay } from './dates';
import { contactFingerprint } from './fingerprint';
import type { MarkSentRecord } from './mark-sent';
import {
  channelFor,
  findTemplate,
  MESSAGE_INFO,
  MESSAGE_TYPES,
  type MessageType,
  markSentEffect,
} from './messages';
import { type Contact, type Job, jobFor, parseContacts } from './rows';
import { APPLY_CHOICES, C, LANGUAGES, type Language } from './schema';
import type { Settings } from './settings';
import type { CallGuide, DraftPayload, PersonInfo, RenderedText } from './sidebar-api';
import { col, headerIndex } from './table';
import { SEED_TEMPLATES } from './template-seed';
import {
  buildVars,
  countWords,
  KEEP_SHORT_WORDS,
  limitsFor,
  parseChannel,
  type Rendered,
  renderTemplate,
  type TemplateRow,
} from './templates';
import { type Cell, isBlank, isDate } from './values';

/** What a draft is decided from: one Contacts row and the small tables around it. */
export interface DraftInput {
  /** Contacts' header row. */
  readonly headers: readonly string[];
  /** The contact's row as read. */
  readonly cells: readonly Cell[];
  /** Its 1-based sheet row. */
  readonly row: number;
  /** Jobs rows as parsed (at least the contact's company's). */
  readonly jobs: readonly Job[];
  readonly settings: Settings;
  readonly templates: readonly TemplateRow[];
  /** The spreadsheet's time zone. */
  readonly timeZone: string;
  /** Now, epoch ms. */
  readonly now: number;
  /** Activity rows about this person (Company and Name), to tell a message already marked as sent. */
  readonly activity: readonly ActivityEntry[];
  /** Bad Settings values, in words ("Availability: …"), shown with the draft. */
  readonly settingProblems: readonly string[];
  /** A Mark as sent of this person that stopped halfway (core/mark-sent), or null. */
  readonly unfinished?: MarkSentRecord | null;
}

/**
 * The contact on one Contacts row (`cells` at sheet row `row`), parsed like a whole-sheet read
 * would; null when the row is blank.
 */
export function contactOnRow(
  headers: readonly string[],
  cells: readonly Cell[],
  row: number,
  timeZone: string,
): Contact | null {
  const [c] = parseContacts({ headers, rows: [cells] }, timeZone);
  if (!c) return null;
  const offset = row - c.row;
  return {
    ...c,
    index: 0,
    row,
    problems: c.problems.map((p) => ({ ...p, row: p.row + offset })),
  };
}

/**
 * The template for a message type: the Templates sheet's row (see findTemplate), else the
 * built-in seed in that language (English when there is none). `legacy` marks an edited template
 * kept under the name the new one replaced.
 */
export function templateFor(
  templates: readonly TemplateRow[],
  type: MessageType,
  language: Language,
): { template: TemplateRow; builtIn: boolean; legacy: boolean } {
  const found = findTemplate(templates, type, language);
  if (found) return { template: found.template, builtIn: false, legacy: found.legacy };
  const name = MESSAGE_INFO[type].template;
  const seed =
    SEED_TEMPLATES.find((t) => t.name === name && t.language === language) ??
    SEED_TEMPLATES.find((t) => t.name === name);
  return {
    template: {
      name,
      language: seed?.language ?? language,
      channel: seed?.channel ?? MESSAGE_INFO[type].channel,
      subject: seed?.subject ?? '',
      body: seed?.body ?? '',
    },
    builtIn: true,
    legacy: false,
  };
}

function cellText(headers: readonly string[], cells: readonly Cell[], header: string): string {
  const i = col(headerIndex(headers), header);
  const v = i < 0 ? '' : cells[i];
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

/** "Mark as sent stamps Messaged on, moves Status to Messaged, uses an InMail credit, logs to Activity." */
export function markSentHint(type: MessageType, contact: Contact): string {
  const e = markSentEffect(type, contact);
  const parts: string[] = [];
  if (e.stamp) parts.push(`stamps ${e.stamp}`);
  if (e.statusTo) parts.push(`moves Status to ${e.statusTo}`);
  if (e.costsCredit) parts.push('uses an InMail credit');
  parts.push('logs to Activity');
  return `Mark as sent ${parts.join(', ')}.`;
}

/** The hint when an earlier Mark as sent of this message stopped halfway: pressing it again finishes it. */
export function finishHint(record: MarkSentRecord, timeZone: string): string {
  return `Mark as sent of this ${MESSAGE_INFO[record.type].label} on ${isoDay(dayOf(record.at, timeZone))} stopped before it finished: press Mark as sent to finish recording it (nothing is recorded twice).`;
}

/** The person block of the sidebar (all text). */
export function personInfo(input: DraftInput, contact: Contact): PersonInfo {
  const { headers, cells, row } = input;
  return {
    row,
    name: contact.name,
    title: contact.title,
    company: contact.company,
    job: contact.job,
    score: cellText(headers, cells, C.score),
    why: cellText(headers, cells, C.why),
    nextAction: cellText(headers, cells, C.nextAction),
    status: contact.status,
    profileUrl: contact.profileUrl,
    messagedOn: iso(contact.messagedOn),
    thankedOn: iso(contact.thankedOn),
    outcomeSharedOn: iso(contact.outcomeSharedOn),
  };
}

/** The call guide tab: the method's questions and the job fields it saves. */
export function callGuideFor(job: Job | null, language: Language): CallGuide {
  const guide = CALL_GUIDE[language];
  return {
    questions: [...guide.questions],
    referralQuestion: guide.referral,
    hasJob: job !== null,
    jobLabel: job ? `${job.company} — ${job.job}` : '',
    referralProcess: job?.referralProcess ?? '',
    apply: job?.apply ?? '',
    applyChoices: [...APPLY_CHOICES],
  };
}

/**
 * The message type a draft shows: the one asked for, else the one a stopped Mark as sent left
 * unfinished, else the suggestion, else the person's stage's.
 */
export function draftType(
  contact: Contact,
  jobs: readonly Job[],
  settings: Pick<Settings, 'plan'>,
  wanted: MessageType | null,
  timeZone: string,
  unfinished: MarkSentRecord | null = null,
): MessageType {
  if (wanted) return wanted;
  if (unfinished) return unfinished.type;
  const job = jobFor(contact, jobs);
  return (
    adviseMessage(contact, job, { plan: settings.plan, timeZone }).suggested ??
    fallbackType(contact, job, settings.plan)
  );
}

/**
 * Decides the draft for a contact: the advice (PRODUCT.md point 20) and the message type (the one
 * asked for, else the suggestion, else what the person's stage would use), the warnings that need
 * a confirm (point 21) — none, with a hint to finish it, for a Mark as sent of this message that
 * stopped halfway (`unfinished`) — the language (asked for, else Settings), the template and its channel
 * (which follows the person), the placeholders filled (availability: the overlap with their
 * working hours, in their zone), LinkedIn's limits for the channel and plan, and the call guide.
 * Pure: everything it needs is in `input`.
 */
export function planDraft(
  input: DraftInput,
  contact: Contact,
  wanted: MessageType | null,
  lang: Language | null,
): DraftPayload {
  const { settings, timeZone, now, row } = input;
  const job = jobFor(contact, input.jobs);
  const ctx = { plan: settings.plan, timeZone };
  const advice = adviseMessage(contact, job, ctx);
  const unfinished = input.unfinished ?? null;
  const type = draftType(contact, input.jobs, settings, wanted, timeZone, unfinished);
  // Finishing a stopped Mark as sent is no second send: nothing to warn about or confirm.
  const finishing = unfinished?.type === type ? unfinished : null;
  const warnings = finishing
    ? []
    : warningsFor(type, contact, job, { ...ctx, sent: lastSent(type, contact, input.activity) });
  const language = lang ?? settings.language;
  const { template, builtIn, legacy } = templateFor(input.templates, type, language);
  const channel = channelFor(type, parseChannel(template.channel) ?? MESSAGE_INFO[type].channel, contact);
  const zone = contactZone(contact, settings, timeZone);
  const slotsInput = {
    availability: settings.availability,
    workingHours: settings.theirWorkingHours,
    yourTimeZone: yourZone(settings, timeZone),
    contactTimeZone: zone.timeZone,
    now,
    language,
  };
  const availability = availabilityText(slotsInput);
  const slots = availability ? null : availabilitySlots(slotsInput);
  const vars = buildVars(contact, job, settings, { availability }, language);
  const limits = limitsFor(channel, settings.plan);
  // LinkedIn messages and notes have no subject; InMail has one, and an Email template may.
  const hasSubject = limits.subject !== undefined || (channel === 'Email' && template.subject.trim() !== '');
  const subject = hasSubject ? toRendered(renderTemplate(template.subject, vars)) : null;
  const body = toRendered(renderTemplate(template.body, vars));
  const problems = contact.problems.map((p) => `${p.column}: ${p.problem}`);
  if (zone.problem) problems.push(zone.problem);
  problems.push(...input.settingProblems);
  return {
    row,
    fingerprint: contactFingerprint(row, input.headers, input.cells),
    person: personInfo(input, contact),
    type,
    suggestedType: advice.suggested,
    advice: { kind: advice.kind, why: advice.why },
    warnings,
    availabilityNotice:
      slots && !slots.ok && [...body.unfilled, ...(subject?.unfilled ?? [])].includes('availability')
        ? slots.problem
        : '',
    templateNote: legacy
      ? `Using your edited template “${template.name}”; the method’s version is “${MESSAGE_INFO[type].template}” on Templates (delete or rename yours to use it).`
      : '',
    types: MESSAGE_TYPES.map((m) => ({ type: m, label: MESSAGE_INFO[m].label })),
    language,
    languages: [...LANGUAGES],
    channel,
    plan: settings.plan,
    subject,
    body,
    limits: { subject: limits.subject ?? null, body: limits.body },
    words: countWords(body.text),
    keepShortWords: KEEP_SHORT_WORDS,
    timeZone: zone.timeZone,
    timeZoneSource: zone.source,
    markSentHint: finishing ? finishHint(finishing, timeZone) : markSentHint(type, contact),
    builtInTemplate: builtIn,
    problems,
    callGuide: callGuideFor(job, language),
    generatedAt: new Date(now).toISOString(),
  };
}
