// Draft message sidebar (browser): follows the Contacts selection, edits the draft, copies, marks as sent.
// All user text goes through textContent / value; no innerHTML anywhere. Copy and Mark as sent are
// blocked while the draft is out of date, a placeholder is unfilled, a text is over LinkedIn's limit,
// or the draft warns and the user has not confirmed.

import type { DraftPayload, SelectionInfo, SidebarApi } from '../../../core/sidebar-api';
import { countWords, PLACEHOLDER_SOURCES, placeholdersLeft } from '../../../core/templates';
import { serverCall } from '../rpc';

const call = serverCall<SidebarApi>({ action: 'Draft message', again: 'try again' });

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
  advice: $('advice'),
  staleWrap: $('stale-wrap'),
  stale: $('stale'),
  reload: $<HTMLButtonElement>('reload'),
  tabMessage: $<HTMLButtonElement>('tab-message'),
  tabGuide: $<HTMLButtonElement>('tab-guide'),
  panelMessage: $('panel-message'),
  panelGuide: $('panel-guide'),
  type: $<HTMLSelectElement>('type'),
  language: $<HTMLSelectElement>('language'),
  channel: $('channel'),
  templateNote: $('template-note'),
  warningsWrap: $('warnings-wrap'),
  warnings: $('warnings'),
  confirm: $<HTMLInputElement>('confirm'),
  availabilityNotice: $('availability-notice'),
  subjectWrap: $('subject-wrap'),
  subject: $<HTMLInputElement>('subject'),
  subjectCount: $('subject-count'),
  body: $<HTMLTextAreaElement>('body'),
  bodyCount: $('body-count'),
  words: $('words'),
  keepShort: $('keep-short'),
  unfilledWrap: $('unfilled-wrap'),
  unfilled: $('unfilled'),
  blockedWhy: $('blocked-why'),
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

/** The draft on screen. */
let draft: DraftPayload | null = null;
/** The latest selection the poll saw (null row: not on a Contacts data row). */
let selected: SelectionInfo = { row: null, fingerprint: '' };
/** Whether the user edited the subject or body of the draft on screen. */
let edited = false;
/** A server call that changes the sheet is running. */
let busy = false;
/** A draft is being loaded. */
let loading = false;

// ------------------------------------------------------------------ rendering

function setText(node: HTMLElement, text: string): void {
  node.textContent = text;
}

function fillList(list: HTMLElement, items: readonly string[]): void {
  while (list.firstChild) list.removeChild(list.firstChild);
  for (const item of items) {
    const li = document.createElement('li');
    li.textContent = item;
    list.appendChild(li);
  }
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

function showDraft(d: DraftPayload, fresh: boolean): void {
  const samePerson = draft?.row === d.row;
  draft = d;
  edited = false;
  el.empty.hidden = true;
  el.content.hidden = false;
  el.confirm.checked = false;
  showError('');
  const p = d.person;
  setText(el.name, p.name || '(no name)');
  setText(el.role, [p.title, [p.company, p.job].filter(Boolean).join(' — ')].filter(Boolean).join(' · '));
  setText(el.score, p.score ? `Score ${p.score}${p.why ? ` — ${p.why}` : ''}` : `Status: ${p.status}`);
  setText(el.next, `${p.score ? `Status: ${p.status}. ` : ''}${p.nextAction ? `Next: ${p.nextAction}` : ''}`);
  setText(el.problems, d.problems.join(' · '));
  el.problems.hidden = d.problems.length === 0;
  setText(el.advice, `${d.advice.kind === 'none' ? 'Nothing to send now. ' : ''}${d.advice.why}`);

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
  setText(el.templateNote, d.templateNote);
  el.templateNote.hidden = d.templateNote === '';
  fillList(el.warnings, d.warnings);
  el.warningsWrap.hidden = d.warnings.length === 0;
  setText(el.availabilityNotice, d.availabilityNotice);
  el.availabilityNotice.hidden = d.availabilityNotice === '';
  el.subjectWrap.hidden = d.subject === null;
  el.subject.value = d.subject ? d.subject.text : '';
  el.body.value = d.body.text;
  setText(el.markHint, d.markSentHint);
  el.openProfile.disabled = !safeProfileUrl(p.profileUrl);
  el.openProfile.title = safeProfileUrl(p.profileUrl) ? '' : 'No https:// profile URL on this row';

  const g = d.callGuide;
  fillList(el.questions, g.questions);
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
  // A scheduled call: the call guide is what to open (PRODUCT.md point 20).
  if (fresh && !samePerson) selectTab(d.advice.kind === 'call-guide' ? 'guide' : 'message');
  update();
}

function showEmpty(): void {
  draft = null;
  el.content.hidden = true;
  el.empty.hidden = false;
}

function counter(node: HTMLElement, length: number, limit: number | null, label: string): boolean {
  const over = limit !== null && length > limit;
  setText(node, limit === null ? `${label}${length} characters` : `${label}${length} / ${limit}`);
  node.classList.toggle('over', over);
  return over;
}

/** Why the draft on screen may not be copied or marked as sent ([] = it may). */
function stalenessOf(d: DraftPayload): string {
  if (loading) return 'Loading the draft…';
  if (selected.row !== null && selected.row !== d.row)
    return `You selected row ${selected.row}: loading its draft…`;
  if (selected.row === d.row && selected.fingerprint !== d.fingerprint)
    return 'This row changed on the sheet since the draft was made: reload the draft.';
  return '';
}

/** Recomputes counters, hints, blocks and reasons from the current text and selection. */
function update(): void {
  if (!draft) return;
  const d = draft;
  const subject = d.subject === null ? '' : el.subject.value;
  const body = el.body.value;
  const subjectOver =
    d.subject !== null && counter(el.subjectCount, subject.length, d.limits.subject, 'Subject: ');
  const bodyOver = counter(el.bodyCount, body.length, d.limits.body, '');
  const words = countWords(body);
  setText(el.words, `${words} word${words === 1 ? '' : 's'}`);
  el.keepShort.hidden = words <= d.keepShortWords;
  el.words.classList.toggle('over', words > d.keepShortWords);

  const inSubject = d.subject === null ? [] : placeholdersLeft(subject);
  const inBody = placeholdersLeft(body);
  const all = [...inSubject, ...inBody].filter((x, i, a) => a.indexOf(x) === i);
  el.subject.classList.toggle('has-unfilled', inSubject.length > 0);
  el.body.classList.toggle('has-unfilled', inBody.length > 0);
  while (el.unfilled.firstChild) el.unfilled.removeChild(el.unfilled.firstChild);
  for (const token of all) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = token;
    b.title = 'Show it in the text';
    b.addEventListener('click', () => selectToken(token));
    li.appendChild(b);
    const name = /^\{+\s*([a-z_]+)/i.exec(token)?.[1]?.toLowerCase() ?? '';
    const source = (PLACEHOLDER_SOURCES as Record<string, string>)[name];
    if (source) {
      const hint = document.createElement('span');
      hint.className = 'hint';
      hint.textContent = `from ${source}`;
      li.appendChild(hint);
    }
    el.unfilled.appendChild(li);
  }
  el.unfilledWrap.hidden = all.length === 0;

  const stale = stalenessOf(d);
  setText(el.stale, stale);
  el.staleWrap.hidden = stale === '' || loading || (selected.row !== null && selected.row !== d.row);
  const reasons: string[] = [];
  if (stale) reasons.push(stale);
  if (all.length > 0) reasons.push('Fill the placeholders first.');
  if (subjectOver || bodyOver) reasons.push('Over LinkedIn’s limit: shorten the text first.');
  if (d.warnings.length > 0 && !el.confirm.checked)
    reasons.push('Read the warning above and tick “Send it anyway”.');
  const blocked = reasons.length > 0 || busy;
  el.copy.disabled = blocked;
  el.markSent.disabled = blocked;
  const why = reasons.join(' ');
  el.copy.title = why;
  el.markSent.title = why;
  setText(el.blockedWhy, why);
  el.blockedWhy.hidden = why === '';
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
  loading = true;
  update();
  try {
    const d = await call('sidebarDraft', row, type, language);
    loading = false;
    // The selection may have moved on while this draft was coming: it stays blocked as out of
    // date, and the next poll loads the new one.
    showDraft(d, true);
  } catch (e) {
    loading = false;
    showError((e as Error).message);
  } finally {
    loading = false;
    update();
  }
}

async function copyText(): Promise<void> {
  update();
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
  update();
  if (!draft || el.markSent.disabled) return;
  busy = true;
  update();
  setResult(el.result, 'Marking as sent…', false);
  try {
    const r = await call('sidebarMarkSent', draft.row, draft.type, draft.fingerprint, el.confirm.checked);
    selected = { row: r.draft.row, fingerprint: r.draft.fingerprint };
    showDraft(r.draft, false);
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
    // Only the row's fingerprint, the person and the call guide change; the message stays as it is.
    const d: DraftPayload = {
      ...draft,
      fingerprint: r.fingerprint,
      person: r.person,
      callGuide: r.callGuide,
    };
    const keep = {
      subject: el.subject.value,
      body: el.body.value,
      wasEdited: edited,
      confirmed: el.confirm.checked,
    };
    selected = { row: d.row, fingerprint: d.fingerprint };
    showDraft(d, false);
    el.subject.value = keep.subject;
    el.body.value = keep.body;
    edited = keep.wasEdited;
    el.confirm.checked = keep.confirmed;
    update();
    selectTab('guide');
    setResult(el.guideResult, r.message, false);
  } catch (e) {
    setResult(el.guideResult, (e as Error).message, true);
  } finally {
    el.saveGuide.disabled = !draft?.callGuide.hasJob;
  }
}

// ------------------------------------------------------------------ selection polling

/** While the user is active, a new selection shows within 2 seconds: poll about every 0.7 s. */
const ACTIVE_DELAY = 700;
/** After 10 minutes without a selection change or a touch of the sidebar, poll every 5 seconds. */
const IDLE_DELAY = 5000;
const IDLE_AFTER = 10 * 60_000;
let lastActivity = Date.now();
let timer: ReturnType<typeof setTimeout> | undefined;
let polling = false;

function active(): void {
  const wasIdle = Date.now() - lastActivity > IDLE_AFTER;
  lastActivity = Date.now();
  if (wasIdle) schedule(0);
}

async function poll(): Promise<void> {
  timer = undefined;
  if (document.hidden || polling) return;
  polling = true;
  try {
    const s = await call('sidebarSelection');
    const moved = s.row !== selected.row || s.fingerprint !== selected.fingerprint;
    selected = s;
    if (moved) lastActivity = Date.now();
    if (s.row === null) {
      // Keep the last draft while the user clicks elsewhere; only an empty start shows the hint.
      if (draft === null) showEmpty();
    } else if (!draft || s.row !== draft.row) {
      setResult(el.result, '', false);
      setResult(el.guideResult, '', false);
      update();
      await loadDraft(s.row, undefined, draft ? el.language.value : undefined);
    } else if (s.fingerprint !== draft.fingerprint && !edited && !busy) {
      await loadDraft(s.row, el.type.value, el.language.value);
    }
    showError('');
  } catch (e) {
    showError((e as Error).message);
  } finally {
    polling = false;
    update();
  }
  schedule();
}

function schedule(delay?: number): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (document.hidden) return;
  const wait = delay ?? (Date.now() - lastActivity > IDLE_AFTER ? IDLE_DELAY : ACTIVE_DELAY);
  timer = setTimeout(() => void poll(), wait);
}

document.addEventListener('visibilitychange', () => {
  if (!document.hidden) {
    lastActivity = Date.now();
    schedule(0);
  } else if (timer !== undefined) {
    clearTimeout(timer);
    timer = undefined;
  }
});
for (const event of ['mousemove', 'keydown', 'focusin', 'pointerdown'])
  document.addEventListener(event, active, { passive: true });
window.addEventListener('focus', active);

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

for (const input of [el.subject, el.body]) {
  input.addEventListener('input', () => {
    edited = true;
    update();
  });
}
el.confirm.addEventListener('change', () => update());
el.type.addEventListener('change', () => {
  if (draft) void loadDraft(draft.row, el.type.value, el.language.value);
});
el.language.addEventListener('change', () => {
  if (draft) void loadDraft(draft.row, el.type.value, el.language.value);
});
el.reload.addEventListener('click', () => {
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
