// The product contract's sheets, headers, fixed lists and column kinds (PRODUCT.md), as data.

/** What a column holds, which decides its format, validation and whether the add-on writes it. */
export type ColumnKind =
  | 'input'
  | 'yesno'
  | 'list'
  | 'date'
  | 'datetime'
  | 'computed'
  | 'computed-date'
  | 'notes';

/** One column of a contract sheet. */
export interface ColumnSpec {
  readonly header: string;
  readonly kind: ColumnKind;
  /** For `list` columns: the dropdown values. */
  readonly list?: readonly string[];
  readonly required?: boolean;
  /** Column width in pixels set when the column is created. */
  readonly width?: number;
}

/** One sheet of the contract. */
export interface SheetSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
}

export const STATUSES = [
  'To contact',
  'Messaged',
  'Replied',
  'Call scheduled',
  'Call done',
  'Referred',
  'No reply',
  'Declined',
  'Skip',
] as const;
export type Status = (typeof STATUSES)[number];

export const DEGREES = ['1st', '2nd', '3rd', '3rd+', 'Out of network'] as const;
export const YES_NO = ['Yes', 'No'] as const;
export const APPLY_CHOICES = ['Before referral', 'After referral', 'Unknown'] as const;
export type ApplyChoice = (typeof APPLY_CHOICES)[number];
export const OUTCOMES = ['Pending', 'Interview', 'Rejected', 'Offer', 'Accepted', 'Withdrawn'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const LANGUAGES = ['English', 'Français'] as const;
export type Language = (typeof LANGUAGES)[number];
export const PLANS = [
  'Free',
  'Premium Career',
  'Premium Business',
  'Recruiter Lite',
  'Sales Navigator',
] as const;
export type Plan = (typeof PLANS)[number];
export const CHANNELS = ['InMail', 'Connection note', 'Message', 'Email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const SHEET = {
  contacts: 'Contacts',
  jobs: 'Jobs',
  settings: 'Settings',
  templates: 'Templates',
  activity: 'Activity',
  payItForward: 'Pay it forward',
  dashboard: 'Dashboard',
  /** Created by Import LinkedIn connections (PRODUCT points 1 and 25). */
  connections: 'Connections',
} as const;

/** Contacts headers, by key. */
export const C = {
  company: 'Company',
  job: 'Job',
  name: 'Name',
  title: 'Title',
  profileUrl: 'Profile URL',
  location: 'Location',
  timeZone: 'Time zone',
  current: 'Current',
  degree: 'Degree',
  premium: 'Premium',
  openProfile: 'Open Profile',
  sameSchool: 'Same school',
  inCommon: 'In common',
  mutual: 'Mutual connection',
  status: 'Status',
  messagedOn: 'Messaged on',
  repliedOn: 'Replied on',
  callOn: 'Call on',
  referredOn: 'Referred on',
  thankedOn: 'Thanked on',
  outcomeSharedOn: 'Outcome shared on',
  score: 'Score',
  rank: 'Rank',
  pick: 'Pick',
  why: 'Why',
  credits: 'Credits',
  nextAction: 'Next action',
  due: 'Due',
  notes: 'Notes',
  mentorNotes: 'Mentor notes',
} as const;

/** The Contacts date columns of the method's steps, in their order (Messaged on … Outcome shared on). */
export const CONTACT_DATES = [
  C.messagedOn,
  C.repliedOn,
  C.callOn,
  C.referredOn,
  C.thankedOn,
  C.outcomeSharedOn,
] as const;

/** Jobs headers, by key. */
export const J = {
  company: 'Company',
  job: 'Job',
  postingUrl: 'Posting URL',
  referralProcess: 'Referral process',
  apply: 'Apply',
  appliedOn: 'Applied on',
  outcome: 'Outcome',
  outcomeOn: 'Outcome on',
  contacts: 'Contacts',
  picks: 'Picks',
  referrals: 'Referrals',
  coverage: 'Coverage',
  nextAction: 'Next action',
  due: 'Due',
  notes: 'Notes',
} as const;

export const CONTACTS: SheetSpec = {
  name: SHEET.contacts,
  columns: [
    { header: C.company, kind: 'input', required: true, width: 140 },
    { header: C.job, kind: 'input', width: 160 },
    { header: C.name, kind: 'input', required: true, width: 160 },
    { header: C.title, kind: 'input', width: 200 },
    { header: C.profileUrl, kind: 'input', width: 180 },
    { header: C.location, kind: 'input', width: 180 },
    { header: C.timeZone, kind: 'input', width: 130 },
    { header: C.current, kind: 'yesno' },
    { header: C.degree, kind: 'list', list: DEGREES },
    { header: C.premium, kind: 'yesno' },
    { header: C.openProfile, kind: 'yesno' },
    { header: C.sameSchool, kind: 'yesno' },
    { header: C.inCommon, kind: 'input', width: 180 },
    { header: C.mutual, kind: 'input', width: 150 },
    { header: C.status, kind: 'list', list: STATUSES, width: 120 },
    { header: C.messagedOn, kind: 'date' },
    { header: C.repliedOn, kind: 'date' },
    { header: C.callOn, kind: 'datetime', width: 130 },
    { header: C.referredOn, kind: 'date' },
    { header: C.thankedOn, kind: 'date' },
    { header: C.outcomeSharedOn, kind: 'date' },
    { header: C.score, kind: 'computed', width: 60 },
    { header: C.rank, kind: 'computed', width: 50 },
    { header: C.pick, kind: 'computed', width: 45 },
    { header: C.why, kind: 'computed', width: 260 },
    { header: C.credits, kind: 'computed', width: 60 },
    { header: C.nextAction, kind: 'computed', width: 240 },
    { header: C.due, kind: 'computed-date' },
    { header: C.notes, kind: 'notes', width: 200 },
    { header: C.mentorNotes, kind: 'notes', width: 200 },
  ],
};

export const JOBS: SheetSpec = {
  name: SHEET.jobs,
  columns: [
    { header: J.company, kind: 'input', required: true, width: 140 },
    { header: J.job, kind: 'input', required: true, width: 180 },
    { header: J.postingUrl, kind: 'input', width: 180 },
    { header: J.referralProcess, kind: 'input', width: 220 },
    { header: J.apply, kind: 'list', list: APPLY_CHOICES, width: 120 },
    { header: J.appliedOn, kind: 'date' },
    { header: J.outcome, kind: 'list', list: OUTCOMES },
    { header: J.outcomeOn, kind: 'date' },
    { header: J.contacts, kind: 'computed', width: 90 },
    { header: J.picks, kind: 'computed', width: 70 },
    { header: J.referrals, kind: 'computed', width: 90 },
    { header: J.coverage, kind: 'computed', width: 100 },
    { header: J.nextAction, kind: 'computed', width: 240 },
    { header: J.due, kind: 'computed-date' },
    { header: J.notes, kind: 'notes', width: 200 },
  ],
};

export const SETTINGS_SHEET: SheetSpec = {
  name: SHEET.settings,
  columns: [
    { header: 'Setting', kind: 'input', width: 220 },
    { header: 'Value', kind: 'input', width: 220 },
  ],
};

export const TEMPLATES_SHEET: SheetSpec = {
  name: SHEET.templates,
  columns: [
    { header: 'Name', kind: 'input', width: 160 },
    { header: 'Language', kind: 'list', list: LANGUAGES, width: 90 },
    { header: 'Channel', kind: 'list', list: CHANNELS, width: 120 },
    { header: 'Subject', kind: 'input', width: 240 },
    { header: 'Body', kind: 'input', width: 520 },
  ],
};

export const ACTIVITY_SHEET: SheetSpec = {
  name: SHEET.activity,
  columns: [
    { header: 'Timestamp', kind: 'datetime', width: 140 },
    { header: 'Company', kind: 'input', width: 140 },
    { header: 'Name', kind: 'input', width: 160 },
    { header: 'From status', kind: 'input', width: 110 },
    { header: 'To status', kind: 'input', width: 110 },
    { header: 'By', kind: 'input', width: 140 },
  ],
};

/** Pay it forward headers, by key (PRODUCT point 23: the people who ask you for help). */
export const P = {
  date: 'Date',
  name: 'Name',
  askedFor: 'Asked for',
  whatIDid: 'What I did',
  followUpOn: 'Follow up on',
  notes: 'Notes',
} as const;

export const PAY_IT_FORWARD_SHEET: SheetSpec = {
  name: SHEET.payItForward,
  columns: [
    { header: P.date, kind: 'date' },
    { header: P.name, kind: 'input', width: 160 },
    { header: P.askedFor, kind: 'input', width: 220 },
    { header: P.whatIDid, kind: 'input', width: 220 },
    { header: P.followUpOn, kind: 'date', width: 110 },
    { header: P.notes, kind: 'notes', width: 200 },
  ],
};

/** The sheets "Set up tracker" creates, in tab order (PRODUCT point 1). */
export const SETUP_SHEETS: readonly SheetSpec[] = [
  CONTACTS,
  JOBS,
  SETTINGS_SHEET,
  TEMPLATES_SHEET,
  ACTIVITY_SHEET,
  PAY_IT_FORWARD_SHEET,
];

/**
 * The date columns highlighted red when past and amber when today (PRODUCT "Highlight", points 19
 * and 23): on each sheet, the date column and the columns its highlight colours.
 */
export const HIGHLIGHTS: readonly { sheet: string; due: string; columns: readonly string[] }[] = [
  { sheet: SHEET.contacts, due: C.due, columns: [C.nextAction, C.due] },
  { sheet: SHEET.jobs, due: J.due, columns: [J.nextAction, J.due] },
  { sheet: SHEET.payItForward, due: P.followUpOn, columns: [P.followUpOn] },
];

/** Number formats used for date-like columns (Sheets number-format syntax). */
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';

/** The fill the add-on gives its own computed columns' header cells, to set them apart. */
export const COMPUTED_HEADER_FILL = '#e8f0fe';
export const HEADER_FILL = '#f1f3f4';
export const OVERDUE_FILL = '#f4c7c3';
export const DUE_TODAY_FILL = '#fce8b2';

/** Whether the add-on writes this column (computed values and due dates). */
export function isComputed(col: ColumnSpec): boolean {
  return col.kind === 'computed' || col.kind === 'computed-date';
}
