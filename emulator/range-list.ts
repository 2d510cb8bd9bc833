// RangeList: ranges of one sheet changed together by one call (Sheet.getRangeList), as a script
// writes scattered cells that take the same value or format without a call per range.

import { counted } from './context';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasRangeList = GoogleAppsScript.Spreadsheet.RangeList;

/**
 * "A collection of one or more Range instances in the same sheet. You can use this class to apply
 * operations on collections of non-adjacent ranges or cells."
 * (https://developers.google.com/apps-script/reference/spreadsheet/range-list). Each change applies
 * to every range, or — when one of them is protected against the user — to none (checked first).
 */
export class FakeRangeList
  implements
    Pick<
      GasRangeList,
      | 'getRanges'
      | 'setBackground'
      | 'setValue'
      | 'setNumberFormat'
      | 'setFontWeight'
      | 'setNote'
      | 'clearContent'
      | 'clearFormat'
      | 'clearNote'
    >
{
  readonly self: GasRangeList;
  constructor(
    readonly sheet: FakeSheet,
    readonly ranges: readonly FakeRange[],
  ) {
    this.self = counted(sheet.ctx, 'RangeList', this) as unknown as GasRangeList;
  }

  /** Applies `change` to every range (raw ranges: one RangeList call, not a call per range). */
  private each(change: (r: FakeRange) => void): GasRangeList {
    for (const r of this.ranges) this.sheet.assertEditable(r.row, r.col, r.numRows, r.numCols);
    for (const r of this.ranges) change(r);
    return this.self;
  }

  getRanges(): GasRange[] {
    return this.ranges.map((r) => r.self);
  }
  /** "Sets the background color for each Range in the range list" (null resets it). */
  setBackground(color: string | null): GasRangeList {
    return this.each((r) => r.setBackground(color));
  }
  setValue(value: unknown): GasRangeList {
    return this.each((r) => r.setValue(value));
  }
  setNumberFormat(format: string): GasRangeList {
    return this.each((r) => r.setNumberFormat(format));
  }
  setFontWeight(fontWeight: string | null): GasRangeList {
    return this.each((r) => r.setFontWeight(fontWeight));
  }
  setNote(note: string | null): GasRangeList {
    return this.each((r) => r.setNote(note));
  }
  clearContent(): GasRangeList {
    return this.each((r) => r.clearContent());
  }
  clearFormat(): GasRangeList {
    return this.each((r) => r.clearFormat());
  }
  clearNote(): GasRangeList {
    return this.each((r) => r.clearNote());
  }
}
