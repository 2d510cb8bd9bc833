// The offline playground in headless Chromium: the real dist/Code.js behind the page, menus, edits and
// onEdit, dialogs with the google.script.run bridge, and .xlsx round trips.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { parseA1 } from '../../emulator/a1';
import type { WorkbookJSON } from '../../emulator/spreadsheet';
import type { SheetView } from '../../playground/session';
import { exportXlsx } from '../../playground/xlsx';
import { browserAvailable, launchBrowser, type RunningPlayground, startPlayground } from '../helpers/browser';

interface State {
  sheets: { name: string }[];
  functions: string[];
  sheet: SheetView;
}

const FIXTURES = join(__dirname, '..', 'fixtures', 'xlsx');

// testTimeout in a jest project entry is not applied (it is a global option): a slow machine needs more than 5 s.
jest.setTimeout(60_000);

const run = browserAvailable();
const suite = run ? describe : describe.skip;

suite('playground', () => {
  let pg: RunningPlayground;
  let browser: Browser;
  let page: Page;

  const state = async (sheet: string): Promise<State> =>
    (await (await fetch(`${pg.url}api/state?sheet=${encodeURIComponent(sheet)}`)).json()) as State;
  const post = async (path: string, body: unknown) =>
    (await (await fetch(`${pg.url}${path}`, { method: 'POST', body: JSON.stringify(body) })).json()) as {
      ok: boolean;
      error?: string;
      value?: unknown;
    };
  const column = (view: SheetView, header: string): number => {
    const i = view.rows[0]!.findIndex((c) => c?.t === header);
    if (i < 0) throw new Error(`No ${header} column in ${view.name}`);
    return i + 1;
  };
  const cell = (r: number, c: number) => page.locator(`.cell.data[data-r="${r}"][data-c="${c}"]`);
  /** Waits until a grid cell's text (not its dropdown's items) matches: the grid refreshes after each call. */
  const waitForText = async (r: number, c: number, re: RegExp) => {
    const sel = `.cell.data[data-r="${r}"][data-c="${c}"]`;
    const text = () =>
      page.evaluate(
        (s) =>
          [...(document.querySelector(s)?.childNodes ?? [])]
            .filter((n) => n.nodeName !== 'SELECT' && n.nodeName !== 'DATALIST')
            .map((n) => n.textContent)
            .join(''),
        sel,
      );
    try {
      await page.waitForFunction(
        ([s, source, flags]) =>
          new RegExp(source, flags).test(
            [...(document.querySelector(s)?.childNodes ?? [])]
              .filter((n) => n.nodeName !== 'SELECT' && n.nodeName !== 'DATALIST')
              .map((n) => n.textContent)
              .join(''),
          ),
        [sel, re.source, re.flags] as const,
        { timeout: 15_000 },
      );
    } catch {
      throw new Error(`Expected cell R${r}C${c} to match ${re}, still "${await text()}"`);
    }
  };
  const dismissAlerts = async () => {
    while (await page.locator('#alert').isVisible()) await page.click('#alert-ok');
  };
  const openPage = async () => {
    await page.goto(pg.url);
    await page.waitForSelector('body[data-ready="true"]');
    await dismissAlerts();
  };
  const openContacts = async () => {
    await page.goto(pg.url);
    await page.waitForSelector('body[data-ready="true"]');
    await dismissAlerts();
    await page.click('.tab:text-is("Contacts")');
    await page.waitForSelector('body[data-sheet="Contacts"]');
    // The tab's refresh may still be in flight when the page already showed Contacts.
    await page.waitForLoadState('networkidle');
  };
  /** Clicks a button of the alert or prompt shown (waiting for it to show). */
  const answer = async (button: string) => {
    const b = page.locator(`#alert:not([hidden]) #alert-buttons button[data-button="${button}"]`);
    await b.waitFor();
    await b.click();
  };
  /** Waits until no request is out and no script waits (the save file is written before each reply). */
  const idle = () => page.waitForSelector('body[data-idle="true"]', { state: 'attached' });
  const runMenu = async (fn: string) => {
    await page.click('.menu[data-caption="Referrals"] .menu-button');
    await page.click(`.menu-item[data-fn="${fn}"]`);
  };

  beforeAll(async () => {
    [pg, browser] = await Promise.all([startPlayground(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await pg?.stop();
  });

  it('opens on the example data: every sheet as a tab, the Contacts grid with a frozen header', async () => {
    await openContacts();
    const tabs = await page.locator('.tab').allTextContents();
    expect(tabs).toEqual(expect.arrayContaining(['Contacts', 'Jobs', 'Settings', 'Templates', 'Activity']));
    await expect(cell(1, 1).textContent()).resolves.toBe('Company');
    const view = (await state('Contacts')).sheet;
    expect(view.frozenRows).toBe(1);
    expect(await page.locator('.head .row[data-r="1"]').count()).toBe(1);
    const name = view.rows[1]![column(view, 'Name') - 1]!.t;
    expect(name).not.toBe('');
    await expect(cell(2, column(view, 'Name')).textContent()).resolves.toBe(name);
  });

  it('runs Set up tracker from the Referrals menu and shows its alert', async () => {
    await openContacts();
    await runMenu('menuSetUpTracker');
    await page.waitForSelector('#alert:not([hidden])');
    await expect(page.locator('#alert-text').textContent()).resolves.toMatch(/tracker/i);
    await page.click('#alert-ok');
  });

  it('Share with mentor waits for the person in the page: the email typed and Yes make the mentor an editor', async () => {
    await openContacts();
    await runMenu('menuShareWithMentor');
    await page.waitForSelector('#alert:not([hidden]) #alert-input:not([hidden])');
    // A menu item running (here waiting for the answer) shows "Running script…", as in Sheets.
    expect(await page.locator('#busy').isVisible()).toBe(true);
    await expect(page.locator('#alert-title').textContent()).resolves.toBe('Share with mentor');
    await expect(page.locator('#alert-text').textContent()).resolves.toMatch(/mentor's email address/);
    expect(
      await page.locator('#alert-buttons button').evaluateAll((bs) => bs.map((b) => b.textContent)),
    ).toEqual(['Cancel', 'OK']);
    // The script is blocked in ui.prompt: a reloaded page asks again, and nothing else can run meanwhile.
    expect(await post('api/menu', { fn: 'menuScoreCandidates' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/waiting for an answer to "Share with mentor"/),
    });
    await page.reload();
    await page.waitForSelector('#alert:not([hidden]) #alert-input:not([hidden])');
    await page.fill('#alert-input', 'mentor@example.com');
    await page.keyboard.press('Enter');
    // Then ui.alert with YES_NO_CANCEL: the answer decides editor or viewer.
    await page.locator('#alert:not([hidden]) #alert-buttons button[data-button="YES"]').waitFor();
    await expect(page.locator('#alert-text').textContent()).resolves.toMatch(
      /^Let mentor@example\.com edit\?/,
    );
    expect(
      await page.locator('#alert-buttons button').evaluateAll((bs) => bs.map((b) => b.textContent)),
    ).toEqual(['Cancel', 'No', 'Yes']);
    expect(await page.locator('#alert-input').isHidden()).toBe(true);
    await answer('YES');
    await page.waitForFunction(() =>
      /can now edit/.test(document.getElementById('alert-text')!.textContent ?? ''),
    );
    await answer('OK');
    await idle();
    const saved = JSON.parse(readFileSync(pg.workbook, 'utf8')) as { editors: string[]; viewers: string[] };
    expect(saved.editors).toEqual(['mentor@example.com']);
    expect(saved.viewers).toEqual([]);

    // Closing the prompt with its × answers CLOSE: the script stops and shares nothing more.
    await runMenu('menuShareWithMentor');
    await page.waitForSelector('#alert:not([hidden]) #alert-input:not([hidden])');
    await page.fill('#alert-input', 'someone@example.com');
    await page.click('#alert-close');
    await idle();
    expect(await page.locator('#alert').isHidden()).toBe(true);
    expect((JSON.parse(readFileSync(pg.workbook, 'utf8')) as { editors: string[] }).editors).toEqual([
      'mentor@example.com',
    ]);
  });

  it('marks computed columns as protected and asks before editing them', async () => {
    const view = (await state('Contacts')).sheet;
    const protectedCol = view.protectedCols.findIndex((p) => p !== null) + 1;
    expect(protectedCol).toBeGreaterThan(0);
    await openContacts();
    await expect(page.locator('.colhead.computed').count()).resolves.toBeGreaterThan(0);
    const target = view.rows.findIndex((r, i) => i > 0 && r?.[protectedCol - 1]?.dv === undefined);
    await cell(target + 1, protectedCol).dblclick();
    await page.keyboard.type('typed over');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#confirm:not([hidden])');
    await page.click('#confirm-cancel');
    const after = (await state('Contacts')).sheet;
    expect(after.rows[target]![protectedCol - 1]?.t ?? '').toBe(
      view.rows[target]![protectedCol - 1]?.t ?? '',
    );
  });

  it('runs Score candidates from the menu and fills the Score column', async () => {
    const s = await state('Contacts');
    expect(s.functions).toContain('menuScoreCandidates');
    const scoreCol = column(s.sheet, 'Score');
    // Blank the first rows' scores, as on a tracker never scored, then score from the page.
    const blank = await post('api/edit', {
      sheet: 'Contacts',
      row: 2,
      col: scoreCol,
      values: [[''], [''], ['']],
    });
    expect(blank.ok).toBe(true);
    expect((await state('Contacts')).sheet.rows[1]![scoreCol - 1]?.t ?? '').toBe('');
    await openContacts();
    await runMenu('menuScoreCandidates');
    await answer('OK');
    await waitForText(2, scoreCol, /\d/);
    const view = (await state('Contacts')).sheet;
    for (const r of [1, 2, 3]) expect(view.rows[r]![scoreCol - 1]?.t).toMatch(/^\d/);
  });

  it('stamps Messaged on when a Status dropdown is set to Messaged (onEdit)', async () => {
    const s = await state('Contacts');
    expect(s.functions).toContain('onEdit');
    const view = s.sheet;
    const status = column(view, 'Status');
    const stamped = column(view, 'Messaged on');
    const row =
      view.rows.findIndex(
        (r, i) =>
          i > 0 &&
          r?.[column(view, 'Name') - 1]?.t &&
          !r?.[stamped - 1]?.t &&
          r?.[status - 1]?.t !== 'Messaged',
      ) + 1;
    expect(row).toBeGreaterThan(1);
    await openContacts();
    await cell(row, status).locator('select').selectOption('Messaged');
    await waitForText(row, stamped, /\d{4}-\d{2}-\d{2}/);
    await expect(cell(row, status).locator('select').inputValue()).resolves.toBe('Messaged');
  });

  it('stamps Messaged on for every row of a multi-cell paste on Status (onEdit without value/oldValue)', async () => {
    const s = await state('Contacts');
    expect(s.functions).toContain('onEdit');
    const view = s.sheet;
    const name = column(view, 'Name');
    const status = column(view, 'Status');
    const stamped = column(view, 'Messaged on');
    const open = (i: number) => {
      const r = view.rows[i];
      return !!r?.[name - 1]?.t && !r?.[stamped - 1]?.t && r?.[status - 1]?.t !== 'Messaged';
    };
    // Three consecutive people never messaged (0-based index of the first).
    const first = view.rows.findIndex((_, i) => i > 0 && open(i) && open(i + 1) && open(i + 2));
    expect(first).toBeGreaterThan(0);
    const rows = [first + 1, first + 2, first + 3];
    const activityBefore = (await state('Activity')).sheet.lastRow;
    await openContacts();
    // Select the first Status cell (beside its dropdown), then paste three lines as the clipboard would.
    await cell(rows[0]!, status).scrollIntoViewIfNeeded();
    await cell(rows[0]!, status).click({ position: { x: 1, y: 4 } });
    await expect(page.locator('#cell-name').textContent()).resolves.toMatch(new RegExp(`^[A-Z]+${rows[0]}$`));
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, 'Messaged\nMessaged\nMessaged\n');
    for (const r of rows) await waitForText(r, stamped, /\d{4}-\d{2}-\d{2}/);
    const after = (await state('Contacts')).sheet;
    for (const r of rows) {
      expect(after.rows[r - 1]![status - 1]?.t).toBe('Messaged');
      expect(after.rows[r - 1]![stamped - 1]?.t).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // One Activity line per pasted row; a paste's event has no oldValue, so the old status is not known.
    const activity = (await state('Activity')).sheet;
    const header = activity.rows[0]!.map((c) => c?.t ?? '');
    const added = activity.rows.slice(activityBefore, activity.lastRow);
    expect(added.map((r) => r[header.indexOf('Name')]?.t)).toEqual(
      rows.map((r) => view.rows[r - 1]![name - 1]!.t),
    );
    for (const r of added) {
      expect(r[header.indexOf('To status')]?.t).toBe('Messaged');
      expect(r[header.indexOf('From status')]?.t ?? '').toBe('');
    }
  });

  it('checks what is typed into a dropdown cell as Sheets does: rejected, warned, or cleared with Delete', async () => {
    const view = (await state('Contacts')).sheet;
    const status = column(view, 'Status');
    const premium = column(view, 'Premium');
    const row = view.rows.findIndex((r, i) => i > 0 && r?.[status - 1]?.t) + 1;
    const before = view.rows[row - 1]![status - 1]!.t;
    const activity = (await state('Activity')).sheet.lastRow;
    await openContacts();
    await cell(row, status).click({ position: { x: 4, y: 8 } });
    await page.keyboard.type('Maybe later');
    await page.keyboard.press('Enter');
    // Status rejects other values: Sheets' popup shows the rule's help text, and nothing changes.
    await page.waitForSelector('#alert:not([hidden])');
    await expect(page.locator('#alert-title').textContent()).resolves.toBe('There was a problem');
    await expect(page.locator('#alert-text').textContent()).resolves.toMatch(
      /^Choose one of: To contact, Messaged, Replied, Call scheduled, Call done, Referred, No reply, Declined, Skip$/,
    );
    await answer('OK');
    await idle();
    expect((await state('Contacts')).sheet.rows[row - 1]![status - 1]!.t).toBe(before);
    expect((await state('Activity')).sheet.lastRow).toBe(activity);
    await waitForText(row, status, new RegExp(`^${before}$`));

    // Premium only warns: the value stays, with the red corner and Sheets' hover text.
    await cell(row, premium).click({ position: { x: 4, y: 8 } });
    await page.keyboard.type('Perhaps');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.cell.data.invalid[data-r="${row}"][data-c="${premium}"]`);
    await expect(cell(row, premium).getAttribute('title')).resolves.toMatch(/^Invalid: /);
    expect((await state('Contacts')).sheet.rows[row - 1]![premium - 1]).toMatchObject({
      t: 'Perhaps',
      bad: true,
    });

    // Delete clears a dropdown cell, even when its arrow has the focus.
    await cell(row, premium).locator('select').focus();
    await page.keyboard.press('Delete');
    await waitForText(row, premium, /^$/);
    expect((await state('Contacts')).sheet.rows[row - 1]![premium - 1]?.t ?? '').toBe('');
  });

  it('Refresh dashboard from the menu: the Dashboard tab shows the funnel as an SVG column chart', async () => {
    const s = await state('Contacts');
    expect(s.functions).toContain('menuRefreshDashboard');
    await openContacts();
    await runMenu('menuRefreshDashboard');
    await page.waitForSelector('.tab:text-is("Dashboard")');
    await dismissAlerts();
    await page.click('.tab:text-is("Dashboard")');
    await page.waitForSelector('body[data-sheet="Dashboard"] .chart svg');
    const view = (await state('Dashboard')).sheet;
    // The funnel block: the rows under its "Stage" header, down to the blank row.
    const stageRow = view.rows.findIndex((r) => r[0]?.t === 'Stage');
    expect(stageRow).toBeGreaterThan(0);
    const funnel: { stage: string; people: number }[] = [];
    for (let i = stageRow + 1; view.rows[i]?.[0]?.t; i++) {
      funnel.push({ stage: view.rows[i]![0]!.t, people: Number(view.rows[i]![1]!.t) });
    }
    expect(funnel.length).toBeGreaterThan(0);
    expect(view.charts).toHaveLength(1);
    const chart = view.charts[0]!;
    expect(chart).toMatchObject({ type: 'COLUMN', title: 'Referral funnel' });
    // The chart starts at Messaged: Listed stays a number in the block (it dwarfs the later stages).
    expect(funnel[0]!.stage).toBe('Listed');
    const charted = funnel.slice(1);
    expect(chart.labels).toEqual(charted.map((f) => f.stage));
    expect(chart.series).toEqual([{ name: expect.any(String), values: charted.map((f) => f.people) }]);
    // One bar per charted funnel row, carrying its value; the title is SVG text.
    const bars = page.locator('.chart svg .bar');
    await expect(bars.count()).resolves.toBe(charted.length);
    const drawn = await bars.evaluateAll((els) =>
      els.map((e) => ({
        label: (e as SVGElement).dataset.label,
        value: Number((e as SVGElement).dataset.value),
      })),
    );
    expect(drawn).toEqual(charted.map((f) => ({ label: f.stage, value: f.people })));
    await expect(page.locator('.chart svg .chart-title').textContent()).resolves.toBe('Referral funnel');
    // Taller bars for bigger numbers.
    const heights = await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('height'))));
    const most = funnel.reduce((a, f, i) => (f.people > funnel[a]!.people ? i : a), 0);
    expect(Math.max(...heights)).toBe(heights[most]);
    // At its anchor cell, and scrolling with the grid.
    const box = page.locator(`.chart[data-chart-id="${chart.chartId}"]`);
    const at = await box.boundingBox();
    const anchor = await cell(chart.row, chart.col).boundingBox();
    expect(at!.x).toBeCloseTo(anchor!.x, 0);
    expect(at!.y).toBeCloseTo(anchor!.y, 0);
    await page.evaluate(() => {
      document.getElementById('grid')!.scrollTop = 44;
    });
    await page.waitForFunction(
      ([id, y]) =>
        Math.abs(document.querySelector(`.chart[data-chart-id="${id}"]`)!.getBoundingClientRect().y - y) < 1,
      [chart.chartId, at!.y - 44] as const,
    );
  });

  it('lets text run over empty neighbouring cells, as Sheets does: the Dashboard title is not cut', async () => {
    const view = (await state('Dashboard')).sheet;
    expect(view.rows[0]![0]!.t).not.toBe('');
    expect(view.rows[0]![1]?.t ?? '').toBe('');
    await page.goto(pg.url);
    await page.waitForSelector('body[data-ready="true"]');
    await dismissAlerts();
    await page.click('.tab:text-is("Dashboard")');
    await idle();
    // A and B (empty) are covered; C holds the "updated" label, so it stops there — and nothing is cut.
    const width = view.colWidths[0]! + view.colWidths[1]! - 8;
    const spill = 'body[data-sheet="Dashboard"] .cell.data[data-r="1"][data-c="1"] .spill';
    await page.waitForFunction(
      ([sel, w]) => {
        const s = document.querySelector(sel);
        return !!s && Math.abs(s.getBoundingClientRect().width - w) < 1 && s.scrollWidth <= s.clientWidth;
      },
      [spill, width] as const,
      { timeout: 15_000 },
    );
    await expect(page.locator(spill).textContent()).resolves.toBe(view.rows[0]![0]!.t);
  });

  it('opens Help as a modal and closes it with google.script.host.close()', async () => {
    await openContacts();
    await runMenu('menuHelp');
    const frame = page.frameLocator('#modal iframe');
    await expect(frame.locator('h1').textContent()).resolves.toMatch(/referrals/i);
    await frame.locator('button:text-is("Close")').click();
    await page.waitForSelector('#modal', { state: 'hidden' });
    expect(await page.locator('#modal iframe').count()).toBe(0);
  });

  it('bridges google.script.run like Apps Script: handlers, user object, errors, no Date arguments', async () => {
    await openContacts();
    await runMenu('menuHelp');
    await page.waitForSelector('#modal iframe');
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    const results = await frame.evaluate(async () => {
      type Run = Record<string, (...a: unknown[]) => void> & {
        withSuccessHandler(f: (v: unknown, u: unknown) => void): Run;
        withFailureHandler(f: (e: Error, u: unknown) => void): Run;
        withUserObject(o: unknown): Run;
      };
      const run = (window as unknown as { google: { script: { run: Run } } }).google.script.run;
      const call = (fn: string, ...args: unknown[]) =>
        new Promise((resolve) => {
          run
            .withSuccessHandler((value, user) => resolve({ ok: true, value, user }))
            .withFailureHandler((e, user) => resolve({ ok: false, message: e.message, user }))
            .withUserObject('tag')[fn]!(...args);
        });
      let thrown = '';
      try {
        run.onOpen(new Date());
      } catch (e) {
        thrown = (e as Error).message;
      }
      return {
        ok: await call('onOpen', { authMode: 'FULL' }, undefined),
        missing: await call('noSuchFunction'),
        thrown,
        async: typeof run.withSuccessHandler(() => {}).onOpen({}),
      };
    });
    expect(results.ok).toEqual({ ok: true, value: null, user: 'tag' });
    expect(results.missing).toEqual({
      ok: false,
      message: expect.stringMatching(/noSuchFunction/),
      user: 'tag',
    });
    expect(results.thrown).toMatch(/illegal value/);
    expect(results.async).toBe('undefined');
    // The server refuses what JSON cannot carry either way, and private functions.
    expect(await post('api/run', { fn: 'onOpen', args: '2026-03-02' })).toMatchObject({ ok: false });
    expect((await post('api/run', { fn: 'eval', args: ['1'] })).ok).toBe(false);
    // A server function called from the dialog that asks something: the page shows the prompt, and the
    // success handler runs once the person has answered (here Cancel) and the function has returned.
    const done = frame.evaluate(
      () =>
        new Promise((resolve) => {
          const run = (window as unknown as { google: { script: { run: Record<string, unknown> } } }).google
            .script.run as unknown as {
            withSuccessHandler(f: (v: unknown) => void): { menuShareWithMentor(): void };
          };
          run.withSuccessHandler((v) => resolve({ ok: true, v })).menuShareWithMentor();
        }),
    );
    await page.waitForSelector('#alert:not([hidden]) #alert-input:not([hidden])');
    // Sheets shows no "Running script" for a google.script.run call, even one that asks something.
    expect(await page.locator('#busy').isHidden()).toBe(true);
    await answer('CANCEL');
    await expect(done).resolves.toEqual({ ok: true, v: null });
    await page.click('#modal-close');
  });

  it('exports an .xlsx and imports it back with nothing lost', async () => {
    const before = await Promise.all(['Contacts', 'Jobs', 'Settings', 'Templates'].map(state));
    await openContacts();
    const href = await page.getAttribute('#export', 'href');
    const xlsx = Buffer.from(await (await fetch(new URL(href!, pg.url))).arrayBuffer());
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    // Each validation is written once: no cell is covered by two rules.
    const zip = await JSZip.loadAsync(xlsx);
    const sheetXml = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    let rules = 0;
    for (const f of sheetXml) {
      const xml = await zip.file(f)!.async('string');
      const seen = new Set<string>();
      for (const m of xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g)) {
        rules++;
        for (const ref of m[1]!.split(' ')) {
          const [a, b = a] = ref.split(':');
          const from = parseA1(a!)!;
          const to = parseA1(b!)!;
          for (let r = from.startRow!; r <= to.startRow!; r++) {
            for (let c = from.startCol!; c <= to.startCol!; c++) {
              expect(seen.has(`${f}!R${r}C${c}`)).toBe(false);
              seen.add(`${f}!R${r}C${c}`);
            }
          }
        }
      }
    }
    expect(rules).toBeGreaterThan(0);
    const imported = (await (await fetch(`${pg.url}api/import`, { method: 'POST', body: xlsx })).json()) as {
      ok: boolean;
    };
    expect(imported).toEqual(expect.objectContaining({ ok: true }));
    const after = await Promise.all(['Contacts', 'Jobs', 'Settings', 'Templates'].map(state));
    after.forEach((a, i) => {
      const b = before[i]!.sheet;
      expect(a.sheet.frozenRows).toBe(b.frozenRows);
      expect(a.sheet.protectedCols).toEqual(b.protectedCols);
      const strip = (v: SheetView) =>
        v.rows.map((r) =>
          r.map((c) =>
            c ? { t: c.t, bg: c.bg, b: c.b, list: c.dv === undefined ? null : v.lists[c.dv] } : null,
          ),
        );
      expect(strip(a.sheet)).toEqual(strip(b));
    });
    // The page still works on the imported workbook.
    await openContacts();
    await expect(cell(1, 1).textContent()).resolves.toBe('Company');
  });

  it('imports a file another program saved (openpyxl re-saved our export): the same sheets, and the page shows them', async () => {
    // The fixture is roundtrip.json exported by the playground, then loaded and saved by openpyxl
    // (scripts/xlsx-fixture.mjs). Imported, it must give what our own export of the same workbook gives.
    const source = JSON.parse(readFileSync(join(FIXTURES, 'roundtrip.json'), 'utf8')) as WorkbookJSON;
    const ours = await exportXlsx(source);
    expect(
      (await (
        await fetch(`${pg.url}api/import`, { method: 'POST', body: new Uint8Array(ours) })
      ).json()) as object,
    ).toEqual({
      ok: true,
      sheets: ['Contacts', 'Job list'],
    });
    const expected = await Promise.all(['Contacts', 'Job list'].map(state));
    expect(expected[0]!.sheet.rows[1]![2]).toMatchObject({ t: 'Messaged', dv: 0 });

    await openPage();
    await page.click('#file-menu .menu-button');
    await page.setInputFiles('#import', join(FIXTURES, 'openpyxl.xlsx'));
    await page.waitForSelector('.toast:has-text("openpyxl.xlsx")');
    await page.waitForSelector('.tab:text-is("Job list")');
    const imported = await Promise.all(['Contacts', 'Job list'].map(state));
    expect(imported.map((s) => s.sheet)).toEqual(expected.map((s) => s.sheet));

    // Dates, the dropdown with its items, the warned value, the note; overflow beside empty cells only.
    await page.click('.tab:text-is("Contacts")');
    await page.waitForSelector('body[data-sheet="Contacts"]');
    await idle();
    await expect(cell(2, 5).textContent()).resolves.toBe('2026-03-10');
    await expect(cell(2, 6).textContent()).resolves.toBe('2026-03-12 14:30');
    // The file's conditional formats are drawn: the date before today red, "Messaged" green and bold.
    const look = (r: number, c: number) =>
      cell(r, c).evaluate((d) => {
        const s = getComputedStyle(d);
        return [s.backgroundColor, s.color, d.classList.contains('bold')];
      });
    expect((await look(2, 5))[0]).toBe('rgb(244, 199, 195)');
    expect((await look(2, 3)).slice(1)).toEqual(['rgb(24, 128, 56)', true]);
    expect(await cell(2, 3).locator('option').allTextContents()).toEqual([
      '',
      'To contact',
      'Messaged',
      'Replied',
    ]);
    await expect(cell(3, 4).getAttribute('class')).resolves.toMatch(/\binvalid\b/);
    await expect(cell(1, 7).getAttribute('title')).resolves.toBe('Yours; never written by the add-on');
    const spill = cell(5, 1).locator('.spill');
    expect(await spill.evaluate((s) => s.scrollWidth <= s.clientWidth)).toBe(true);
    expect((await spill.boundingBox())!.width).toBeGreaterThan((await cell(5, 1).boundingBox())!.width * 2);
    expect(await cell(3, 7).locator('.spill').count()).toBe(0); // wrapped
    expect(await cell(4, 7).locator('.spill').count()).toBe(0); // H4 holds text
  });

  it('says plainly when the file to import is not an .xlsx workbook, and changes nothing', async () => {
    const before = readFileSync(pg.workbook, 'utf8');
    await openPage();
    await page.click('#file-menu .menu-button');
    await page.setInputFiles('#import', {
      name: 'contacts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('First Name,Last Name\nAnn,Lee\n'),
    });
    await page.waitForSelector('#error-bar:not([hidden])');
    await expect(page.locator('#error-bar').textContent()).resolves.toBe(
      "That file is not an .xlsx workbook. Choose a file saved as .xlsx (Excel, LibreOffice, or Google Sheets' File › Download › Microsoft Excel). Nothing was changed.",
    );
    expect(readFileSync(pg.workbook, 'utf8')).toBe(before);
  });

  it('File › Start again keeps the workbook it replaces as the .bak, and later saves leave it alone', async () => {
    const before = readFileSync(pg.workbook, 'utf8');
    await openPage();
    page.once('dialog', (d) => void d.accept());
    await page.click('#file-menu .menu-button');
    await page.click('#reset');
    await page.waitForSelector('.tab:text-is("Jobs")');
    await idle();
    expect(readFileSync(`${pg.workbook}.bak`, 'utf8')).toBe(before);
    const view = (await state('Contacts')).sheet;
    expect(
      (
        await post('api/edit', {
          sheet: 'Contacts',
          row: 2,
          col: column(view, 'Notes'),
          value: 'after the reset',
        })
      ).ok,
    ).toBe(true);
    expect(readFileSync(`${pg.workbook}.bak`, 'utf8')).toBe(before);
  });

  it('saves after each change: a restart keeps an edit', async () => {
    const view = (await state('Contacts')).sheet;
    const notes = column(view, 'Notes');
    expect(
      (await post('api/edit', { sheet: 'Contacts', row: 2, col: notes, value: 'kept across restarts' })).ok,
    ).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'playground-restart-'));
    try {
      writeFileSync(join(dir, 'workbook.json'), readFileSync(pg.workbook));
      const again = await startPlayground([], dir);
      try {
        const s = (await (await fetch(`${again.url}api/state?sheet=Contacts`)).json()) as State;
        expect(s.sheet.rows[1]![notes - 1]?.t).toBe('kept across restarts');
      } finally {
        await again.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('draws red and amber as Sheets does on any --today: two days after a due date red without a refresh, later still right', async () => {
    const plus = (day: string, n: number) =>
      new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const D0 = '2026-03-02';
    const dir = mkdtempSync(join(tmpdir(), 'playground-today-'));
    /** Starts the playground on the same workbook with --today, and reads each Contacts row's Due from its API. */
    const startOn = async (today: string) => {
      const run = await startPlayground(['--today', today], dir);
      const view = ((await (await fetch(`${run.url}api/state?sheet=Contacts`)).json()) as State).sheet;
      return { run, view };
    };
    /** The background colours the page draws on a Contacts row's Next action and Due cells. */
    const painted = async (url: string, view: SheetView, r: number) => {
      await page.goto(url);
      await page.waitForSelector('body[data-ready="true"]');
      await dismissAlerts();
      await page.click('.tab:text-is("Contacts")');
      await page.waitForSelector('body[data-sheet="Contacts"]');
      await page.waitForLoadState('networkidle');
      await page.evaluate(
        (top) => {
          document.getElementById('grid')!.scrollTop = top;
        },
        Math.max(0, (r - 5) * 22),
      );
      const cols = [column(view, 'Next action'), column(view, 'Due')];
      // Read in one go once both cells are drawn (a refresh may redraw the rows meanwhile).
      const colours = await page.waitForFunction(
        ([row, cs]) => {
          const doms = cs.map((c) => document.querySelector(`.cell.data[data-r="${row}"][data-c="${c}"]`));
          return doms.every((d) => d !== null) ? doms.map((d) => getComputedStyle(d!).backgroundColor) : null;
        },
        [r, cols] as const,
      );
      return colours.jsonValue();
    };
    const RED = 'rgb(244, 199, 195)'; // OVERDUE_FILL #f4c7c3
    const AMBER = 'rgb(252, 232, 178)'; // DUE_TODAY_FILL #fce8b2
    const WHITE = 'rgb(255, 255, 255)';
    try {
      // Day 0: the example data is set up, scored and refreshed; some follow-ups fall due later.
      const first = await startOn(D0);
      const due = column(first.view, 'Due');
      const later = first.view.rows
        .map((row, i) => ({ r: i + 1, due: row[due - 1]?.t ?? '' }))
        .filter((x) => x.r > 1 && /^\d{4}-\d{2}-\d{2}$/.test(x.due) && x.due > D0)
        .sort((a, b) => a.due.localeCompare(b.due));
      const a = later[0]!;
      const b = later.find((x) => x.due > plus(a.due, 2))!;
      expect(b).toBeDefined();
      try {
        expect(await painted(first.run.url, first.view, a.r)).toEqual([WHITE, WHITE]);
      } finally {
        await first.run.stop();
      }

      // Two days after a's due date, with no refresh run: a is red; b, due later, has no fill.
      const second = await startOn(plus(a.due, 2));
      try {
        expect(await painted(second.run.url, second.view, a.r)).toEqual([RED, RED]);
        expect(await painted(second.run.url, second.view, b.r)).toEqual([WHITE, WHITE]);
      } finally {
        await second.run.stop();
      }
      // A later day, on b's due date: b is amber and a still red.
      const third = await startOn(b.due);
      try {
        expect(await painted(third.run.url, third.view, b.r)).toEqual([AMBER, AMBER]);
        expect(await painted(third.run.url, third.view, a.r)).toEqual([RED, RED]);
      } finally {
        await third.run.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
