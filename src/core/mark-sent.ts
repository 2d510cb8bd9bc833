// What "Mark as sent" changes on Contacts: the message's stamp, the Status move (stamped and logged
// like an edit), and the Activity row — as a write plan over the Contacts table.

import { dayOf, midnightOf } from './dates';
import { MESSAGE_INFO, type MessageType, markSentEffect } from './messages';
import type { Contact } from './rows';
import { C, SHEET, type Status } from './schema';
import { applyStamps, type StampWrite, stampPlan, stampsForStatusChange } from './stamps';
import { col, headerIndex, type Table, type WritePlan } from './table';
import { textKey } from './text';
import { type Cell, escapeFormula, isBlank } from './values';

/** The plan of one Mark as sent. */
export interface MarkSentPlan {
  /** Writes to Contacts: Status (when it moves) and the stamped date columns. */
  readonly plan: WritePlan;
  /** Contacts as it will be once the plan is written (to recompute the row's follow-up). */
  readonly after: Table;
  /** Rows to append to Activity. */
  readonly activity: (string | Date)[][];
  /** The first date column stamped, or ''. */
  readonly stamped: string;
  readonly statusFrom: Status;
  readonly statusTo: Status;
  /** Whether the message used an InMail credit. */
  readonly costsCredit: boolean;
}

/**
 * Plans Mark as sent for `contact` (a parsed row of `contacts`): stamps the message's date when
 * blank (or replaces an older outcome date), moves Status forward where the message calls for it
 * — stamping and logging that move exactly as an edit would, by "Mark as sent" — and otherwise
 * logs the message itself to Activity.
 */
export function planMarkSent(input: {
  contacts: Table;
  contact: Contact;
  type: MessageType;
  timeZone: string;
  now: number;
}): MarkSentPlan {
  const { contacts: table, contact, type, timeZone, now } = input;
  const idx = headerIndex(table.headers);
  const cells = table.rows[contact.index] ?? [];
  const effect = markSentEffect(type, contact);
  const writes: StampWrite[] = [];
  if (effect.stamp) {
    const i = col(idx, effect.stamp);
    if (i >= 0 && (isBlank(cells[i]) || effect.overwriteStamp)) {
      writes.push({
        row: contact.index,
        header: effect.stamp,
        value: new Date(midnightOf(dayOf(now, timeZone), timeZone)),
      });
    }
  }

  const statusFrom = contact.status;
  const iStatus = col(idx, C.status);
  if (!effect.statusTo || effect.statusTo === statusFrom || iStatus < 0) {
    const plan = stampPlan(SHEET.contacts, table, writes);
    return {
      plan,
      after: applyStamps(table, writes),
      activity: [
        [
          new Date(now),
          escapeFormula(contact.company),
          escapeFormula(contact.name),
          statusFrom,
          statusFrom,
          `Mark as sent: ${MESSAGE_INFO[type].label}`,
        ],
      ],
      stamped: writes[0]?.header ?? '',
      statusFrom,
      statusTo: statusFrom,
      costsCredit: effect.costsCredit,
    };
  }

  // The Status move: written like an edit, then stamped and logged by stampsForStatusChange.
  const statusTo = effect.statusTo;
  const rows = table.rows.slice();
  const moved = cells.slice();
  moved[iStatus] = statusTo;
  rows[contact.index] = moved;
  const working: Table = { headers: table.headers, rows };
  const stamps = stampsForStatusChange({
    contacts: applyStamps(working, writes),
    rows: [contact.index],
    previous: [statusFrom],
    timeZone,
    now,
    by: 'Mark as sent',
  });
  for (const w of stamps.writes) if (!writes.some((x) => x.header === w.header)) writes.push(w);
  const statusValues = new Array<Cell | undefined>(table.rows.length).fill(undefined);
  statusValues[contact.index] = statusTo;
  return {
    plan: {
      sheet: SHEET.contacts,
      columns: [
        { header: C.status, values: statusValues },
        ...stampPlan(SHEET.contacts, table, writes).columns,
      ],
    },
    after: applyStamps(working, writes),
    activity: stamps.activity,
    stamped: writes[0]?.header ?? '',
    statusFrom,
    statusTo,
    costsCredit: effect.costsCredit,
  };
}

/**
 * One InMail credit spent: the Settings "InMail credits left" row (0-based among `settingsRows`)
 * and its new value, or null when the setting is missing or holds no number (blank = estimate).
 */
export function planCreditUse(
  settingsRows: readonly (readonly Cell[])[],
): { index: number; value: number } | null {
  const index = settingsRows.findIndex((r) => textKey(r[0]) === 'inmail credits left');
  if (index < 0) return null;
  const v = settingsRows[index]?.[1];
  if (isBlank(v)) return null;
  const n = typeof v === 'number' ? v : Number(String(v ?? '').trim());
  if (!Number.isFinite(n)) return null;
  return { index, value: Math.max(0, Math.floor(n) - 1) };
}
