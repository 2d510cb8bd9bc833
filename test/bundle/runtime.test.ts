// The add-on in both deployments against the strict emulator and the real manifest: the exact menu,
// daily reminders (bound script) and why the add-on has none, the morning run without an active
// spreadsheet, granular consent, the digest's permissions, inherited formatting, Check this spreadsheet.
import { SCOPE } from '../../emulator/scopes';
import { DEPLOYMENT, type LoadedBundle, type LoadOptions, loadBundle } from '../helpers/bundle';
import { colOf, setSetting, sheetOf, writeRows } from '../helpers/sheets';

const NOW = '2026-03-10T08:00:00Z'; // a Tuesday, 09:00 in Paris
const ALL = Object.values(SCOPE);
const without = (...scopes: string[]) => ALL.filter((s) => !scopes.includes(s));

/** The menu, written out: removing, renaming or rewiring an item must fail this test. */
const MENU = [
  ['Set up tracker', 'menuSetUpTracker'],
  ['Load example data', 'menuLoadExampleData'],
  '---',
  ['Score candidates', 'menuScoreCandidates'],
  ['Draft message…', 'menuDraftMessage'],
  ['Refresh follow-ups', 'menuRefreshFollowUps'],
  ['Turn on daily reminders', 'menuTurnOnReminders'],
  ['Turn off daily reminders', 'menuTurnOffReminders'],
  ['Refresh dashboard', 'menuRefreshDashboard'],
  '---',
  ['Import LinkedIn connections…', 'menuImportConnections'],
  ['Share with mentor…', 'menuShareWithMentor'],
  '---',
  ['Help', 'menuHelp'],
  ['Check this spreadsheet', 'menuCheckSpreadsheet'],
];

function menuOf(b: LoadedBundle) {
  expect(b.emu.ui.menus).toHaveLength(1);
  const menu = b.emu.ui.menus[0]!;
  return {
    caption: menu.caption,
    addon: menu.addon,
    items: menu.items.map((i) => ('functionName' in i ? [i.caption, i.functionName] : '---')),
  };
}

function tracker(options: LoadOptions = {}): LoadedBundle {
  const b = loadBundle({ now: NOW, ...options });
  b.call('menuSetUpTracker');
  return b;
}

const lastAlert = (b: LoadedBundle) => b.emu.ui.dialogs.at(-1)?.prompt ?? '';
const logs = (b: LoadedBundle) => b.emu.logs.messages();
const fire = (b: LoadedBundle, id: string) => b.emu.triggers.fire(id, {}, (name, e) => b.call(name, e));
const dailyIds = (b: LoadedBundle) =>
  b.emu.triggers.list.filter((t) => t.handlerFunction === 'dailyReminder').map((t) => t.uniqueId);

describe('the menu', () => {
  it('is the top-level Referrals menu, item for item, in a bound script', () => {
    const b = loadBundle({ deployment: 'bound' });
    b.call('onOpen', { authMode: 'LIMITED' });
    expect(menuOf(b)).toEqual({ caption: 'Referrals', addon: false, items: MENU });
    const functions = new Set(b.functions());
    for (const item of MENU) if (item !== '---') expect(functions).toContain(item[1]);
  });

  it('is the add-on menu under Extensions, with the same items, in an installed add-on', () => {
    const b = loadBundle({ deployment: 'addon' });
    b.call('onOpen', { authMode: 'LIMITED' });
    expect(menuOf(b)).toEqual({ caption: 'Referral tracker', addon: true, items: MENU });
  });

  it.each(['bound', 'addon'] as const)(
    'is the add-on menu in AuthMode.NONE and on install (%s)',
    (deployment) => {
      const none = loadBundle({ deployment });
      none.call('onOpen', { authMode: 'NONE' });
      expect(menuOf(none)).toEqual({ caption: 'Referral tracker', addon: true, items: MENU });
      const installed = loadBundle({ deployment });
      installed.call('onInstall', { authMode: 'FULL' });
      expect(menuOf(installed).addon).toBe(true);
    },
  );
});

describe('daily reminders in a script bound to the spreadsheet', () => {
  it('refresh the spreadsheet in the morning run', () => {
    const b = tracker({ deployment: 'bound' });
    writeRows(b, 'Contacts', [
      { Company: 'Acme', Name: 'Ann', Status: 'Replied', 'Replied on': '2026-03-01' },
    ]);
    b.call('menuTurnOnReminders');
    expect(lastAlert(b)).toMatch(/^Daily reminders are on: every morning around 6:00 \(Europe\/Paris\)/);
    expect(b.emu.properties.user.data.get(`dailyReminder:${dailyIds(b)[0]}`)).toBe(b.emu.spreadsheet.id);
    fire(b, dailyIds(b)[0]!);
    expect(sheetOf(b, 'Contacts').getRange(2, colOf(b, 'Next action')).getValue()).toBe(
      'answer with your availability',
    );
    expect(logs(b)).toEqual([]);
  });

  it('adopt a trigger an older version left unrecorded instead of adding a second one', () => {
    const b = tracker({ deployment: 'bound' });
    b.emu.globals.ScriptApp.newTrigger('dailyReminder').timeBased().everyDays(1).atHour(6).create();
    b.call('menuTurnOnReminders');
    expect(dailyIds(b)).toHaveLength(1);
    expect(b.emu.properties.user.data.get(`dailyReminder:${dailyIds(b)[0]}`)).toBe(b.emu.spreadsheet.id);
  });
});

describe('daily reminders in the add-on, which keeps to this-spreadsheet-only access', () => {
  it('Turn on installs nothing, asks for no permission, and says why and what the user still has', () => {
    const b = tracker({ deployment: 'addon', grantedScopes: without(SCOPE.scriptApp) });
    b.emu.calls.reset();
    b.call('menuTurnOnReminders');
    expect(lastAlert(b)).toBe(
      [
        "Daily reminders aren't available in the add-on, so nothing was turned on: an add-on's morning run has no open spreadsheet, and Referral tracker keeps to this-spreadsheet-only access.",
        '',
        'What you still have:',
        '• The red and amber highlighting stays right every day on its own.',
        '• Refresh follow-ups brings Next action and Due up to date whenever you like.',
        '• Installed as a script bound to this spreadsheet, Referral tracker does send daily reminders.',
      ].join('\n'),
    );
    expect(b.emu.ui.dialogs.at(-1)?.title).toBe('Daily reminders');
    expect(dailyIds(b)).toEqual([]);
    expect(b.emu.calls.get('ScriptApp.newTrigger')).toBe(0);
    expect(b.emu.calls.get('ScriptApp.getProjectTriggers')).toBe(0);
  });

  it("Turn off removes a trigger an earlier version left, and never another spreadsheet's", () => {
    const b = tracker({ deployment: 'addon' });
    const first = b.emu.spreadsheet;
    const second = b.emu.addSpreadsheet({ name: 'Second tracker' });
    b.emu.open(second);
    b.call('menuSetUpTracker');
    const firstId = leftoverTrigger(b, first.id);
    const secondId = leftoverTrigger(b, second.id);

    // Turning on in either spreadsheet adds nothing and removes nothing.
    b.call('menuTurnOnReminders');
    b.emu.open(first);
    b.call('menuTurnOnReminders');
    expect(dailyIds(b)).toEqual([firstId, secondId]);

    b.emu.open(second);
    b.call('menuTurnOffReminders');
    expect(lastAlert(b)).toBe('Daily reminders are off.');
    expect(dailyIds(b)).toEqual([firstId]);
    expect(b.emu.properties.user.data.get(`dailyReminder:${firstId}`)).toBe(first.id);
    expect(b.emu.properties.user.data.has(`dailyReminder:${secondId}`)).toBe(false);
    b.call('menuTurnOffReminders');
    expect(lastAlert(b)).toBe('Daily reminders were already off.');
    expect(dailyIds(b)).toEqual([firstId]);

    b.emu.open(first);
    b.call('menuTurnOffReminders');
    expect(lastAlert(b)).toBe('Daily reminders are off.');
    expect(dailyIds(b)).toEqual([]);
  });
});

/** A daily trigger an earlier version installed in the add-on, recorded for `spreadsheetId`. */
function leftoverTrigger(b: LoadedBundle, spreadsheetId: string): string {
  const t = b.emu.globals.ScriptApp.newTrigger('dailyReminder').timeBased().everyDays(1).atHour(6).create();
  b.emu.properties.user.data.set(`dailyReminder:${t.getUniqueId()}`, spreadsheetId);
  return t.getUniqueId();
}

describe('the morning run without an active spreadsheet (PRODUCT point 16)', () => {
  const LINE =
    "Daily reminder: no active spreadsheet in this run, so nothing was done (an add-on's morning run has no open spreadsheet, and Referral tracker keeps to this-spreadsheet-only access). Turn off daily reminders in your tracker removes this trigger.";

  it('ends quietly with its log line, opening no spreadsheet by id and changing none', () => {
    const b = tracker({ deployment: 'addon' });
    writeRows(b, 'Contacts', [
      { Company: 'Acme', Name: 'Ann', Status: 'Replied', 'Replied on': '2026-03-01' },
    ]);
    const before = JSON.stringify(b.emu.spreadsheet.toJSON());
    const id = leftoverTrigger(b, b.emu.spreadsheet.id);
    b.emu.calls.reset();
    expect(() => fire(b, id)).not.toThrow();
    expect(logs(b)).toEqual([LINE]);
    expect(b.emu.calls.get('SpreadsheetApp.openById')).toBe(0);
    expect(JSON.stringify(b.emu.spreadsheet.toJSON())).toBe(before);
  });

  it('could not open the tracker by id anyway: the real manifest has no `spreadsheets` scope', () => {
    const b = tracker({ deployment: 'addon' });
    const open = `SpreadsheetApp.openById('${b.emu.spreadsheet.id}')`;
    expect(() => b.emu.execute('time-driven', 'FULL', () => b.evaluate(open))).toThrow(
      'Specified permissions are not sufficient to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });

  it('ends the same way for a trigger recorded for no spreadsheet', () => {
    const b = tracker({ deployment: 'addon' });
    const t = b.emu.globals.ScriptApp.newTrigger('dailyReminder').timeBased().everyDays(1).create();
    expect(() => fire(b, t.getUniqueId())).not.toThrow();
    expect(logs(b)).toEqual([LINE]);
  });
});

describe('granular consent: an action missing a permission names it', () => {
  it('Turn on daily reminders without the trigger permission (bound script)', () => {
    const b = tracker({ deployment: 'bound', grantedScopes: without(SCOPE.scriptApp) });
    b.call('menuTurnOnReminders');
    expect(lastAlert(b)).toMatch(
      /^Turning on daily reminders needs the permission “Allow this application to run when you are not present”, which was not granted to Referral tracker\. Open https:\/\/\S+ to grant it, then try again\.$/,
    );
    expect(dailyIds(b)).toEqual([]);
  });

  it('the sidebar without the permission to show web content', () => {
    const b = tracker({ grantedScopes: without(SCOPE.containerUi) });
    b.call('menuDraftMessage');
    expect(lastAlert(b)).toBe(
      'Draft message needs the permission “Display and run third-party web content in prompts and sidebars inside Google applications”, which was not granted to Referral tracker. Choose the menu item again and allow it when Google asks.',
    );
    expect(b.emu.ui.shown).toEqual([]);
  });

  it('Set up tracker without any permission on spreadsheets', () => {
    const b = loadBundle({
      now: NOW,
      grantedScopes: without(SCOPE.spreadsheets, SCOPE.spreadsheetsCurrentOnly),
    });
    b.call('menuSetUpTracker');
    expect(lastAlert(b)).toMatch(
      /^Set up tracker needs the permission “View and manage spreadsheets that this application has been installed in”/,
    );
    expect(sheetOf.bind(null, b, 'Contacts')).toThrow();
  });
});

describe('the digest email (bound script: the add-on has no morning run)', () => {
  function digestOn(options: LoadOptions = {}): LoadedBundle {
    const b = tracker({ deployment: 'bound', ...options });
    setSetting(b, 'Daily digest email', 'Yes');
    writeRows(b, 'Contacts', [
      { Company: 'Acme', Name: 'Ann', Status: 'Replied', 'Replied on': '2026-03-01' },
    ]);
    return b;
  }

  it('is sent because the manifest grants userinfo.email (Session.getEffectiveUser needs it)', () => {
    const b = digestOn();
    b.call('menuTurnOnReminders');
    fire(b, dailyIds(b)[0]!);
    expect(b.emu.mail.sent.map((m) => m.to)).toEqual(['user@example.com']);
  });

  it('is not sent, and says why, without userinfo.email in the manifest', () => {
    const b = digestOn({ oauthScopes: without(SCOPE.userinfoEmail) });
    b.call('menuTurnOnReminders');
    fire(b, dailyIds(b)[0]!);
    expect(b.emu.mail.sent).toEqual([]);
    expect(logs(b)).toEqual([
      'Daily reminder: digest not sent. The daily digest email needs the permission “See your primary Google Account email address”, which was not granted to Referral tracker. Choose the menu item again and allow it when Google asks.',
    ]);
  });

  it('is flagged when reminders are turned on without its permissions', () => {
    const b = digestOn({ grantedScopes: without(SCOPE.sendMail, SCOPE.userinfoEmail) });
    b.call('menuTurnOnReminders');
    expect(lastAlert(b)).toMatch(
      /^Daily reminders are on: .*\n\nThe daily digest email needs the permission “Send email as you” and “See your primary Google Account email address”/s,
    );
    expect(dailyIds(b)).toHaveLength(1);
  });
});

describe('Set up tracker on a sheet whose last column the user formatted', () => {
  // Inserted columns copy the column before them; the add-on's new column must start clean.
  it("adds the missing column without the user's fill, number format or dropdown", () => {
    const b = tracker();
    const contacts = sheetOf(b, 'Contacts');
    const mentor = colOf(b, 'Mentor notes');
    contacts.deleteColumns(mentor, contacts.getMaxColumns() - mentor + 1);
    const notes = contacts.getRange(1, colOf(b, 'Notes'), contacts.getMaxRows(), 1);
    notes.setBackground('#ff0000').setNumberFormat('0.00');
    notes.setDataValidation(
      b.emu.globals.SpreadsheetApp.newDataValidation().requireValueInList(['x']).build(),
    );
    b.call('menuSetUpTracker');
    const added = contacts.getRange(2, colOf(b, 'Mentor notes'));
    expect([added.getBackground(), added.getNumberFormat(), added.getDataValidation()]).toEqual([
      '#ffffff',
      '0.###############',
      null,
    ]);
    expect(contacts.getRange(2, colOf(b, 'Notes')).getBackground()).toBe('#ff0000');
  });
});

describe('rows the add-on appends past the end of the grid', () => {
  // Inserted rows copy the row before them: its dropdowns and formats suit them, its fill does not.
  it("keep the last row's formats but not its fill (a setting Set up tracker seeds again)", () => {
    const b = tracker();
    const settings = sheetOf(b, 'Settings');
    const last = settings.getLastRow();
    const name = String(settings.getRange(last, 1).getValue());
    settings.deleteRows(last, settings.getMaxRows() - last + 1);
    settings.getRange(last - 1, 1, 1, 2).setBackground('#ff0000');
    b.call('menuSetUpTracker');
    expect(settings.getRange(last, 1).getValue()).toBe(name);
    expect(settings.getRange(last, 1, 1, 2).getBackgrounds()[0]).toEqual(['#ffffff', '#ffffff']);
    expect(settings.getRange(last - 1, 1).getBackground()).toBe('#ff0000');
  });
});

describe('Check this spreadsheet', () => {
  it('reports every check passed on a set-up tracker', () => {
    const b = tracker();
    b.call('menuCheckSpreadsheet');
    const report = lastAlert(b);
    expect(report.split('\n')[0]).toBe('All 6 checks passed.');
    expect(report).toContain('✓ Time zones: Intl knows Europe/Paris');
    expect(report).toContain(
      '✓ Dates: Utilities.formatDate and Intl agree: it is 2026-03-10 09:00 in Europe/Paris.',
    );
    expect(report).toContain(
      DEPLOYMENT === 'addon'
        ? "✓ Daily reminders: not available in the add-on (an add-on's morning run has no open spreadsheet"
        : '✓ Daily reminders: off for this spreadsheet.',
    );
    expect(report).toContain('✓ Permissions: every permission Referral tracker asks for is granted.');
  });

  it('names a missing column, a missing permission and duplicate triggers (bound script)', () => {
    const b = tracker({ deployment: 'bound' });
    setSetting(b, 'Daily digest email', 'Yes');
    b.call('menuTurnOnReminders');
    const record = [...b.emu.properties.user.data.entries()][0]!;
    const extra = b.emu.globals.ScriptApp.newTrigger('dailyReminder').timeBased().everyDays(1).create();
    b.emu.properties.user.data.set(`dailyReminder:${extra.getUniqueId()}`, record[1]);
    b.emu.auth.granted = without(SCOPE.sendMail);
    const contacts = sheetOf(b, 'Contacts');
    contacts.getRange(1, colOf(b, 'Why')).setValue('Reason');
    b.call('menuCheckSpreadsheet');
    const report = lastAlert(b);
    expect(report.split('\n')[0]).toBe('3 of 6 checks found a problem.');
    expect(report).toContain('✗ Sheets: Contacts lacks Why. Run Referrals › Set up tracker to add them.');
    expect(report).toContain('✗ Daily reminders: on, but with 2 morning triggers for this spreadsheet');
    expect(report).toContain(
      '✗ Permissions: not granted: “Send email as you” (to send the opt-in daily digest email)',
    );
    expect(report).toContain('✓ Deployment: script bound to this spreadsheet');
  });

  it('in the add-on, flags a reminder an earlier version left until Turn off removes it', () => {
    const b = tracker({ deployment: 'addon', grantedScopes: without(SCOPE.sendMail, SCOPE.userinfoEmail) });
    leftoverTrigger(b, b.emu.spreadsheet.id);
    b.call('menuCheckSpreadsheet');
    let report = lastAlert(b);
    expect(report.split('\n')[0]).toBe('1 of 6 checks found a problem.');
    expect(report).toContain(
      '✗ Daily reminders: 1 reminder trigger(s) an earlier version set up here cannot run in the add-on',
    );
    // The digest's permissions are not needed where no morning run reaches the tracker.
    expect(report).toMatch(/✓ Permissions: not granted: .*not needed the way you use it/);
    expect(report).toContain('✓ Deployment: installed as an add-on');
    b.call('menuTurnOffReminders');
    b.call('menuCheckSpreadsheet');
    report = lastAlert(b);
    expect(report.split('\n')[0]).toBe('All 6 checks passed.');
  });
});
