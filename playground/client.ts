// The playground page: tabs, a virtualized grid, the add-on's menus, sidebars/dialogs with a google.script.run
// shim, alerts and toasts. All cell and add-on text is set with textContent.

import type { ButtonName, ButtonSetName, RecordedDialog, RecordedHtmlUi, RecordedMenu } from '../emulator/ui';
import { drawChart } from './chart';
import type { ChartView, Rejection, SheetView, UiEvents, ViewCell, WaitingDialog } from './session';

interface State {
  name: string;
  timeZone: string;
  now: string;
  activeSheet: string;
  sheets: { name: string; tabColor: string | null }[];
  menus: RecordedMenu[];
  functions: string[];
  sheet: SheetView | null;
  startupUi: UiEvents;
  /** The alert or prompt a running script waits on (a reloaded page shows it again). */
  waiting: WaitingDialog | null;
}
type Reply = {
  ok: boolean;
  error?: string;
  value?: unknown;
  ui?: UiEvents;
  waiting?: WaitingDialog;
  rejected?: Rejection;
};

const ROW_H = 22;
const ROWNUM_W = 46;
const BUFFER = 10;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

let state: State | null = null;
let current = '';
let selected: { r: number; c: number } | null = null;
/** Requests out (body[data-idle] says when none is: tests and the screenshots wait for it). */
let pending = 0;
/** Menu functions running or waiting for an answer. */
let running = 0;

/**
 * Counts a request. "Running script…" shows only while a menu function runs (or waits for an answer), as in
 * Sheets; google.script.run calls from a sidebar or dialog, onEdit and the grid's own refreshes show nothing.
 */
function setBusy(delta: number, shown = false): void {
  pending += delta;
  document.body.dataset.idle = String(pending === 0);
  if (!shown) return;
  running += delta;
  $('busy').hidden = running === 0;
}

async function api(path: string, body?: unknown): Promise<Reply & Record<string, unknown>> {
  setBusy(1);
  try {
    const res = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined || body instanceof Blob ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : body instanceof Blob ? body : JSON.stringify(body),
    });
    return (await res.json()) as Reply & Record<string, unknown>;
  } finally {
    setBusy(-1);
  }
}

/**
 * A request that runs a script: while the script waits in ui.alert / ui.prompt, shows the dialog, sends the
 * person's answer (the script resumes) and follows on until the script ends. Resolves with the final reply.
 */
async function call(path: string, body?: unknown): Promise<Reply> {
  const shown = path === '/api/menu' || path === '/api/reset';
  setBusy(1, shown);
  try {
    return await settle(await api(path, body));
  } finally {
    setBusy(-1, shown);
  }
}

/** Dialog ids being answered here (a refresh must not show them twice). */
const answering = new Set<number>();

async function settle(first: Reply): Promise<Reply> {
  let r = first;
  while (r.waiting) {
    const w = r.waiting;
    answering.add(w.id);
    if (r.ui) showUi(r.ui);
    // The grid shows what the script wrote before it asked.
    void refresh();
    const answer = await ask(w);
    r = await api('/api/answer', { id: w.id, ...answer });
    answering.delete(w.id);
  }
  return r;
}

// ------------------------------------------------------------------------------------------- state and tabs

async function refresh(sheet = current): Promise<void> {
  const s = (await api(
    `/api/state${sheet ? `?sheet=${encodeURIComponent(sheet)}` : ''}`,
  )) as unknown as State;
  state = s;
  if (!s.sheet) {
    current = s.activeSheet;
    return refresh(current);
  }
  current = s.sheet.name;
  document.body.dataset.sheet = current;
  $('doc-name').textContent = s.name;
  $('clock').textContent =
    `Today: ${new Date(s.now).toLocaleString('en-US', { timeZone: s.timeZone, dateStyle: 'medium', timeStyle: 'short' })} (${s.timeZone})`;
  renderTabs();
  renderMenus();
  renderGrid();
  showUi(s.startupUi);
  // A script still waits for an answer (the page was reloaded): ask again, then finish as a menu run would.
  if (s.waiting && !answering.has(s.waiting.id)) {
    const w = s.waiting;
    setBusy(1, true);
    void settle({ ok: true, waiting: w })
      .then(afterCall)
      .finally(() => setBusy(-1, true));
  }
}

function renderTabs(): void {
  const tabs = $('tabs');
  tabs.replaceChildren();
  for (const s of state?.sheets ?? []) {
    const b = el('button', 'tab', s.name);
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-selected', String(s.name === current));
    if (s.tabColor) b.style.borderTop = `3px solid ${s.tabColor}`;
    b.addEventListener('click', () => {
      selected = null;
      $('cell-name').textContent = '';
      $('cell-text').textContent = '';
      void refresh(s.name);
    });
    tabs.append(b);
  }
}

// ------------------------------------------------------------------------------------------- menus

function closeMenus(): void {
  for (const m of document.querySelectorAll('.menu.open')) {
    m.classList.remove('open');
    (m.querySelector('.menu-list') as HTMLElement).hidden = true;
  }
}
function wireMenu(menu: HTMLElement): void {
  const button = menu.querySelector('.menu-button') as HTMLElement;
  button.addEventListener('click', (ev) => {
    ev.stopPropagation();
    const open = menu.classList.contains('open');
    closeMenus();
    if (!open) {
      menu.classList.add('open');
      (menu.querySelector('.menu-list') as HTMLElement).hidden = false;
    }
  });
}

let renderedMenus = '';

/** Rebuilds the add-on menus only when they changed, so a refresh never closes an open menu. */
function renderMenus(): void {
  const wanted = JSON.stringify(state?.menus ?? []);
  if (wanted === renderedMenus) return;
  renderedMenus = wanted;
  const host = $('addon-menus');
  host.replaceChildren();
  for (const m of state?.menus ?? []) {
    const menu = el('div', 'menu');
    menu.dataset.caption = m.caption;
    const button = el('button', 'menu-button', m.addon ? 'Extensions' : m.caption);
    button.type = 'button';
    const list = el('div', 'menu-list');
    list.setAttribute('role', 'menu');
    list.hidden = true;
    if (m.addon) list.append(el('div', 'submenu-label', m.caption));
    const add = (items: RecordedMenu['items'], into: HTMLElement) => {
      for (const item of items) {
        if ('separator' in item) into.append(el('hr'));
        else if ('submenu' in item) {
          into.append(el('div', 'submenu-label', item.submenu));
          add(item.items, into);
        } else {
          const b = el('button', 'menu-item', item.caption);
          b.type = 'button';
          b.setAttribute('role', 'menuitem');
          b.dataset.fn = item.functionName;
          b.addEventListener('click', () => {
            closeMenus();
            void runMenu(item.functionName);
          });
          into.append(b);
        }
      }
    };
    add(m.items, list);
    menu.append(button, list);
    wireMenu(menu);
    host.append(menu);
  }
}

async function runMenu(fn: string): Promise<void> {
  afterCall(await call('/api/menu', { fn }));
}

/** After any server call: show what the script showed, report a failure, refresh the grid. */
function afterCall(r: Reply): void {
  if (r.ui) showUi(r.ui);
  if (r.rejected) enqueueAlert({ info: { title: r.rejected.title, prompt: r.rejected.message } });
  else if (!r.ok) showError(r.error ?? 'Unknown error');
  void refresh();
}

function showError(message: string): void {
  const bar = $('error-bar');
  bar.textContent = message;
  bar.hidden = false;
  setTimeout(() => {
    bar.hidden = true;
  }, 8000);
}

// ------------------------------------------------------------------------------------------- grid

interface GridDom {
  body: HTMLElement;
  view: SheetView;
  first: number;
  last: number;
  left: number[];
}
let grid: GridDom | null = null;

function renderGrid(): void {
  const view = state?.sheet;
  const host = $('grid');
  if (!view) return;
  const keepTop = grid && grid.view.name === view.name ? host.scrollTop : 0;
  const keepLeft = grid && grid.view.name === view.name ? host.scrollLeft : 0;
  const totalW = ROWNUM_W + view.colWidths.reduce((a, b) => a + b, 0);
  const frozen = Math.min(view.frozenRows, view.numRows);
  const sheet = el('div', 'sheet');
  sheet.style.width = `${totalW}px`;
  const head = el('div', 'head');
  const letterRow = el('div', 'row letters');
  letterRow.append(cellBox('corner', ROWNUM_W, ''));
  view.colWidths.forEach((w, i) => {
    const c = cellBox(`colhead${view.protectedCols[i] ? ' computed' : ''}`, w, '');
    if (view.protectedCols[i]) {
      c.title = view.protectedCols[i]!;
      c.append(lockIcon());
    }
    c.append(document.createTextNode(letters(i + 1)));
    letterRow.append(c);
  });
  head.append(letterRow);
  for (let r = 1; r <= frozen; r++) head.append(rowDom(view, r, r === frozen));
  const body = el('div', 'body');
  body.style.height = `${(view.numRows - frozen) * ROW_H}px`;
  const left: number[] = [];
  let x = ROWNUM_W;
  for (const w of view.colWidths) {
    left.push(x);
    x += w;
  }
  // Charts float over the cells at their anchor, inside the scrolled sheet (so they scroll with it), under the
  // sticky header row and row numbers (they come first in the DOM at the same z-index).
  const charts = (view.charts ?? []).map((c) => chartDom(c, left, totalW));
  for (const c of charts) {
    sheet.style.width = `${Math.max(totalW, c.right)}px`;
    body.style.height = `${Math.max((view.numRows - frozen) * ROW_H, c.bottom - ROW_H * (frozen + 1))}px`;
  }
  sheet.append(...charts.map((c) => c.box), head, body);
  host.replaceChildren(sheet);
  grid = { body, view, first: -1, last: -1, left };
  host.scrollTop = keepTop;
  host.scrollLeft = keepLeft;
  paintRows();
}

/** One chart: a box at its anchor cell (plus offsets) holding the SVG. */
function chartDom(c: ChartView, left: number[], totalW: number) {
  const box = el('div', 'chart');
  box.dataset.chartId = String(c.chartId);
  box.dataset.type = c.type;
  if (c.title) box.title = c.title;
  const x = (left[c.col - 1] ?? totalW) + c.offsetX;
  // Row r's top edge is r row heights down: the column letters take the first.
  const y = ROW_H * c.row + c.offsetY;
  box.style.left = `${x}px`;
  box.style.top = `${y}px`;
  box.style.width = `${c.width}px`;
  box.style.height = `${c.height}px`;
  box.append(drawChart(c));
  return { box, right: x + c.width + 2, bottom: y + c.height + 2 };
}

/** A small padlock drawn in CSS (no emoji font needed). */
function lockIcon(): HTMLSpanElement {
  const s = el('span', 'lock');
  s.setAttribute('aria-label', 'protected');
  return s;
}

function cellBox(cls: string, width: number, text: string): HTMLDivElement {
  const d = el('div', `cell ${cls}`, text);
  d.style.width = `${width}px`;
  return d;
}

function rowDom(view: SheetView, r: number, frozenEdge = false): HTMLDivElement {
  const row = el('div', `row${frozenEdge ? ' frozen-edge' : ''}`);
  row.dataset.r = String(r);
  row.append(cellBox('rownum', ROWNUM_W, String(r)));
  const cells = view.rows[r - 1] ?? [];
  const doms = view.colWidths.map((w, i) => cellDom(view, r, i + 1, cells[i] ?? null, w));
  overflow(view, r, cells, doms);
  row.append(...doms);
  return row;
}

/**
 * Sheets' text overflow: text that is not a number, not wrapped and not in a dropdown runs over the empty cells
 * beside it — rightwards when left-aligned, leftwards when right-aligned, both ways (evenly) when centred —
 * and stops at the first cell that holds something. The text goes in a span over those cells.
 */
function overflow(view: SheetView, r: number, cells: (ViewCell | null)[], doms: HTMLElement[]): void {
  const dropdown = (c: ViewCell | null | undefined) => c?.dv !== undefined && r > view.frozenRows;
  const empty = (i: number) => {
    if (i < view.frozenCols && i >= 0 && i < doms.length) return false;
    const c = cells[i];
    return i >= 0 && i < doms.length && (!c || c.t === '') && !dropdown(c);
  };
  const widths = view.colWidths;
  cells.forEach((c, i) => {
    if (!c || c.t === '' || c.num || c.w || dropdown(c) || i < view.frozenCols) return;
    const align = c.ha === 'right' ? 'right' : c.ha === 'center' ? 'center' : 'left';
    let left = 0;
    let right = 0;
    if (align !== 'left') while (empty(i - left - 1)) left++;
    if (align !== 'right') while (empty(i + right + 1)) right++;
    if (align === 'center') left = right = Math.min(left, right);
    if (left === 0 && right === 0) return;
    let before = 0;
    for (let k = i - left; k < i; k++) before += widths[k] ?? 0;
    let width = 0;
    for (let k = i - left; k <= i + right; k++) width += widths[k] ?? 0;
    const d = doms[i]!;
    const span = el('span', 'spill', c.t);
    span.style.left = `${4 - before}px`;
    span.style.width = `${width - 8}px`;
    span.style.textAlign = align;
    d.replaceChildren(...[...d.childNodes].filter((n) => n.nodeType !== Node.TEXT_NODE), span);
    d.classList.add('spills');
  });
}

function cellDom(view: SheetView, r: number, c: number, v: ViewCell | null, width: number): HTMLDivElement {
  const d = cellBox('data', width, '');
  d.dataset.r = String(r);
  d.dataset.c = String(c);
  if (view.protectedCols[c - 1]) d.classList.add('computed');
  if (v) {
    if (v.bg) d.style.background = v.bg;
    if (v.fc) d.style.color = v.fc;
    if (v.b) d.classList.add('bold');
    if (v.num) d.classList.add('num');
    if (v.w) d.classList.add('wrap');
    if (v.ha) d.style.textAlign = v.ha === 'normal' ? '' : v.ha;
    if (v.note) {
      d.classList.add('note');
      d.title = v.note;
    }
    if (v.bad) {
      d.classList.add('invalid');
      d.title = v.why ?? 'Invalid';
    }
  }
  const text = v?.t ?? '';
  d.append(document.createTextNode(text));
  if (v?.dv !== undefined && r > view.frozenRows) {
    // A dropdown cell: its text, and an arrow that lists the items (typing into the cell works too).
    d.classList.add('has-dv');
    const sel = el('select');
    sel.setAttribute('aria-label', `${letters(c)}${r}`);
    const options = ['', ...(view.lists[v.dv] ?? [])];
    if (!options.includes(text)) options.push(text);
    for (const o of options) {
      const opt = el('option', undefined, o);
      opt.value = o;
      sel.append(opt);
    }
    sel.value = text;
    sel.addEventListener('change', () => void commit(r, c, sel.value));
    sel.addEventListener('focus', () => select(r, c));
    d.append(sel);
  }
  if (selected && selected.r === r && selected.c === c) d.classList.add('sel');
  return d;
}

function paintRows(): void {
  if (!grid) return;
  const host = $('grid');
  const { view, body } = grid;
  const frozen = Math.min(view.frozenRows, view.numRows);
  const headH = ROW_H * (frozen + 1);
  const top = Math.max(0, host.scrollTop - 0);
  const first = Math.max(frozen + 1, frozen + 1 + Math.floor(top / ROW_H) - BUFFER);
  const last = Math.min(
    view.numRows,
    frozen + 1 + Math.ceil((top + host.clientHeight - headH) / ROW_H) + BUFFER,
  );
  if (first === grid.first && last === grid.last) return;
  grid.first = first;
  grid.last = last;
  const frag = document.createDocumentFragment();
  for (let r = first; r <= last; r++) {
    const row = rowDom(view, r);
    row.style.top = `${(r - frozen - 1) * ROW_H}px`;
    frag.append(row);
  }
  body.replaceChildren(frag);
}

function cellAt(r: number, c: number): HTMLElement | null {
  return $('grid').querySelector(`.cell.data[data-r="${r}"][data-c="${c}"]`);
}

function select(r: number, c: number): void {
  if (!grid) return;
  for (const s of $('grid').querySelectorAll('.cell.sel')) s.classList.remove('sel');
  selected = { r, c };
  cellAt(r, c)?.classList.add('sel');
  $('cell-name').textContent = `${letters(c)}${r}`;
  $('cell-text').textContent = grid.view.rows[r - 1]?.[c - 1]?.t ?? '';
  void api('/api/select', { sheet: current, a1: `${letters(c)}${r}` });
}

async function confirmProtected(c: number): Promise<boolean> {
  const why = grid?.view.protectedCols[c - 1];
  if (!why) return true;
  $('confirm-text').textContent =
    `You are trying to edit part of this sheet that should not be changed accidentally:\n${why}.\nEdit anyway?`;
  const box = $('confirm');
  box.hidden = false;
  return new Promise((resolve) => {
    const done = (answer: boolean) => {
      box.hidden = true;
      $('confirm-ok').onclick = null;
      $('confirm-cancel').onclick = null;
      resolve(answer);
    };
    $('confirm-ok').onclick = () => done(true);
    $('confirm-cancel').onclick = () => done(false);
  });
}

async function commit(r: number, c: number, value: string): Promise<void> {
  if (!(await confirmProtected(c))) {
    renderGrid();
    return;
  }
  afterCall(await call('/api/edit', { sheet: current, row: r, col: c, value }));
}

async function paste(r: number, c: number, values: string[][]): Promise<void> {
  const cols = values[0]?.length ?? 1;
  for (let j = 0; j < cols; j++) if (!(await confirmProtected(c + j))) return;
  afterCall(await call('/api/edit', { sheet: current, row: r, col: c, values }));
}

function startEdit(r: number, c: number, initial?: string): void {
  const d = cellAt(r, c);
  if (!d || d.querySelector('input')) return;
  const input = el('input');
  const v = grid?.view.rows[r - 1]?.[c - 1];
  input.value = initial ?? v?.t ?? '';
  // In a dropdown cell the items are offered as you type, as in Sheets; anything else is checked on Enter.
  if (v?.dv !== undefined && grid) {
    const list = el('datalist');
    list.id = `dv-${r}-${c}`;
    for (const item of grid.view.lists[v.dv] ?? []) {
      const o = el('option');
      o.value = item;
      list.append(o);
    }
    d.append(list);
    input.setAttribute('list', list.id);
  }
  d.append(input);
  input.focus();
  let done = false;
  const finish = (save: boolean) => {
    if (done) return;
    done = true;
    const v = input.value;
    input.remove();
    d.querySelector('datalist')?.remove();
    $('grid').focus();
    if (save) void commit(r, c, v);
  };
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === 'Tab') {
      ev.preventDefault();
      finish(true);
    } else if (ev.key === 'Escape') finish(false);
    ev.stopPropagation();
  });
  input.addEventListener('blur', () => finish(true));
}

function wireGrid(): void {
  const host = $('grid');
  host.addEventListener('scroll', () => paintRows(), { passive: true });
  window.addEventListener('resize', () => paintRows());
  host.addEventListener('mousedown', (ev) => {
    const d = (ev.target as HTMLElement).closest('.cell.data') as HTMLElement | null;
    if (d && !(ev.target as HTMLElement).closest('input')) select(Number(d.dataset.r), Number(d.dataset.c));
  });
  host.addEventListener('dblclick', (ev) => {
    const d = (ev.target as HTMLElement).closest('.cell.data') as HTMLElement | null;
    if (d) startEdit(Number(d.dataset.r), Number(d.dataset.c));
  });
  host.addEventListener('keydown', (ev) => {
    const target = ev.target as HTMLElement;
    if (!selected || !grid || target.closest('input')) return;
    // A focused dropdown arrow behaves as its cell: arrows move, Delete clears, typing edits (its own
    // keyboard would change the value); Enter, Space and Alt+Down open its list.
    const onArrow = !!target.closest('select');
    if (onArrow && (ev.key === 'Enter' || ev.key === ' ' || (ev.altKey && ev.key === 'ArrowDown'))) return;
    const { r, c } = selected;
    const move: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (move[ev.key]) {
      ev.preventDefault();
      const [dr, dc] = move[ev.key]!;
      const nr = Math.min(grid.view.numRows, Math.max(1, r + dr));
      const nc = Math.min(grid.view.numCols, Math.max(1, c + dc));
      if (onArrow) host.focus();
      select(nr, nc);
      cellAt(nr, nc)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    } else if (ev.key === 'Enter' || ev.key === 'F2') {
      ev.preventDefault();
      startEdit(r, c);
    } else if (ev.key === 'Delete' || ev.key === 'Backspace') {
      ev.preventDefault();
      void commit(r, c, '');
    } else if (ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey) {
      ev.preventDefault();
      startEdit(r, c, ev.key);
    }
  });
  document.addEventListener('paste', (ev) => {
    if (!selected || (ev.target as HTMLElement).closest?.('input,textarea')) return;
    const text = ev.clipboardData?.getData('text/plain') ?? '';
    if (text === '') return;
    ev.preventDefault();
    const rows = text
      .replace(/\r?\n$/, '')
      .split(/\r?\n/)
      .map((line) => line.split('\t'));
    if (rows.length === 1 && rows[0]!.length === 1) void commit(selected.r, selected.c, rows[0]![0]!);
    else void paste(selected.r, selected.c, rows);
  });
}

// ------------------------------------------------------------------------------------------- add-on UI

/** The buttons of each Ui.ButtonSet, as the dialog shows them (the first is the default). */
const BUTTONS: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};
const LABEL: Record<ButtonName, string> = {
  OK: 'OK',
  CANCEL: 'Cancel',
  YES: 'Yes',
  NO: 'No',
  CLOSE: 'Close',
};

/**
 * One dialog to show: a script waiting for the answer (`wait`, with `done` to call), or a message to read
 * (`info`: a rejected input, or an alert answered while nobody was in the page, with the answer it got).
 */
type AlertItem =
  | { wait: WaitingDialog; done: (a: { button: ButtonName; text: string }) => void }
  | { info: { title: string; prompt: string }; answered?: RecordedDialog };

const alerts: AlertItem[] = [];
let shownAlert: AlertItem | null = null;

function enqueueAlert(item: AlertItem): void {
  alerts.push(item);
  nextAlert();
}

/** Shows an alert or prompt the script waits on; resolves with the button clicked and the text typed. */
function ask(w: WaitingDialog): Promise<{ button: ButtonName; text: string }> {
  return new Promise((done) => enqueueAlert({ wait: w, done }));
}

function showUi(ui: UiEvents | undefined): void {
  if (!ui) return;
  for (const d of ui.dialogs) enqueueAlert({ info: d, answered: d });
  for (const t of ui.toasts) toast(t.title, t.message, t.timeoutSeconds);
  for (const s of ui.shown) openHtml(s);
}

function nextAlert(): void {
  if (shownAlert) return;
  const item = alerts.shift();
  if (!item) return;
  shownAlert = item;
  const d = 'wait' in item ? item.wait : item.info;
  const prompt = 'wait' in item && item.wait.kind === 'prompt';
  $('alert-title').textContent = d.title || (prompt ? 'Prompt' : 'Referral tracker');
  $('alert-text').textContent = d.prompt;
  const input = $<HTMLInputElement>('alert-input');
  input.hidden = !prompt;
  input.value = '';
  const a = 'answered' in item ? item.answered : undefined;
  $('alert-answer').textContent =
    a && !(a.kind === 'alert' && a.buttons === 'OK')
      ? `Shown while nobody was in the page: answered ${a.button}${a.kind === 'prompt' ? `, text "${a.text}"` : ''}.`
      : '';
  const row = $('alert-buttons');
  row.replaceChildren();
  const names: ButtonName[] = 'wait' in item ? BUTTONS[item.wait.buttons] : ['OK'];
  // Sheets puts the default button last, on the right.
  for (const [i, name] of [...names.entries()].reverse()) {
    const b = el('button', i === 0 ? 'primary' : undefined, LABEL[name]);
    b.type = 'button';
    b.dataset.button = name;
    if (name === 'OK') b.id = 'alert-ok';
    b.addEventListener('click', () => finishAlert(name));
    row.append(b);
  }
  $('alert').hidden = false;
  if (prompt) input.focus();
  else (row.lastElementChild as HTMLElement | null)?.focus();
}

/** Closes the dialog shown with this button (CLOSE for the × or Escape), answers the script, shows the next. */
function finishAlert(button: ButtonName): void {
  const item = shownAlert;
  if (!item) return;
  const text = $<HTMLInputElement>('alert-input').value;
  shownAlert = null;
  $('alert').hidden = true;
  if ('wait' in item) item.done({ button, text });
  nextAlert();
}

function toast(title: string, message: string, seconds: number): void {
  const t = el('div', 'toast');
  if (title) t.append(el('b', undefined, title));
  t.append(document.createTextNode(message));
  t.addEventListener('click', () => t.remove());
  $('toasts').append(t);
  if (seconds >= 0) setTimeout(() => t.remove(), Math.min(Math.max(seconds, 2), 15) * 1000);
}

/** The google.script.run / google.script.host shim put at the top of every sidebar and dialog. */
function shim(id: number): string {
  const code = `(function () {
  var ORIGIN = ${JSON.stringify(location.origin)};
  var P = window.parent && window.parent.__playground;
  function illegal(v, path) {
    // undefined travels as null (in objects it is dropped), as JSON does.
    if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') return null;
    if (typeof v === 'number') return isFinite(v) ? null : path;
    if (Array.isArray(v)) { for (var i = 0; i < v.length; i++) { var b = illegal(v[i], path + '.' + i); if (b !== null) return b; } return null; }
    if (typeof v === 'object' && Object.prototype.toString.call(v) === '[object Object]' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
      for (var k in v) { var c = illegal(v[k], path + '.' + k); if (c !== null) return c; } return null;
    }
    return path;
  }
  function runner(success, failure, user) {
    return new Proxy({}, { get: function (_, name) {
      if (typeof name !== 'string' || name === 'then') return undefined;
      if (name === 'withSuccessHandler') return function (f) { return runner(f, failure, user); };
      if (name === 'withFailureHandler') return function (f) { return runner(success, f, user); };
      if (name === 'withUserObject') return function (o) { return runner(success, failure, o); };
      return function () {
        var args = Array.prototype.slice.call(arguments);
        for (var i = 0; i < args.length; i++) {
          var bad = illegal(args[i], String(i));
          if (bad !== null) throw new Error('Failed due to illegal value in property: ' + bad);
        }
        var body = { fn: name, args: JSON.parse(JSON.stringify(args)) };
        (P ? P.call(body) : fetch(ORIGIN + '/api/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
          .then(function (r) { return r.json(); }))
          .then(function (res) {
            if (P) P.afterRun(res);
            if (res.ok) { if (success) success(res.value, user); }
            else { var e = new Error(res.error); e.name = 'ScriptError'; if (failure) failure(e, user); else console.error(e); }
          }, function (err) { if (failure) failure(err, user); else console.error(err); });
      };
    } });
  }
  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: {
      origin: ORIGIN,
      close: function () { if (P) P.close(${id}); },
      setHeight: function (h) { if (P) P.resize(${id}, null, h); },
      setWidth: function (w) { if (P) P.resize(${id}, w, null); },
      editor: { focus: function () { if (P) P.focusEditor(); } }
    }
  };
})();`;
  return `<script>${code.replace(/<\/script/gi, '<\\/script')}</script>`;
}

function withShim(html: string, id: number): string {
  const s = shim(id);
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (m) => m + s);
  if (/<html[^>]*>/i.test(html)) return html.replace(/<html[^>]*>/i, (m) => `${m}<head>${s}</head>`);
  return s + html;
}

const openUis = new Map<number, { kind: RecordedHtmlUi['kind']; frame: HTMLIFrameElement }>();

function openHtml(s: RecordedHtmlUi & { id: number }): void {
  const frame = el('iframe');
  frame.title = s.title || (s.kind === 'sidebar' ? 'Sidebar' : 'Dialog');
  frame.dataset.uiId = String(s.id);
  frame.srcdoc = withShim(s.html, s.id);
  if (s.kind === 'sidebar') {
    for (const [id, u] of openUis) if (u.kind === 'sidebar') openUis.delete(id);
    const side = $('sidebar');
    side.querySelector('iframe')?.remove();
    $('sidebar-title').textContent = s.title;
    side.append(frame);
    side.hidden = false;
  } else {
    for (const [id, u] of openUis) if (u.kind !== 'sidebar') openUis.delete(id);
    const modal = $('modal');
    const box = modal.querySelector('.dialog') as HTMLElement;
    box.querySelector('iframe')?.remove();
    $('modal-title').textContent = s.title;
    frame.style.width = `${s.width || 600}px`;
    frame.style.height = `${s.height || 400}px`;
    box.append(frame);
    modal.hidden = false;
  }
  openUis.set(s.id, { kind: s.kind, frame });
}

function closeUi(id: number): void {
  const u = openUis.get(id);
  if (!u) return;
  openUis.delete(id);
  u.frame.remove();
  if (u.kind === 'sidebar') $('sidebar').hidden = true;
  else $('modal').hidden = true;
}

// ------------------------------------------------------------------------------------------- boot

(window as unknown as { __playground: unknown }).__playground = {
  /** A google.script.run call from a sidebar or dialog, with its alerts and prompts answered in this page. */
  call: (body: unknown) => call('/api/run', body),
  afterRun: (r: Reply) => afterCall({ ...r, ok: true }),
  close: closeUi,
  resize(id: number, w: number | null, h: number | null) {
    const u = openUis.get(id);
    if (!u) return;
    if (w !== null) u.frame.style.width = `${w}px`;
    if (h !== null) u.frame.style.height = `${h}px`;
  },
  focusEditor: () => $('grid').focus(),
};

function boot(): void {
  wireMenu($('file-menu'));
  document.addEventListener('click', () => closeMenus());
  wireGrid();
  $('alert-close').addEventListener('click', () => finishAlert('CLOSE'));
  $('alert').addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') finishAlert('CLOSE');
    else if (ev.key === 'Enter' && (ev.target as HTMLElement).id === 'alert-input') {
      // Enter in a prompt's text box clicks the default button (OK).
      const item = shownAlert;
      finishAlert(item && 'wait' in item ? BUTTONS[item.wait.buttons][0]! : 'OK');
    }
  });
  $('sidebar-close').addEventListener('click', () => {
    for (const [id, u] of openUis) if (u.kind === 'sidebar') closeUi(id);
  });
  $('modal-close').addEventListener('click', () => {
    for (const [id, u] of openUis) if (u.kind !== 'sidebar') closeUi(id);
  });
  $('reset').addEventListener('click', async () => {
    closeMenus();
    if (
      !window.confirm(
        'Replace this workbook with a fresh copy of the example data? The current one is kept as the .bak file next to the save file.',
      )
    )
      return;
    afterCall(await call('/api/reset', {}));
  });
  const file = $<HTMLInputElement>('import');
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    closeMenus();
    const r = await api('/api/import', f);
    file.value = '';
    if (!r.ok) showError(r.error ?? 'Import failed');
    else toast('Imported', `${f.name}: ${(r.sheets as string[]).join(', ')}`, 5);
    await refresh('');
  });
  void refresh('').then(() => document.body.setAttribute('data-ready', 'true'));
}

boot();
