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

  beforeAll(async () => {
    builtArtifacts();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the sidebar on a fresh tracker with `a1` selected. */
  async function open(a1: string, prepare?: (b: LoadedBundle) => void): Promise<void> {
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
    await page.exposeFunction('__gasCall', (name: string, argsJson: string) => {
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
    await page.goto(`${ORIGIN}/sidebar`);
  }

  afterEach(async () => {
    await context?.close();
    expect(pageErrors).toEqual([]);
  });

  it('shows the draft of the selected row and follows the selection to another row', async () => {
    await open('Contacts!C2');
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

    b.emu.spreadsheet.selectRange('Contacts!A3');
    await page.waitForFunction(
      () => document.getElementById('person-name')?.textContent === 'Bob Ray',
      null,
      {
        timeout: 20_000,
      },
    );
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
    expect(await page.textContent('#unfilled')).toBe('{{my_name}}');
    expect(await page.getAttribute('#body', 'class')).toContain('has-unfilled');

    const body = (await page.inputValue('#body')).replace('{{my_name}}', 'Sam');
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

  it('refuses Mark as sent when the row changed, and says so', async () => {
    await open('Contacts!C2');
    await page.waitForFunction(() => document.getElementById('person-name')?.textContent === 'Ann Lee');
    await page.fill('#body', `${await page.inputValue('#body')} `); // edited: the poll will not reload
    sheet(b, 'Contacts').getRange(2, colOf(b, 'Title')).setValue('Head of Data');
    await page.click('#mark-sent');
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

  it('shows a contact named <img src=x onerror=alert(1)> as text and runs nothing', async () => {
    await open('Contacts!C4');
    await page.waitForFunction((name) => document.getElementById('person-name')?.textContent === name, XSS);
    expect(await page.textContent('#person-role')).toContain('<script>alert(2)</script>');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('body script').count()).toBe(1); // only the bundled client
    // A javascript: profile URL is not opened.
    expect(await page.isDisabled('#open-profile')).toBe(true);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });
});
