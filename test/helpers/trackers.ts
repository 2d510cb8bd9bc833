// Small but representative trackers for the fault, busy-lock and hostile-input suites: a user's
// own columns among the contract's, their notes, fills, dropdowns, a protection and a conditional
// format, every Status, dates, a bad cell, a blank row, stale computed columns and Activity history.
// Sheets are created 40 rows deep so that a snapshot of the whole workbook stays cheap.
import { type LoadedBundle, loadBundle } from './bundle';
import { colOf, sheetOf, writeRows } from './sheets';

/** The tracker's clock: Tuesday 10 March 2026, 09:00 in Paris. */
export const NOW = '2026-03-10T08:00:00Z';
/** Rows of each sheet created by the fixture (the grid, not the data). */
export const GRID_ROWS = 40;

/** A Date in the bundle's realm at midnight Paris time, `days` before (negative: after) NOW. */
export function daysAgo(b: LoadedBundle, days: number, hour = 0): Date {
  const DateC = b.evaluate<DateConstructor>('Date');
  // Midnight in Paris in March 2026 (before the 29th) is 23:00 UTC the day before.
  return new DateC(Date.UTC(2026, 2, 10 - days, hour) - 3_600_000);
}

/** Creates the contract sheets small (GRID_ROWS deep) so Set up tracker formats few rows. */
function smallSheets(b: LoadedBundle, names: readonly string[]): void {
  const ss = b.emu.spreadsheet.self;
  for (const name of names) {
    const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name);
    if (sheet.getMaxRows() > GRID_ROWS) sheet.deleteRows(GRID_ROWS + 1, sheet.getMaxRows() - GRID_ROWS);
  }
  const first = ss.getSheetByName('Sheet1');
  if (first) ss.deleteSheet(first);
}

/** Headers the user had before Set up tracker: their own order, two columns of their own. */
const USER_CONTACTS_HEADERS = ['Company', 'Name', 'My rating', 'Status', 'Title', 'Degree'];

/** Rows of the representative tracker's people, by first name (sheet rows; row 6 is blank). */
export const ROW = {
  ann: 2,
  bob: 3,
  cy: 4,
  di: 5,
  ed: 7,
  flo: 8,
  gus: 9,
  hal: 10,
  ivy: 11,
  jo: 12,
  kim: 13,
} as const;

/**
 * A set-up tracker with three companies, eleven people at every stage, a user's own columns ("My
 * rating" among the contract's, "Source" at the end) with their own note, fill, dropdown,
 * protection and conditional format, a bad Degree, a blank row, dates as text, an Activity
 * history, Settings with a credits figure, the digest on and one bad value; computed columns
 * were written by an earlier Score + Refresh and are stale now.
 */
export function representativeTracker(): LoadedBundle {
  const b = loadBundle({ now: NOW });
  smallSheets(b, ['Contacts', 'Jobs', 'Settings', 'Templates', 'Activity']);
  const ss = b.emu.spreadsheet.self;
  const contacts = sheetOf(b, 'Contacts');
  contacts.getRange(1, 1, 1, USER_CONTACTS_HEADERS.length).setValues([USER_CONTACTS_HEADERS]);
  b.call('menuSetUpTracker');
  const last = contacts.getLastColumn();
  if (last === contacts.getMaxColumns()) contacts.insertColumnsAfter(last, 1);
  contacts.getRange(1, last + 1).setValue('Source');

  writeRows(b, 'Jobs', [
    {
      Company: 'Acme',
      Job: 'Data Scientist',
      Apply: 'After referral',
      Outcome: 'Interview',
      'Outcome on': daysAgo(b, 1),
      Notes: 'Team grows in Q2',
    },
    { Company: 'Globex', Job: 'Software Engineer', Apply: 'Before referral', Outcome: 'Pending' },
    { Company: 'Initech', Job: 'Product Manager', Outcome: 'Rejected', 'Outcome on': daysAgo(b, 5) },
  ]);
  writeRows(b, 'Contacts', [
    {
      Company: 'Acme',
      Name: 'Ann Archer',
      Title: 'Senior Data Scientist',
      Degree: '1st',
      Current: 'Yes',
      Status: 'To contact',
      'My rating': 5,
      Source: 'alumni list',
    },
    {
      Company: 'Acme',
      Name: 'Bob Baker',
      Title: 'Data Analyst',
      Degree: '2nd',
      Premium: 'Yes',
      Status: 'Messaged',
      'Messaged on': daysAgo(b, 9),
      'Mutual connection': 'Zoe Zhang',
    },
    {
      Company: 'Acme',
      Name: 'Cy Cole',
      Title: 'Head of Data',
      Degree: '3rd',
      Status: 'Replied',
      'Messaged on': daysAgo(b, 6),
      'Replied on': daysAgo(b, 2),
    },
    {
      Company: 'Acme',
      Name: 'Di Dunn',
      Title: 'Data Scientist II',
      Degree: '2nd',
      Status: 'Referred',
      'Call on': daysAgo(b, 4, 14),
      'Referred on': daysAgo(b, 3),
      Notes: 'asked about visa',
    },
    {},
    {
      Company: 'Globex',
      Name: 'Ed Eno',
      Title: 'Staff Engineer',
      Degree: '2nd',
      'Open Profile': 'Yes',
      Status: 'Call scheduled',
      'Call on': daysAgo(b, -2, 15),
    },
    { Company: 'Globex', Name: 'Flo Fry', Title: 'Recruiter', Degree: '4th', Status: 'To contact' },
    {
      Company: 'Globex',
      Name: 'Gus Gray',
      Title: 'Software Engineer',
      Degree: '1st',
      Status: 'Call done',
      'Call on': daysAgo(b, 1, 10),
      'Mentor notes': 'good lead',
    },
    {
      Company: 'Initech',
      Name: 'Hal Hart',
      Title: 'PM',
      Degree: '2nd',
      Status: 'No reply',
      'Messaged on': "'2026-02-01",
    },
    {
      Company: 'Initech',
      Name: 'Ivy Ives',
      Title: 'Designer',
      Degree: '3rd',
      Status: 'Declined',
      'Same school': 'Yes',
      'In common': 'Lyon; chess',
    },
    {
      Company: 'Initech',
      Name: 'Jo Jones',
      Title: 'Engineering Manager',
      Degree: '2nd',
      Current: 'No',
      Status: 'Skip',
    },
    {
      Company: 'Globex',
      Name: 'Kim Kent',
      Title: 'Senior Software Engineer',
      Degree: '2nd',
      Premium: 'Yes',
      Status: 'To contact',
      Location: 'Greater Paris Metropolitan Region',
    },
  ]);
  // The user's own formatting, notes, dropdown, protection and conditional format.
  const nameCol = colOf(b, 'Name');
  contacts.getRange(2, nameCol).setNote('met at the meetup').setFontWeight('bold');
  contacts.getRange(3, colOf(b, 'Notes')).setBackground('#d9ead3');
  const rating = contacts.getRange(2, colOf(b, 'My rating'), GRID_ROWS - 1, 1);
  rating.setDataValidation(
    b.emu.globals.SpreadsheetApp.newDataValidation()
      .requireValueInList(['1', '2', '3', '4', '5'], true)
      .build(),
  );
  contacts.getRange(1, colOf(b, 'Mentor notes'), GRID_ROWS, 1).protect().setDescription('mentor only');
  contacts.setConditionalFormatRules([
    b.emu.globals.SpreadsheetApp.newConditionalFormatRule()
      .whenTextContains('visa')
      .setBackground('#fff2cc')
      .setRanges([contacts.getRange(2, colOf(b, 'Notes'), GRID_ROWS - 1, 1)])
      .build(),
  ]);
  setSettings(b, {
    'Your name': 'Sam Seeker',
    'InMail credits left': 12,
    'Picks per company': 'lots',
    'Daily digest email': 'Yes',
  });
  writeRows(b, 'Activity', [
    {
      Timestamp: daysAgo(b, 9, 10),
      Company: 'Acme',
      Name: 'Bob Baker',
      'From status': 'To contact',
      'To status': 'Messaged',
      By: 'edit',
    },
    {
      Timestamp: daysAgo(b, 2, 11),
      Company: 'Acme',
      Name: 'Cy Cole',
      'From status': 'Messaged',
      'To status': 'Replied',
      By: 'edit',
    },
  ]);
  // Computed columns from an earlier run, then the data moved on: they are stale now.
  b.call('menuScoreCandidates');
  b.call('menuRefreshFollowUps');
  const status = colOf(b, 'Status');
  contacts.getRange(ROW.bob, status).setValue('Replied');
  contacts.getRange(ROW.ed, colOf(b, 'Degree')).setValue('1st');
  contacts.getRange(ROW.ivy, colOf(b, 'In common')).setValue('Lyon; chess; jazz');
  forgetUi(b);
  void ss;
  return b;
}

/** Sets Settings values by name (the fixture's own writes, not an action's). */
export function setSettings(b: LoadedBundle, values: Record<string, unknown>): void {
  const s = sheetOf(b, 'Settings');
  const names = s
    .getRange(1, 1, s.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  for (const [name, value] of Object.entries(values)) {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`no setting ${name}`);
    s.getRange(i + 1, 2).setValue(value);
  }
}

/** Clears what the fixture's own runs showed (alerts, toasts, logs), so a test sees only its action's. */
export function forgetUi(b: LoadedBundle): void {
  b.emu.ui.dialogs.length = 0;
  b.emu.spreadsheet.toasts.length = 0;
  b.emu.logs.entries.length = 0;
  b.emu.endExecution();
}

/**
 * A tracker the user started by hand before Set up tracker: Contacts with some contract headers in
 * their own order, a column of their own and data, Settings with two of their values, no Jobs,
 * Templates or Activity yet.
 */
export function handMadeTracker(): LoadedBundle {
  const b = loadBundle({ now: NOW });
  smallSheets(b, ['Contacts', 'Settings']);
  const contacts = sheetOf(b, 'Contacts');
  contacts.getRange(1, 1, 4, 5).setValues([
    ['Name', 'Company', 'My rating', 'Status', 'Notes'],
    ['Ann Archer', 'Acme', 5, 'Messaged', 'met at the meetup'],
    ['Bob Baker', 'Globex', '', 'To contact', ''],
    ['Cy Cole', 'Acme', 2, 'Replied', 'call next week'],
  ]);
  contacts.getRange(2, 1).setNote('my note').setBackground('#d9ead3');
  const settings = sheetOf(b, 'Settings');
  settings.getRange(1, 1, 3, 2).setValues([
    ['Setting', 'Value'],
    ['Your name', 'Sam Seeker'],
    ['LinkedIn plan', 'Premium Career'],
  ]);
  forgetUi(b);
  return b;
}

/** A set-up tracker with `rows` people at one company, all To contact (for a paste of many Status cells). */
export function wideTracker(rows: number): LoadedBundle {
  const b = loadBundle({ now: NOW });
  smallSheets(b, ['Contacts', 'Jobs', 'Settings', 'Templates', 'Activity']);
  const contacts = sheetOf(b, 'Contacts');
  const more = rows + 5 - contacts.getMaxRows();
  if (more > 0) contacts.insertRowsAfter(contacts.getMaxRows(), more);
  b.call('menuSetUpTracker');
  writeRows(b, 'Jobs', [{ Company: 'Acme', Job: 'Data Scientist', Apply: 'Unknown', Outcome: 'Pending' }]);
  writeRows(
    b,
    'Contacts',
    Array.from({ length: rows }, (_, i) => ({
      Company: 'Acme',
      Name: `Person ${i + 1}`,
      Degree: i % 3 === 0 ? '1st' : '2nd',
      Status: 'To contact',
    })),
  );
  forgetUi(b);
  return b;
}
