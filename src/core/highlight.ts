// Red/amber highlighting that stays right on later days: conditional-format rules comparing a date
// column with TODAY(), planned per sheet (PRODUCT "Highlight", points 19 and 23).

import type { Day } from './dates';
import { fillFor } from './followups';
import { DUE_TODAY_FILL, OVERDUE_FILL } from './schema';
import { col, columnLetter, headerIndex } from './table';

/** One conditional-format rule the add-on keeps on a sheet. */
export interface HighlightRule {
  /** A custom formula written for row 2, the date column anchored ("$"), rows relative. */
  readonly formula: string;
  readonly background: string;
  /** 1-based columns it colours, rows 2 to the end. */
  readonly columns: readonly number[];
}

const RULE = /^=AND\(ISNUMBER\(\$([A-Z]+)2\),\$\1(?:2)(<|=)TODAY\(\)\)$/;

/**
 * The two rules of a sheet: red when the date is before today, amber when it is today (TODAY() is
 * the date in the spreadsheet's time zone), on the date column and the columns it colours. None
 * when the sheet lacks the date column. A blank or text cell matches neither (ISNUMBER).
 */
export function highlightRules(
  headers: readonly string[],
  due: string,
  columns: readonly string[],
): HighlightRule[] {
  const idx = headerIndex(headers);
  const d = col(idx, due);
  if (d < 0) return [];
  const cols = columns
    .map((h) => col(idx, h))
    .filter((i) => i >= 0)
    .map((i) => i + 1);
  const ref = `$${columnLetter(d + 1)}2`;
  return [
    { formula: `=AND(ISNUMBER(${ref}),${ref}<TODAY())`, background: OVERDUE_FILL, columns: cols },
    { formula: `=AND(ISNUMBER(${ref}),${ref}=TODAY())`, background: DUE_TODAY_FILL, columns: cols },
  ];
}

/** Whether a rule found on a sheet is one of the add-on's highlight rules (whatever its column). */
export function isHighlightRule(formula: unknown, background: unknown): boolean {
  const m = RULE.exec(String(formula ?? '').replace(/\s+/g, ''));
  if (!m) return false;
  const bg = String(background ?? '').toLowerCase();
  return (m[2] === '<' && bg === OVERDUE_FILL) || (m[2] === '=' && bg === DUE_TODAY_FILL);
}

/**
 * The fills of a date column highlighted by hand-typed dates (Pay it forward's Follow up on): red
 * before today, amber today; a cell no longer due loses only the add-on's own red or amber (a
 * fill the user chose stays), undefined = leave as is. `days[i]` is row i's date as a day, or null.
 */
export function dateFills(
  days: readonly (Day | null)[],
  current: readonly (string | null)[],
  today: Day,
): (string | null | undefined)[] {
  return days.map((d, i) => {
    const fill = d === null ? null : fillFor(d, today);
    const now = current[i] ?? null;
    if (fill !== null) return fill === now ? undefined : fill;
    return now === OVERDUE_FILL || now === DUE_TODAY_FILL ? null : undefined;
  });
}
