// MailApp: records the emails a script sends and enforces the daily recipient quota.

import { counted, type EmulatorContext } from './context';

/** One email the script sent. */
export interface SentEmail {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  cc?: string;
  bcc?: string;
  noReply?: boolean;
  /** Emulator clock, epoch milliseconds. */
  at: number;
}

/** Recipients per day for a consumer account ("Email recipients per day: 100"). */
export const DAILY_RECIPIENT_QUOTA = 100;
/** The text Apps Script throws once the daily email quota is spent. */
export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';

type Params = GoogleAppsScript.Mail.MailAdvancedParameters;

function recipients(list: string | undefined): number {
  if (!list) return 0;
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '').length;
}

/** The MailApp service and its record of sent mail. */
export class FakeMailApp {
  readonly sent: SentEmail[] = [];
  private used = 0;

  constructor(private readonly ctx: EmulatorContext) {}

  /**
   * sendEmail(message) | sendEmail(recipient, subject, body[, options]) | sendEmail(to, replyTo, subject, body).
   */
  sendEmail(...args: unknown[]): void {
    let p: Params;
    if (args.length === 1 && args[0] !== null && typeof args[0] === 'object') {
      p = { ...(args[0] as Params) };
    } else if (args.length === 4 && typeof args[3] === 'string') {
      const [to, replyTo, subject, body] = args as string[];
      p = { to, replyTo, subject, body };
    } else if (args.length === 3 || args.length === 4) {
      const [to, subject, body, options] = args as [string, string, string, Params | undefined];
      p = { ...(options ?? {}), to, subject, body };
    } else {
      throw new Error('The parameters do not match the method signature for MailApp.sendEmail.');
    }
    const n = recipients(p.to) + recipients(p.cc) + recipients(p.bcc);
    if (n === 0) throw new Error('Failed to send email: no recipient');
    if (this.used + n > DAILY_RECIPIENT_QUOTA) throw new Error(MAIL_QUOTA_MESSAGE);
    this.used += n;
    const mail: SentEmail = {
      to: String(p.to ?? ''),
      subject: String(p.subject ?? ''),
      body: String(p.body ?? ''),
      at: this.ctx.clock.now(),
    };
    if (p.htmlBody !== undefined) mail.htmlBody = String(p.htmlBody);
    if (p.name !== undefined) mail.name = String(p.name);
    if (p.replyTo !== undefined) mail.replyTo = String(p.replyTo);
    if (p.cc !== undefined) mail.cc = String(p.cc);
    if (p.bcc !== undefined) mail.bcc = String(p.bcc);
    if (p.noReply !== undefined) mail.noReply = Boolean(p.noReply);
    this.sent.push(mail);
  }

  /** "Returns the number of remaining emails a user can send for the rest of the day." */
  getRemainingDailyQuota(): number {
    return DAILY_RECIPIENT_QUOTA - this.used;
  }

  /** Starts a new day of quota (test helper). */
  resetQuota(): void {
    this.used = 0;
  }
}

/** Creates the MailApp record and the counted service. */
export function createMailApp(ctx: EmulatorContext): {
  mail: FakeMailApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
} {
  const mail = new FakeMailApp(ctx);
  return { mail, MailApp: counted(ctx, 'MailApp', mail) as unknown as GoogleAppsScript.Mail.MailApp };
}
