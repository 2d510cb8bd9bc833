// Keeps the add-on's red/amber conditional-format rules on a sheet as planned by core/highlight,
// in front of (and without touching) the user's own rules.

import { type HighlightRule, highlightRules, isHighlightRule } from '../core/highlight';
import { HIGHLIGHTS } from '../core/schema';
import { columnLetter } from '../core/table';
import { geometry } from './gas-table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/** The A1 notations a rule covers: each of its columns from row 2 to the end of the grid. */
function rangesOf(sheet: Sheet, rule: HighlightRule): GoogleAppsScript.Spreadsheet.Range[] {
  return rule.columns.map((c) => sheet.getRange(`${columnLetter(c)}2:${columnLetter(c)}`));
}

/** A rule's formula, fill and ranges, for comparing what is there with what is wanted. */
function describe(formula: unknown, background: unknown, ranges: readonly string[]): string {
  return `${String(formula)}|${String(background ?? '').toLowerCase()}|${ranges.join(',')}`;
}

/**
 * Brings the highlight rules of a sheet (Contacts, Jobs, Pay it forward: core/schema HIGHLIGHTS)
 * to the plan: the add-on's two rules first, on the columns where the headers are now, the user's
 * rules after them unchanged. One read (the rules) and, only when something differs, one write.
 * The rules are read now, unless `fresh` (the sheet was just created and holds none) or given as
 * `read` by a caller that read them earlier. Returns the write to make, or null when they are as
 * planned.
 */
export function planHighlights(
  sheet: Sheet,
  headers: readonly string[],
  fresh = false,
  read?: readonly Rule[],
): (() => void) | null {
  const spec = HIGHLIGHTS.find((h) => h.sheet === sheet.getName());
  if (!spec) return null;
  const wanted = highlightRules(headers, spec.due, spec.columns);
  const current: readonly Rule[] = read ?? (fresh ? [] : sheet.getConditionalFormatRules());
  const ours: string[] = [];
  const theirs: Rule[] = [];
  const isOurs: boolean[] = [];
  for (const rule of current) {
    const cond = rule.getBooleanCondition();
    const formula = cond?.getCriteriaValues()?.[0];
    const background = cond?.getBackground();
    const mine = cond !== null && isHighlightRule(formula, background);
    isOurs.push(mine);
    if (mine) ours.push(describe(formula, background, rule.getRanges().map(geometry)));
    else theirs.push(rule);
  }
  const ranges = wanted.map((w) => rangesOf(sheet, w));
  const planned = wanted.map((w, i) => describe(w.formula, w.background, ranges[i]!.map(geometry)));
  const inFront = isOurs.every((mine, i) => mine === i < ours.length);
  if (inFront && ours.join('\n') === planned.join('\n')) return null;
  return () => {
    const built = wanted.map((w, i) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(w.formula)
        .setBackground(w.background)
        .setRanges(ranges[i]!)
        .build(),
    );
    sheet.setConditionalFormatRules([...built, ...theirs]);
  };
}
