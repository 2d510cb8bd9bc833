import { CallCounter, Clock, type EmulatorContext, hostRealm } from '../../emulator/context';
import { createSession } from '../../emulator/session';

function setup(user = 'ada@example.com') {
  const ctx: EmulatorContext = { realm: hostRealm(), clock: new Clock(0), calls: new CallCounter(), user };
  return { ctx, Session: createSession(ctx, { timeZone: 'Europe/Paris' }) };
}

describe('Session', () => {
  it('reports the running user as active and effective user', () => {
    const { Session } = setup();
    expect(Session.getActiveUser().getEmail()).toBe('ada@example.com');
    expect(Session.getEffectiveUser().getEmail()).toBe('ada@example.com');
  });

  it('reports the script time zone and the user locale', () => {
    const { Session } = setup();
    expect(Session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(Session.getActiveUserLocale()).toBe('en');
  });

  // "Gets a temporary key that is unique to the active user but does not reveal the user identity."
  it('gives a temporary key that is stable per user and does not contain the email', () => {
    const a = setup('ada@example.com').Session.getTemporaryActiveUserKey();
    expect(setup('ada@example.com').Session.getTemporaryActiveUserKey()).toBe(a);
    expect(setup('bob@example.com').Session.getTemporaryActiveUserKey()).not.toBe(a);
    expect(a).not.toContain('ada');
  });

  it('counts calls as Session.method', () => {
    const { ctx, Session } = setup();
    Session.getScriptTimeZone();
    expect(ctx.calls.get('Session.getScriptTimeZone')).toBe(1);
  });
});
