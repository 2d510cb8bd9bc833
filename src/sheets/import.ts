// Import LinkedIn connections: validates the uploaded text, plans with core, appends new Contacts rows in one write.

import { UserError } from '../core/errors';
import { MAX_CSV_CHARS, planImport } from '../core/import';
import { SHEET } from '../core/schema';
import { appendRows } from './gas-table';
import { withDocumentLock } from './lock';
import { loadSheet } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What the import did (JSON-safe: google.script.run hands it to the dialog). */
export interface ImportResult {
  added: number;
  duplicates: number;
  skipped: number;
}

/** Checks the argument that arrives from the browser: a string of at most about 5 MB. */
export function checkCsvArgument(csv: unknown): string {
  if (typeof csv !== 'string') throw new UserError('Choose a Connections.csv file to import.');
  if (csv.length > MAX_CSV_CHARS) {
    throw new UserError('The file is larger than 5 MB. Is it the Connections.csv from LinkedIn?');
  }
  if (csv.trim() === '') throw new UserError('The file is empty.');
  return csv;
}

/**
 * Imports Connections.csv text into Contacts under the document lock: reads Contacts once,
 * appends the new people after the last row with one setValues (columns by header text).
 * Requires the Contacts sheet (a UserError tells to run Set up tracker).
 */
export function importConnections(ss: Spreadsheet, csvArg: unknown): ImportResult {
  const csv = checkCsvArgument(csvArg);
  return withDocumentLock(() => {
    const { sheet, table } = loadSheet(ss, SHEET.contacts);
    const plan = planImport(csv, table);
    appendRows(sheet, plan.rows, table.rows.length + 1);
    return { added: plan.added, duplicates: plan.duplicates, skipped: plan.skipped };
  });
}

/** The result in plain words, for the dialog and logs. */
export function describeImport(r: ImportResult): string {
  const parts = [`${r.added} ${r.added === 1 ? 'person' : 'people'} added to Contacts`];
  if (r.duplicates > 0) parts.push(`${r.duplicates} already there`);
  if (r.skipped > 0) parts.push(`${r.skipped} skipped (no name or company)`);
  return `${parts.join(', ')}.`;
}
