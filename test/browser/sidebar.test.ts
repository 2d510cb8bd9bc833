// The Draft message sidebar in headless Chromium: dist/DraftMessage.html with a google.script.run shim
// that calls the real bundle (dist/Code.js in node:vm) in this test process, JSON round-tripping args.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser';
import { builtArtifacts, type LoadedBundle, loadBundle } from '../helpers/bundle';
import { colOf, setSetting, sheetOf as sheet, writeRows } from '../helpers/sheets';

// Browser steps (launch, page loads, polling) need more than Jest's 5-second default.
jest.setTimeout(60_000);

const NOW = '2026-03-10T08:00:00Z';
const ORIGIN = 'https://sidebar.test';
const XSS = '<img src=x onerror=alert(1)>';

/** Defines google.script.run in the page: each call goes to window.__gasCall (exposed below). */
const SHIM = `(() => {
  function runner(success, failure) {
    return new Proxy({}, {
      get(_t, prop) {
        if (prop === 'withSuccessHandler') return (f) => runner(f, failure);
        if (prop === 'withFailureHandler') return (f) => runner(success, f);
        return (...args) => {
          window.__gasCall(String(prop), JSON.stringify(args)).then((text) => {
            const r = JSON.parse(text);
            setTimeout(() => {
              if (r.ok) { if (success) success(r.value); }
              else if (failure) failure(new Error(r.message));
            }, 0);
          });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null), host: { close() {} } } };
})();`;

const SIDEBAR_FUNCTIONS = ['sidebarSelection', 'sidebarDraft', 'sidebarMarkSent', 'sidebarSaveCallGuide'];

function tracker(): LoadedBundle {
  const b = loadBundle({ now: NOW, timeZone: 'Europe/Paris' });
  b.call('menuSetUpTracker');
  setSetting(b, 'Your name', 'Sam Student');
  setSetting(b, 'Sector', 'data analytics');
  writeRows(b, 'Contacts', [
    {
      Company: 'Acme',
      Job: 'Data Analyst',
      Name: 'Ann Lee',
      Title: 'Senior Data Analyst',
      'Profile URL': 'https://www.linkedin.com/in/annlee',
      Degree: '2nd',
      Status: 'To contact',
    },
    { Company: 'Globex', Name: 'Bob Ray', Location: 'New York, NY', Degree: '2nd', Status: 'Replied' },
    {
      Company: 'Initech',
      Name: XSS,
      Title: '<script>alert(2)</script>',
      'Profile URL': 'javascript:alert(3)',
      Status: 'To contact',
    },
    { Company: 'Acme', Job: 'Data Analyst', Name: 'Dee Clined', Degree: '2nd', Status: 'Declined' },
    { Company: 'Acme', Job: 'Data Analyst', Name: 'Cal Soon', Degree: '2nd', Status: 'Call scheduled' },
  ]);
  writeRows(b, 'Jobs', [{ Company: 'Acme', Job: 'Data Analyst' }]);
  return b;
}

const run = browserAvailable();
const suite = run ? describe : describe.skip;

suite('Draft message sidebar in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let b: LoadedBundle;
  let dialogs: string[];
  let pageErrors: string[];
  /** Server answers wait for these (a test holds one to see the page while a call is on its way). */
  let gates: Record<string, Promise<void>> = {};

  /** Holds the answers of one server function until the returned function is called. */
  function hold(name: string): () => void {
    let release = () => {};
    gates[name] = new Promise<void>((r) => {
      release = r;
    });
    return () => {
      delete gates[name];
      release();
    };
  }

  beforeAll(async () => {
    builtArtifacts();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the sidebar on a fresh tracker with `a1` selected. */
  async function open(a1: string, prepare?: (b: LoadedBundle) => void, fakeClock = false): Promise<void> {
    gates = {};
    b = tracker();
    prepare?.(b);
    b.emu.spreadsheet.selectRange(a1);
    b.call('menuDraftMessage');
    const html = b.emu.ui.lastShown()!.html;
    context = await browser.newContext({ viewport: { width: 300, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
    page = await context.newPage();
    dialogs = [];
    pageErrors = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.exposeFunction('__gasCall', async (name: string, argsJson: string) => {
      await (gates[name] ?? Promise.resolve());
      try {
        if (!SIDEBAR_FUNCTIONS.includes(name)) throw new Error(`${name} is not a sidebar function`);
        const value = b.call(name, ...(JSON.parse(argsJson) as unknown[]));
        return JSON.stringify({ ok: true, value: value === undefined ? null : value });
      } catch (e) {
        return JSON.stringify({ ok: false, message: (e as { message?: string }).message ?? String(e) });
      }
    });
    await page.addInitScript(SHIM);
    await page.route(`${ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    // A fake clock (Playwright's page.clock) lets a test say how much of the page's time passed, not the machine's.
    if (fakeClock) await page.clock.install();
    await page.goto(`${ORIGIN}/sidebar`);
  }

  afterEach(async () => {
    await context?.close();
    expect(pageErrors).toEqual([]);
  });

  it('shows the draft of the selected row and follows the selection to another row within 2 seconds', async () => {
    await open('Contacts!C2', undefined, true);
    await page.waitForFunction(() => document.getElementById('person-name')?.textContent === 'Ann Lee');
    expect(await page.inputValue('#type')).toBe('first-inmail');
    expect(await page.inputValue('#subject')).toBe('Your experience at Acme');
    expect(await page.inputValue('#body')).toMatch(/^Hi Ann,/);
    expect(await page.textContent('#subject-count')).toBe('Subject: 23 / 200');
    expect(await page.textContent('#body-count')).toMatch(/^\d+ \/ 1900$/);
    expect(await page.isDisabled('#copy')).toBe(false);
    expect(await page.isDisabled('#open-profile')).toBe(false);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(300);

    // Two seconds of the page's time pass after the selection moves, and no more: the polls due in them
    // are made (their answers arrive in real time, however slow the machine); a poll due later never is.
    // The page's clock flows with the machine's until paused; then it moves only when told. After the
    // selection moves, 2 s of page time pass in small steps; then page time stands still while the
    // answers of the polls already made arrive (the shim hands them over on a 0 ms timer).
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1));
    b.emu.spreadsheet.selectRange('Contacts!A3');
    const shows = () =>
      page.evaluate(() => document.getElementById('person-name')?.textContent === 'Bob Ray');
    for (let t = 0; t < 2000 && !(await shows()); t += 50) await page.clock.runFor(50);
    for (let i = 0; i < 200 && !(await shows()); i++) {
      await page.clock.runFor(0);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await shows()).toBe(true);
    expect(await page.inputValue('#type')).toBe('reply-availability');
    expect(await page.isHidden('#subject-wrap')).toBe(true);
    expect(await page.inputValue('#body')).toContain('America/New_York');
  });

  it('blocks Copy and Mark as sent while a placeholder is unfilled, until the text is edited', async () => {
    await open('Contacts!C2', (bb) => setSetting(bb, 'Your name', ''));
    await page.waitForFunction(() => document.getElementById('person-name')?.textContent === 'Ann Lee');
    expect(await page.inputValue('#body')).toContain('{{my_name}}');
    expect(await page.isDisabled('#copy')).toBe(true);
    expect(await page.isDisabled('#mark-sent')).toBe(true);
    expect(await page.isVisible('#unfilled-wrap')).toBe(true);
    expect(await page.textContent('#unfilled li button')).toBe('{{my_name}}');
    expect(await page.textContent('#unfilled li .hint')).toBe('from Settings › Your name');
    expect(await page.textContent('#blocked-why')).toBe('Fill the placeholders first.');
    expect(await page.getAttribute('#body', 'class')).toContain('has-unfilled');

    const body = (await page.inputValue('#body')).replaceAll('{{my_name}}', 'Sam');
    await page.fill('#body', body);
    expect(await page.isDisabled('#copy')).toBe(false);
    expect(await page.isDisabled('#mark-sent')).toBe(false);
    expect(await page.isHidden('#unfilled-wrap')).toBe(true);
    await page.click('#copy');
    await page.waitForFunction(() => /Copied/.test(document.getElementById('result')?.textContent ?? ''));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`Your experience at Acme\n\n${body}`);

    // Typing a placeholder back blocks again.
    await page.fill('#body', `${body} {{company`);
    expect(await page.isDisabled('#copy')).toBe(true);
  });

  it('Mark as sent stamps Messaged on, moves Status to Messaged and logs Activity', async () => {
    await open('Contacts!C2');
    await page.waitForFunction(() => document.getElementById('person-name')?.textContent === 'Ann Lee');
    await page.click('#mark-sent');
    await page.waitForFunction(() => /Marked/.test(document.getElementById('result')?.textContent ?? ''));
    expect(await page.textContent('#result')).toMatch(/Status To contact → Messaged/);
    const contacts = sheet(b, 'Contacts');
    expect(contacts.getRange(2, colOf(b, 'Status')).getValue()).toBe('Messaged');
    expect(contacts.getRange(2, colOf(b, 'Messaged on')).getDisplayValue()).toBe('2026-03-10');
    const activity = sheet(b, 'Activity').getDataRange().getValues();
    expect(activity[1]!.slice(1)).toEqual(['Acme', 'Ann Lee', 'To contact', 'Messaged', 'Mark as sent']);
    expect(await page.textContent('#person-score')).toContain('Messaged');
  });

  it('after Mark as sent stopped halfway, reloads the draft with nothing to confirm and finishes on the next press', async () => {
    await open('Contacts!C2');
    await page.waitForFunction(() => document.getElementById('person-name')?.textContent === 'Ann Lee');
    let fail = true;
    const remove = b.emu.calls.use({
      before(c) {
        if (fail && c.key === 'Sheet.appendRow') {
          fail = false;
          throw new Error('Service Spreadsheets failed while accessing document with id 1.');
        }
      },
    });
    await page.click('#mark-sent');
    await page.waitForFunction(() =>
      /did not finish/.test(document.getElementById('result')?.textContent ?? ''),
    );
    expect(await page.textContent('#result')).toMatch(
      /^Mark as sent did not finish: Google Sheets did not answer\. Press Mark as sent again/,
    );
    // The row changed (Status, Messaged on): the poll reloads its draft, which warns nothing.
    await page.waitForFunction(() =>
      /stopped before it finished/.test(document.getElementById('mark-hint')?.textContent ?? ''),
    );
    expect(await page.inputValue('#type')).toBe('first-inmail');
    expect(await page.isHidden('#warnings-wrap')).toBe(true);
    expect(await page.isChecked('#confirm')).toBe(false);
    expect(await page.isDisabled('#mark-sent')).toBe(false);
    await page.click('#mark-sent');
    await page.waitForFunction(() =>
      /^Finished recording/.test(document.getElementById('result')?.textContent ?? ''),
    );
    remove();
    const activity = sheet(b, 'Activity').getDataRange().getValues();
    expect(activity.slice(1).map((r) => r.slice(1))).toEqual([
      ['Acme', 'Ann Lee', 'To contact', 'Messaged', 'Mark as sent'],
    ]);
    // Finished: the draft now says it was marked as sent, and another press needs “Send it anyway”.
    expect(await page.textContent('#warnings')).toMatch(/Already marked as sent/);
    expect(await page.isDisabled('#mark-sent')).toBe(true);
  });

  it('refuses Mark as sent when the row changed before the sidebar saw it, and says so', async () => {
    await open('Contacts!C2');
    await page.waitForFunction(() => document.getElementById('person-name')?.textContent === 'Ann Lee');
    const release = hold('sidebarSelection'); // the change has not reached the sidebar yet
    sheet(b, 'Contacts').getRange(2, colOf(b, 'Title')).setValue('Head of Data');
    await page.click('#mark-sent');
    release();
    await page.waitForFunction(() =>
      /row changed/.test(document.getElementById('result')?.textContent ?? ''),
    );
    expect(sheet(b, 'Contacts').getRange(2, colOf(b, 'Status')).getValue()).toBe('To contact');
  });

  it('saves the call guide to Jobs', async () => {
    await open('Contacts!C2');
    await page.waitForFunction(() => document.getElementById('person-name')?.textContent === 'Ann Lee');
    await page.click('#tab-guide');
    expect(await page.isVisible('#questions li')).toBe(true);
    expect(await page.textContent('#referral-question')).toMatch(/10–15 minutes/);
    await page.fill('#referral-process', 'Internal form, then CV to the recruiter');
    await page.selectOption('#apply', 'After referral');
    await page.click('#save-guide');
    await page.waitForFunction(() =>
      /Saved/.test(document.getElementById('guide-result')?.textContent ?? ''),
    );
    const jobs = sheet(b, 'Jobs');
    expect(jobs.getRange(2, colOf(b, 'Referral process', 'Jobs')).getValue()).toBe(
      'Internal form, then CV to the recruiter',
    );
    expect(jobs.getRange(2, colOf(b, 'Apply', 'Jobs')).getValue()).toBe('After referral');
  });

  it('shows a contact named <img src=x onerror=alert(1)> and a template holding <script> as text, running nothing', async () => {
    await open('Contacts!C4', (bb) => {
      const t = sheet(bb, 'Templates');
      const names = t.getRange(1, 1, t.getLastRow(), 2).getValues();
      const row = names.findIndex((r) => r[0] === 'First InMail (call request)' && r[1] === 'English') + 1;
      t.getRange(row, 4, 1, 2).setValues([
        ['<img src=y onerror=alert(5)> for {{name}}', 'Hi {{name}} <script>alert(4)</script>\n{{my_name}}'],
      ]);
    });
    await page.waitForFunction((name) => document.getElementById('person-name')?.textContent === name, XSS);
    expect(await page.textContent('#person-role')).toContain('<script>alert(2)</script>');
    expect(await page.inputValue('#subject')).toBe(`<img src=y onerror=alert(5)> for ${XSS}`);
    expect(await page.inputValue('#body')).toBe(`Hi ${XSS} <script>alert(4)</script>\nSam Student`);
    expect(await page.textContent('#advice')).toContain(XSS);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('body script').count()).toBe(1); // only the bundled client
    // A javascript: profile URL is not opened.
    expect(await page.isDisabled('#open-profile')).toBe(true);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });

  it('warns before a message the advice is against, and needs “Send it anyway” to copy or mark it sent', async () => {
    await open('Contacts!C5');
    await page.waitForFunction(() => document.getElementById('person-name')?.textContent === 'Dee Clined');
    expect(await page.textContent('#advice')).toBe(
      'Nothing to send now. Dee Clined declined: try another person at Acme.',
    );
    expect(await page.isVisible('#warnings-wrap')).toBe(true);
    expect(await page.textContent('#warnings')).toBe('Dee Clined declined: try another person at Acme.');
    expect(await page.isDisabled('#copy')).toBe(true);
    expect(await page.isDisabled('#mark-sent')).toBe(true);
    expect(await page.textContent('#blocked-why')).toMatch(/tick “Send it anyway”/);
    await page.check('#confirm');
    expect(await page.isDisabled('#copy')).toBe(false);
    await page.click('#mark-sent');
    await page.waitForFunction(() => /Marked/.test(document.getElementById('result')?.textContent ?? ''));
    const activity = sheet(b, 'Activity').getDataRange().getValues();
    expect(activity.slice(1).map((r) => r.slice(2))).toEqual([
      ['Dee Clined', 'Declined', 'Declined', 'Mark as sent: First InMail'],
    ]);
    // Marked once: marking it again needs a new confirm.
    expect(await page.isChecked('#confirm')).toBe(false);
    expect(await page.textContent('#warnings')).toMatch(/Already marked as sent/);
    expect(await page.isDisabled('#mark-sent')).toBe(true);
  });

  it('blocks Copy and Mark as sent when the text is over LinkedIn’s limit', async () => {
    await open('Contacts!C2', (bb) => setSetting(bb, 'LinkedIn plan', 'Free'));
    await page.waitForFunction(() => document.getElementById('person-name')?.textContent === 'Ann Lee');
    expect(await page.inputValue('#type')).toBe('connection-note');
    expect(await page.textContent('#body-count')).toMatch(/^\d+ \/ 200$/);
    expect(await page.isDisabled('#copy')).toBe(false);
    await page.fill('#body', 'x'.repeat(201));
    expect(await page.getAttribute('#body-count', 'class')).toContain('over');
    expect(await page.isDisabled('#copy')).toBe(true);
    expect(await page.isDisabled('#mark-sent')).toBe(true);
    expect(await page.textContent('#blocked-why')).toBe('Over LinkedIn’s limit: shorten the text first.');
    await page.fill('#body', 'x'.repeat(200));
    expect(await page.isDisabled('#copy')).toBe(false);
  });

  it('never lets an out-of-date draft be copied: a new selection blocks it until its draft arrives', async () => {
    await open('Contacts!C2');
    await page.waitForFunction(() => document.getElementById('person-name')?.textContent === 'Ann Lee');
    expect(await page.isDisabled('#copy')).toBe(false);
    const release = hold('sidebarDraft');
    b.emu.spreadsheet.selectRange('Contacts!C3');
    await page.waitForFunction(() => (document.getElementById('copy') as HTMLButtonElement).disabled, null, {
      timeout: 2000,
      polling: 50,
    });
    expect(await page.textContent('#person-name')).toBe('Ann Lee');
    expect(await page.isDisabled('#mark-sent')).toBe(true);
    expect(await page.textContent('#blocked-why')).toMatch(
      /^(You selected row 3: loading its draft…|Loading the draft…)$/,
    );
    release();
    await page.waitForFunction(() => document.getElementById('person-name')?.textContent === 'Bob Ray');
    expect(await page.isDisabled('#copy')).toBe(false);
  });

  it('blocks an edited draft whose row changed on the sheet until it is reloaded', async () => {
    await open('Contacts!C2');
    await page.waitForFunction(() => document.getElementById('person-name')?.textContent === 'Ann Lee');
    await page.fill('#body', `${await page.inputValue('#body')} P.S.`);
    sheet(b).getRange(2, colOf(b, 'Title')).setValue('Head of Data');
    await page.waitForFunction(() => !(document.getElementById('stale-wrap') as HTMLElement).hidden, null, {
      timeout: 2000,
      polling: 50,
    });
    expect(await page.textContent('#stale')).toBe(
      'This row changed on the sheet since the draft was made: reload the draft.',
    );
    expect(await page.isDisabled('#copy')).toBe(true);
    await page.click('#reload');
    await page.waitForFunction(() =>
      document.getElementById('person-role')?.textContent?.startsWith('Head of Data'),
    );
    expect(await page.isDisabled('#copy')).toBe(false);
  });

  it('opens the call guide for a scheduled call', async () => {
    await open('Contacts!C6');
    await page.waitForFunction(() => document.getElementById('person-name')?.textContent === 'Cal Soon');
    expect(await page.textContent('#advice')).toMatch(/prepare your questions \(Call guide tab\)/);
    expect(await page.isVisible('#panel-guide')).toBe(true);
    expect(await page.getAttribute('#tab-guide', 'aria-selected')).toBe('true');
  });
});
