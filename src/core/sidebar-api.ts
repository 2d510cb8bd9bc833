// Types of the Draft-message sidebar's server API and its JSON payloads, shared by core (which decides them), the server and the page.
// Types only: the client imports this file with `import type`, so no server code reaches the browser.

/** What the sidebar's selection poll returns: the selected Contacts data row and its fingerprint. */
export interface SelectionInfo {
  /** 1-based sheet row on Contacts, or null when the selection is not on a Contacts data row. */
  row: number | null;
  /** A cheap hash of that row's cells ('' when row is null). */
  fingerprint: string;
}

/** A message type the sidebar offers. */
export interface TypeOption {
  type: string;
  label: string;
}

/** An unfilled placeholder's place in a text: `text.slice(start, end)`. */
export interface SpanInfo {
  start: number;
  end: number;
  name: string;
}

/** A rendered subject or body. */
export interface RenderedText {
  text: string;
  /** Placeholder names left unfilled. */
  unfilled: string[];
  spans: SpanInfo[];
}

/** The person the draft is for (all text, for textContent). */
export interface PersonInfo {
  row: number;
  name: string;
  title: string;
  company: string;
  job: string;
  /** Score as shown on the sheet ('' when not scored yet). */
  score: string;
  why: string;
  nextAction: string;
  status: string;
  profileUrl: string;
  /** Dates already stamped, as ISO dates (YYYY-MM-DD) or ''. */
  messagedOn: string;
  thankedOn: string;
  outcomeSharedOn: string;
}

/** The call-guide tab's content and the job fields it saves. */
export interface CallGuide {
  questions: string[];
  referralQuestion: string;
  /** Whether the contact matches a job on Jobs (saving needs one). */
  hasJob: boolean;
  jobLabel: string;
  referralProcess: string;
  /** '' or one of applyChoices. */
  apply: string;
  applyChoices: string[];
}

/** What to send now (PRODUCT.md point 20): a message, the call guide, or nothing — and why. */
export interface AdviceInfo {
  kind: 'message' | 'call-guide' | 'none';
  why: string;
}

/** A full draft for one contact and one message type. */
export interface DraftPayload {
  row: number;
  /** The row's fingerprint (row number, person key and cells) when the draft was made. */
  fingerprint: string;
  person: PersonInfo;
  type: string;
  /** The suggested message type, or null when the advice is the call guide or nothing. */
  suggestedType: string | null;
  advice: AdviceInfo;
  /**
   * Why sending this type is advised against, or was already marked as sent (empty = fine).
   * Non-empty: Copy and Mark as sent need an explicit confirm, and the server refuses Mark as
   * sent without it.
   */
  warnings: string[];
  /** Why {{availability}} proposes nothing (no overlap with their working hours, a bad setting), else ''. */
  availabilityNotice: string;
  /** Which template was used when it is worth saying (an edited template under its old name), else ''. */
  templateNote: string;
  types: TypeOption[];
  language: string;
  languages: string[];
  channel: string;
  plan: string;
  /** null when the channel has no subject. */
  subject: RenderedText | null;
  body: RenderedText;
  limits: { subject: number | null; body: number };
  words: number;
  keepShortWords: number;
  /** The contact's time zone used for {{availability}} and where it came from. */
  timeZone: string;
  timeZoneSource: string;
  /** What Mark as sent would record, in words. */
  markSentHint: string;
  /** Whether the Templates sheet had no template for this type and the built-in one was used. */
  builtInTemplate: boolean;
  /** Problems with the row worth showing (bad cells), in plain words. */
  problems: string[];
  callGuide: CallGuide;
  /** Now, ISO instant (for display only). */
  generatedAt: string;
}

/** What Mark as sent did, and the draft after it. */
export interface MarkSentResult {
  message: string;
  /** Header stamped, or ''. */
  stamped: string;
  statusFrom: string;
  statusTo: string;
  /** The new Settings credits value when it was decremented, else null. */
  creditsLeft: number | null;
  draft: DraftPayload;
}

/**
 * What saving the call guide did, and the parts of the draft it changes: the row's fingerprint
 * (Next action and Due were recomputed), the person and the call guide. The message itself does
 * not depend on Apply or the referral process, so it is not sent again.
 */
export interface SaveCallGuideResult {
  message: string;
  fingerprint: string;
  person: PersonInfo;
  callGuide: CallGuide;
}

/** The server functions the sidebar calls through google.script.run. */
export interface SidebarApi {
  sidebarSelection(): SelectionInfo;
  sidebarDraft(row: number, type?: string, language?: string): DraftPayload;
  /** `confirmed`: the user confirmed a message the draft warned about (or already marked as sent). */
  sidebarMarkSent(row: number, type: string, fingerprint: string, confirmed?: boolean): MarkSentResult;
  sidebarSaveCallGuide(row: number, referralProcess: string, apply: string): SaveCallGuideResult;
}
