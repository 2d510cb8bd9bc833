// The strict emulator: scopes per member, auth modes, time-driven runs, deployments, null where Apps
// Script returns null, inserted rows and columns, and the exceptions services throw. Each test quotes
// its source.
import * as vm from 'node:vm';
import { createEmulator, type EmulatorOptions, realmFromEvaluate } from '../../emulator/index';
import { SCOPE, scopesFor, sourceOf } from '../../emulator/scopes';
import { AUTHORIZATION_REQUIRED_MESSAGE } from '../../emulator/script-app';

const ALL_SCOPES = Object.values(SCOPE);

/** An emulator with a script realm, and a way to run script code as one execution. */
function load(options: EmulatorOptions = {}) {
  const context = vm.createContext({});
  const emu = createEmulator({ ...options, realm: realmFromEvaluate((c) => vm.runInContext(c, context)) });
  Object.assign(context, emu.globals);
  const run = <T>(
    code: string,
    kind: 'editor' | 'simple-trigger' | 'time-driven' = 'editor',
    mode = 'FULL',
  ) => emu.execute(kind, mode as 'FULL', () => vm.runInContext(code, context) as T);
  return { emu, context, run };
}

describe('scopes per member', () => {
  // "openById(id) … Authorization: Scripts that use this method require authorization with one or more
  // of the following scopes: https://www.googleapis.com/auth/spreadsheets"
  // (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openById(String)).
  it('refuses openById under spreadsheets.currentonly with Apps Script\'s "not sufficient" error', () => {
    const { emu, run } = load({ oauthScopes: [SCOPE.spreadsheetsCurrentOnly] });
    const id = emu.spreadsheet.id;
    expect(() => run(`SpreadsheetApp.openById('${id}')`)).toThrow(
      'Specified permissions are not sufficient to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    expect(run(`SpreadsheetApp.getActiveSpreadsheet().getName()`)).toBe(emu.spreadsheet.name);
  });

  // Spreadsheet members accept either scope; the message lists both as "(A || B)", as in the execution
  // log "Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly ||
  // https://www.googleapis.com/auth/spreadsheets)".
  it('lists alternative scopes the way Apps Script does', () => {
    const { run } = load({ oauthScopes: [SCOPE.containerUi] });
    expect(() => run('SpreadsheetApp.getActiveSpreadsheet()')).toThrow(
      'Specified permissions are not sufficient to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
  });

  // Session.getEffectiveUser: "Authorization: …/auth/userinfo.email" (reference/base/session).
  it('refuses Session.getEffectiveUser without userinfo.email', () => {
    const { run } = load({ oauthScopes: [SCOPE.spreadsheetsCurrentOnly, SCOPE.sendMail] });
    expect(() => run('Session.getEffectiveUser().getEmail()')).toThrow(
      'Specified permissions are not sufficient to call Session.getEffectiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
  });

  // Granular consent: "the script can operate with a subset of those scopes; any attempt to call a
  // service that requires [a scope not granted] triggers a permission error" — "You do not have
  // permission to call X. Required permissions: S".
  it('refuses a declared scope the user did not grant with "You do not have permission"', () => {
    const { run } = load({
      oauthScopes: [SCOPE.spreadsheetsCurrentOnly, SCOPE.sendMail],
      grantedScopes: [SCOPE.spreadsheetsCurrentOnly],
    });
    expect(() => run("MailApp.sendEmail('a@example.com', 's', 'b')")).toThrow(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
  });

  it('checks nothing between executions, nor when the manifest declares no scopes', () => {
    const { emu, run } = load({ oauthScopes: [] });
    expect(() => emu.globals.ScriptApp.getProjectTriggers()).not.toThrow();
    const open = load();
    expect(() => open.run('ScriptApp.getProjectTriggers()')).not.toThrow();
    expect(() => run('ScriptApp.getProjectTriggers()')).toThrow(/not sufficient.*script\.scriptapp/);
  });

  it('names its source for every member it gates', () => {
    expect(scopesFor('Range.setValues')).toEqual([SCOPE.spreadsheetsCurrentOnly, SCOPE.spreadsheets]);
    expect(scopesFor('Utilities.formatDate')).toEqual([]);
    expect(scopesFor('Ui.alert')).toEqual([]);
    expect(scopesFor('Ui.showSidebar')).toEqual([SCOPE.containerUi]);
    expect(sourceOf('SpreadsheetApp.openById')).toBe(
      'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openById(String)',
    );
    expect(sourceOf('EmbeddedChartBuilder.build')).toBe(
      'https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder',
    );
  });
});

describe('ScriptApp authorization', () => {
  // AuthorizationInfo.getAuthorizedScopes(): "If authorization information is requested for a specified
  // list of scopes, returns the authorized scopes from the specified list"; getAuthorizationUrl():
  // "returns null if no authorization is required" (reference/script/authorization-info).
  it('reports what was granted among the scopes asked, with a URL only when something is missing', () => {
    const { run } = load({ oauthScopes: ALL_SCOPES, grantedScopes: [SCOPE.spreadsheetsCurrentOnly] });
    const info = run<{ status: string; url: string | null; scopes: string[] }>(`(() => {
      const i = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, [
        '${SCOPE.spreadsheetsCurrentOnly}', '${SCOPE.sendMail}']);
      return { status: String(i.getAuthorizationStatus()), url: i.getAuthorizationUrl(), scopes: i.getAuthorizedScopes() };
    })()`);
    expect(info).toEqual({
      status: 'REQUIRED',
      url: expect.stringMatching(/^https:\/\//),
      scopes: [SCOPE.spreadsheetsCurrentOnly],
    });
    const ok = run<string | null>(
      `ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, ['${SCOPE.spreadsheetsCurrentOnly}']).getAuthorizationUrl()`,
    );
    expect(ok).toBeNull();
  });

  // requireScopes: "If any of the specified consents aren't granted, then this method ends the current
  // execution and renders an authorization prompt to request the missing consent."
  it('requireScopes prompts for the missing scopes and ends the execution', () => {
    const { emu, run } = load({ oauthScopes: ALL_SCOPES, grantedScopes: [SCOPE.spreadsheetsCurrentOnly] });
    expect(() => run(`ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, ['${SCOPE.scriptApp}'])`)).toThrow(
      AUTHORIZATION_REQUIRED_MESSAGE,
    );
    expect(emu.auth.prompts).toEqual([[SCOPE.scriptApp]]);
    expect(() =>
      run(`ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, ['${SCOPE.spreadsheetsCurrentOnly}'])`),
    ).not.toThrow();
  });

  // InstallationSource.NONE: "Script is not running as an add-on" (reference/script/installation-source).
  it('reports NONE as the installation source of a bound script, and an add-on source otherwise', () => {
    expect(load().run('String(ScriptApp.getInstallationSource())')).toBe('NONE');
    expect(load({ deployment: 'addon' }).run('String(ScriptApp.getInstallationSource())')).toBe(
      'WEB_STORE_ADD_ON',
    );
  });
});

describe('auth modes', () => {
  // AuthMode.NONE: "A mode that does not allow access to any services that require authorization"
  // (reference/script/auth-mode); "Don't take any action that requires authorization (such as checking
  // script Properties) while the add-on is in ScriptApp.AuthMode.NONE" (add-ons/concepts/menus).
  it('NONE: no document, Properties or Session; the add-on menu still works', () => {
    const { emu, run } = load();
    const none = <T>(code: string) => run<T>(code, 'simple-trigger', 'NONE');
    expect(() => none('SpreadsheetApp.getActiveSpreadsheet()')).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet',
    );
    expect(() => none('PropertiesService.getDocumentProperties()')).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
    expect(() => none('Session.getScriptTimeZone()')).toThrow(
      'You do not have permission to call Session.getScriptTimeZone',
    );
    none("SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'go').addToUi()");
    expect(emu.ui.menus[0]).toMatchObject({ addon: true, items: [{ caption: 'Go', functionName: 'go' }] });
  });

  // Simple triggers (AuthMode.LIMITED): "They cannot access services that require authorization" but
  // "can modify the file they are bound to" (guides/triggers#restrictions): no dialogs, sidebars,
  // triggers or mail.
  it('LIMITED: the bound spreadsheet yes; dialogs, sidebars, triggers and mail no', () => {
    const { run } = load({ oauthScopes: ALL_SCOPES, grantedScopes: [] });
    const limited = <T>(code: string) => run<T>(code, 'simple-trigger', 'LIMITED');
    expect(
      limited("SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue(1) && 'ok'"),
    ).toBe('ok');
    for (const [code, member] of [
      ["SpreadsheetApp.getUi().alert('hi')", 'Ui.alert'],
      ["SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('x'))", 'Ui.showSidebar'],
      ["ScriptApp.newTrigger('f').timeBased().everyDays(1).create()", 'ScriptApp.newTrigger'],
      ["MailApp.sendEmail('a@example.com', 's', 'b')", 'MailApp.sendEmail'],
    ] as const) {
      expect(() => limited(code)).toThrow(`You do not have permission to call ${member}`);
    }
  });
});

describe('time-driven runs', () => {
  // "Cannot call SpreadsheetApp.getUi() from this context." — a time-driven run has no editor open.
  it('throws on getUi() in both deployments', () => {
    for (const deployment of ['bound', 'addon'] as const) {
      const { run } = load({ deployment });
      expect(() => run('SpreadsheetApp.getUi()', 'time-driven')).toThrow(
        'Cannot call SpreadsheetApp.getUi() from this context.',
      );
    }
  });

  it("keeps a bound script's spreadsheet active", () => {
    const { emu, run } = load();
    expect(run('SpreadsheetApp.getActiveSpreadsheet().getId()', 'time-driven')).toBe(emu.spreadsheet.id);
    expect(run('LockService.getDocumentLock() !== null', 'time-driven')).toBe(true);
  });

  // An add-on's time-driven run has no current document: getActiveSpreadsheet() returns null,
  // getDocumentLock() returns "null if called from … a script that's not bound to a document"
  // (reference/lock/lock-service#getDocumentLock()), getDocumentProperties() returns null
  // (reference/properties/properties-service#getDocumentProperties()).
  it("gives an add-on's run no active spreadsheet, no document lock and no document properties", () => {
    const { emu, run } = load({ deployment: 'addon' });
    const nulls = run<unknown[]>(
      '[SpreadsheetApp.getActiveSpreadsheet(), SpreadsheetApp.getActive(), LockService.getDocumentLock(), PropertiesService.getDocumentProperties()]',
      'time-driven',
    );
    expect(nulls).toEqual([null, null, null, null]);
    expect(run(`SpreadsheetApp.openById('${emu.spreadsheet.id}').getId()`, 'time-driven')).toBe(
      emu.spreadsheet.id,
    );
    expect(run('SpreadsheetApp.getActiveSpreadsheet() !== null')).toBe(true);
  });

  it('runs clock triggers as time-driven executions in AuthMode.FULL', () => {
    const { emu, context, run } = load({ deployment: 'addon' });
    vm.runInContext(
      'function tick(e) { return [e.authMode, SpreadsheetApp.getActiveSpreadsheet()]; }',
      context,
    );
    run("ScriptApp.newTrigger('tick').timeBased().everyDays(1).create()");
    const [fired] = emu.triggers.fire('tick', undefined, (name, e) =>
      (vm.runInContext(name, context) as (ev: unknown) => unknown)(e),
    );
    expect(fired!.result).toEqual(['FULL', null]);
    expect(emu.execution).toBeNull();
  });
});

describe('one user, several spreadsheets', () => {
  it('shares triggers and user properties, keeps document properties per spreadsheet', () => {
    const { emu, run } = load({ deployment: 'addon' });
    const first = emu.spreadsheet;
    const second = emu.addSpreadsheet({ name: 'Second' });
    run("PropertiesService.getDocumentProperties().setProperty('k', 'first')");
    run("PropertiesService.getUserProperties().setProperty('u', '1')");
    run("ScriptApp.newTrigger('f').timeBased().everyDays(1).create()");
    emu.open(second);
    expect(run('SpreadsheetApp.getActiveSpreadsheet().getName()')).toBe('Second');
    expect(run("PropertiesService.getDocumentProperties().getProperty('k')")).toBeNull();
    expect(run("PropertiesService.getUserProperties().getProperty('u')")).toBe('1');
    expect(run('ScriptApp.getProjectTriggers().length')).toBe(1);
    expect(emu.properties.of(first).data.get('k')).toBe('first');
    expect(run(`SpreadsheetApp.openById('${first.id}').getName()`)).toBe(first.name);
  });
});

describe('inserted rows and columns', () => {
  // Sheets' InsertDimensionRequest: "inheritFromBefore — Whether dimension properties should be
  // extended from the dimensions before or after the newly inserted dimensions"; inserting after a row
  // or column copies its formatting, inserting before one copies the one after (as in the Sheets UI).
  it('copy the formatting of the row or column before (After) or after (Before) them, not values', () => {
    const { emu, run } = load();
    const sheet = emu.spreadsheet.sheets[0]!;
    run(`(() => {
      const s = SpreadsheetApp.getActiveSheet();
      s.getRange('A2:C2').setValues([['a', 'b', 'c']]).setBackground('#ff0000').setNumberFormat('0.00');
      s.getRange('A2').setNote('mine');
      s.insertRowsAfter(2, 2);
      s.getRange('B1:B6').setFontWeight('bold');
      s.insertColumnsBefore(2, 1);
    })()`);
    const cell = (a1: string) => sheet.rangeA1(a1);
    expect(cell('A3').getBackground()).toBe('#ff0000');
    expect(cell('A4').getNumberFormat()).toBe('0.00');
    expect(cell('A3').getValue()).toBe('');
    expect(cell('A3').getNote()).toBe('');
    expect(cell('A5').getBackground()).toBe('#ffffff');
    // The new column B copies column C (the old B, after it): bold, and row 2's fill.
    expect(cell('B1').getFontWeight()).toBe('bold');
    expect(cell('B2').getBackground()).toBe('#ff0000');
    expect(cell('B2').getValue()).toBe('');
    expect(cell('C2').getValue()).toBe('b');
  });

  it('copy the data validation of their neighbour', () => {
    const { emu, run } = load();
    run(`(() => {
      const s = SpreadsheetApp.getActiveSheet();
      s.getRange('A1').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['x']).build());
      s.insertRowAfter(1);
    })()`);
    expect(emu.spreadsheet.sheets[0]!.rangeA1('A2').getDataValidation()).not.toBeNull();
  });
});

describe('exceptions', () => {
  // Service errors are Errors of the script's realm named Exception: the log reads "Exception: …".
  it("are the script realm's Errors named Exception, with the message alone in e.message", () => {
    const { run } = load();
    const caught = run<{ isError: boolean; name: string; text: string; message: string }>(`(() => {
      try { SpreadsheetApp.getActiveSheet().getRange(0, 1); }
      catch (e) { return { isError: e instanceof Error, name: e.name, text: String(e), message: e.message }; }
    })()`);
    expect(caught).toEqual({
      isError: true,
      name: 'Exception',
      text: 'Exception: The starting row of the range is too small.',
      message: 'The starting row of the range is too small.',
    });
  });
});
