import { CallCounter, Clock, type EmulatorContext, hostRealm } from '../../emulator/context';
import { createHtmlService } from '../../emulator/html';
import { createUi } from '../../emulator/ui';

function setup(projectName?: string) {
  const ctx: EmulatorContext = {
    realm: hostRealm(),
    clock: new Clock(0),
    calls: new CallCounter(),
    user: 'me@x.com',
  };
  return { ctx, ...createUi(ctx, projectName ? { projectName } : {}), ...createHtmlService(ctx) };
}

describe('Ui menus', () => {
  it('records a menu built with createMenu as data when added to the UI', () => {
    const { ui, Ui } = setup();
    const sub = Ui.createMenu('More').addItem('Help', 'showHelp');
    Ui.createMenu('Referrals')
      .addItem('Open sidebar', 'openSidebar')
      .addSeparator()
      .addSubMenu(sub)
      .addToUi();
    expect(ui.menus).toEqual([
      {
        caption: 'Referrals',
        addon: false,
        items: [
          { caption: 'Open sidebar', functionName: 'openSidebar' },
          { separator: true },
          { submenu: 'More', items: [{ caption: 'Help', functionName: 'showHelp' }] },
        ],
      },
    ]);
  });

  it('shows an add-on menu under Extensions with the add-on name as its caption', () => {
    const { ui, Ui } = setup();
    Ui.createAddonMenu().addItem('Start', 'start').addToUi();
    expect(ui.menus[0]).toMatchObject({ caption: 'Referral tracker', addon: true });
    const other = setup('My add-on');
    other.Ui.createAddonMenu().addToUi();
    expect(other.ui.menus[0]!.caption).toBe('My add-on');
  });

  it('replaces a menu added again with the same caption', () => {
    const { ui, Ui } = setup();
    Ui.createAddonMenu().addItem('A', 'a').addToUi();
    Ui.createAddonMenu().addItem('B', 'b').addToUi();
    expect(ui.menus).toHaveLength(1);
    expect(ui.menus[0]!.items).toEqual([{ caption: 'B', functionName: 'b' }]);
  });

  it('does not show a menu until addToUi is called', () => {
    const { ui, Ui } = setup();
    Ui.createMenu('X').addItem('A', 'a');
    expect(ui.menus).toEqual([]);
  });

  it('counts chained builder calls as Menu.method', () => {
    const { ctx, Ui } = setup();
    Ui.createAddonMenu().addItem('A', 'a').addItem('B', 'b').addToUi();
    expect(ctx.calls.get('Ui.createAddonMenu')).toBe(1);
    expect(ctx.calls.get('Menu.addItem')).toBe(2);
    expect(ctx.calls.get('Menu.addToUi')).toBe(1);
  });
});

describe('Ui alerts and prompts', () => {
  it('has the Button and ButtonSet enums with their real names', () => {
    const { Ui } = setup();
    expect(Object.keys(Ui.Button).sort()).toEqual(['CANCEL', 'CLOSE', 'NO', 'OK', 'YES']);
    expect(Object.keys(Ui.ButtonSet).sort()).toEqual(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
  });

  it('answers with the first button of the set unless a test scripted an answer', () => {
    const { ui, Ui } = setup();
    expect(Ui.alert('Saved')).toBe(Ui.Button.OK);
    expect(Ui.alert('Delete?', 'Really delete 3 rows?', Ui.ButtonSet.YES_NO)).toBe(Ui.Button.YES);
    ui.answerNext('NO');
    expect(Ui.alert('Delete?', 'Really?', Ui.ButtonSet.YES_NO)).toBe(Ui.Button.NO);
  });

  it('records every alert with its title, prompt, buttons and answer', () => {
    const { ui, Ui } = setup();
    Ui.alert('Title', 'Body', Ui.ButtonSet.OK_CANCEL);
    expect(ui.dialogs).toEqual([
      { kind: 'alert', title: 'Title', prompt: 'Body', buttons: 'OK_CANCEL', button: 'OK', text: '' },
    ]);
  });

  it('returns a PromptResponse with the scripted text and button', () => {
    const { ui, Ui } = setup();
    ui.answerNext('OK', 'Acme Corp');
    const r = Ui.prompt('Company', 'Which company?', Ui.ButtonSet.OK_CANCEL);
    expect(r.getResponseText()).toBe('Acme Corp');
    expect(r.getSelectedButton()).toBe(Ui.Button.OK);
    expect(Ui.prompt('Again?').getResponseText()).toBe('');
  });

  it('lets a test close a dialog with its X (CLOSE), whatever the buttons', () => {
    const { ui, Ui } = setup();
    ui.answerNext('CLOSE');
    expect(Ui.alert('Hi')).toBe(Ui.Button.CLOSE);
  });

  it('refuses a scripted answer the dialog does not show', () => {
    const { ui, Ui } = setup();
    ui.answerNext('YES');
    expect(() => Ui.alert('Hi', Ui.ButtonSet.OK)).toThrow('not one of the buttons');
  });

  it('asks its responder (a person, in the playground) when no answer is scripted, and waits for the reply', () => {
    const { ui, Ui } = setup();
    const asked: unknown[] = [];
    ui.responder = (d) => {
      asked.push(d);
      return { button: 'OK', text: 'mentor@example.com' };
    };
    ui.answerNext('CANCEL');
    expect(Ui.prompt('Share', 'Email?', Ui.ButtonSet.OK_CANCEL).getSelectedButton()).toBe(Ui.Button.CANCEL);
    const r = Ui.prompt('Share', 'Email?', Ui.ButtonSet.OK_CANCEL);
    expect([r.getSelectedButton(), r.getResponseText()]).toEqual([Ui.Button.OK, 'mentor@example.com']);
    expect(asked).toEqual([{ kind: 'prompt', title: 'Share', prompt: 'Email?', buttons: 'OK_CANCEL' }]);
    ui.responder = () => ({ button: 'YES', text: '' });
    expect(() => Ui.alert('Hi', Ui.ButtonSet.OK)).toThrow('not one of the buttons');
  });

  it('refuses an unknown button set', () => {
    const { Ui } = setup();
    expect(() => Ui.alert('t', 'p', 'MAYBE' as unknown as GoogleAppsScript.Base.ButtonSet)).toThrow(
      'Invalid argument: buttons',
    );
  });
});

describe('Ui sidebars and dialogs', () => {
  it('records a sidebar with its title and HTML', () => {
    const { ui, Ui, HtmlService } = setup();
    Ui.showSidebar(HtmlService.createHtmlOutput('<p>hi</p>').setTitle('Referrals'));
    expect(ui.lastShown()).toEqual({
      kind: 'sidebar',
      title: 'Referrals',
      html: '<p>hi</p>',
      width: 0,
      height: 0,
    });
  });

  it('records modal and modeless dialogs with the title passed and the output size', () => {
    const { ui, Ui, HtmlService } = setup();
    Ui.showModalDialog(HtmlService.createHtmlOutput('m').setWidth(500).setHeight(400), 'Import');
    Ui.showModelessDialog(HtmlService.createHtmlOutput('n'), 'Help');
    expect(ui.shown).toEqual([
      { kind: 'modal', title: 'Import', html: 'm', width: 500, height: 400 },
      { kind: 'modeless', title: 'Help', html: 'n', width: 0, height: 0 },
    ]);
  });
});
