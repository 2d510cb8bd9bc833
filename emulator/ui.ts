// Ui: menus, alerts, prompts, sidebars and dialogs, recorded as data, with scripted answers for tests.

import { counted, type EmulatorContext, enumOf } from './context';

/** Ui.Button values (Apps Script enums print their name). */
export const Button = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export type ButtonName = keyof typeof Button;
/** Ui.ButtonSet values. */
export const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
export type ButtonSetName = keyof typeof ButtonSet;

/** The buttons each set shows, in the order the first one is the default answer. */
export const BUTTONS_OF: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export type MenuEntry =
  | { caption: string; functionName: string }
  | { separator: true }
  | { submenu: string; items: MenuEntry[] };

/** A menu as added to the UI. */
export interface RecordedMenu {
  caption: string;
  /** True for createAddonMenu(): it shows under Extensions with the add-on's name. */
  addon: boolean;
  items: MenuEntry[];
}

/** One alert or prompt shown to the user, with the answer it got. */
export interface RecordedDialog {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  button: ButtonName;
  /** Text typed into a prompt ('' for alerts). */
  text: string;
}

/** One sidebar or dialog opened with HTML. */
export interface RecordedHtmlUi {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number;
  height: number;
}

/** The parts of HtmlOutput the Ui needs to record a sidebar or dialog. */
type HtmlLike = Pick<GoogleAppsScript.HTML.HtmlOutput, 'getContent' | 'getTitle' | 'getWidth' | 'getHeight'>;

/** Options of the fake Ui. */
export interface UiOptions {
  /** The add-on's name, shown as the caption of createAddonMenu() menus. */
  projectName?: string;
}

/** Menu builder returned by createMenu / createAddonMenu. */
export class FakeMenu {
  readonly items: MenuEntry[] = [];
  /** The counted proxy, returned by the chainable methods so chained calls are counted too. */
  self: this = this;
  constructor(
    private readonly ui: FakeUi,
    readonly caption: string,
    readonly addon: boolean,
  ) {}
  /** "Adds an item to the menu." */
  addItem(caption: string, functionName: string): this {
    if (typeof caption !== 'string' || caption === '') throw new Error('Invalid argument: caption');
    if (typeof functionName !== 'string' || functionName === '')
      throw new Error('Invalid argument: functionName');
    this.items.push({ caption, functionName });
    return this.self;
  }
  /** "Adds a visual separator to the menu." */
  addSeparator(): this {
    this.items.push({ separator: true });
    return this.self;
  }
  /** "Adds a sub-menu to the menu." */
  addSubMenu(menu: GoogleAppsScript.Base.Menu): this {
    const sub = this.ui.menuOf(menu);
    if (!sub) throw new Error('Invalid argument: menu');
    this.items.push({ submenu: sub.caption, items: sub.items.map((i) => ({ ...i })) });
    return this.self;
  }
  /** "Inserts the menu into the instance of the editor's user interface." */
  addToUi(): void {
    this.ui.addMenu({ caption: this.caption, addon: this.addon, items: this.items.map((i) => ({ ...i })) });
  }
}

type Answer = { button: ButtonName; text: string };

/** An alert or prompt about to be shown, before it has an answer. */
export type PendingDialog = Pick<RecordedDialog, 'kind' | 'title' | 'prompt' | 'buttons'>;

/** The Ui of the open spreadsheet. */
export class FakeUi {
  readonly Button = Button as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = ButtonSet as unknown as typeof GoogleAppsScript.Base.ButtonSet;
  /** Menus added with addToUi, in order; adding a menu with the same caption replaces it. */
  readonly menus: RecordedMenu[] = [];
  /** Every alert and prompt, in order. */
  readonly dialogs: RecordedDialog[] = [];
  /** Every sidebar and HTML dialog, in order. */
  readonly shown: RecordedHtmlUi[] = [];
  private readonly answers: Answer[] = [];
  /**
   * Answers an alert or prompt that has no scripted answer, synchronously, as a person would: the
   * playground blocks here until someone clicks in the page (Apps Script's ui.alert blocks the same way).
   * Undefined (or returning undefined) = the first button, empty text.
   */
  responder: ((dialog: PendingDialog) => Answer | undefined) | undefined;
  private readonly builders = new WeakMap<object, FakeMenu>();
  private readonly projectName: string;

  constructor(
    private readonly ctx: EmulatorContext,
    opts: UiOptions = {},
  ) {
    this.projectName = opts.projectName ?? 'Referral tracker';
  }

  /** Test helper: the next alert or prompt is answered with this button (and text, for a prompt). */
  answerNext(button: ButtonName, text = ''): void {
    if (!(button in Button)) throw new Error(`Unknown button ${button}`);
    this.answers.push({ button, text });
  }
  /** Scripted answers not used yet. */
  pendingAnswers(): number {
    return this.answers.length;
  }

  /** "Creates a builder that can be used to add a menu to the editor's user interface." */
  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    if (typeof caption !== 'string' || caption === '') throw new Error('Invalid argument: caption');
    return this.builder(caption, false);
  }
  /** "Creates a builder that can be used to insert a sub-menu into the editor's Extensions menu." */
  createAddonMenu(): GoogleAppsScript.Base.Menu {
    return this.builder(this.projectName, true);
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons). */
  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    const { title, prompt, buttons } = this.dialogArgs('alert', args);
    const answer = this.answer({ kind: 'alert', title, prompt, buttons });
    this.dialogs.push({ kind: 'alert', title, prompt, buttons, button: answer.button, text: '' });
    return answer.button as unknown as GoogleAppsScript.Base.Button;
  }

  /** prompt(prompt) | prompt(prompt, buttons) | prompt(title, prompt, buttons). */
  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    const { title, prompt, buttons } = this.dialogArgs('prompt', args);
    const answer = this.answer({ kind: 'prompt', title, prompt, buttons });
    this.dialogs.push({ kind: 'prompt', title, prompt, buttons, button: answer.button, text: answer.text });
    const response: GoogleAppsScript.Base.PromptResponse = {
      getResponseText: () => answer.text,
      getSelectedButton: () => answer.button as unknown as GoogleAppsScript.Base.Button,
    };
    return counted(this.ctx, 'PromptResponse', response);
  }

  /** "Opens a sidebar in the user's editor with custom client-side content." */
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.show('sidebar', userInterface, userInterface?.getTitle?.());
  }
  /** "Opens a modal dialog box in the user's editor with custom client-side content." */
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.show('modal', userInterface, title);
  }
  /** "Opens a modeless dialog box in the user's editor with custom client-side content." */
  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.show('modeless', userInterface, title);
  }
  /** Deprecated in Apps Script; refused here so the add-on does not start using it. */
  showDialog(): void {
    throw new Error('Ui.showDialog is deprecated: use showModalDialog or showModelessDialog.');
  }

  /** The last sidebar or dialog shown, if any (test helper). */
  lastShown(): RecordedHtmlUi | undefined {
    return this.shown[this.shown.length - 1];
  }
  /** The menu with this caption (test helper). */
  menu(caption: string): RecordedMenu | undefined {
    return this.menus.find((m) => m.caption === caption);
  }

  /** @internal Used by FakeMenu.addToUi. */
  addMenu(menu: RecordedMenu): void {
    const i = this.menus.findIndex((m) => m.caption === menu.caption && m.addon === menu.addon);
    if (i >= 0) this.menus[i] = menu;
    else this.menus.push(menu);
  }
  /** @internal The builder behind a (counted) Menu handed to the script. */
  menuOf(menu: unknown): FakeMenu | undefined {
    return menu !== null && typeof menu === 'object' ? this.builders.get(menu) : undefined;
  }

  private builder(caption: string, addon: boolean): GoogleAppsScript.Base.Menu {
    const raw = new FakeMenu(this, caption, addon);
    const menu = counted(this.ctx, 'Menu', raw) as unknown as GoogleAppsScript.Base.Menu;
    raw.self = menu as unknown as FakeMenu;
    this.builders.set(menu, raw);
    this.builders.set(raw, raw);
    return menu;
  }

  private dialogArgs(
    method: string,
    args: unknown[],
  ): { title: string; prompt: string; buttons: ButtonSetName } {
    const set = (v: unknown): ButtonSetName => {
      if (typeof v !== 'string' || !(v in ButtonSet)) throw new Error(`Invalid argument: buttons`);
      return v as ButtonSetName;
    };
    const text = (v: unknown): string => {
      if (v === undefined || v === null) throw new Error(`Invalid argument: prompt`);
      return String(v);
    };
    if (args.length === 1) return { title: '', prompt: text(args[0]), buttons: 'OK' };
    if (args.length === 2) return { title: '', prompt: text(args[0]), buttons: set(args[1]) };
    if (args.length === 3)
      return { title: String(args[0] ?? ''), prompt: text(args[1]), buttons: set(args[2]) };
    throw new Error(`The parameters do not match the method signature for Ui.${method}.`);
  }

  private answer(dialog: PendingDialog): Answer {
    const { buttons } = dialog;
    const scripted = this.answers.shift() ?? this.responder?.(dialog);
    const allowed = BUTTONS_OF[buttons];
    if (!scripted) return { button: allowed[0]!, text: '' };
    // CLOSE is always possible: the user can close the dialog with its X.
    if (scripted.button !== 'CLOSE' && !allowed.includes(scripted.button)) {
      throw new Error(`Scripted answer ${scripted.button} is not one of the buttons ${buttons} shows`);
    }
    return scripted;
  }

  private show(kind: RecordedHtmlUi['kind'], out: HtmlLike, title: unknown): void {
    if (!out || typeof out.getContent !== 'function') throw new Error('Invalid argument: userInterface');
    this.shown.push({
      kind,
      title: title === undefined || title === null ? '' : String(title),
      html: out.getContent(),
      width: out.getWidth(),
      height: out.getHeight(),
    });
  }
}

/** Creates the Ui record and the counted Ui handed to the script (SpreadsheetApp.getUi()). */
export function createUi(
  ctx: EmulatorContext,
  opts: UiOptions = {},
): { ui: FakeUi; Ui: GoogleAppsScript.Base.Ui } {
  const ui = new FakeUi(ctx, opts);
  return { ui, Ui: counted(ctx, 'Ui', ui) as unknown as GoogleAppsScript.Base.Ui };
}
