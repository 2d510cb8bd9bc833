// Check this spreadsheet, judged from facts: Intl, formatDate, sheets, triggers, permissions, the report.
import { MANIFEST_SCOPES, SCOPES } from '../../src/core/permissions';
import { CONTACTS, SETUP_SHEETS } from '../../src/core/schema';
import {
  checkFormatDate,
  checkIntl,
  checkPermissions,
  checkSheets,
  checkTriggers,
  describeSelfCheck,
  runSelfCheck,
  type SelfCheckFacts,
  wallClock,
} from '../../src/core/self-check';

const NOW = Date.UTC(2026, 2, 10, 8, 0); // 09:00 in Paris

function facts(over: Partial<SelfCheckFacts> = {}): SelfCheckFacts {
  return {
    timeZone: 'Europe/Paris',
    now: NOW,
    formatDate: '2026-03-10 09:00',
    sheets: SETUP_SHEETS.map((s) => ({ name: s.name, headers: s.columns.map((c) => c.header) })),
    triggers: { ours: 1, unrecorded: 0, total: 1 },
    granted: MANIFEST_SCOPES,
    addon: false,
    digest: false,
    ...over,
  };
}

describe('self-check', () => {
  it('reads wall clocks with Intl, a half-hour zone included', () => {
    expect(wallClock(Date.UTC(2026, 0, 15, 12, 0), 'Asia/Kolkata')).toBe('2026-01-15 17:30');
    expect(checkIntl('Europe/Paris').ok).toBe(true);
  });

  it("fails the time-zone check for a zone this runtime doesn't know", () => {
    expect(checkIntl('Mars/Olympus')).toEqual({
      ok: false,
      topic: 'Time zones',
      text: 'this runtime does not know the spreadsheet\'s time zone "Mars/Olympus".',
    });
  });

  it('compares Utilities.formatDate with Intl, and reports a failing formatDate', () => {
    expect(checkFormatDate(facts()).ok).toBe(true);
    expect(checkFormatDate(facts({ formatDate: '2026-03-10 08:00' })).text).toBe(
      'Utilities.formatDate says 2026-03-10 08:00 but Intl says 2026-03-10 09:00 in Europe/Paris: due dates may be a day off.',
    );
    expect(checkFormatDate(facts({ formatDate: { error: 'Invalid argument: timeZone' } })).text).toBe(
      'Utilities.formatDate failed: Invalid argument: timeZone.',
    );
  });

  it('names missing sheets and headers', () => {
    const sheets = facts().sheets.map((s) =>
      s.name === 'Jobs'
        ? { ...s, headers: null }
        : s.name === 'Contacts'
          ? {
              ...s,
              headers: CONTACTS.columns.map((c) => c.header).filter((h) => h !== 'Due' && h !== 'Pick'),
            }
          : s,
    );
    expect(checkSheets(sheets)).toEqual({
      ok: false,
      topic: 'Sheets',
      text: 'Contacts lacks Pick, Due; Jobs is missing. Run Referrals › Set up tracker to add them.',
    });
  });

  it('reads the triggers: off, on, duplicated, unrecorded, near the limit', () => {
    expect(checkTriggers({ ours: 0, unrecorded: 0, total: 0 })).toMatchObject({
      ok: true,
      text: 'off for this spreadsheet.',
    });
    expect(checkTriggers({ ours: 2, unrecorded: 0, total: 2 }).ok).toBe(false);
    expect(checkTriggers({ ours: 0, unrecorded: 1, total: 1 }).text).toMatch(
      /older version belong to no spreadsheet/,
    );
    expect(checkTriggers({ ours: 1, unrecorded: 0, total: 19 }).text).toMatch(/19 of the 20 triggers/);
    expect(checkTriggers({ error: 'boom' })).toMatchObject({
      ok: false,
      text: 'the triggers could not be read: boom.',
    });
  });

  it('says in the add-on that reminders are not available there, and flags one an earlier version left', () => {
    expect(checkTriggers({ ours: 0, unrecorded: 0, total: 0 }, true)).toEqual({
      ok: true,
      topic: 'Daily reminders',
      text: "not available in the add-on (an add-on's morning run has no open spreadsheet, and Referral tracker keeps to this-spreadsheet-only access); the red and amber highlighting stays right every day, and Refresh follow-ups updates Next action and Due.",
    });
    for (const left of [
      { ours: 1, unrecorded: 0, total: 1 },
      { ours: 0, unrecorded: 1, total: 1 },
    ]) {
      expect(checkTriggers(left, true)).toMatchObject({
        ok: false,
        text: expect.stringMatching(
          /^1 reminder trigger\(s\) an earlier version set up here cannot run in the add-on \(.*\): Turn off daily reminders removes them\.$/,
        ),
      });
    }
  });

  it('counts a missing permission as a problem only where it is needed', () => {
    // The trigger permission: always in a bound script; in the add-on only to remove a leftover trigger.
    const noTriggers = MANIFEST_SCOPES.filter((s) => s !== SCOPES.scriptApp);
    expect(checkPermissions(facts({ granted: noTriggers })).ok).toBe(false);
    const none = { ours: 0, unrecorded: 0, total: 0 };
    expect(checkPermissions(facts({ granted: noTriggers, addon: true, triggers: none })).ok).toBe(true);
    expect(checkPermissions(facts({ granted: noTriggers, addon: true, triggers: none })).text).toMatch(
      /not needed the way you use it/,
    );
    expect(checkPermissions(facts({ granted: noTriggers, addon: true })).ok).toBe(false);
    // The digest's: only where the digest is on, and never in the add-on (no morning run there).
    const noMailAtAll = MANIFEST_SCOPES.filter((s) => s !== SCOPES.sendMail);
    expect(
      checkPermissions(facts({ granted: noMailAtAll, digest: true, addon: true, triggers: none })).ok,
    ).toBe(true);
    const noMail = MANIFEST_SCOPES.filter((s) => s !== SCOPES.sendMail);
    expect(checkPermissions(facts({ granted: noMail })).ok).toBe(true);
    expect(checkPermissions(facts({ granted: noMail, digest: true })).ok).toBe(false);
    const noUi = MANIFEST_SCOPES.filter((s) => s !== SCOPES.containerUi);
    expect(checkPermissions(facts({ granted: noUi })).text).toBe(
      'not granted: “Display and run third-party web content in prompts and sidebars inside Google applications” (to show the Draft message sidebar, Help and the import dialog). Choose a menu item that needs one and allow it when Google asks.',
    );
  });

  it('words the whole report, problems counted first', () => {
    const report = describeSelfCheck(runSelfCheck(facts({ formatDate: '2026-03-10 08:00' })));
    const lines = report.split('\n');
    expect(lines[0]).toBe('1 of 6 checks found a problem.');
    expect(lines.slice(2).map((l) => l.slice(0, 2))).toEqual(['✓ ', '✗ ', '✓ ', '✓ ', '✓ ', '✓ ']);
    expect(describeSelfCheck(runSelfCheck(facts())).split('\n')[0]).toBe('All 6 checks passed.');
  });
});
