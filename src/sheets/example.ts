// "Load example data": fills an empty tracker with the fictional sample, mapped by header.

import { dayOf } from '../core/dates';
import { UserError } from '../core/errors';
import { exampleContacts, exampleJobs, exampleSettingWrites, toSheetRows } from '../core/example-data';
import { SHEET } from '../core/schema';
import { isBlankRow } from '../core/table';
import { readTable } from './gas-table';
import { setUpTracker } from './setup';
import { requireSheet } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Sets the tracker up if needed, then writes the sample into Contacts and Jobs — only when both
 * hold no data rows, so nothing a user typed is ever overwritten. Returns the rows written.
 */
export function loadExampleData(ss: Spreadsheet, now: number): { contacts: number; jobs: number } {
  setUpTracker(ss);
  const contacts = requireSheet(ss, SHEET.contacts);
  const jobs = requireSheet(ss, SHEET.jobs);
  const ct = readTable(contacts);
  const jt = readTable(jobs);
  if (!ct.rows.every(isBlankRow) || !jt.rows.every(isBlankRow)) {
    throw new UserError('Example data loads only into an empty tracker: Contacts or Jobs already has rows.');
  }
  const tz = ss.getSpreadsheetTimeZone();
  const today = dayOf(now, tz);
  const jobRows = toSheetRows(exampleJobs(today, tz), jt.headers);
  const contactRows = toSheetRows(exampleContacts(today, tz), ct.headers);
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
