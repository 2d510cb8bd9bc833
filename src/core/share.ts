// Share with mentor: email validation and the words shown around sharing (no Apps Script here).

/** A plain email address check: one @, no spaces, a dot in the domain, at most 254 characters. */
export function isEmail(s: string): boolean {
  const t = s.trim();
  return t.length <= 254 && /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]{2,}$/.test(t);
}

/** Viewer (read only) or editor. */
export type MentorAccess = 'viewer' | 'editor';

/** What to tell the user once the mentor has access. */
export function sharedMessage(email: string, access: MentorAccess): string {
  const what =
    access === 'editor'
      ? `${email} can now edit this tracker. The Mentor notes column on Contacts is theirs: the add-on never writes it.`
      : `${email} can now view this tracker (view only). To let them comment too, use Sheets' Share button and choose Commenter; to let them fill the Mentor notes column on Contacts, give them edit access.`;
  return `${what} Run Refresh dashboard so the Dashboard sheet they see is current.`;
}
