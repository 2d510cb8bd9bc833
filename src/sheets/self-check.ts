// Gathers what Referrals › Check this spreadsheet judges (core/self-check.ts) from the real runtime.

import { MANIFEST_SCOPES } from '../core/permissions';
import { SETUP_SHEETS } from '../core/schema';
import { type CheckLine, type Failed, runSelfCheck, type SelfCheckFacts } from '../core/self-check';
import { parseSettings } from '../core/settings';
import { runsAsAddon } from './gas-ui';
import { grantOf } from './permissions';
import { dailyTriggers } from './triggers';
import { readSettingsRows } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The value of `read`, or the message of what it threw: one failing fact does not stop the check. */
function attempt<T>(read: () => T): T | Failed {
  try {
    return read();
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Row 1 of a sheet (one call), or null when the sheet is missing or empty. */
function headerRow(ss: Spreadsheet, name: string): unknown[] | null {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return null;
  const width = sheet.getLastColumn();
  return width > 0 ? sheet.getRange(1, 1, 1, width).getValues()[0]! : [];
}

/** Reads the facts: the zone, formatDate, each contract sheet's headers, triggers, permissions. */
export function selfCheckFacts(ss: Spreadsheet, now: number): SelfCheckFacts {
  const timeZone = ss.getSpreadsheetTimeZone();
  const digest = attempt(() => parseSettings(readSettingsRows(ss)).settings.dailyDigest);
  return {
    timeZone,
    now,
    formatDate: attempt(() => Utilities.formatDate(new Date(now), timeZone, 'yyyy-MM-dd HH:mm')),
    sheets: SETUP_SHEETS.map((spec) => ({ name: spec.name, headers: headerRow(ss, spec.name) })),
    triggers: attempt(() => {
      const t = dailyTriggers(ss.getId());
      return { ours: t.ours.length, unrecorded: t.unrecorded.length, total: t.total };
    }),
    granted: attempt(() => {
      const { missing } = grantOf(MANIFEST_SCOPES);
      return MANIFEST_SCOPES.filter((s) => !missing.includes(s));
    }),
    addon: runsAsAddon(),
    digest: digest === true,
  };
}

/** Runs every check on this spreadsheet. */
export function checkSpreadsheet(ss: Spreadsheet, now: number): CheckLine[] {
  return runSelfCheck(selfCheckFacts(ss, now));
}
