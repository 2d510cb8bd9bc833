// Highlight rules: red before today, amber today, on the date column and the columns it colours,
// recognised again whatever column they sit in.
import { dateFills, highlightRules, isHighlightRule } from '../../src/core/highlight';
import { C, CONTACTS, DUE_TODAY_FILL, OVERDUE_FILL } from '../../src/core/schema';

const HEADERS = CONTACTS.columns.map((c) => c.header); // Next action = AA, Due = AB

describe('highlightRules', () => {
  it('compares the Due column, anchored, with TODAY() from row 2 and colours Next action and Due', () => {
    expect(highlightRules(HEADERS, C.due, [C.nextAction, C.due])).toEqual([
      { formula: '=AND(ISNUMBER($AB2),$AB2<TODAY())', background: OVERDUE_FILL, columns: [27, 28] },
      { formula: '=AND(ISNUMBER($AB2),$AB2=TODAY())', background: DUE_TODAY_FILL, columns: [27, 28] },
    ]);
  });

  it('follows the columns where the user moved them, and plans nothing without the date column', () => {
    const moved = ['Due', 'Name', 'Next action'];
    expect(highlightRules(moved, C.due, [C.nextAction, C.due])[0]).toMatchObject({
      formula: '=AND(ISNUMBER($A2),$A2<TODAY())',
      columns: [3, 1],
    });
    expect(highlightRules(['Name'], C.due, [C.nextAction])).toEqual([]);
  });
});

describe('isHighlightRule', () => {
  it('recognises its own rules on any column, and nothing else', () => {
    for (const r of highlightRules(HEADERS, C.due, [C.due]))
      expect(isHighlightRule(r.formula, r.background)).toBe(true);
    expect(isHighlightRule('=AND(ISNUMBER($C2),$C2=TODAY())', DUE_TODAY_FILL.toUpperCase())).toBe(true);
    expect(isHighlightRule('=AND(ISNUMBER($C2),$C2<TODAY())', DUE_TODAY_FILL)).toBe(false);
    expect(isHighlightRule('=AND(ISNUMBER($C2),$D2<TODAY())', OVERDUE_FILL)).toBe(false);
    expect(isHighlightRule('=$C2<TODAY()', OVERDUE_FILL)).toBe(false);
    expect(isHighlightRule(undefined, null)).toBe(false);
  });
});

describe('dateFills', () => {
  const today = 20_000;
  it('colours past dates red and today amber, and takes away only its own colours', () => {
    expect(
      dateFills(
        [today - 1, today, today + 1, null, today + 3, today - 2],
        [null, null, OVERDUE_FILL, DUE_TODAY_FILL, '#00ff00', OVERDUE_FILL],
        today,
      ),
    ).toEqual([OVERDUE_FILL, DUE_TODAY_FILL, null, null, undefined, undefined]);
  });
});
