// The opt-in daily digest email: a plain-text list of overdue and due-today follow-ups.

import { isoDay } from './dates';
import type { DueItem } from './followup-plan';

/** At most this many lines per section; the rest is summarised as "…and N more". */
export const DIGEST_MAX_ITEMS = 50;

/** A subject line never holds line breaks and stays short. */
function oneLine(s: string, max: number): string {
  const t = s.replace(/[\r\n\t]+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function line(item: DueItem): string {
  const who = [item.company, item.name].filter((s) => s).join(' — ') || `${item.sheet} row ${item.row}`;
  return `- ${who}: ${item.action} (due ${isoDay(item.due)}; ${item.sheet} row ${item.row})`;
}

function section(title: string, items: readonly DueItem[]): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, DIGEST_MAX_ITEMS).map(line);
  if (items.length > DIGEST_MAX_ITEMS) shown.push(`…and ${items.length - DIGEST_MAX_ITEMS} more`);
  return [`${title} (${items.length}):`, ...shown, ''];
}

/**
 * The digest email, or null when nothing is overdue or due today and there is no note.
 * Plain text (no HTML, so sheet text cannot inject markup); notes first (e.g. the Premium trial
 * reminder, core/trial), then overdue, then due today.
 */
export function buildDigest(
  overdue: readonly DueItem[],
  dueToday: readonly DueItem[],
  spreadsheetName: string,
  url: string,
  notes: readonly string[] = [],
): { subject: string; body: string } | null {
  if (overdue.length === 0 && dueToday.length === 0 && notes.length === 0) return null;
  const name = oneLine(spreadsheetName, 80) || 'Referral tracker';
  const counts = [
    overdue.length > 0 ? `${overdue.length} overdue` : '',
    dueToday.length > 0 ? `${dueToday.length} due today` : '',
  ]
    .filter((s) => s)
    .join(', ');
  const subject = oneLine(`Referral follow-ups: ${counts || 'Premium trial ending'} — ${name}`, 200);
  const body = [
    `Follow-ups in "${name}":`,
    '',
    ...notes.flatMap((n) => [oneLine(n, 300), '']),
    ...section('Overdue', overdue),
    ...section('Due today', dueToday),
    url ? `Open the tracker: ${url}` : '',
    '',
    'You get this email because "Daily digest email" is Yes in Settings. Set it to No to stop.',
  ].join('\n');
  return { subject, body };
}
