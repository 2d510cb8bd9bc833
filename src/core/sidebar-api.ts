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

/** A full draft for one contact and one message type. */
export interface DraftPayload {
  row: number;
  fingerprint: string;
  person: PersonInfo;
  type: string;
  suggestedType: string;
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

/** What saving the call guide did. */
export interface SaveCallGuideResult {
  message: string;
  draft: DraftPayload;
}

/** The server functions the sidebar calls through google.script.run. */
export interface SidebarApi {
  sidebarSelection(): SelectionInfo;
  sidebarDraft(row: number, type?: string, language?: string): DraftPayload;
  sidebarMarkSent(row: number, type: string, fingerprint: string): MarkSentResult;
  sidebarSaveCallGuide(row: number, referralProcess: string, apply: string): SaveCallGuideResult;
}
