// What "Mark as sent" decides: refuse or record, the message's stamp, the Status move (stamped and
// logged like an edit), the Activity row and the InMail credit — as write plans.

import { type ActivityEntry, lastSent, markSentBy, warningsFor } from './advice';
import { type Day, dayOf, midnightOf } from './dates';
import { FIRST_CONTACT, type MessageType, markSentEffect } from './messages';
import type { Contact, Job } from './rows';
import { C, type Plan, SHEET, type Status } from './schema';
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
          markSentBy(type),
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

/** What one Mark as sent call decides: refuse (nothing written), or record with this plan. */
export type MarkSentDecision =
  | { readonly kind: 'refuse'; readonly message: string }
  | {
      readonly kind: 'record';
      readonly plan: MarkSentPlan;
      /** True when an earlier Mark as sent stamped the row today but stopped before logging it. */
      readonly completing: boolean;
    };

/** What decideMarkSent reads. */
export interface MarkSentInput {
  /** Contacts as read (the contact's row at least). */
  readonly contacts: Table;
  readonly contact: Contact;
  readonly job: Job | null;
  readonly type: MessageType;
  readonly plan: Plan;
  /** Activity rows about this person (read when activityNeeded says so; [] otherwise). */
  readonly activity: readonly ActivityEntry[];
  /** The user confirmed what the draft warned about. */
  readonly confirmed: boolean;
  readonly timeZone: string;
  readonly now: number;
}

function stampDay(contact: Contact, header: string | undefined): Day | null {
  if (header === C.messagedOn) return contact.messagedOn;
  if (header === C.thankedOn) return contact.thankedOn;
  if (header === C.outcomeSharedOn) return contact.outcomeSharedOn;
  return null;
}

/** Whether a message leaves no date on the row (a reply, an intro request): only Activity can tell a repeat. */
export function stampsNothing(type: MessageType): boolean {
  return markSentEffect(type, { status: 'To contact', degree: null, openProfile: null }).stamp === undefined;
}

/**
 * Whether Mark as sent needs the person's Activity rows: for a message that stamps nothing (to
 * tell a repeat), and when the row already holds today's stamp for it (a repeat, or an earlier
 * run that stopped between stamping the row and logging it). A first send needs none.
 */
export function activityNeeded(type: MessageType, contact: Contact, now: number, timeZone: string): boolean {
  if (stampsNothing(type)) return true;
  return stampDay(contact, markSentEffect(type, contact).stamp) === dayOf(now, timeZone);
}

/**
 * Decides a Mark as sent (PRODUCT.md point 21, issue 15 point 3). Mark as sent writes the row
 * (Status, stamp) first, then its Activity row, then the credit, then the follow-ups.
 * - completing: the row shows this message stamped today (and moved to Messaged for a first
 *   message) but Activity has no row for it today: an earlier run stopped between the two writes.
 *   Only the Activity row is written now — the real transition ("To contact → Messaged"), once —
 *   with the credit and the follow-ups.
 * - otherwise a message the advice warns about, or one already marked as sent, is refused unless
 *   `confirmed`; a confirmed repeat is logged again, openly.
 */
export function decideMarkSent(input: MarkSentInput): MarkSentDecision {
  const { contact, job, type, timeZone, now } = input;
  const today = dayOf(now, timeZone);
  const first = FIRST_CONTACT.includes(type);
  const effect = markSentEffect(type, contact);
  const stampedToday = !stampsNothing(type) && stampDay(contact, effect.stamp) === today;
  const loggedToday = input.activity.some(
    (e) =>
      e.at !== null &&
      dayOf(e.at, timeZone) === today &&
      textKey(e.name) === textKey(contact.name) &&
      (lastSent(type, contact, [e]) !== null || (first && textKey(e.to) === 'messaged')),
  );
  if (stampedToday && !loggedToday && (!first || contact.status === 'Messaged')) {
    const from: Status = first ? 'To contact' : contact.status;
    const moved = first;
    return {
      kind: 'record',
      completing: true,
      plan: {
        plan: { sheet: SHEET.contacts, columns: [] },
        after: input.contacts,
        activity: [
          [
            new Date(now),
            escapeFormula(contact.company),
            escapeFormula(contact.name),
            from,
            contact.status,
            moved ? 'Mark as sent' : markSentBy(type),
          ],
        ],
        stamped: '',
        statusFrom: from,
        statusTo: contact.status,
        costsCredit: markSentEffect(type, { ...contact, status: from }).costsCredit,
      },
    };
  }
  const sent = lastSent(type, contact, input.activity);
  const warnings = warningsFor(type, contact, job, { plan: input.plan, timeZone, sent });
  if (warnings.length > 0 && !input.confirmed) {
    return {
      kind: 'refuse',
      message: `${warnings.join(' ')} Nothing was recorded: confirm in the sidebar to mark it as sent anyway.`,
    };
  }
  return {
    kind: 'record',
    plan: planMarkSent({ contacts: input.contacts, contact, type, timeZone, now }),
    completing: false,
  };
}

/**
 * Whether marking this message can change a Jobs row's follow-up: the job rules (core/followups)
 * read Status only as "call scheduled or done" and "gone (No reply, Declined, Skip)", and the
 * Call on, Referred on and Outcome shared on dates. A first message (To contact → Messaged, both
 * active), a thank-you (Thanked on), a reply or an intro request change none of them; an outcome
 * update (Outcome shared on) does. Pinned by a test that runs the job rules before and after.
 */
export function changesJobFollowUp(type: MessageType): boolean {
  return type === 'outcome' || type === 'offer-accepted';
}
