// The built bundle: its shape, the menu, "Set up tracker" and "Load example data" on the emulator.
import vm from 'node:vm';
import { builtArtifacts, DEPLOYMENT, loadBundle } from '../helpers/bundle';
import { headersOf } from '../helpers/sheets';

const MENU_LABELS_AT_LEAST = ['Set up tracker', 'Load example data', 'Help'];

function menuItems(b: ReturnType<typeof loadBundle>) {
  const menu = b.emu.ui.menus[0]!;
  return menu.items.filter((i): i is { caption: string; functionName: string } => 'functionName' in i);
}

describe('dist/Code.js', () => {
  const { code } = builtArtifacts();

  it('parses as one classic script with no import or export', () => {
    expect(() => new vm.Script(code)).not.toThrow();
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('declares onOpen, onInstall and onEdit-free entry points as top-level functions', () => {
    expect(code).toMatch(/^function onOpen\(/m);
    expect(code).toMatch(/^function onInstall\(/m);
  });

  it('has a global function for every menu item', () => {
    const b = loadBundle();
    b.call('onOpen', { authMode: b.emu.globals.ScriptApp.AuthMode.LIMITED });
    const fns = new Set(b.functions());
    const items = menuItems(b);
    expect(items.length).toBeGreaterThanOrEqual(MENU_LABELS_AT_LEAST.length);
    for (const item of items) expect(fns).toContain(item.functionName);
  });
});

describe('onOpen', () => {
  it('builds the Referrals menu (the add-on menu in an add-on) with the contract labels', () => {
    const b = loadBundle();
    b.call('onOpen', { authMode: b.emu.globals.ScriptApp.AuthMode.LIMITED });
    expect(b.emu.ui.menus).toHaveLength(1);
    expect(b.emu.ui.menus[0]!.caption).toBe(DEPLOYMENT === 'addon' ? 'Referral tracker' : 'Referrals');
    const labels = menuItems(b).map((i) => i.caption);
    for (const l of MENU_LABELS_AT_LEAST) expect(labels.some((x) => x.includes(l))).toBe(true);
  });

  it('uses the add-on menu in AuthMode.NONE and touches no sheet or property there', () => {
    const b = loadBundle();
    b.emu.calls.reset();
    b.call('onOpen', { authMode: b.emu.globals.ScriptApp.AuthMode.NONE });
    expect(b.emu.ui.menus[0]!.addon).toBe(true);
    const touched = Object.keys(b.emu.calls.snapshot()).filter((k) =>
      /^(Spreadsheet\.|Sheet\.|Range\.|Properties)/.test(k),
    );
    expect(touched).toEqual([]);
  });

  it('onInstall shows the add-on menu', () => {
    const b = loadBundle();
    b.call('onInstall', { authMode: b.emu.globals.ScriptApp.AuthMode.FULL });
    expect(b.emu.ui.menus[0]!.addon).toBe(true);
  });
});

const SETUP_SHEETS = ['Contacts', 'Jobs', 'Settings', 'Templates', 'Activity'];

describe('Set up tracker', () => {
  it('creates Contacts, Jobs, Settings, Templates and Activity with the contract headers', () => {
    const b = loadBundle();
    b.call('menuSetUpTracker');
    const names = b.emu.spreadsheet.self.getSheets().map((s) => s.getName());
    for (const n of SETUP_SHEETS) expect(names).toContain(n);
    expect(names).not.toContain('Dashboard');
    const contacts = headersOf(b, 'Contacts');
    expect(contacts.slice(0, 3)).toEqual(['Company', 'Job', 'Name']);
    expect(contacts).toEqual(
      expect.arrayContaining([
        'Status',
        'Score',
        'Rank',
        'Pick',
        'Why',
        'Credits',
        'Next action',
        'Due',
        'Mentor notes',
      ]),
    );
    expect(headersOf(b, 'Jobs')).toEqual(
      expect.arrayContaining(['Company', 'Job', 'Apply', 'Outcome', 'Coverage']),
    );
    expect(headersOf(b, 'Activity')).toEqual([
      'Timestamp',
      'Company',
      'Name',
      'From status',
      'To status',
      'By',
    ]);
    expect(b.emu.ui.dialogs.at(-1)?.prompt).toMatch(/created Contacts, Jobs, Settings, Templates, Activity/);
  });

  it('freezes the header row, adds the Status dropdown and date formats', () => {
    const b = loadBundle();
    b.call('menuSetUpTracker');
    const sheet = b.emu.spreadsheet.self.getSheetByName('Contacts')!;
    expect(sheet.getFrozenRows()).toBe(1);
    const col = headersOf(b, 'Contacts').indexOf('Status') + 1;
    const rule = sheet.getRange(5, col).getDataValidation()!;
    expect(rule.getCriteriaType()).toBe(SpreadsheetCriteria(b).VALUE_IN_LIST);
    expect(rule.getCriteriaValues()[0]).toEqual([
      'To contact',
      'Messaged',
      'Replied',
      'Call scheduled',
      'Call done',
      'Referred',
      'No reply',
      'Declined',
      'Skip',
    ]);
    expect(rule.getAllowInvalid()).toBe(false);
    const messagedOn = headersOf(b, 'Contacts').indexOf('Messaged on') + 1;
    expect(sheet.getRange(2, messagedOn).getNumberFormat()).toBe('yyyy-mm-dd');
    const callOn = headersOf(b, 'Contacts').indexOf('Call on') + 1;
    expect(sheet.getRange(2, callOn).getNumberFormat()).toBe('yyyy-mm-dd hh:mm');
  });

  it('sets computed columns apart and protects them with a warning only', () => {
    const b = loadBundle();
    b.call('menuSetUpTracker');
    const sheet = b.emu.spreadsheet.self.getSheetByName('Contacts')!;
    const headers = headersOf(b, 'Contacts');
    const protections = sheet.getProtections(SpreadsheetProtection(b).RANGE);
    // One protection per run of computed columns, over whole columns.
    const covered = (column: number) =>
      protections.some((p) => p.getRange().getColumn() <= column && column <= p.getRange().getLastColumn());
    for (const h of ['Score', 'Rank', 'Pick', 'Why', 'Credits', 'Next action', 'Due']) {
      expect([h, covered(headers.indexOf(h) + 1)]).toEqual([h, true]);
    }
    expect(covered(headers.indexOf('Notes') + 1)).toBe(false);
    expect(covered(headers.indexOf('Status') + 1)).toBe(false);
    expect(protections.every((p) => p.getRange().getRow() === 1 && p.getRange().getLastRow() === 1000)).toBe(
      true,
    );
    expect(protections.every((p) => p.isWarningOnly())).toBe(true);
    const scoreFill = sheet.getRange(1, headers.indexOf('Score') + 1).getBackground();
    const nameFill = sheet.getRange(1, headers.indexOf('Name') + 1).getBackground();
    expect(scoreFill).not.toBe(nameFill);
  });

  it('fills Settings with defaults and seeds templates in English and French', () => {
    const b = loadBundle();
    b.call('menuSetUpTracker');
    const settings = b.emu.spreadsheet.self.getSheetByName('Settings')!.getDataRange().getValues();
    const byName = new Map(settings.map((r) => [String(r[0]), r[1]]));
    expect(byName.get('Picks per company')).toBe(3);
    expect(byName.get('No reply after days')).toBe(7);
    expect(byName.get('Language')).toBe('English');
    expect(byName.get('LinkedIn plan')).toBe('Recruiter Lite');
    expect(settings[0]).toEqual(['Setting', 'Value']);
    const sheet = b.emu.spreadsheet.self.getSheetByName('Settings')!;
    const row = settings.findIndex((r) => r[0] === 'Picks per company') + 1;
    expect(sheet.getRange(row, 1).getNote()).toMatch(/people to contact at each company/);
    const templates = b.emu.spreadsheet.self.getSheetByName('Templates')!.getDataRange().getValues().slice(1);
    const languages = new Set(templates.map((r) => r[1]));
    expect(languages).toEqual(new Set(['English', 'Français']));
    expect(templates.some((r) => r[2] === 'InMail')).toBe(true);
  });

  it('changes nothing when run twice', () => {
    const b = loadBundle();
    b.call('menuSetUpTracker');
    const first = JSON.stringify(b.emu.spreadsheet.toJSON());
    b.call('menuSetUpTracker');
    expect(JSON.stringify(b.emu.spreadsheet.toJSON())).toBe(first);
    expect(b.emu.ui.dialogs.at(-1)?.prompt).toMatch(/nothing to change/);
  });

  it('keeps every user cell and format of a hand-made Contacts sheet and appends only the missing header', () => {
    const b = loadBundle();
    const ss = b.emu.spreadsheet.self;
    const sheet = ss.insertSheet('Contacts');
    // Reordered contract columns, one of the user's own, and no "Mentor notes".
    const contract = [
      'Name',
      'Company',
      'Status',
      'My rating',
      'Job',
      'Title',
      'Profile URL',
      'Location',
      'Time zone',
      'Current',
      'Degree',
      'Premium',
      'Open Profile',
      'Same school',
      'In common',
      'Mutual connection',
      'Messaged on',
      'Replied on',
      'Call on',
      'Referred on',
      'Thanked on',
      'Outcome shared on',
      'Score',
      'Rank',
      'Pick',
      'Why',
      'Credits',
      'Next action',
      'Due',
      'Notes',
    ];
    sheet.insertColumnsAfter(26, contract.length - 26);
    sheet.getRange(1, 1, 1, contract.length).setValues([contract]);
    sheet.getRange(2, 1, 2, 4).setValues([
      ['Ada Lovelace', 'Analytical Engines', 'Messaged', '★★★'],
      ['=1+1', 'Babbage & Co', 'To contact', 'maybe'],
    ]);
    sheet.getRange(2, 1, 1, 4).setBackground('#00ff00');
    sheet.getRange(3, 4).setNote('my own note');
    const before = b.emu.spreadsheet.sheetRaw('Contacts')!.cellsSnapshot();
    b.call('menuSetUpTracker');
    const after = b.emu.spreadsheet.sheetRaw('Contacts')!.cellsSnapshot();
    const headers = headersOf(b, 'Contacts');
    expect(headers).toEqual([...contract, 'Mentor notes']);
    // User cells (rows 2 on, and the header of the user's own column) are exactly as they were;
    // the contract's header cells are the add-on's: same text, the contract's bold and fill.
    for (const [a1, cell] of Object.entries(before)) {
      const header = /^[A-Z]+1$/.test(a1) && a1 !== 'D1';
      if (header) {
        expect(after[a1]).toMatchObject({ ...cell, fontWeight: 'bold', background: expect.any(String) });
        expect(Object.keys(after[a1]!).every((k) => k in cell || /fontWeight|background|note/.test(k))).toBe(
          true,
        );
      } else expect([a1, after[a1]]).toEqual([a1, cell]);
    }
    const added = Object.keys(after).filter((a1) => !(a1 in before));
    // Column 31 (AE) is the only new one: every added cell is there.
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((a1) => /^AE\d+$/.test(a1))).toBe(true);
    expect(b.emu.ui.dialogs.at(-1)?.prompt).toMatch(/added Mentor notes to Contacts/);
  });
});

describe('Load example data', () => {
  it('fills an empty tracker with at least 8 companies, 40 contacts over every status, jobs with every outcome', () => {
    const b = loadBundle();
    b.call('menuLoadExampleData');
    const contacts = b.emu.spreadsheet.self.getSheetByName('Contacts')!.getDataRange().getValues();
    const head = contacts[0]!.map(String);
    const rows = contacts.slice(1).filter((r) => r.some((v) => v !== ''));
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((r) => r[head.indexOf('Company')])).size).toBeGreaterThanOrEqual(8);
    const statuses = new Set(rows.map((r) => r[head.indexOf('Status')]));
    for (const s of [
      'To contact',
      'Messaged',
      'Replied',
      'Call scheduled',
      'Call done',
      'Referred',
      'No reply',
      'Declined',
      'Skip',
    ]) {
      expect(statuses).toContain(s);
    }
    const messagedOn = rows.map((r) => r[head.indexOf('Messaged on')]).find((v) => v !== '');
    expect(messagedOn).toBeInstanceOf(b.evaluate<DateConstructor>('Date'));
    const jobs = b.emu.spreadsheet.self.getSheetByName('Jobs')!.getDataRange().getValues();
    const outcomes = new Set(jobs.slice(1).map((r) => r[jobs[0]!.map(String).indexOf('Outcome')]));
    for (const o of ['Pending', 'Interview', 'Rejected', 'Offer', 'Accepted', 'Withdrawn'])
      expect(outcomes).toContain(o);
    const settings = b.emu.spreadsheet.self.getSheetByName('Settings')!.getDataRange().getValues();
    expect(settings.find((r) => r[0] === 'Your name')?.[1]).toBe('Alex Moreau');
  });

  it('keeps a Your name the user typed', () => {
    const b = loadBundle();
    b.call('menuSetUpTracker');
    const settings = b.emu.spreadsheet.self.getSheetByName('Settings')!;
    const row =
      settings
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'Your name') + 1;
    settings.getRange(row, 2).setValue('Sam Lee');
    b.call('menuLoadExampleData');
    expect(settings.getRange(row, 2).getValue()).toBe('Sam Lee');
    expect(
      settings
        .getDataRange()
        .getValues()
        .find((r) => r[0] === 'Sector')?.[1],
    ).toBe('data science');
  });

  it('refuses to load into a tracker that already has rows, and changes nothing', () => {
    const b = loadBundle();
    b.call('menuSetUpTracker');
    const sheet = b.emu.spreadsheet.self.getSheetByName('Contacts')!;
    sheet.getRange(2, 1, 1, 3).setValues([['Acme', '', 'Jane Doe']]);
    const before = JSON.stringify(b.emu.spreadsheet.toJSON());
    b.call('menuLoadExampleData');
    expect(JSON.stringify(b.emu.spreadsheet.toJSON())).toBe(before);
    expect(b.emu.ui.dialogs.at(-1)?.prompt).toMatch(/only into an empty tracker/);
  });
});

function SpreadsheetCriteria(b: ReturnType<typeof loadBundle>) {
  return b.emu.globals.SpreadsheetApp.DataValidationCriteria;
}
function SpreadsheetProtection(b: ReturnType<typeof loadBundle>) {
  return b.emu.globals.SpreadsheetApp.ProtectionType;
}
