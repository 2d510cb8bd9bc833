// Settings: defaults, parsing, and a clear problem naming each bad setting.
import { dayFromYmd } from '../../src/core/dates';
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

  it('reads Premium trial ends on as a calendar day in the spreadsheet time zone, from a date cell or ISO text', () => {
    // Midnight of 31 March in Paris is still 30 March in UTC.
    const cell = new Date('2026-03-30T22:00:00Z');
    expect(parseSettings([['Premium trial ends on', cell]], 2, 'Europe/Paris').settings.trialEndsOn).toBe(
      dayFromYmd(2026, 3, 31),
    );
    expect(parseSettings([['Premium trial ends on', '2026-04-02']]).settings.trialEndsOn).toBe(
      dayFromYmd(2026, 4, 2),
    );
    expect(parseSettings([['Premium trial ends on', '']]).settings.trialEndsOn).toBeNull();
  });

  it('names a bad Premium trial ends on and keeps no trial meanwhile', () => {
    const { settings, problems } = parseSettings([['Premium trial ends on', 'next Friday']], 7);
    expect(settings.trialEndsOn).toBeNull();
    expect(problems).toEqual([
      {
        setting: 'Premium trial ends on',
        row: 7,
        message: 'Premium trial ends on: "next Friday" is not a date like 2026-03-31',
      },
    ]);
  });

  it('reads Availability and Their working hours, and names a value it cannot read (the default stays)', () => {
    const ok = parseSettings([
      ['Availability', 'Lun-Ven 9h-12h, 14h-18h'],
      ['Their working hours', 'Mon-Thu 08:00-17:00'],
    ]);
    expect(ok.problems).toEqual([]);
    expect(ok.settings).toMatchObject({
      availability: 'Lun-Ven 9h-12h, 14h-18h',
      theirWorkingHours: 'Mon-Thu 08:00-17:00',
    });
    const bad = parseSettings([
      ['Availability', '9 to 5 weekdays'],
      ['Their working hours', 'office hours'],
    ]);
    expect(bad.settings).toMatchObject({
      availability: 'Mon-Fri 09:00-18:00',
      theirWorkingHours: 'Mon-Fri 09:00-18:00',
    });
    expect(bad.problems.map((p) => [p.setting, p.row])).toEqual([
      ['Availability', 2],
      ['Their working hours', 3],
    ]);
    expect(bad.problems[0]!.message).toMatch(
      /^Availability: .* Write days and hours like Mon-Fri 09:00-18:00$/,
    );
    expect(SETTING_SPECS.find((s) => s.name === 'Their working hours')?.seed).toBe('Mon-Fri 09:00-18:00');
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
      'Their working hours',
      'LinkedIn plan',
      'Premium trial ends on',
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
