// Validation of what the sidebar sends through google.script.run: every argument checked, a clear message otherwise.

import { UserError } from './errors';
import { isMessageType, MESSAGE_TYPES, type MessageType } from './messages';
import { APPLY_CHOICES, type ApplyChoice, type Language } from './schema';
import { parseLanguage } from './templates';
import { isDate } from './values';

/** The largest sheet row a Contacts row number may name (Sheets' 10 million cell cap). */
export const MAX_ROW = 10_000_000;

/** How a value is named in a refusal ("nothing", "a date", a quoted string cut at 40 characters). */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'an invalid number';
  if (isDate(v)) return 'a date';
  if (Array.isArray(v)) return 'a list';
  return `a ${typeof v}`;
}

/** A Contacts row number from the page: an integer sheet row from 2 (the sheet's size is checked when read). */
export function checkRow(row: unknown): number {
  if (typeof row !== 'number' || !Number.isInteger(row) || row < 2 || row > MAX_ROW) {
    throw new UserError(`Row must be a Contacts data row number (2 or more), not ${describeValue(row)}.`);
  }
  return row;
}

/** A message type; blank means "the suggestion" when `optional`. */
export function checkType(type: unknown, optional: boolean): MessageType | null {
  if (optional && (type === undefined || type === null || type === '')) return null;
  if (!isMessageType(type)) {
    throw new UserError(
      `Unknown message type ${describeValue(type)}; expected one of ${MESSAGE_TYPES.join(', ')}.`,
    );
  }
  return type;
}

/** A language (English or Français, loosely written); blank means Settings' Language. */
export function checkLanguage(language: unknown): Language | null {
  if (language === undefined || language === null || language === '') return null;
  const parsed = typeof language === 'string' && language.length <= 40 ? parseLanguage(language) : null;
  if (!parsed)
    throw new UserError(`Unknown language ${describeValue(language)}; expected English or Français.`);
  return parsed;
}

/** A text argument of at most `max` characters. */
export function checkText(v: unknown, what: string, max: number): string {
  if (typeof v !== 'string') throw new UserError(`${what} must be text, not ${describeValue(v)}.`);
  if (v.length > max) throw new UserError(`${what} is too long (${v.length} characters; at most ${max}).`);
  return v;
}

/** One of Jobs' Apply choices, exactly as the dropdown writes it. */
export function checkApply(apply: unknown): ApplyChoice {
  const choice = APPLY_CHOICES.find((c) => c === apply);
  if (!choice) {
    throw new UserError(`Apply must be one of ${APPLY_CHOICES.join(', ')}, not ${describeValue(apply)}.`);
  }
  return choice;
}
