// What Sheets draws: a cell's background once its sheet's conditional format rules are applied.
//
// Apps Script's Range.getBackground() returns the cell's own fill, never a conditional one; the
// person looking at the sheet sees the first rule (in the sheet's order) whose ranges hold the cell
// and whose condition is true. References:
// - https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
//   (whenFormulaSatisfied: "Sets the conditional format rule to trigger when that given formula
//   evaluates to true"; whenCellEmpty, whenCellNotEmpty, whenTextEqualTo, whenTextContains…).
// - Google Docs Editors Help, "Use conditional formatting rules in Google Sheets"
//   (support.google.com/docs/answer/78413): a custom formula is written for the first cell of the
//   range, its relative references move with each cell ("$" anchors a row or column), and "the
//   first rule that's true" decides the formatting when rules overlap.
// - Google Docs Editors Help, "TODAY" (support.google.com/docs/answer/3092984) and "Change a
//   spreadsheet's locale, time zone…" (support.google.com/docs/answer/58515): TODAY is the current
//   date, without time, in the spreadsheet's time zone.
// Only a small formula language is evaluated (what rules on dates need): numbers, "text", TRUE/FALSE,
// A1 references, + - * / &, comparisons, AND, OR, NOT, IF, ISNUMBER, ISBLANK, TODAY, NOW. Anything
// else throws, so a test never passes on a formula the emulator cannot judge.

import { parseA1 } from './a1';
import type { ConditionalRuleData } from './builders';
import { millisToSerial } from './number-format';
import type { Cell } from './range';
import type { FakeSheet } from './sheet';

type Value = number | string | boolean | null; // null: a blank cell

type Node =
  | { k: 'lit'; v: Value }
  | { k: 'ref'; row: number; col: number; rowAbs: boolean; colAbs: boolean }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'op'; op: string; a: Node; b: Node }
  | { k: 'neg'; a: Node };

function tokenize(src: string): string[] {
  const re =
    /\s*("(?:[^"]|"")*"|\$?[A-Za-z]+\$?\d+|[A-Za-z_][A-Za-z0-9_.]*|\d+(?:\.\d+)?|<=|>=|<>|[-+*/&=<>(),])/y;
  const out: string[] = [];
  let i = 0;
  while (i < src.length) {
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) {
      if (src.slice(i).trim() === '') break;
      throw new Error(`Conditional formatting formula not understood by the emulator: ${src}`);
    }
    out.push(m[1]!);
    i = re.lastIndex;
  }
  return out;
}

/** Parsed formulas: a sheet's few rules are evaluated for every cell they cover. */
const parsed = new Map<string, Node>();

function parse(formula: string): Node {
  let node = parsed.get(formula);
  if (!node) {
    node = parseFormula(formula);
    if (parsed.size > 500) parsed.clear();
    parsed.set(formula, node);
  }
  return node;
}

function parseFormula(formula: string): Node {
  const body = formula.trim().replace(/^=/, '');
  const t = tokenize(body);
  let p = 0;
  const peek = () => t[p];
  const take = (x?: string) => {
    const v = t[p++];
    if (x !== undefined && v !== x) throw new Error(`Expected ${x} in ${formula}`);
    return v!;
  };
  const comparison = (): Node => {
    let a = concat();
    while (['=', '<>', '<', '>', '<=', '>='].includes(peek() ?? ''))
      a = { k: 'op', op: take(), a, b: concat() };
    return a;
  };
  const concat = (): Node => {
    let a = additive();
    while (peek() === '&') a = { k: 'op', op: take(), a, b: additive() };
    return a;
  };
  const additive = (): Node => {
    let a = multiplicative();
    while (peek() === '+' || peek() === '-') a = { k: 'op', op: take(), a, b: multiplicative() };
    return a;
  };
  const multiplicative = (): Node => {
    let a = unary();
    while (peek() === '*' || peek() === '/') a = { k: 'op', op: take(), a, b: unary() };
    return a;
  };
  const unary = (): Node => {
    if (peek() === '-') {
      take();
      return { k: 'neg', a: unary() };
    }
    if (peek() === '+') take();
    return primary();
  };
  const primary = (): Node => {
    const tok = take();
    if (tok === '(') {
      const e = comparison();
      take(')');
      return e;
    }
    if (tok.startsWith('"')) return { k: 'lit', v: tok.slice(1, -1).replace(/""/g, '"') };
    if (/^\d/.test(tok)) return { k: 'lit', v: Number(tok) };
    const ref = /^(\$?)([A-Za-z]+)(\$?)(\d+)$/.exec(tok);
    if (ref) {
      const a1 = parseA1(`${ref[2]}${ref[4]}`);
      if (!a1?.startRow || !a1.startCol) throw new Error(`Bad reference ${tok} in ${formula}`);
      return { k: 'ref', row: a1.startRow, col: a1.startCol, colAbs: ref[1] === '$', rowAbs: ref[3] === '$' };
    }
    const name = tok.toUpperCase();
    if (name === 'TRUE' || name === 'FALSE') return { k: 'lit', v: name === 'TRUE' };
    take('(');
    const args: Node[] = [];
    if (peek() !== ')') {
      args.push(comparison());
      while (peek() === ',') {
        take();
        args.push(comparison());
      }
    }
    take(')');
    return { k: 'call', name, args };
  };
  const node = comparison();
  if (p !== t.length)
    throw new Error(`Conditional formatting formula not understood by the emulator: ${formula}`);
  return node;
}

const num = (v: Value): number =>
  v === null || v === '' ? 0 : typeof v === 'boolean' ? Number(v) : Number(v);
const truthy = (v: Value): boolean =>
  typeof v === 'string' ? v !== '' && v.toUpperCase() !== 'FALSE' : Boolean(v);

/** Sheets orders blanks and numbers below text, text below booleans; text compares without case. */
function compare(a: Value, b: Value): number {
  const rank = (v: Value) => (v === null || typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  const x = a === null ? (typeof b === 'string' ? '' : 0) : a;
  const y = b === null ? (typeof a === 'string' ? '' : 0) : b;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string' && typeof y === 'string') return x.toLowerCase().localeCompare(y.toLowerCase());
  return num(x) - num(y);
}

interface Env {
  cell(row: number, col: number): Value;
  /** Serial day number of now in the spreadsheet's time zone. */
  now: number;
  /** Offset of the evaluated cell from the rule's anchor (the first range's top-left cell). */
  dRow: number;
  dCol: number;
}

function evaluate(n: Node, env: Env): Value {
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'neg':
      return -num(evaluate(n.a, env));
    case 'ref':
      return env.cell(n.rowAbs ? n.row : n.row + env.dRow, n.colAbs ? n.col : n.col + env.dCol);
    case 'op': {
      const a = evaluate(n.a, env);
      const b = evaluate(n.b, env);
      switch (n.op) {
        case '+':
          return num(a) + num(b);
        case '-':
          return num(a) - num(b);
        case '*':
          return num(a) * num(b);
        case '/':
          return num(a) / num(b);
        case '&':
          return `${a ?? ''}${b ?? ''}`;
        case '=':
          return compare(a, b) === 0;
        case '<>':
          return compare(a, b) !== 0;
        case '<':
          return compare(a, b) < 0;
        case '>':
          return compare(a, b) > 0;
        case '<=':
          return compare(a, b) <= 0;
        default:
          return compare(a, b) >= 0;
      }
    }
    case 'call': {
      const args = () => n.args.map((a) => evaluate(a, env));
      switch (n.name) {
        case 'AND':
          return args().every(truthy);
        case 'OR':
          return args().some(truthy);
        case 'NOT':
          return !truthy(args()[0] ?? null);
        case 'IF': {
          const [c, y, z] = n.args;
          return truthy(c ? evaluate(c, env) : null)
            ? y
              ? evaluate(y, env)
              : true
            : z
              ? evaluate(z, env)
              : false;
        }
        case 'ISNUMBER':
          return typeof args()[0] === 'number';
        case 'ISBLANK':
          return args()[0] === null;
        case 'TODAY':
          return Math.floor(env.now);
        case 'NOW':
          return env.now;
        default:
          throw new Error(`The emulator does not evaluate ${n.name}() in conditional formatting.`);
      }
    }
  }
}

/** A cell's value as a formula sees it: dates as serial day numbers in the spreadsheet's zone. */
function formulaValue(cell: Cell | undefined, timeZone: string): Value {
  if (!cell) return null;
  const v = cell.v;
  if (v === '') return null;
  if (typeof v === 'object') return millisToSerial(v.date, timeZone);
  return v;
}

/** Whether one rule's condition holds for a cell. */
function holds(rule: ConditionalRuleData, sheet: FakeSheet, row: number, col: number, now: number): boolean {
  const tz = sheet.spreadsheet.timeZone;
  const own = formulaValue(sheet.rows[row - 1]?.[col - 1], tz);
  const text = own === null ? '' : String(own);
  const arg = rule.args[0];
  switch (rule.criteria) {
    case 'CUSTOM_FORMULA': {
      const anchor = rule.ranges[0]!;
      return truthy(
        evaluate(parse(String(arg)), {
          cell: (r, c) => formulaValue(sheet.rows[r - 1]?.[c - 1], tz),
          now: millisToSerial(now, tz),
          dRow: row - anchor.row,
          dCol: col - anchor.col,
        }),
      );
    }
    case 'CELL_EMPTY':
      return own === null;
    case 'CELL_NOT_EMPTY':
      return own !== null;
    case 'TEXT_EQUAL_TO':
      return text.toLowerCase() === String(arg).toLowerCase();
    case 'TEXT_CONTAINS':
      return text.toLowerCase().includes(String(arg).toLowerCase());
    default:
      throw new Error(`The emulator does not evaluate ${rule.criteria} conditional formatting.`);
  }
}

/**
 * The rule whose format a person sees on a cell at `now`: the first conditional rule (in the sheet's
 * order) whose ranges hold the cell and whose condition is true, or null. A rule the emulator cannot
 * evaluate throws, unless `lenient` (the playground, drawing a user's own rules): then it never applies.
 */
export function appliedRule(
  sheet: FakeSheet,
  row: number,
  col: number,
  now: number,
  lenient = false,
): ConditionalRuleData | null {
  for (const rule of sheet.conditionalRules) {
    const inside = rule.ranges.some(
      (r) =>
        r.sheetName === sheet.name &&
        row >= r.row &&
        row < r.row + r.numRows &&
        col >= r.col &&
        col < r.col + r.numCols,
    );
    if (!inside) continue;
    let applies: boolean;
    try {
      applies = holds(rule, sheet, row, col, now);
    } catch (e) {
      if (!lenient) throw e;
      applies = false;
    }
    if (applies) return rule;
  }
  return null;
}

/**
 * The background a person sees in a cell at `now`: the first conditional rule whose ranges hold
 * the cell and whose condition is true, with a background, else the cell's own fill.
 */
export function displayedBackground(sheet: FakeSheet, row: number, col: number, now: number): string {
  // Only the first true rule is drawn; one without a fill leaves the cell's own.
  return appliedRule(sheet, row, col, now)?.background || (sheet.rows[row - 1]?.[col - 1]?.bg ?? '#ffffff');
}
