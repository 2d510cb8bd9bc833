import * as vm from 'node:vm';
import { CallCounter, Clock, type EmulatorContext, type Realm } from '../../emulator/context';
import { createHtmlService, escapeHtml } from '../../emulator/html';

function vmRealm(globals: Record<string, unknown> = {}): Realm {
  const context = vm.createContext({ ...globals });
  const evaluate = (code: string): unknown => vm.runInContext(code, context);
  return {
    Date: evaluate('Date') as DateConstructor,
    Array: evaluate('Array') as ArrayConstructor,
    Object: evaluate('Object') as ObjectConstructor,
    evaluate,
  };
}

function setup(files: Record<string, string> = {}, globals: Record<string, unknown> = {}) {
  const ctx: EmulatorContext = {
    realm: vmRealm(globals),
    clock: new Clock(0),
    calls: new CallCounter(),
    user: 'me@example.com',
  };
  return { ctx, ...createHtmlService(ctx, files) };
}

describe('HtmlService templates', () => {
  it('prints <?= ?> escaped: <b> becomes &lt;b&gt;', () => {
    const { HtmlService } = setup();
    expect(HtmlService.createTemplate("<p><?= '<b>' ?></p>").evaluate().getContent()).toBe(
      '<p>&lt;b&gt;</p>',
    );
  });

  it('escapes & < > " and \' in <?= ?> output', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate('<a title="<?= v ?>">');
    t.v = `"x" & 'y'`;
    expect(t.evaluate().getContent()).toBe('<a title="&quot;x&quot; &amp; &#39;y&#39;">');
  });

  it('prints <?!= ?> raw, without escaping', () => {
    const { HtmlService } = setup();
    expect(HtmlService.createTemplate("<?!= '<b>bold</b>' ?>").evaluate().getContent()).toBe('<b>bold</b>');
  });

  it('runs <? ?> code, such as loops around text', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate(
      '<ul><? for (var i = 0; i < rows.length; i++) { ?><li><?= rows[i] ?></li><? } ?></ul>',
    );
    t.rows = ['a', '<b>'];
    expect(t.evaluate().getContent()).toBe('<ul><li>a</li><li>&lt;b&gt;</li></ul>');
  });

  it('sees variables set as properties of the template', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate('Hello <?= name ?>, you have <?= count + 1 ?> items');
    t.name = 'Ada';
    t.count = 2;
    expect(t.evaluate().getContent()).toBe('Hello Ada, you have 3 items');
  });

  it("sees the script's globals, and template variables shadow them", () => {
    const { HtmlService } = setup({}, { title: 'global', shout: (s: string) => s.toUpperCase() });
    const t = HtmlService.createTemplate('<?= shout(title) ?>');
    expect(t.evaluate().getContent()).toBe('GLOBAL');
    t.title = 'local';
    expect(t.evaluate().getContent()).toBe('LOCAL');
  });

  it('offers `output` inside templates, as in Apps Script', () => {
    const { HtmlService } = setup();
    expect(HtmlService.createTemplate("<? output.append('x'); ?>y").evaluate().getContent()).toBe('xy');
  });

  it('createTemplateFromFile reads a project file; getRawContent returns it unprocessed', () => {
    const { HtmlService } = setup({ Sidebar: '<?= 1 + 1 ?>' });
    const t = HtmlService.createTemplateFromFile('Sidebar');
    expect(t.getRawContent()).toBe('<?= 1 + 1 ?>');
    expect(t.evaluate().getContent()).toBe('2');
  });
});

describe('HtmlService files', () => {
  it('finds a file by name with or without .html', () => {
    const { HtmlService } = setup({ 'Dialog.html': '<p>d</p>', Sidebar: '<p>s</p>' });
    expect(HtmlService.createHtmlOutputFromFile('Dialog').getContent()).toBe('<p>d</p>');
    expect(HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('<p>s</p>');
  });

  it('does not evaluate scriptlets in createHtmlOutputFromFile', () => {
    const { HtmlService } = setup({ Raw: '<?= x ?>' });
    expect(HtmlService.createHtmlOutputFromFile('Raw').getContent()).toBe('<?= x ?>');
  });

  it('throws "No HTML file named X was found." for a missing file', () => {
    const { HtmlService } = setup();
    expect(() => HtmlService.createHtmlOutputFromFile('Nope')).toThrow('No HTML file named Nope was found.');
    expect(() => HtmlService.createTemplateFromFile('Nope')).toThrow('No HTML file named Nope was found.');
  });
});

describe('HtmlOutput', () => {
  it('appends content, escaping appendUntrusted', () => {
    const { HtmlService } = setup();
    const out = HtmlService.createHtmlOutput('<p>').append('<i>').appendUntrusted('<i>');
    expect(out.getContent()).toBe('<p><i>&lt;i&gt;');
    expect(out.setContent('x').getContent()).toBe('x');
  });

  it('keeps title, width and height, and chains setters', () => {
    const { HtmlService } = setup();
    const out = HtmlService.createHtmlOutput('x')
      .setTitle('Referrals')
      .setWidth(400)
      .setHeight(300)
      .setSandboxMode(HtmlService.SandboxMode.IFRAME)
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.DEFAULT)
      .addMetaTag('viewport', 'width=device-width');
    expect([out.getTitle(), out.getWidth(), out.getHeight()]).toEqual(['Referrals', 400, 300]);
    expect(out.getMetaTags()[0]!.getName()).toBe('viewport');
  });

  it('refuses widths that are not whole pixels', () => {
    const { HtmlService } = setup();
    expect(() => HtmlService.createHtmlOutput('').setWidth(10.5)).toThrow('Invalid argument: width');
  });

  it('counts chained calls as HtmlOutput.method', () => {
    const { ctx, HtmlService } = setup();
    HtmlService.createHtmlOutput('x').setTitle('a').setWidth(1);
    expect(ctx.calls.get('HtmlService.createHtmlOutput')).toBe(1);
    expect(ctx.calls.get('HtmlOutput.setTitle')).toBe(1);
    expect(ctx.calls.get('HtmlOutput.setWidth')).toBe(1);
  });

  it('asTemplate turns an output back into a template', () => {
    const { HtmlService } = setup();
    expect(HtmlService.createHtmlOutput('<?= 2 * 3 ?>').asTemplate().evaluate().getContent()).toBe('6');
  });
});
