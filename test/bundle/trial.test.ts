// The Premium trial reminder through the bundle (PRODUCT point 22): Jobs' advice and the daily digest.
import { type LoadedBundle, loadBundle } from '../helpers/bundle';
import { columnValues, setSetting, writeRows } from '../helpers/sheets';

const NOW = '2026-03-10T08:00:00Z';

/** A tracker with two jobs, people picked at Contoso, the trial ending on `end`. */
function tracker(end: string): LoadedBundle {
  const b = loadBundle({ now: NOW });
  b.call('menuSetUpTracker');
  writeRows(b, 'Jobs', [
    { Company: 'Contoso Energy', Job: 'Data Scientist' },
    { Company: 'Fabrikam Health', Job: 'Analyst', Outcome: 'Rejected' },
  ]);
  writeRows(b, 'Contacts', [
    { Company: 'Contoso Energy Inc.', Name: 'Ann', Degree: '2nd', Title: 'Data Scientist' },
    { Company: 'Contoso Energy', Name: 'Bob', Degree: '2nd', Title: 'Data Engineer' },
    { Company: 'Fabrikam Health', Name: 'Cy', Degree: '2nd' },
  ]);
  setSetting(b, 'InMail credits left', 6);
  setSetting(b, 'Premium trial ends on', end);
  setSetting(b, 'Daily digest email', 'Yes');
  b.call('menuScoreCandidates');
  return b;
}

describe('Premium trial reminder', () => {
  it('advises an open job with picks to contact to use the trial, from 5 days before it ends', () => {
    const b = tracker('2026-03-13');
    b.call('menuRefreshFollowUps');
    expect(columnValues(b, 'Next action', 'Jobs')).toEqual([
      'use your Premium trial before it ends on 2026-03-13: 6 InMail credits left, 2 picks to contact here',
      '',
    ]);
  });

  it('says nothing earlier than that', () => {
    const b = tracker('2026-03-16');
    b.call('menuRefreshFollowUps');
    expect(columnValues(b, 'Next action', 'Jobs')[0]).not.toMatch(/trial/);
  });

  it('opens the daily digest with the credits and picks left, even when nothing is due', () => {
    const b = tracker('2026-03-13');
    b.call('dailyReminder');
    expect(b.emu.mail.sent).toHaveLength(1);
    const mail = b.emu.mail.sent[0]!;
    expect(JSON.stringify(mail)).toContain(
      'Your Premium trial ends on 2026-03-13, in 3 days: 6 InMail credits and 2 picks left to use before it ends.',
    );
  });
});
