// Session: who runs the script, in which time zone and locale.

import { counted, type EmulatorContext } from './context';

/** Options of the fake Session. */
export interface SessionOptions {
  /** Script time zone (appsscript.json `timeZone`). */
  timeZone: string;
  /** Locale of the active user, e.g. `en` or `fr`. */
  locale?: string;
}

/** A deterministic short hash, so the temporary key is stable for one user. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The Session service. */
export class FakeSession {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly opts: SessionOptions,
  ) {}
  /** "Gets information about the current user." */
  getActiveUser(): GoogleAppsScript.Base.User {
    return this.user();
  }
  /** "Gets information about the user under whose authority the script is running." */
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return this.user();
  }
  /** "Gets the time zone of the script." */
  getScriptTimeZone(): string {
    return this.opts.timeZone;
  }
  /** "Gets the language setting of the current user as a string—for example, en." */
  getActiveUserLocale(): string {
    return this.opts.locale ?? 'en';
  }
  /** "Gets a temporary key that is unique to the active user but does not reveal the user identity." */
  getTemporaryActiveUserKey(): string {
    return `tmp-${hash(this.ctx.user)}`;
  }
  private user(): GoogleAppsScript.Base.User {
    const email = this.ctx.user;
    return counted(this.ctx, 'User', { getEmail: (): string => email }) as GoogleAppsScript.Base.User;
  }
}

/** Creates the counted Session service. */
export function createSession(ctx: EmulatorContext, opts: SessionOptions): GoogleAppsScript.Base.Session {
  return counted(ctx, 'Session', new FakeSession(ctx, opts)) as unknown as GoogleAppsScript.Base.Session;
}
