// Sheet helpers for tests that drive the bundle: find columns by header, write rows by header,
// change a setting, and count the Sheets calls an action made.
import type { LoadedBundle } from './bundle';

/** A sheet of the bundle's spreadsheet, through the script-facing API; throws when missing. */
export function sheetOf(b: LoadedBundle, name = 'Contacts'): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = b.emu.spreadsheet.self.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Row 1 of a sheet, as text. */
export function headersOf(b: LoadedBundle, name = 'Contacts'): string[] {
  const s = sheetOf(b, name);
  return s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]!.map(String);
}

/** The 1-based column of a header; throws when the sheet has no such header. */
export function colOf(b: LoadedBundle, header: string, name = 'Contacts'): number {
  const i = headersOf(b, name).indexOf(header);
  if (i < 0) throw new Error(`no ${header} on ${name}`);
  return i + 1;
}

/** Writes rows keyed by header from row 2, in the sheet's own column order, growing the grid if needed. */
export function writeRows(b: LoadedBundle, name: string, rows: Record<string, unknown>[]): void {
  const h = headersOf(b, name);
  const s = sheetOf(b, name);
  const missing = rows.length + 1 - s.getMaxRows();
  if (missing > 0) s.insertRowsAfter(s.getMaxRows(), missing);
  s.getRange(2, 1, rows.length, h.length).setValues(rows.map((r) => h.map((x) => (x in r ? r[x] : ''))));
}

/** The values of one column below the header, down to the last row. */
export function columnValues(b: LoadedBundle, header: string, name = 'Contacts'): unknown[] {
  const s = sheetOf(b, name);
  return s
    .getRange(2, colOf(b, header, name), s.getLastRow() - 1, 1)
    .getValues()
    .map((r) => r[0]);
}

/** Sets a Settings value by its name. */
export function setSetting(b: LoadedBundle, setting: string, value: unknown): void {
  const s = sheetOf(b, 'Settings');
  const names = s
    .getRange(1, 1, s.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  const i = names.indexOf(setting);
  if (i < 0) throw new Error(`no setting ${setting}`);
  s.getRange(i + 1, 2).setValue(value);
}

/** Spreadsheet, Sheet, Range and chart calls counted since the last `calls.reset()`. */
export function sheetsCalls(b: LoadedBundle): number {
  return Object.entries(b.emu.calls.snapshot())
    .filter(([k]) => /^(Spreadsheet|Sheet|Range|EmbeddedChart)/.test(k))
    .reduce((a, [, v]) => a + v, 0);
}
