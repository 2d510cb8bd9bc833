import * as vm from 'node:vm';
import { createEmulator, realmFromEvaluate } from '../../emulator/index';

/** Loads a script into a fresh vm context over the emulator's globals, as the bundle tests do. */
function load(code: string, options: Parameters<typeof createEmulator>[0] = {}) {
  const context = vm.createContext({});
  const realm = realmFromEvaluate((c) => vm.runInContext(c, context));
  const emulator = createEmulator({ ...options, realm });
  Object.assign(context, emulator.globals);
  vm.runInContext(code, context);
  const call = (name: string, ...args: unknown[]): unknown =>
    (vm.runInContext(name, context) as (...a: unknown[]) => unknown)(...args);
  return { emulator, context, call };
}

describe('createEmulator', () => {
  it('hands out every Apps Script global the add-on uses', () => {
    const emulator = createEmulator();
    expect(Object.keys(emulator.globals).sort()).toEqual(
      [
        'Charts',
        'HtmlService',
        'LockService',
        'Logger',
        'MailApp',
        'PropertiesService',
        'ScriptApp',
        'Session',
        'SpreadsheetApp',
        'Utilities',
        'console',
      ].sort(),
    );
  });

  it('starts at 2026-03-02T09:00:00Z in Europe/Paris by default', () => {
    const emulator = createEmulator();
    expect(new Date(emulator.clock.now()).toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(emulator.globals.Session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(emulator.spreadsheet.getSpreadsheetTimeZone()).toBe('Europe/Paris');
  });

  it('takes the time zone, clock, user and project name from its options', () => {
    const emulator = createEmulator({
      timeZone: 'Asia/Kolkata',
      now: '2026-05-01T00:00:00Z',
      user: 'ada@example.com',
      projectName: 'Tracker',
    });
    expect(emulator.globals.Session.getScriptTimeZone()).toBe('Asia/Kolkata');
    expect(emulator.clock.now()).toBe(Date.parse('2026-05-01T00:00:00Z'));
    expect(emulator.globals.Session.getActiveUser().getEmail()).toBe('ada@example.com');
    emulator.globals.SpreadsheetApp.getUi().createAddonMenu().addToUi();
    expect(emulator.ui.menus[0]!.caption).toBe('Tracker');
  });

  it('runs a script in a vm context: menus, properties, logs and calls are recorded', () => {
    const { emulator, call } = load(`
      function onOpen(e) {
        SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'openSidebar').addToUi();
      }
      function remember(v) {
        PropertiesService.getDocumentProperties().setProperty('last', v);
        Logger.log('saved %s', v);
        console.info('done');
      }
    `);
    call('onOpen', { authMode: 'NONE' });
    call('remember', 7);
    expect(emulator.ui.menus[0]).toMatchObject({
      addon: true,
      items: [{ caption: 'Open', functionName: 'openSidebar' }],
    });
    expect(emulator.properties.document.data.get('last')).toBe('7');
    expect(emulator.logs.messages()).toEqual(['saved 7', 'done']);
    expect(emulator.calls.get('SpreadsheetApp.getUi')).toBe(1);
    expect(emulator.calls.get('Properties.setProperty')).toBe(1);
  });

  it('creates Dates and arrays inside the script realm', () => {
    const { call } = load(`
      function check() {
        var rows = Utilities.parseCsv('a,b');
        var keys = PropertiesService.getScriptProperties().getKeys();
        return rows instanceof Array && rows[0] instanceof Array && keys instanceof Array;
      }
    `);
    expect(call('check')).toBe(true);
  });

  it('evaluates templates inside the script realm, so they see its functions', () => {
    const { call } = load(
      `
      function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
      function sidebar() {
        var t = HtmlService.createTemplateFromFile('Sidebar');
        t.user = '<Ada>';
        return t.evaluate().getContent();
      }
    `,
      {
        htmlFiles: { Sidebar: "<?!= include('Style') ?><p><?= user ?></p>", 'Style.html': '<style></style>' },
      },
    );
    expect(call('sidebar')).toBe('<style></style><p>&lt;Ada&gt;</p>');
  });

  it('fires installed triggers through the harness and releases locks afterwards', () => {
    const { emulator, context } = load(`
      function install() { ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(8).create(); }
      function daily(e) { LockService.getDocumentLock().waitLock(1000); return e.triggerUid; }
    `);
    vm.runInContext('install()', context);
    const [fired] = emulator.triggers.fire('daily', undefined, (name, e) =>
      (vm.runInContext(name, context) as (ev: unknown) => unknown)(e),
    );
    expect(fired!.result).toBe(emulator.triggers.list[0]!.uniqueId);
    expect(emulator.lock.held.size).toBe(0);
  });

  it('refuses PropertiesService in AuthMode.NONE, until the execution ends', () => {
    const emulator = createEmulator();
    emulator.authMode = 'NONE';
    expect(() => emulator.globals.PropertiesService.getUserProperties()).toThrow(
      'You do not have permission to call PropertiesService.getUserProperties',
    );
    emulator.endExecution();
    expect(emulator.execution).toBeNull();
    expect(() => emulator.globals.PropertiesService.getUserProperties()).not.toThrow();
  });
});
