// TextFinder (Range/Sheet.createTextFinder): finds cells by their displayed text, as Apps Script does.
//
// Reference: https://developers.google.com/apps-script/reference/spreadsheet/text-finder —
// "findAll() Returns all cells matching the search criteria"; "matchCase(true) … otherwise the
// search defaults to case-insensitive matching"; "matchEntireCell(true) … otherwise, the search
// defaults to partial matching"; "matchFormulaText(false): cells containing formulas are considered
// based on their displayed value"; "useRegularExpression(true) … interpret the search string as a
// regular expression"; "ignoreDiacritics(true) … ignore diacritics while matching".
// Sheets' regular expressions are RE2; the emulator uses JavaScript's, which agree on the simple
// patterns (escaped text, \s, alternation, .+) the add-on builds.

import { counted } from './context';
import type { FakeRange } from './range';

type GasRange = GoogleAppsScript.Spreadsheet.Range;

function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A TextFinder over one range; `self` is the counting proxy handed to scripts. */
export class FakeTextFinder {
  readonly self: GoogleAppsScript.Spreadsheet.TextFinder;
  private caseSensitive = false;
  private entireCell = false;
  private regex = false;
  private noDiacritics = false;
  private formulaText = false;

  constructor(
    private readonly range: FakeRange,
    private readonly text: string,
  ) {
    if (text === '') throw new Error('Exception: Invalid argument: findText');
    this.self = counted(range.ctx, 'TextFinder', this) as unknown as GoogleAppsScript.Spreadsheet.TextFinder;
  }

  matchCase(on: boolean) {
    this.caseSensitive = Boolean(on);
    return this.self;
  }
  matchEntireCell(on: boolean) {
    this.entireCell = Boolean(on);
    return this.self;
  }
  useRegularExpression(on: boolean) {
    this.regex = Boolean(on);
    return this.self;
  }
  ignoreDiacritics(on: boolean) {
    this.noDiacritics = Boolean(on);
    return this.self;
  }
  matchFormulaText(on: boolean) {
    this.formulaText = Boolean(on);
    return this.self;
  }

  private matcher(): (s: string) => boolean {
    const prep = (s: string) => (this.noDiacritics ? stripDiacritics(s) : s);
    let source = this.regex ? prep(this.text) : escapeRegExp(prep(this.text));
    if (this.entireCell) source = `^(?:${source})$`;
    let re: RegExp;
    try {
      re = new RegExp(source, this.caseSensitive ? 'u' : 'iu');
    } catch {
      throw new Error(`Exception: Invalid regular expression: ${this.text}`);
    }
    return (s) => s !== '' && re.test(prep(s));
  }

  /** Every matching cell of the range, row by row, as one-cell ranges. */
  findAll(): GasRange[] {
    const { range } = this;
    const test = this.matcher();
    const shown = range.getDisplayValues();
    const formulas = this.formulaText ? range.getFormulas() : null;
    const out: GasRange[] = new range.ctx.realm.Array() as GasRange[];
    for (let i = 0; i < range.numRows; i++) {
      for (let j = 0; j < range.numCols; j++) {
        const text = formulas?.[i]?.[j] || shown[i]?.[j] || '';
        if (test(text)) out.push(range.sheet.rangeAt(range.row + i, range.col + j).self);
      }
    }
    return out;
  }

  findNext(): never {
    throw new Error('TextFinder.findNext is not emulated (the add-on uses findAll).');
  }
  findPrevious(): never {
    throw new Error('TextFinder.findPrevious is not emulated (the add-on uses findAll).');
  }
  replaceAllWith(): never {
    throw new Error('TextFinder.replaceAllWith is not emulated (the add-on never replaces text).');
  }
}
