// Import LinkedIn connections in the playground, in headless Chromium: a generated 30,000-line export uploaded
// through the dialog's file input, the result shown in the dialog, Connections and Contacts filled.

import type { Browser, Page } from 'playwright-core';
import { CONNECTIONS_HEADERS } from '../../src/core/connections';
import { browserAvailable, launchBrowser, type RunningPlayground, startPlayground } from '../helpers/browser';

// testTimeout in a jest project entry is not applied (it is a global option): importing 30,000 lines takes a while.
jest.setTimeout(120_000);

const run = browserAvailable();
const suite = run ? describe : describe.skip;

/** 30,000 connections: 1 in 100 at Contoso Energy (a target of the example data), 1 in 500 at "Proseware", the rest elsewhere. */
function export30k(): string {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < 30_000; i++) {
    const company =
      i % 100 === 0 ? '"Contoso Energy, Inc."' : i % 500 === 1 ? 'Proseware' : `Employer ${i % 2000}`;
    lines.push(`Pat${i},Doe${i},https://www.linkedin.com/in/pat-${i},,${company},Data Engineer,12 Jan 2025`);
  }
  return `${lines.join('\n')}\n`;
}

interface SheetState {
  sheets: { name: string }[];
  sheet: { rows: ({ t: string } | null)[][] };
}

suite('Import LinkedIn connections in the playground', () => {
  let pg: RunningPlayground;
  let browser: Browser;
  let page: Page;

  const state = async (sheet: string): Promise<SheetState> =>
    (await (await fetch(`${pg.url}api/state?sheet=${encodeURIComponent(sheet)}`)).json()) as SheetState;

  beforeAll(async () => {
    [pg, browser] = await Promise.all([startPlayground(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await pg?.stop();
  });

  it('uploads a 30,000-line export and shows what was kept, added and not matched', async () => {
    await page.goto(pg.url);
    await page.waitForSelector('body[data-ready="true"]');
    while (await page.locator('#alert').isVisible()) await page.click('#alert-ok');
    const before = await state('Contacts');
    expect(before.sheets.map((s) => s.name)).not.toContain('Connections');
    const contactsBefore = before.sheet.rows.filter((r) => r.some((c) => c?.t)).length;

    await page.click('.menu[data-caption="Referrals"] .menu-button');
    await page.click('.menu-item[data-fn="menuImportConnections"]');
    await page.waitForSelector('#modal iframe');
    const dialog = page.frameLocator('#modal iframe');
    await dialog.locator('#file').setInputFiles({
      name: 'Connections.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(export30k(), 'utf8'),
    });
    await dialog.locator('#import').click();
    const result = dialog.locator('#result > li');
    await result.first().waitFor({ timeout: 110_000 });
    const lines = await result.allTextContents();
    expect(lines[0]).toBe('Read 30,000 connections; kept on Connections: 30,000 new.');
    expect(lines).toContain('Added to Contacts: 300 people at your target companies (Contoso Energy 300).');
    expect(await dialog.locator('#result li li').allTextContents()).toEqual([
      'Proseware (60 people) — on Jobs: Proseware Cloud',
    ]);
    await expect(dialog.locator('#status').textContent()).resolves.toMatch(/Score candidates/);
    await expect(dialog.locator('#error').isHidden()).resolves.toBe(true);

    const after = await state('Connections');
    expect(after.sheets.map((s) => s.name)).toContain('Connections');
    expect(after.sheet.rows[0]!.slice(0, 7).map((c) => c?.t)).toEqual(CONNECTIONS_HEADERS);
    const contacts = (await state('Contacts')).sheet.rows.filter((r) => r.some((c) => c?.t)).length;
    expect(contacts - contactsBefore).toBe(300);
  });
});
