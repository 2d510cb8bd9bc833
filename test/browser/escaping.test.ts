// Every page escapes user text: in headless Chromium, a tracker whose contacts, companies, jobs and a
// sheet's name are HTML (`<img src=x onerror=alert(1)>`, `<script>`) is shown by the playground's grid,
// tabs, alerts and Dashboard, by the import dialog's result and next to Help — as text, running nothing.
// (The Draft message sidebar has its own such test in sidebar.test.ts.)

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, type RunningPlayground, startPlayground } from '../helpers/browser';
import { loadBundle } from '../helpers/bundle';
import { writeRows } from '../helpers/sheets';

jest.setTimeout(60_000);

const run = browserAvailable();
const suite = run ? describe : describe.skip;

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';
const SVG = '"><svg onload=alert(3)>';

/** A tracker full of HTML, scored, followed up and with a Dashboard, as the playground saves it. */
function hostileWorkbook(): unknown {
  const b = loadBundle({ now: '2026-03-10T08:00:00Z' });
  b.call('menuSetUpTracker');
  writeRows(b, 'Jobs', [{ Company: IMG, Job: SCRIPT, Apply: 'After referral', Outcome: 'Pending' }]);
  writeRows(b, 'Contacts', [
    {
      Company: IMG,
      Job: SCRIPT,
      Name: IMG,
      Title: SCRIPT,
      Degree: '2nd',
      'In common': SVG,
      Status: 'Replied',
    },
    { Company: IMG, Job: SCRIPT, Name: SVG, Title: 'PM', Degree: IMG, Status: 'To contact', Notes: SCRIPT },
  ]);
  b.call('menuScoreCandidates');
  b.call('menuRefreshFollowUps');
  b.call('menuRefreshDashboard');
  b.emu.spreadsheet.self.insertSheet(IMG).getRange('A1').setValue(SCRIPT);
  b.emu.spreadsheet.self.setActiveSheet(b.emu.spreadsheet.self.getSheetByName('Contacts')!);
  return b.emu.spreadsheet.toJSON();
}

/** Whether any HTML of the user's became an element, in the page or any of its frames. */
async function injected(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const f of page.frames() as Frame[]) {
    const hits = await f
      .evaluate(() => {
        const out: string[] = [];
        for (const el of document.querySelectorAll('img[src="x"], svg[onload], script')) {
          if (el.tagName === 'SCRIPT' && !(el.textContent ?? '').includes('alert(')) continue;
          out.push(el.outerHTML.slice(0, 80));
        }
        return out;
      })
      .catch(() => [] as string[]);
    found.push(...hits);
  }
  return found;
}

suite('user text on every page', () => {
  let dir: string;
  let pg: RunningPlayground;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];

  const dismissAlerts = async () => {
    while (await page.locator('#alert').isVisible()) await page.click('#alert-ok');
  };
  const runMenu = async (fn: string) => {
    await page.click('.menu[data-caption="Referrals"] .menu-button');
    await page.click(`.menu-item[data-fn="${fn}"]`);
  };
  const openTab = async (name: string) => {
    await page.locator('.tab').filter({ hasText: name }).first().click();
    await page.waitForFunction((n) => document.body.dataset.sheet === n, name);
    await page.waitForLoadState('networkidle');
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'escaping-'));
    writeFileSync(join(dir, 'workbook.json'), JSON.stringify(hostileWorkbook()));
    [pg, browser] = await Promise.all([startPlayground([], dir), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // A script that ran would open a JavaScript dialog: record them all (none is expected).
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pg.url);
    await page.waitForSelector('body[data-ready="true"]');
    await dismissAlerts();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows names, companies, jobs and notes in the grid as text', async () => {
    await openTab('Contacts');
    const cells = await page.locator('.cell.data').allTextContents();
    expect(cells).toEqual(expect.arrayContaining([IMG, SCRIPT, SVG]));
    expect(await injected(page)).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('shows a tab named with HTML, and the Dashboard and Jobs built from HTML names, as text', async () => {
    expect(await page.locator('.tab').allTextContents()).toContain(IMG);
    for (const tab of [IMG, 'Dashboard', 'Jobs']) {
      await openTab(tab);
      expect(await injected(page)).toEqual([]);
    }
    // The grid draws the rows in view: a tall window shows the Dashboard's follow-ups and coverage.
    await page.setViewportSize({ width: 1280, height: 3000 });
    await openTab('Dashboard');
    expect((await page.locator('.cell.data').allTextContents()).join('\n')).toContain(IMG);
    expect(await injected(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(dialogs).toEqual([]);
  });

  it("shows an alert quoting the user's cell as text", async () => {
    await openTab('Contacts');
    await runMenu('menuScoreCandidates');
    await page.locator('#alert:not([hidden])').waitFor();
    expect(await page.locator('#alert').textContent()).toContain(IMG);
    expect(await injected(page)).toEqual([]);
    await dismissAlerts();
    expect(dialogs).toEqual([]);
  });

  it("shows the import dialog's result, naming an HTML company, as text", async () => {
    await runMenu('menuImportConnections');
    await page.waitForSelector('#modal iframe');
    const dialog = page.frameLocator('#modal iframe');
    const csv = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      `Lea,${SVG.replace(/"/g, '""').replace(/^/, '"').concat('"')},https://www.linkedin.com/in/lea,,"${IMG}",${SCRIPT},01 Mar 2026`,
    ].join('\n');
    await dialog.locator('#file').setInputFiles({
      name: 'Connections.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await dialog.locator('#import').click();
    await dialog.locator('#result > li').first().waitFor({ timeout: 30_000 });
    expect((await dialog.locator('#result').textContent()) ?? '').toContain(IMG);
    expect(await injected(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    await dialog.locator('#close').click();
  });

  it('opens Help (static text, no user data) without running anything', async () => {
    await runMenu('menuHelp');
    await page.waitForSelector('#modal iframe');
    const help = page.frameLocator('#modal iframe');
    await expect(help.locator('body').textContent()).resolves.toMatch(/Set up tracker/);
    expect(await injected(page)).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
