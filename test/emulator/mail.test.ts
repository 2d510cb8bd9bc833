import { CallCounter, Clock, type EmulatorContext, hostRealm } from '../../emulator/context';
import { createMailApp, MAIL_QUOTA_MESSAGE } from '../../emulator/mail';

function setup() {
  const ctx: EmulatorContext = {
    realm: hostRealm(),
    clock: new Clock(1000),
    calls: new CallCounter(),
    user: 'me@x.com',
  };
  return { ctx, ...createMailApp(ctx) };
}

describe('MailApp', () => {
  it('records sendEmail(recipient, subject, body)', () => {
    const { mail, MailApp } = setup();
    MailApp.sendEmail('a@x.com', 'Hi', 'Body');
    expect(mail.sent).toEqual([{ to: 'a@x.com', subject: 'Hi', body: 'Body', at: 1000 }]);
  });

  it('records sendEmail(recipient, subject, body, options) with its options', () => {
    const { mail, MailApp } = setup();
    MailApp.sendEmail('a@x.com', 'Hi', 'Body', { htmlBody: '<b>Body</b>', name: 'Bot', replyTo: 'r@x.com' });
    expect(mail.sent[0]).toMatchObject({ htmlBody: '<b>Body</b>', name: 'Bot', replyTo: 'r@x.com' });
  });

  it('records sendEmail(message) with to, subject, body and htmlBody', () => {
    const { mail, MailApp } = setup();
    MailApp.sendEmail({ to: 'a@x.com', subject: 'S', body: 'B', htmlBody: '<p>B</p>' });
    expect(mail.sent[0]).toMatchObject({ to: 'a@x.com', subject: 'S', body: 'B', htmlBody: '<p>B</p>' });
  });

  it('records sendEmail(to, replyTo, subject, body)', () => {
    const { mail, MailApp } = setup();
    MailApp.sendEmail('a@x.com', 'r@x.com', 'S', 'B');
    expect(mail.sent[0]).toMatchObject({ to: 'a@x.com', replyTo: 'r@x.com', subject: 'S', body: 'B' });
  });

  it('counts every recipient against the daily quota of 100', () => {
    const { MailApp } = setup();
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
    MailApp.sendEmail({ to: 'a@x.com, b@x.com', cc: 'c@x.com', subject: 'S', body: 'B' });
    expect(MailApp.getRemainingDailyQuota()).toBe(97);
  });

  it(`throws "${MAIL_QUOTA_MESSAGE}" once the quota is spent`, () => {
    const { MailApp } = setup();
    for (let i = 0; i < 100; i++) MailApp.sendEmail(`u${i}@x.com`, 'S', 'B');
    expect(() => MailApp.sendEmail('late@x.com', 'S', 'B')).toThrow(MAIL_QUOTA_MESSAGE);
  });

  it('refuses an email without a recipient', () => {
    const { MailApp } = setup();
    expect(() => MailApp.sendEmail({ subject: 'S', body: 'B' })).toThrow('no recipient');
  });
});
