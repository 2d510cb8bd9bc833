// "Load example data": fills an empty tracker with the fictional sample, mapped by header.

import { dayOf } from '../core/dates';
import { UserError } from '../core/errors';
import { exampleContacts, exampleJobs, exampleSettingWrites, toSheetRows } from '../core/example-data';
import { C, J, SHEET } from '../core/schema';
import { col, headerIndex, isBlankRow, type Table } from '../core/table';
import { textKey } from '../core/text';
import type { Cell } from '../core/values';
import { readTable } from './gas-table';
import { setUpTracker } from './setup';
import { requireSheet } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The identity of a sample row on a sheet: the text of its key columns. */
function keyOf(row: readonly Cell[], at: readonly number[]): string {
  return at.map((i) => textKey(i < 0 ? '' : row[i])).join('\u0000');
}

/**
 * Whether a sheet holds nothing but (some of) the sample's own rows — what a run that stopped
 * between writing Jobs and writing Contacts leaves — judged by the key columns, not by dates that
 * depend on the day the sample was written.
 */
function onlySample(table: Table, sample: readonly Cell[][], keys: readonly string[]): boolean {
  const idx = headerIndex(table.headers);
  const at = keys.map((k) => col(idx, k));
  const own = new Set(sample.map((r) => keyOf(r, at)));
  return table.rows.every((r) => isBlankRow(r) || own.has(keyOf(r, at)));
}

/**
 * Sets the tracker up if needed, then writes the sample into Contacts and Jobs — only when each
 * holds no data rows, or only the sample's own (a run that stopped half-way is finished by the
 * next), so nothing a user typed is ever overwritten. Returns the rows written.
 */
export function loadExampleData(ss: Spreadsheet, now: number): { contacts: number; jobs: number } {
  setUpTracker(ss);
  const contacts = requireSheet(ss, SHEET.contacts);
  const jobs = requireSheet(ss, SHEET.jobs);
  const ct = readTable(contacts);
  const jt = readTable(jobs);
  const tz = ss.getSpreadsheetTimeZone();
  const today = dayOf(now, tz);
  const jobRows = toSheetRows(exampleJobs(today, tz), jt.headers);
  const contactRows = toSheetRows(exampleContacts(today, tz), ct.headers);
  if (!onlySample(ct, contactRows, [C.company, C.name]) || !onlySample(jt, jobRows, [J.company, J.job])) {
    throw new UserError('Example data loads only into an empty tracker: Contacts or Jobs already has rows.');
  }
  jobs.getRange(2, 1, jobRows.length, jt.headers.length).setValues(jobRows);
  contacts.getRange(2, 1, contactRows.length, ct.headers.length).setValues(contactRows);
  fillExampleSettings(ss);
  return { contacts: contactRows.length, jobs: jobRows.length };
}

/** Fills the sample's name, school and sector into Settings where they are blank (one read, one write). */
function fillExampleSettings(ss: Spreadsheet): void {
  const sheet = ss.getSheetByName(SHEET.settings);
  if (!sheet) return;
  const rows = readTable(sheet).rows;
  const writes = exampleSettingWrites(rows);
  if (writes.length === 0) return;
  const first = Math.min(...writes.map(([i]) => i));
  const last = Math.max(...writes.map(([i]) => i));
  const values = rows.slice(first, last + 1).map((r) => [r[1] ?? '']);
  for (const [i, v] of writes) values[i - first] = [v];
  sheet.getRange(first + 2, 2, values.length, 1).setValues(values);
}
