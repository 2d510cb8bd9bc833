// Message templates: placeholder rendering with fallbacks, the variables for a contact, LinkedIn length limits.

import type { Contact, Job } from './rows';
import { CHANNELS, type Channel, LANGUAGES, type Language, type Outcome, type Plan } from './schema';
import type { Settings } from './settings';
import { col, headerIndex, isBlankRow, type Table } from './table';
import { inList, textKey } from './text';
import { firstName } from './values';

/** The placeholders the product documents (PRODUCT.md › Templates). */
export const PLACEHOLDERS = [
  'first_name',
  'name',
  'company',
  'job',
  'my_name',
  'sector',
  'common_ground',
  'mutual_connection',
  'availability',
  'student_line',
  'outcome',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Where each placeholder's value comes from, for the sidebar's "fill these" hints. */
export const PLACEHOLDER_SOURCES: Readonly<Record<Placeholder, string>> = {
  first_name: 'Contacts › Name',
  name: 'Contacts › Name',
  company: 'Contacts › Company',
  job: 'Contacts › Job, or the company’s only job on Jobs',
  my_name: 'Settings › Your name',
  sector: 'Settings › Sector',
  common_ground: 'Contacts › Same school and In common',
  mutual_connection: 'Contacts › Mutual connection',
  availability: 'Settings › Availability and Their working hours',
  student_line: 'Settings › Student',
  outcome: 'Jobs › Outcome',
};

// Anything that still looks like a placeholder in edited text: {{…}}, and the typos {{name} and {name}}.
const LEFTOVER = /\{\{[^{}\n]*\}\}|\{\{[^{}\n]*\}?|\{[^{}\n]*\}\}/g;

/**
 * The placeholders still in a text the user may have edited (`{{name}}`, `{{name|fallback}}`, and
 * the typos `{{name}` / `{name}}`), each once: text with any of them is never copied or marked sent.
 */
export function placeholdersLeft(text: string): string[] {
  const found: string[] = String(text ?? '').match(LEFTOVER) ?? [];
  return found.filter((x, i) => found.indexOf(x) === i);
}

/** One row of the Templates sheet. */
export interface TemplateRow {
  name: string;
  language: string;
  channel: string;
  subject: string;
  body: string;
}

/** Where an unfilled placeholder sits in the rendered text: `text.slice(start, end)` is the placeholder. */
export interface Span {
  start: number;
  end: number;
  name: string;
}

/** The result of rendering: text, the placeholder names left unfilled, and where they are. */
export interface Rendered {
  text: string;
  /** Placeholder names left unfilled, lower-case, each once, in order of first appearance. */
  unfilled: string[];
  /** Positions of the unfilled placeholders in `text`, for highlighting. */
  spans: Span[];
}

// `{{name}}`, `{{ name | fallback }}`; also the typos `{{name}` and `{name}}` (flagged only for known names).
const TOKEN = /\{\{([^{}\n]*)\}\}|\{\{\s*([A-Za-z_]+)\s*\}(?!\})|(?<!\{)\{\s*([A-Za-z_]+)\s*\}\}/g;
const NAME = /^[a-z_][a-z0-9_]*$/;

type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'value'; text: string }
  | { kind: 'empty' }
  | { kind: 'unfilled'; text: string; name: string };

function lookup(vars: Record<string, string>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [k, v] of Object.entries(vars)) m.set(k.trim().toLowerCase(), v == null ? '' : String(v));
  return m;
}

function piecesOf(line: string, values: Map<string, string>): Piece[] {
  const known = (name: string) => values.has(name) || (PLACEHOLDERS as readonly string[]).includes(name);
  const out: Piece[] = [];
  let last = 0;
  for (const m of line.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    const raw = m[0];
    let piece: Piece | null = null;
    if (m[1] !== undefined) {
      const inner = m[1];
      const bar = inner.indexOf('|');
      const name = (bar < 0 ? inner : inner.slice(0, bar)).trim().toLowerCase();
      const fallback = bar < 0 ? null : inner.slice(bar + 1).trim();
      if (!NAME.test(name) || !known(name)) {
        piece = { kind: 'unfilled', text: raw, name: name || raw };
      } else {
        const value = values.get(name) ?? '';
        if (value.trim() !== '') piece = { kind: 'value', text: value };
        else if (fallback === null) piece = { kind: 'unfilled', text: `{{${name}}}`, name };
        else if (fallback === '') piece = { kind: 'empty' };
        else piece = { kind: 'value', text: fallback };
      }
    } else {
      const name = (m[2] ?? m[3] ?? '').toLowerCase();
      if (known(name)) piece = { kind: 'unfilled', text: raw, name };
    }
    if (!piece) continue;
    if (at > last) out.push({ kind: 'text', text: line.slice(last, at) });
    out.push(piece);
    last = at + raw.length;
  }
  if (last < line.length) out.push({ kind: 'text', text: line.slice(last) });
  return out;
}

/**
 * Fills `{{placeholders}}` in `text` from `vars` (names are case-insensitive, spaces inside the
 * braces are allowed). `{{name|fallback}}` uses the fallback when the value is blank;
 * `{{name|}}` renders nothing. A placeholder with a blank value and no fallback, an unknown
 * name, or a malformed `{{name}` stays in the text and is reported in `unfilled` and `spans`.
 * A line made only of placeholders that all render empty is removed with its blank line, and
 * the double space an empty inline placeholder leaves is collapsed.
 */
export function renderTemplate(text: string, vars: Record<string, string>): Rendered {
  const values = lookup(vars);
  const lines: { text: string; spans: Span[]; blank: boolean }[] = [];
  let dropped = false;
  const lastBlank = () => lines.length === 0 || (lines[lines.length - 1]?.blank ?? true);
  for (const line of String(text ?? '').split('\n')) {
    const pieces = piecesOf(line, values);
    const hasEmpty = pieces.some((p) => p.kind === 'empty');
    let out = '';
    const spans: Span[] = [];
    let pendingEmpty = false;
    for (const p of pieces) {
      if (p.kind === 'empty') {
        pendingEmpty = true;
        continue;
      }
      let t = p.text;
      if (p.kind === 'text' && pendingEmpty) {
        if (out === '' || /[ \t]$/.test(out)) t = t.replace(/^[ \t]+/, '');
        // "Hi {{first_name|}}," → "Hi," (French " :", " !" and " ?" keep their space).
        if (/^[,.)]/.test(t)) out = out.replace(/[ \t]+$/, '');
      }
      if (p.kind === 'unfilled') spans.push({ start: out.length, end: out.length + t.length, name: p.name });
      out += t;
      pendingEmpty = false;
    }
    if (pendingEmpty) out = out.replace(/[ \t]+$/, '');
    const allEmpty =
      hasEmpty && pieces.every((p) => p.kind === 'empty' || (p.kind === 'text' && !p.text.trim()));
    if (allEmpty) {
      dropped = true;
      continue;
    }
    const blank = out.trim() === '';
    if (blank && dropped && lastBlank()) continue;
    lines.push({ text: out, spans, blank });
    dropped = false;
  }
  if (dropped) while (lines.length > 0 && lines[lines.length - 1]?.blank) lines.pop();

  let result = '';
  const spans: Span[] = [];
  const unfilled: string[] = [];
  lines.forEach((l, i) => {
    if (i > 0) result += '\n';
    for (const s of l.spans) {
      spans.push({ start: result.length + s.start, end: result.length + s.end, name: s.name });
      if (!unfilled.includes(s.name)) unfilled.push(s.name);
    }
    result += l.text;
  });
  return { text: result, unfilled, spans };
}

/** The words of `text` ("l'équipe" and "well-known" count once). */
export function countWords(text: string): number {
  return (String(text ?? '').match(/[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu) ?? []).length;
}

/** Beyond this many words a message gets a "keep it short" hint. */
export const KEEP_SHORT_WORDS = 120;

/** Character limits per channel (LinkedIn Help Center; InMail body kept at 1,900 of 2,000). */
export const LIMITS = {
  inMailSubject: 200,
  inMailBody: 1900,
  connectionNotePremium: 300,
  connectionNoteFree: 200,
  message: 8000,
  /** Email has no LinkedIn limit; this only guards against pasting a whole document. */
  email: 100_000,
} as const;

/** Character limits for a channel on a plan: a subject limit only where the channel has a subject. */
export function limitsFor(channel: Channel, plan: Plan): { subject?: number; body: number } {
  switch (channel) {
    case 'InMail':
      return { subject: LIMITS.inMailSubject, body: LIMITS.inMailBody };
    case 'Connection note':
      return { body: plan === 'Free' ? LIMITS.connectionNoteFree : LIMITS.connectionNotePremium };
    case 'Message':
      return { body: LIMITS.message };
    default:
      return { body: LIMITS.email };
  }
}

function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/**
 * An "In common" item as it reads inside a sentence: English "Same X" / "The X" lose their capital
 * ("the same volunteering association"); anything else (Lyon, Python, HEC Paris) stays as typed.
 */
function inSentence(item: string, language: Language): string {
  if (language === 'Français') return item;
  const m = /^(same|the|a|an|our|both)\b\s*(.*)$/i.exec(item);
  if (!m) return item;
  const word = (m[1] ?? '').toLowerCase();
  return word === 'same' ? `the same ${m[2] ?? ''}`.trim() : `${word} ${m[2] ?? ''}`.trim();
}

/**
 * The common-ground sentence from Same school and In common, in the template's language ('' =
 * none). In common items are listed after a colon, so any phrase the user typed reads well:
 * "I noticed we both went to HEC Paris, and we have other things in common too: Lyon and climbing."
 */
export function commonGround(
  contact: Pick<Contact, 'sameSchool' | 'inCommon'>,
  school: string,
  language: Language,
): string {
  const items = contact.inCommon
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => inSentence(s, language));
  const same = contact.sameSchool === true;
  const fr = language === 'Français';
  if (!same && items.length === 0) return '';
  const list = joinList(items, fr ? 'et' : 'and');
  if (fr) {
    const schoolPart = school
      ? `nous avons étudié dans la même école, ${school}`
      : 'nous avons étudié dans la même école';
    if (same && items.length)
      return `J’ai vu que ${schoolPart}, et que nous avons d’autres points communs : ${list}.`;
    if (same) return `J’ai vu que ${schoolPart}.`;
    return items.length === 1
      ? `J’ai vu que nous avons un point commun : ${list}.`
      : `J’ai vu que nous avons des points communs : ${list}.`;
  }
  const schoolPart = school ? `we both went to ${school}` : 'we went to the same school';
  if (same && items.length)
    return `I noticed ${schoolPart}, and we have other things in common too: ${list}.`;
  if (same) return `I noticed ${schoolPart}.`;
  return items.length === 1
    ? `I noticed we have something in common: ${list}.`
    : `I noticed we have a few things in common: ${list}.`;
}

/** The student line, in the template's language ('' when not a student). */
export function studentLine(settings: Pick<Settings, 'student' | 'yourSchool'>, language: Language): string {
  if (!settings.student) return '';
  const school = settings.yourSchool.trim();
  if (language === 'Français')
    return school ? `Je suis actuellement en études à ${school}.` : 'Je suis actuellement en études.';
  return school ? `I’m currently a student at ${school}.` : 'I’m currently a student.';
}

const OUTCOME_TEXT: Record<Language, Record<Outcome, string>> = {
  English: {
    Pending: '',
    Interview: 'I have been invited to interview',
    Rejected: 'it did not work out this time',
    Offer: 'I received an offer',
    Accepted: 'I accepted their offer',
    Withdrawn: 'I decided to withdraw my application',
  },
  Français: {
    Pending: '',
    Interview: 'j’ai obtenu un entretien',
    Rejected: 'ma candidature n’a pas été retenue cette fois-ci',
    Offer: 'j’ai reçu une offre',
    Accepted: 'j’ai accepté leur offre',
    Withdrawn: 'j’ai décidé de retirer ma candidature',
  },
};

/** The {{outcome}} words for a job outcome ('' for Pending or unknown: the user writes it). */
export function outcomeText(outcome: Outcome | null, language: Language): string {
  return outcome ? OUTCOME_TEXT[language][outcome] : '';
}

/** The variables every template can use, for one contact, in the template's language. */
export function buildVars(
  contact: Pick<Contact, 'name' | 'company' | 'job' | 'sameSchool' | 'inCommon' | 'mutual'>,
  job: Pick<Job, 'company' | 'job' | 'outcome'> | null,
  settings: Pick<Settings, 'yourName' | 'yourSchool' | 'sector' | 'student'>,
  extras: { availability?: string; outcome?: string },
  language: Language,
): Record<Placeholder, string> {
  return {
    first_name: firstName(contact.name),
    name: contact.name.trim(),
    company: (contact.company || job?.company || '').trim(),
    job: (job?.job || contact.job || '').trim(),
    my_name: settings.yourName.trim(),
    sector: settings.sector.trim(),
    common_ground: commonGround(contact, settings.yourSchool.trim(), language),
    mutual_connection: contact.mutual.trim(),
    availability: extras.availability ?? '',
    student_line: studentLine(settings, language),
    outcome: extras.outcome ?? outcomeText(job?.outcome ?? null, language),
  };
}

/** Reads a language cell: English/Français and common variants (French, Francais, FR, EN), else null. */
export function parseLanguage(v: unknown): Language | null {
  const s = String(v ?? '')
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  if (['english', 'en', 'anglais', 'eng'].includes(s)) return 'English';
  if (['francais', 'french', 'fr', 'fra'].includes(s)) return 'Français';
  return (LANGUAGES as readonly string[]).includes(String(v)) ? (v as Language) : null;
}

/** Reads a channel cell (case-insensitive; "Connection request" and "Note" read as Connection note). */
export function parseChannel(v: unknown): Channel | null {
  const hit = inList(CHANNELS, v);
  if (hit) return hit;
  const s = textKey(v);
  if (['connection request', 'note', 'invitation'].includes(s)) return 'Connection note';
  if (['e-mail', 'mail', 'courriel'].includes(s)) return 'Email';
  return null;
}

/** The Templates sheet as rows (Name, Language, Channel, Subject, Body found by header); blank rows skipped. */
export function parseTemplates(table: Table): TemplateRow[] {
  const idx = headerIndex(table.headers);
  const cols = ['Name', 'Language', 'Channel', 'Subject', 'Body'].map((h) => col(idx, h));
  return table.rows
    .filter((r) => !isBlankRow(r))
    .map((r) => {
      const [name, language, channel, subject, body] = cols.map((i) => (i < 0 ? '' : String(r[i] ?? '')));
      return {
        name: (name ?? '').trim(),
        language: (language ?? '').trim(),
        channel: (channel ?? '').trim(),
        subject: subject ?? '',
        body: body ?? '',
      };
    })
    .filter((t) => t.name !== '');
}
