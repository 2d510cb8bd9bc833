// Draft message sidebar (browser): follows the Contacts selection, edits the draft, copies, marks as sent.
// All user text goes through textContent / value; no innerHTML anywhere.

import type { DraftPayload, SidebarApi } from '../../../core/sidebar-api';

interface GasRunner {
  withSuccessHandler(fn: (value: unknown) => void): GasRunner;
  withFailureHandler(fn: (error: unknown) => void): GasRunner;
  [name: string]: unknown;
}
declare const google: { script: { run: GasRunner } };

type Api = SidebarApi;

/** Calls a server function through google.script.run as a Promise, typed by the server API. */
function call<K extends keyof Api>(name: K, ...args: Parameters<Api[K]>): Promise<ReturnType<Api[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as ReturnType<Api[K]>))
      .withFailureHandler((e) => {
        const message =
          e && typeof e === 'object' && 'message' in e
            ? String((e as { message: unknown }).message)
            : String(e);
        // Apps Script hands the failure handler "Name: message" (e.g. "UserError: …"): show the message.
        reject(new Error(message.replace(/^(UserError|Error|Exception):\s*/, '')));
      });
    const fn = runner[name] as (...a: unknown[]) => void;
    fn.apply(runner, args);
  });
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const el = {
  empty: $('empty'),
  error: $('error'),
  content: $('content'),
  name: $('person-name'),
  role: $('person-role'),
  score: $('person-score'),
  next: $('person-next'),
  problems: $('person-problems'),
  tabMessage: $<HTMLButtonElement>('tab-message'),
  tabGuide: $<HTMLButtonElement>('tab-guide'),
  panelMessage: $('panel-message'),
  panelGuide: $('panel-guide'),
  type: $<HTMLSelectElement>('type'),
  language: $<HTMLSelectElement>('language'),
  channel: $('channel'),
  subjectWrap: $('subject-wrap'),
  subject: $<HTMLInputElement>('subject'),
  subjectCount: $('subject-count'),
  body: $<HTMLTextAreaElement>('body'),
  bodyCount: $('body-count'),
  words: $('words'),
  keepShort: $('keep-short'),
  unfilledWrap: $('unfilled-wrap'),
  unfilled: $('unfilled'),
  copy: $<HTMLButtonElement>('copy'),
  openProfile: $<HTMLButtonElement>('open-profile'),
  markSent: $<HTMLButtonElement>('mark-sent'),
  markHint: $('mark-hint'),
  result: $('result'),
  questions: $('questions'),
  referralQuestion: $('referral-question'),
  guideJob: $('guide-job'),
  referralProcess: $<HTMLTextAreaElement>('referral-process'),
  apply: $<HTMLSelectElement>('apply'),
  saveGuide: $<HTMLButtonElement>('save-guide'),
  guideResult: $('guide-result'),
};

let draft: DraftPayload | null = null;
let selectedRow: number | null = null;
let selectedFingerprint = '';
let edited = false;
let busy = false;

// ------------------------------------------------------------------ rendering

function setText(node: HTMLElement, text: string): void {
  node.textContent = text;
}

function fillSelect(select: HTMLSelectElement, options: { value: string; label: string }[], value: string) {
  while (select.firstChild) select.removeChild(select.firstChild);
  for (const o of options) {
    const opt = document.createElement('option');
    opt.value = o.value;
    opt.textContent = o.label;
    select.appendChild(opt);
  }
  select.value = value;
}

function showError(message: string): void {
  setText(el.error, message);
  el.error.hidden = message === '';
}

function showDraft(d: DraftPayload): void {
  draft = d;
  edited = false;
  selectedRow = d.row;
  selectedFingerprint = d.fingerprint;
  el.empty.hidden = true;
  el.content.hidden = false;
  showError('');
  const p = d.person;
  setText(el.name, p.name || '(no name)');
  setText(el.role, [p.title, [p.company, p.job].filter(Boolean).join(' — ')].filter(Boolean).join(' · '));
  setText(el.score, p.score ? `Score ${p.score}${p.why ? ` — ${p.why}` : ''}` : `Status: ${p.status}`);
  setText(el.next, `${p.score ? `Status: ${p.status}. ` : ''}${p.nextAction ? `Next: ${p.nextAction}` : ''}`);
  setText(el.problems, d.problems.join(' · '));
  el.problems.hidden = d.problems.length === 0;

  fillSelect(
    el.type,
    d.types.map((t) => ({
      value: t.type,
      label: t.type === d.suggestedType ? `${t.label} (suggested)` : t.label,
    })),
    d.type,
  );
  fillSelect(
    el.language,
    d.languages.map((l) => ({ value: l, label: l })),
    d.language,
  );
  setText(
    el.channel,
    `${d.channel}${d.channel === 'Connection note' ? ` (${d.plan})` : ''}${
      d.builtInTemplate ? ' · built-in template (none on Templates)' : ''
    }${d.type === 'reply-availability' ? ` · times in ${d.timeZone}` : ''}`,
  );
  el.subjectWrap.hidden = d.subject === null;
  el.subject.value = d.subject ? d.subject.text : '';
  el.body.value = d.body.text;
  setText(el.markHint, d.markSentHint);
  el.openProfile.disabled = !safeProfileUrl(p.profileUrl);
  el.openProfile.title = safeProfileUrl(p.profileUrl) ? '' : 'No https:// profile URL on this row';

  const g = d.callGuide;
  while (el.questions.firstChild) el.questions.removeChild(el.questions.firstChild);
  for (const q of g.questions) {
    const li = document.createElement('li');
    li.textContent = q;
    el.questions.appendChild(li);
  }
  setText(el.referralQuestion, g.referralQuestion);
  setText(
    el.guideJob,
    g.hasJob ? `Saved to Jobs: ${g.jobLabel}` : 'No job on Jobs matches this contact yet.',
  );
  el.referralProcess.value = g.referralProcess;
  fillSelect(
    el.apply,
    [
      { value: '', label: 'Apply before or after the referral?' },
      ...g.applyChoices.map((c) => ({ value: c, label: c })),
    ],
    g.apply,
  );
  el.saveGuide.disabled = !g.hasJob;
  update();
}

function showEmpty(): void {
  draft = null;
  el.content.hidden = true;
  el.empty.hidden = false;
}

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;
const PLACEHOLDER = /\{\{[^{}\n]*\}\}|\{\{[^{}\n]*\}?|\{[^{}\n]*\}\}/g;

/** Placeholders still in a text ({{name}}, and the typos {{name} / {name}}). */
function placeholdersIn(text: string): string[] {
  const found: string[] = text.match(PLACEHOLDER) ?? [];
  return found.filter((x, i) => found.indexOf(x) === i);
}

function counter(node: HTMLElement, length: number, limit: number | null, label: string): boolean {
  const over = limit !== null && length > limit;
  setText(node, limit === null ? `${label}${length} characters` : `${label}${length} / ${limit}`);
  node.classList.toggle('over', over);
  return over;
}

/** Recomputes counters, hints and the placeholder block from the current text. */
function update(): void {
  if (!draft) return;
  const subject = draft.subject === null ? '' : el.subject.value;
  const body = el.body.value;
  if (draft.subject !== null) counter(el.subjectCount, subject.length, draft.limits.subject, 'Subject: ');
  counter(el.bodyCount, body.length, draft.limits.body, '');
  const words = (body.match(WORD) ?? []).length;
  setText(el.words, `${words} word${words === 1 ? '' : 's'}`);
  el.keepShort.hidden = words <= draft.keepShortWords;
  el.words.classList.toggle('over', words > draft.keepShortWords);

  const inSubject = placeholdersIn(subject);
  const inBody = placeholdersIn(body);
  const all = [...inSubject, ...inBody].filter((x, i, a) => a.indexOf(x) === i);
  const blocked = all.length > 0 || subject.includes('{{') || body.includes('{{');
  el.subject.classList.toggle('has-unfilled', inSubject.length > 0 || subject.includes('{{'));
  el.body.classList.toggle('has-unfilled', inBody.length > 0 || body.includes('{{'));
  while (el.unfilled.firstChild) el.unfilled.removeChild(el.unfilled.firstChild);
  for (const token of all) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = token;
    b.title = 'Show it in the text';
    b.addEventListener('click', () => selectToken(token));
    li.appendChild(b);
    el.unfilled.appendChild(li);
  }
  el.unfilledWrap.hidden = !blocked;
  el.copy.disabled = blocked || busy;
  el.markSent.disabled = blocked || busy;
  const why = blocked ? 'Fill the placeholders first' : '';
  el.copy.title = why;
  el.markSent.title = why;
}

function selectToken(token: string): void {
  const inSubject = el.subject.value.indexOf(token);
  if (draft?.subject !== null && inSubject >= 0) {
    el.subject.focus();
    el.subject.setSelectionRange(inSubject, inSubject + token.length);
    return;
  }
  const at = el.body.value.indexOf(token);
  if (at >= 0) {
    el.body.focus();
    el.body.setSelectionRange(at, at + token.length);
  }
}

function safeProfileUrl(url: string): string | null {
  const u = url.trim();
  return /^https:\/\/[^\s]+$/i.test(u) ? u : null;
}

function setResult(node: HTMLElement, message: string, isError: boolean): void {
  setText(node, message);
  node.classList.toggle('error', isError);
}

// ------------------------------------------------------------------ server calls

async function loadDraft(row: number, type?: string, language?: string): Promise<void> {
  try {
    const d = await call('sidebarDraft', row, type, language);
    showDraft(d);
  } catch (e) {
    showError((e as Error).message);
  }
}

async function copyText(): Promise<void> {
  if (!draft || el.copy.disabled) return;
  const text = draft.subject !== null ? `${el.subject.value}\n\n${el.body.value}` : el.body.value;
  let ok = false;
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      ok = true;
    }
  } catch {
    ok = false;
  }
  if (!ok) {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.left = '-9999px';
    document.body.appendChild(ta);
    ta.select();
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    document.body.removeChild(ta);
  }
  setResult(
    el.result,
    ok
      ? draft.subject !== null
        ? 'Copied the subject and message.'
        : 'Copied the message.'
      : 'Could not copy; select the text and press Ctrl+C.',
    !ok,
  );
}

async function markSent(): Promise<void> {
  if (!draft || el.markSent.disabled) return;
  busy = true;
  update();
  setResult(el.result, 'Marking as sent…', false);
  try {
    const r = await call('sidebarMarkSent', draft.row, draft.type, draft.fingerprint);
    showDraft(r.draft);
    setResult(el.result, r.message, false);
  } catch (e) {
    setResult(el.result, (e as Error).message, true);
  } finally {
    busy = false;
    update();
  }
}

async function saveGuide(): Promise<void> {
  if (!draft) return;
  const apply = el.apply.value;
  if (!apply) {
    setResult(el.guideResult, 'Choose Before referral, After referral or Unknown.', true);
    el.apply.focus();
    return;
  }
  el.saveGuide.disabled = true;
  try {
    const r = await call('sidebarSaveCallGuide', draft.row, el.referralProcess.value, apply);
    const keep = { subject: el.subject.value, body: el.body.value, wasEdited: edited };
    showDraft(r.draft);
    if (keep.wasEdited) {
      el.subject.value = keep.subject;
      el.body.value = keep.body;
      edited = true;
      update();
    }
    selectTab('guide');
    setResult(el.guideResult, r.message, false);
  } catch (e) {
    setResult(el.guideResult, (e as Error).message, true);
  } finally {
    el.saveGuide.disabled = !draft?.callGuide.hasJob;
  }
}

// ------------------------------------------------------------------ selection polling

const MIN_DELAY = 2000;
const MAX_DELAY = 30000;
let delay = MIN_DELAY;
let timer: ReturnType<typeof setTimeout> | undefined;
let polling = false;

async function poll(): Promise<void> {
  timer = undefined;
  if (document.hidden) return; // resumed by visibilitychange
  if (polling) return;
  polling = true;
  let changed = false;
  try {
    const s = await call('sidebarSelection');
    if (s.row === null) {
      // Keep the last draft while the user clicks elsewhere; only an empty start shows the hint.
      if (draft === null) showEmpty();
    } else if (s.row !== selectedRow) {
      changed = true;
      selectedRow = s.row;
      selectedFingerprint = s.fingerprint;
      setResult(el.result, '', false);
      setResult(el.guideResult, '', false);
      await loadDraft(s.row, undefined, draft ? el.language.value : undefined);
    } else if (s.fingerprint !== selectedFingerprint) {
      changed = true;
      selectedFingerprint = s.fingerprint;
      if (!edited && draft) await loadDraft(s.row, el.type.value, el.language.value);
      else
        setResult(el.result, 'This row changed on the sheet; pick the message type again to refresh.', true);
    }
  } catch (e) {
    showError((e as Error).message);
  } finally {
    polling = false;
  }
  delay = changed ? MIN_DELAY : Math.min(delay * 2, MAX_DELAY);
  schedule();
}

function schedule(): void {
  if (timer !== undefined) clearTimeout(timer);
  if (document.hidden) return;
  timer = setTimeout(poll, delay);
}

document.addEventListener('visibilitychange', () => {
  if (!document.hidden) {
    delay = MIN_DELAY;
    if (timer !== undefined) clearTimeout(timer);
    void poll();
  } else if (timer !== undefined) {
    clearTimeout(timer);
    timer = undefined;
  }
});

// ------------------------------------------------------------------ tabs and events

function selectTab(which: 'message' | 'guide'): void {
  const guide = which === 'guide';
  el.tabMessage.setAttribute('aria-selected', String(!guide));
  el.tabGuide.setAttribute('aria-selected', String(guide));
  el.tabMessage.tabIndex = guide ? -1 : 0;
  el.tabGuide.tabIndex = guide ? 0 : -1;
  el.panelMessage.hidden = guide;
  el.panelGuide.hidden = !guide;
}

el.tabMessage.addEventListener('click', () => selectTab('message'));
el.tabGuide.addEventListener('click', () => selectTab('guide'));
for (const tab of [el.tabMessage, el.tabGuide]) {
  tab.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const next = tab === el.tabMessage ? 'guide' : 'message';
      selectTab(next);
      (next === 'guide' ? el.tabGuide : el.tabMessage).focus();
      e.preventDefault();
    }
  });
}

el.subject.addEventListener('input', () => {
  edited = true;
  update();
});
el.body.addEventListener('input', () => {
  edited = true;
  update();
});
el.type.addEventListener('change', () => {
  if (draft) void loadDraft(draft.row, el.type.value, el.language.value);
});
el.language.addEventListener('change', () => {
  if (draft) void loadDraft(draft.row, el.type.value, el.language.value);
});
el.copy.addEventListener('click', () => void copyText());
el.markSent.addEventListener('click', () => void markSent());
el.saveGuide.addEventListener('click', () => void saveGuide());
el.openProfile.addEventListener('click', () => {
  const url = draft ? safeProfileUrl(draft.person.profileUrl) : null;
  if (url) window.open(url, '_blank', 'noopener');
});

void poll();
