// Refreshes docs/screenshots/*.png: starts the playground on a temporary workbook (the example data, set up,
// scored and refreshed on a fixed day) and photographs it in headless Chromium: Contacts after Score candidates,
// the Referrals menu, Help, the Check this spreadsheet report, the Draft message sidebar, Jobs, the Dashboard
// with its chart, and the Import LinkedIn connections dialog with its result. Every step goes through the page as
// a person would; a missing menu item or page fails the run rather than leaving an old picture in place.
//
// TODAY=YYYY-MM-DD chooses the playground's day (default below, so that the pictures do not change with the
// calendar); CHROMIUM_PATH the browser.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'docs', 'screenshots');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const today = process.env.TODAY || '2026-03-10';
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
  '--today',
  today,
];
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

/**
 * A LinkedIn Connections.csv as the export has it (its "Notes:" lines first): 900 fictional connections, most at
 * companies that are not targets, some at the example's target companies written LinkedIn's way ("Contoso
 * Energy, Inc."), two already on Contacts, near misses of two targets, a line listed twice and one without a name.
 */
function connectionsCsv() {
  const first = [
    'Alex',
    'Sam',
    'Maria',
    'Jonas',
    'Aiko',
    'Lea',
    'Omar',
    'Nadia',
    'Tom',
    'Ines',
    'Ravi',
    'Julia',
  ];
  const last = ['Martin', 'Novak', 'Silva', 'Berg', 'Tanaka', 'Rossi', 'Haddad', 'Klein', 'Dupont', 'Ortiz'];
  const elsewhere = [
    'Blue Yonder Airlines',
    'Alpine Ski House',
    'Trey Research',
    'Woodgrove Bank',
    'Fourth Coffee',
    'Lucerne Publishing',
    'Humongous Insurance',
    'Relecloud',
    'VanArsdel',
    'Wingtip Toys',
    'Tailwind Traders',
    'Bellows College',
    'Freelance',
    'Self-employed',
    'Stealth Startup',
  ];
  const rows = [];
  const person = (i, company, position = 'Data Analyst') => {
    const f = first[i % first.length];
    const l = `${last[Math.floor(i / first.length) % last.length]}${i >= first.length * last.length ? ` ${i}` : ''}`;
    rows.push([
      f,
      l,
      `https://www.linkedin.com/in/${f}-${l}-${i}`.toLowerCase().replace(/ /g, '-'),
      '',
      company,
      position,
    ]);
  };
  for (let i = 0; i < 880; i++)
    person(i, elsewhere[i % elsewhere.length], i % 3 ? 'Software Engineer' : 'Analyst');
  const targets = [
    ['Contoso Energy, Inc.', 'Data Scientist'],
    ['Contoso Energy, Inc.', 'ML Engineer'],
    ['Contoso Energy', 'Analytics Lead'],
    ['Litware Games', 'Data Scientist'],
    ['Litware Games', 'Game Analyst'],
    ['Tailspin Mobility', 'BI Developer'],
    ['Coho Vineyard Tech', 'Data Engineer'],
    ['Proseware', 'Data Engineer'],
    ['Proseware', 'Product Analyst'],
    ['Fabrikam Healthcare', 'Data Analyst'],
  ];
  for (const [k, [company, position]] of targets.entries()) person(900 + k, company, position);
  // Already on Contacts (same name and company as the example data's rows).
  rows.push(['Camille', 'Laurent', '', '', 'Northwind Analytics', 'Senior Data Scientist']);
  rows.push(['Priya', 'Natarajan', '', '', 'Contoso Energy', 'Machine Learning Engineer II']);
  rows.push(rows[rows.length - 5]); // listed twice
  rows.push(['', '', '', '', 'Relecloud', 'Recruiter']); // no name (nor profile)
  const csv = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    ...rows.map((r) => [...r.map(csv), '12 Jan 2026'].join(',')),
    '',
  ].join('\n');
}

const shots = [];
let browser;
try {
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: JSON.parse(readFileSync(join(root, 'scripts', 'chromium-args.json'), 'utf8')),
    // Scroll bars as a person sees them (playwright hides them in headless runs): a dialog whose text goes on
    // below shows that it scrolls.
    ignoreDefaultArgs: ['--hide-scrollbars'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');

  const dismissAlerts = async () => {
    while (await page.locator('#alert').isVisible()) await page.click('#alert-ok');
  };
  const clearToasts = () =>
    page.evaluate(() => {
      for (const t of document.querySelectorAll('.toast')) t.remove();
    });
  /** Waits until no request is out (a sidebar's polling leaves moments without one). */
  const idle = () => page.waitForSelector('body[data-idle="true"]', { state: 'attached' });
  /** Saves a picture of the window, or of a region of it (once no request is out, unless a script waits). */
  const shoot = async (name, clip, waiting = false) => {
    if (!waiting) await idle();
    await clearToasts();
    await page.screenshot({ path: join(outDir, name), ...(clip ? { clip } : {}) });
    shots.push(name);
  };
  /** The region of an element with a margin around it, inside the window. */
  const around = async (selector, margin) => {
    const box = await page.locator(selector).boundingBox();
    if (!box) throw new Error(`${selector} is not shown`);
    const vp = page.viewportSize();
    const x = Math.max(0, box.x - margin);
    const y = Math.max(0, box.y - margin);
    return {
      x,
      y,
      width: Math.min(vp.width, box.x + box.width + margin) - x,
      height: Math.min(vp.height, box.y + box.height + margin) - y,
    };
  };
  const openTab = async (name) => {
    await page.click(`.tab:text-is("${name}")`);
    await page.waitForSelector(`body[data-sheet="${name}"]`);
    await idle();
  };
  const runMenu = async (fn) => {
    await page.click('.menu[data-caption="Referrals"] .menu-button');
    const item = page.locator(`.menu-item[data-fn="${fn}"]`);
    if ((await item.count()) === 0) throw new Error(`No ${fn} in the Referrals menu: is dist/ current?`);
    await item.click();
  };
  /** Left edge (in the grid's scroll coordinates) and right edge of a header's column. */
  const columnEdges = (header) =>
    page.evaluate((h) => {
      const cell = [...document.querySelectorAll('.head .row[data-r="1"] .cell.data')].find(
        (c) => c.textContent === h,
      );
      const rownum = document.querySelector('.head .row[data-r="1"] .rownum');
      if (!cell) throw new Error(`No ${h} column`);
      const left = cell.offsetLeft - (rownum ? rownum.offsetWidth : 0);
      return { left, right: left + cell.offsetWidth };
    }, header);
  /**
   * Scrolls the grid so that `from`'s column starts at its left edge, and sizes the window so that it ends with
   * `to`'s column (the row numbers and the scroll bar beside them).
   */
  const showColumns = async (from, to, height = 800) => {
    const a = await columnEdges(from);
    const b = await columnEdges(to);
    await page.setViewportSize({ width: 1400, height });
    const beside = await page.evaluate(() => {
      const grid = document.getElementById('grid');
      const rownum = document.querySelector('.head .row[data-r="1"] .rownum');
      return window.innerWidth - grid.clientWidth + (rownum ? rownum.offsetWidth : 0);
    });
    await page.setViewportSize({ width: Math.min(b.right - a.left + beside, 2000), height });
    await page.evaluate((x) => {
      document.getElementById('grid').scrollLeft = x;
    }, a.left);
  };
  await dismissAlerts(); // what the startup's Set up tracker and Load example data said

  // Contacts after Score candidates: Status, the dates, Score, Rank, Pick, Why, Credits, and Next action / Due
  // in red and amber.
  await openTab('Contacts');
  await showColumns('Status', 'Due');
  await shoot('contacts.png');
  await page.setViewportSize({ width: 1400, height: 800 });
  await page.evaluate(() => {
    document.getElementById('grid').scrollLeft = 0;
  });

  // The Referrals menu, and the part of the sheet beside it.
  await page.click('.menu[data-caption="Referrals"] .menu-button');
  const menu = await around('.menu[data-caption="Referrals"] .menu-list', 0);
  await shoot('menu.png', {
    x: 0,
    y: 0,
    width: menu.x + menu.width + 320,
    height: menu.y + menu.height + 24,
  });
  await page.keyboard.press('Escape');
  await page.click('#grid');

  // Help, and the Check this spreadsheet report (an alert).
  await runMenu('menuHelp');
  await page.waitForSelector('#modal:not([hidden]) iframe');
  await page.frameLocator('#modal iframe').locator('h1').first().waitFor();
  await shoot('help.png', await around('#modal .dialog', 24));
  await page.click('#modal-close');
  await runMenu('menuCheckSpreadsheet');
  await page.waitForSelector('#alert:not([hidden])');
  // The script waits for OK: its request stays out meanwhile.
  await shoot('check.png', await around('#alert .dialog', 24), true);
  await dismissAlerts();

  // The Draft message sidebar on someone who replied: answer fast, with availability in their time zone.
  const contacts = await (await fetch(`${url}api/state?sheet=Contacts`)).json();
  const head = contacts.sheet.rows[0].map((c) => c?.t ?? '');
  const row =
    contacts.sheet.rows.findIndex((r, i) => i > 0 && r[head.indexOf('Status')]?.t === 'Replied') + 1;
  if (row < 2) throw new Error('No Replied person in the example data for the Draft message picture');
  await page.click(`.cell.data[data-r="${row}"][data-c="${head.indexOf('Name') + 1}"]`);
  await runMenu('menuDraftMessage');
  await page.waitForSelector('#sidebar:not([hidden]) iframe');
  const sidebar = page.frameLocator('#sidebar iframe');
  await sidebar.locator('#advice:not(:empty)').waitFor();
  await sidebar.locator('#body').evaluate((b) => {
    if (!b.value) throw new Error('The draft has no message');
  });
  await shoot('draft-sidebar.png');
  await page.click('#sidebar-close');

  // Jobs from Company to the computed columns and the next action per job, as tall as its rows.
  await openTab('Jobs');
  const jobs = await (await fetch(`${url}api/state?sheet=Jobs`)).json();
  const jobRows = jobs.sheet.rows.filter((r) => r.some((c) => c?.t)).length;
  await showColumns('Company', 'Due', Math.min(800, 140 + 22 * (jobRows + 3)));
  await shoot('jobs.png');
  await page.setViewportSize({ width: 1400, height: 800 });

  // Refresh dashboard, then the Dashboard tab: the blocks and the funnel chart to their right.
  await runMenu('menuRefreshDashboard');
  await page.waitForSelector('.tab:text-is("Dashboard")');
  await dismissAlerts();
  await openTab('Dashboard');
  await page.waitForSelector('body[data-sheet="Dashboard"] .chart svg .bar');
  const chartRight = await page.evaluate(() => {
    const chart = document.querySelector('.chart');
    const grid = document.getElementById('grid');
    return chart.getBoundingClientRect().right - grid.getBoundingClientRect().left + grid.scrollLeft;
  });
  await page.setViewportSize({ width: Math.min(Math.ceil(chartRight) + 40, 2000), height: 800 });
  await shoot('dashboard.png');
  await page.setViewportSize({ width: 1400, height: 800 });
  await openTab('Contacts');

  // Import LinkedIn connections: a Connections.csv uploaded through the dialog, and the summary it shows.
  await runMenu('menuImportConnections');
  await page.waitForSelector('#modal:not([hidden]) iframe');
  const dialog = page.frameLocator('#modal iframe');
  await dialog.locator('#file').setInputFiles({
    name: 'Connections.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(connectionsCsv(), 'utf8'),
  });
  await dialog.locator('#import').click();
  await dialog.locator('#result > li').first().waitFor({ timeout: 60_000 });
  await shoot('import.png', await around('#modal .dialog', 24));
} finally {
  await browser?.close();
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
console.log(`docs/screenshots (today ${today}): ${shots.join(', ')}`);
