// Parsing of user-typed cell values (Yes/No variants, degrees, text) and formula-escaping of text.

/** A raw cell value as Sheets' getValues() returns it. */
export type Cell = string | number | boolean | Date;

/** Whether a value is a Date from any realm (Apps Script and node:vm realms differ). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
}

/** Whether a cell is blank ('' or only spaces). */
export function isBlank(v: unknown): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

const YES = new Set(['yes', 'y', 'oui', 'o', 'true', '1', '✓', '✔', 'x', 'vrai']);
const NO = new Set(['no', 'n', 'non', 'false', '0', 'faux', '✗', '✘']);

/** Result of parsing a cell: a value, blank, or a problem in plain words. */
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; problem: string };

/**
 * Parses a Yes/No cell: Yes/No, Y/N, Oui/Non, TRUE/FALSE (text or boolean), 1/0, ✓.
 * Blank is `null` (unknown).
 */
export function parseYesNo(v: unknown): Parsed<boolean> {
  if (isBlank(v)) return { ok: true, value: null };
  if (typeof v === 'boolean') return { ok: true, value: v };
  if (typeof v === 'number') {
    if (v === 1) return { ok: true, value: true };
    if (v === 0) return { ok: true, value: false };
  }
  const s = String(v).trim().toLowerCase();
  if (YES.has(s)) return { ok: true, value: true };
  if (NO.has(s)) return { ok: true, value: false };
  return { ok: false, problem: `"${String(v)}" is not Yes or No` };
}

/** Connection degree: 1, 2 or 3 (3rd, 3rd+ and out of network). */
export type Degree = 1 | 2 | 3;

/** Parses Degree: 1st, 2nd, 3rd, 3rd+, "Out of network" (= 3rd); also 1/2/3 and French 1er/2e/3e. */
export function parseDegree(v: unknown): Parsed<Degree> {
  if (isBlank(v)) return { ok: true, value: null };
  const s = String(v).trim().toLowerCase().replace(/[°º.]/g, '').replace(/\s+/g, ' ');
  if (/^(1|1st|first|1er|1re|1e)( degree)?$/.test(s)) return { ok: true, value: 1 };
  if (/^(2|2nd|second|2e|2nd degree|2ème|2eme)( degree)?$/.test(s)) return { ok: true, value: 2 };
  if (
    /^(3|3rd|3rd\+|3\+|third|3e|3ème|3eme)( degree)?$/.test(s) ||
    s === 'out of network' ||
    s === 'hors réseau'
  )
    return { ok: true, value: 3 };
  return { ok: false, problem: `"${String(v)}" is not a degree (1st, 2nd, 3rd)` };
}

/**
 * Parses a text input column: blank is ''. A number, boolean or date in a text column is a
 * problem (it usually means a paste landed in the wrong column).
 */
export function parseText(v: unknown): Parsed<string> {
  if (isBlank(v)) return { ok: true, value: '' };
  if (typeof v === 'string') return { ok: true, value: v.trim() };
  if (isDate(v)) return { ok: false, problem: 'a date where text was expected' };
  if (typeof v === 'number') return { ok: false, problem: `the number ${v} where text was expected` };
  return { ok: false, problem: `${String(v).toUpperCase()} where text was expected` };
}

/** Splits an "In common" cell on `;` or `,` into trimmed, non-empty items. */
export function splitList(s: string): string[] {
  return s
    .split(/[;,\n]/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

/**
 * Makes user text safe to write to a cell: text that Sheets would read as a formula or a
 * number-like entry (`=`, `+`, `-`, `@`, tab, CR at the start) gets a leading apostrophe,
 * which Sheets stores as "plain text" and does not display.
 */
export function escapeFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** The first name of a full name ("Dr. Marie-Anne Dupont" → "Marie-Anne"). */
export function firstName(full: string): string {
  const parts = full
    .trim()
    .split(/\s+/)
    .filter((p) => !/^(dr|mr|mrs|ms|mme|m|mlle|prof)\.?$/i.test(p));
  return parts[0] ?? '';
}
