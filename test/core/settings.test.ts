// Settings: defaults, parsing, and a clear problem naming each bad setting.
import { defaultSettings, parseSettings, SETTING_SPECS } from '../../src/core/settings';

describe('parseSettings', () => {
  it('uses the defaults for blank values', () => {
    expect(
      parseSettings([
        ['Picks per company', ''],
        ['Language', ''],
      ]).settings,
    ).toEqual(defaultSettings());
  });

  it('reads every kind of setting, names case-insensitively', () => {
    const { settings, problems } = parseSettings([
      ['picks per company', 2],
      ['Language', 'francais'],
      ['Student', 'Oui'],
      ['Your time zone', 'Asia/Kolkata'],
      ['LinkedIn plan', 'premium career'],
      ['InMail credits left', '4'],
      ['No reply after days', 10],
      ['Weight: Premium', 25],
    ]);
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      picksPerCompany: 2,
      language: 'Français',
      student: true,
      yourTimeZone: 'Asia/Kolkata',
      plan: 'Premium Career',
      creditsLeft: 4,
      noReplyAfterDays: 10,
    });
    expect(settings.weights.premium).toBe(25);
  });

  it('names the setting and its row for a bad value and keeps the default', () => {
    const { settings, problems } = parseSettings([
      ['Your name', 'Ada'],
      ['Picks per company', 'three'],
      ['Your time zone', 'Paris'],
    ]);
    expect(settings.picksPerCompany).toBe(3);
    expect(settings.yourTimeZone).toBe('');
    expect(problems).toEqual([
      {
        setting: 'Picks per company',
        row: 3,
        message: 'Picks per company: must be a whole number from 1 to 10',
      },
      {
        setting: 'Your time zone',
        row: 4,
        message: 'Your time zone: "Paris" is not a time zone name like Europe/Paris or America/New_York',
      },
    ]);
  });

  it('seeds every setting the contract lists', () => {
    const names = SETTING_SPECS.map((s) => s.name);
    for (const n of [
      'Your name',
      'Your school',
      'Sector',
      'Student',
      'Language',
      'Your time zone',
      'Availability',
      'LinkedIn plan',
      'InMail credits left',
      'Picks per company',
      'Answer within days',
      'Thank within days',
      'No reply after days',
      'Apply within days',
      'Share outcome within days',
    ]) {
      expect(names).toContain(n);
    }
    expect(names.some((n) => n.startsWith('Weight:'))).toBe(true);
  });
});
