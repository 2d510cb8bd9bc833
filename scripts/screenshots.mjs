// Refreshes docs/screenshots/*.png: starts the playground on a temporary workbook and photographs it in
// headless Chromium (Contacts after scoring, the Referrals menu, the Help dialog, the Dashboard with its chart,
// the Jobs sheet, the draft sidebar if built).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'docs', 'screenshots');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'playground-shots-'));
const args = [
  join(root, 'playground', 'server.mjs'),
  '--port',
  '0',
  '--workbook',
  join(work, 'workbook.json'),
];
if (process.env.TODAY) args.push('--today', process.env.TODAY);
const server = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
    if (m) resolve(m[1]);
  });
  server.once('exit', (code) => reject(new Error(`playground exited with ${code}: ${out}`)));
});

// playwright-core gives each launch a fresh temporary --user-data-dir (it refuses one in args).
const shots = [];
let browser;
try {
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: JSON.parse(readFileSync(join(root, 'scripts', 'chromium-args.json'), 'utf8')),
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  // The startup alerts (set up, example data) are dismissed first.
  const dismissAlerts = async () => {
    while (await page.locator('#alert').isVisible()) await page.click('#alert-ok');
  };
  await dismissAlerts();
  await page.click('.tab:text-is("Contacts")');
  await page.waitForSelector('body[data-sheet="Contacts"]');
  const shoot = async (name) => {
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(outDir, name) });
    shots.push(name);
  };
  // Scroll so the tracking and computed columns (Status … Next action) are in view; clear startup toasts.
  await page.evaluate(() => {
    const grid = document.getElementById('grid');
    const status = [...document.querySelectorAll('.head .row[data-r="1"] .cell.data')].find(
      (c) => c.textContent === 'Status',
    );
    if (grid && status) grid.scrollLeft = status.offsetLeft - 46 - 260;
    for (const t of document.querySelectorAll('.toast')) t.remove();
  });
  await shoot('contacts.png');
  await page.evaluate(() => {
    document.getElementById('grid').scrollLeft = 0;
  });

  await page.click('.menu[data-caption="Referrals"] .menu-button');
  await shoot('menu.png');
  await page.keyboard.press('Escape');
  await page.click('#grid');

  await page.click('.menu[data-caption="Referrals"] .menu-button');
  await page.click('.menu-item[data-fn="menuHelp"]');
  await page.waitForSelector('#modal:not([hidden]) iframe');
  await shoot('help.png');
  await page.click('#modal-close');

  // Refresh dashboard from the menu, then the Dashboard tab with its funnel chart (drawn as SVG over the grid).
  const clearToasts = () =>
    page.evaluate(() => {
      for (const t of document.querySelectorAll('.toast')) t.remove();
    });
  if ((await page.locator('.menu-item[data-fn="menuRefreshDashboard"]').count()) > 0) {
    await page.click('.menu[data-caption="Referrals"] .menu-button');
    await page.click('.menu-item[data-fn="menuRefreshDashboard"]');
    await page.waitForSelector('.tab:text-is("Dashboard")');
    await dismissAlerts();
    await page.click('.tab:text-is("Dashboard")');
    await page.waitForSelector('body[data-sheet="Dashboard"] .chart svg .bar');
    await dismissAlerts();
    await clearToasts();
    // Wide enough for the blocks (A–F) and the chart anchored to their right.
    await page.setViewportSize({ width: 1560, height: 800 });
    await shoot('dashboard.png');
    await page.setViewportSize({ width: 1400, height: 800 });
  } else {
    console.log('No Refresh dashboard menu item in dist/: dashboard.png not refreshed.');
  }

  // Jobs from Company to the computed columns (Contacts, Picks, Referrals, Coverage, Next action, Due): the
  // viewport is widened to Due's right edge (scrolled to a column edge when that would be too wide).
  await page.click('.tab:text-is("Jobs")');
  await page.waitForSelector('body[data-sheet="Jobs"]');
  await dismissAlerts();
  const dueEnd = await page.evaluate(() => {
    const due = [...document.querySelectorAll('.head .row[data-r="1"] .cell.data')].find(
      (c) => c.textContent === 'Due',
    );
    return due ? due.offsetLeft + due.offsetWidth : 0;
  });
  await page.setViewportSize({ width: Math.min(Math.max(1400, dueEnd + 40), 1900), height: 800 });
  await page.evaluate(() => {
    const grid = document.getElementById('grid');
    const heads = [...document.querySelectorAll('.head .row[data-r="1"] .cell.data')];
    const due = heads.find((c) => c.textContent === 'Due');
    if (!grid || !due) return;
    const end = due.offsetLeft + due.offsetWidth + 30;
    grid.scrollLeft = heads.map((c) => c.offsetLeft - 46).find((x) => end - x <= grid.clientWidth) ?? 0;
  });
  await clearToasts();
  await shoot('jobs.png');
  await page.setViewportSize({ width: 1400, height: 800 });
  await page.evaluate(() => {
    document.getElementById('grid').scrollLeft = 0;
  });
  await page.click('.tab:text-is("Contacts")');
  await page.waitForSelector('body[data-sheet="Contacts"]');

  const draft = page.locator('.menu-item[data-fn*="raft" i]');
  if (existsSync(join(root, 'dist', 'DraftMessage.html')) && (await draft.count()) > 0) {
    await page.click('.cell.data[data-r="2"][data-c="1"]');
    await page.click('.menu[data-caption="Referrals"] .menu-button');
    await draft.first().click();
    await page.waitForSelector('#sidebar:not([hidden]) iframe');
    await dismissAlerts();
    await page.waitForTimeout(800);
    await shoot('draft-sidebar.png');
  } else {
    console.log('No DraftMessage page or menu item in dist/: draft-sidebar.png not refreshed.');
  }
} finally {
  await browser?.close();
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
console.log(`docs/screenshots: ${shots.join(', ')}`);
