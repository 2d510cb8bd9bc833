// What "Mark as sent" decides: refuse or record, the message's stamp, the Status move (stamped and
// logged like an edit), the Activity row and the InMail credit — kept as a record a rerun finishes.

import { type ActivityEntry, lastSent, markSentBy, warningsFor } from './advice';
import { type Day, dayOf, midnightOf } from './dates';
import { cellKey } from './fingerprint';
import { MESSAGE_TYPES, type MessageType, markSentEffect } from './messages';
import type { Contact, Job } from './rows';
import { C, type Plan, SHEET, STATUSES, type Status } from './schema';
import { applyStamps, type StampWrite, stampPlan, stampsForStatusChange } from './stamps';
import { col, headerIndex, type Table, type WritePlan } from './table';
import { textKey } from './text';
import { type Cell, escapeFormula, isBlank, isDate } from './values';

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
 * One InMail credit spent: the Settings "InMail credits left" row (0-based among `settingsRows`),
 * the number it holds and its new value, or null when the setting is missing or holds no number
 * (blank = estimate).
 */
export function planCreditUse(
  settingsRows: readonly (readonly Cell[])[],
): { index: number; from: number; value: number } | null {
  const index = settingsRows.findIndex((r) => textKey(r[0]) === 'inmail credits left');
  if (index < 0) return null;
  const v = settingsRows[index]?.[1];
  if (isBlank(v)) return null;
  const n = typeof v === 'number' ? v : Number(String(v ?? '').trim());
  if (!Number.isFinite(n)) return null;
  return { index, from: n, value: Math.max(0, Math.floor(n) - 1) };
}

/**
 * What one Mark as sent writes, decided once and kept (in document properties, by sheets/draft)
 * from before its first write until its last: a run that stops halfway is finished by the next
 * Mark as sent of the same message from this record, never decided again. Every cell write is a
 * compare-and-set — made only while the cell still holds what the first run read — so a write
 * already made (or a cell the user changed since) is left alone, and the Activity row is appended
 * only when Activity does not show it yet.
 */
export interface MarkSentRecord {
  readonly type: MessageType;
  /** When it was marked as sent (epoch ms): the Activity row's Timestamp. */
  readonly at: number;
  /** Status before and after (equal when Status does not move), as logged on Activity. */
  readonly from: Status;
  readonly to: Status;
  /** Activity's By ("Mark as sent" for a Status move, else "Mark as sent: <message>"). */
  readonly by: string;
  /** The date columns it stamps: header, the date (epoch ms) and the cell it replaces (core/fingerprint cellKey). */
  readonly stamps: readonly { readonly header: string; readonly at: number; readonly was: string }[];
  /** Settings "InMail credits left": the number it held and the one it gets, or null (no credit used). */
  readonly credit: { readonly from: number; readonly to: number } | null;
}

/** The record of a planned Mark as sent of `type` at `now`, from its plan and the row and Settings as read. */
export function markSentRecord(input: {
  type: MessageType;
  now: number;
  planned: MarkSentPlan;
  headers: readonly string[];
  cells: readonly Cell[];
  settingsRows: readonly (readonly Cell[])[];
}): MarkSentRecord {
  const { planned } = input;
  const idx = headerIndex(input.headers);
  const stamps: { header: string; at: number; was: string }[] = [];
  for (const c of planned.plan.columns) {
    const v = c.values?.find((x) => x !== undefined);
    if (c.header === C.status || !isDate(v)) continue;
    stamps.push({ header: c.header, at: v.getTime(), was: cellKey(input.cells[col(idx, c.header)]) });
  }
  const credit = planned.costsCredit ? planCreditUse(input.settingsRows) : null;
  return {
    type: input.type,
    at: input.now,
    from: planned.statusFrom,
    to: planned.statusTo,
    by: String(planned.activity[0]?.[5] ?? markSentBy(input.type)),
    stamps,
    credit: credit ? { from: credit.from, to: credit.value } : null,
  };
}

/** A record as stored (JSON), or null when there is none or it is not one (then it is ignored). */
export function parseMarkSentRecord(text: string | null | undefined): MarkSentRecord | null {
  if (!text) return null;
  let r: Partial<MarkSentRecord>;
  try {
    r = JSON.parse(text) as Partial<MarkSentRecord>;
  } catch {
    return null;
  }
  const num = (n: unknown) => typeof n === 'number' && Number.isFinite(n);
  const status = (t: unknown) => typeof t === 'string' && (STATUSES as readonly string[]).includes(t);
  if (
    !r ||
    typeof r !== 'object' ||
    !(MESSAGE_TYPES as readonly unknown[]).includes(r.type) ||
    !num(r.at) ||
    !status(r.from) ||
    !status(r.to) ||
    typeof r.by !== 'string' ||
    !Array.isArray(r.stamps) ||
    !r.stamps.every((x) => x && typeof x.header === 'string' && num(x.at) && typeof x.was === 'string') ||
    !(r.credit === null || (r.credit && num(r.credit.from) && num(r.credit.to)))
  )
    return null;
  return r as MarkSentRecord;
}

/** The writes a record still needs, given the row, Settings and the person's Activity rows now. */
export interface MarkSentWrites {
  /** Contacts cells still to write (Status, the stamps). */
  readonly plan: WritePlan;
  /** The contact's row once written (to recompute its follow-ups). */
  readonly after: Table;
  /** The Contacts columns the record concerns, written now or earlier (the follow-ups' inputs). */
  readonly changed: readonly string[];
  /** Rows to append to Activity: the record's, unless Activity shows it already. */
  readonly activity: (string | Date)[][];
  /** The Settings credit write still to make (0-based row among `settingsRows`), or null. */
  readonly credit: { index: number; value: number } | null;
  /** InMail credits left once written, when this Mark as sent used one and Settings shows it. */
  readonly creditsLeft: number | null;
}

/** Whether an Activity row is the record's own (same person, By, To status and time, to the second). */
function logs(e: ActivityEntry, record: MarkSentRecord, name: string): boolean {
  return (
    e.at !== null &&
    Math.abs(e.at - record.at) < 1000 &&
    textKey(e.name) === textKey(name) &&
    textKey(e.by) === textKey(record.by) &&
    textKey(e.to) === textKey(record.to)
  );
}

/**
 * The writes of a record (PRODUCT.md point 21; docs/reliability.md): Status, when it still holds
 * `from`; each stamp, when its cell still holds what the first run replaced; the credit, when
 * Settings still holds the number it had; the Activity row, unless `finishing` and Activity shows
 * it. On the first run every condition holds, so this is the whole plan; on a finishing run it is
 * what is left.
 */
export function planRecordWrites(input: {
  contacts: Table;
  contact: Contact;
  record: MarkSentRecord;
  settingsRows: readonly (readonly Cell[])[];
  /** The person's Activity rows (read when finishing). */
  activity: readonly ActivityEntry[];
  /** A later run finishing the record (true), or its first run (false: nothing is written yet). */
  finishing: boolean;
}): MarkSentWrites {
  const { contacts: table, contact, record } = input;
  const idx = headerIndex(table.headers);
  const cells = table.rows[contact.index] ?? [];
  const values = new Map<string, Cell>();
  const changed: string[] = [];
  if (record.to !== record.from && col(idx, C.status) >= 0) {
    changed.push(C.status);
    if (contact.status === record.from) values.set(C.status, record.to);
  }
  for (const s of record.stamps) {
    const i = col(idx, s.header);
    if (i < 0) continue;
    changed.push(s.header);
    if (cellKey(cells[i]) === s.was) values.set(s.header, new Date(s.at));
  }
  const blank = () => new Array<Cell | undefined>(table.rows.length).fill(undefined);
  const columns = [...values].map(([header, value]) => {
    const column = blank();
    column[contact.index] = value;
    return { header, values: column };
  });
  const moved = cells.slice();
  for (const [header, value] of values) moved[col(idx, header)] = value;
  const rows = table.rows.slice();
  rows[contact.index] = moved;

  const now = planCreditUse(input.settingsRows);
  const spend = record.credit && now && now.from === record.credit.from;
  const left = record.credit && now && (spend || now.from === record.credit.to) ? record.credit.to : null;
  const logged = input.finishing && input.activity.some((e) => logs(e, record, contact.name));
  return {
    plan: { sheet: SHEET.contacts, columns },
    after: { headers: table.headers, rows },
    changed,
    activity: logged
      ? []
      : [
          [
            new Date(record.at),
            escapeFormula(contact.company),
            escapeFormula(contact.name),
            record.from,
            record.to,
            record.by,
          ],
        ],
    credit: spend && now && record.credit ? { index: now.index, value: record.credit.to } : null,
    creditsLeft: left,
  };
}

/** What one Mark as sent call decides: refuse (nothing written), or write this record. */
export type MarkSentDecision =
  | { readonly kind: 'refuse'; readonly message: string }
  | {
      readonly kind: 'record';
      readonly record: MarkSentRecord;
      /** True when an earlier Mark as sent of this message stopped halfway: this run finishes its record. */
      readonly finishing: boolean;
    };

/** What decideMarkSent reads. */
export interface MarkSentInput {
  /** Contacts as read (the contact's row at least). */
  readonly contacts: Table;
  readonly contact: Contact;
  readonly job: Job | null;
  readonly type: MessageType;
  readonly plan: Plan;
  /** Settings rows below the header (for the credit). */
  readonly settingsRows: readonly (readonly Cell[])[];
  /** Activity rows about this person (read when activityNeeded says so; [] otherwise). */
  readonly activity: readonly ActivityEntry[];
  /** The record an earlier Mark as sent of this person left unfinished, or null. */
  readonly unfinished: MarkSentRecord | null;
  /** The user confirmed what the draft warned about. */
  readonly confirmed: boolean;
  readonly timeZone: string;
  readonly now: number;
}

/** Whether a message leaves no date on the row (a reply, an intro request): only Activity can tell a repeat. */
export function stampsNothing(type: MessageType): boolean {
  return markSentEffect(type, { status: 'To contact', degree: null, openProfile: null }).stamp === undefined;
}

function stampDay(contact: Contact, header: string | undefined): Day | null {
  if (header === C.messagedOn) return contact.messagedOn;
  if (header === C.thankedOn) return contact.thankedOn;
  if (header === C.outcomeSharedOn) return contact.outcomeSharedOn;
  return null;
}

/**
 * Whether the draft and Mark as sent need the person's Activity rows to tell a repeat: for a
 * message that stamps nothing, and when the row already holds today's stamp for it (Activity then
 * dates the earlier send). A first send needs none.
 */
export function activityNeeded(type: MessageType, contact: Contact, now: number, timeZone: string): boolean {
  if (stampsNothing(type)) return true;
  return stampDay(contact, markSentEffect(type, contact).stamp) === dayOf(now, timeZone);
}

/**
 * Decides a Mark as sent (PRODUCT.md point 21, issue 15 point 3).
 * - finishing: an earlier Mark as sent of this message to this person stopped halfway (its record
 *   is `unfinished`): this run writes what that record still needs, whatever the row shows now
 *   and without a confirm — it is the same message, not a second one.
 * - otherwise a message the advice warns about, or one already marked as sent (its stamp, or an
 *   Activity row), is refused unless `confirmed`; a confirmed repeat is logged again, openly.
 */
export function decideMarkSent(input: MarkSentInput): MarkSentDecision {
  const { contact, job, type, timeZone, now } = input;
  if (input.unfinished && input.unfinished.type === type)
    return { kind: 'record', record: input.unfinished, finishing: true };
  const sent = lastSent(type, contact, input.activity);
  const warnings = warningsFor(type, contact, job, { plan: input.plan, timeZone, sent });
  if (warnings.length > 0 && !input.confirmed) {
    return {
      kind: 'refuse',
      message: `${warnings.join(' ')} Nothing was recorded: confirm in the sidebar to mark it as sent anyway.`,
    };
  }
  const planned = planMarkSent({ contacts: input.contacts, contact, type, timeZone, now });
  const cells = input.contacts.rows[contact.index] ?? [];
  return {
    kind: 'record',
    record: markSentRecord({
      type,
      now,
      planned,
      headers: input.contacts.headers,
      cells,
      settingsRows: input.settingsRows,
    }),
    finishing: false,
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
