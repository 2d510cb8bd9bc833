// Tests for parsing availability and writing it in the contact's time zone, across DST and half-hour zones.

import {
  availabilitySlots,
  availabilityText,
  contactZone,
  formatDay,
  formatTime,
  parseAvailability,
  yourZone,
} from '../../src/core/availability';
import { dayFromYmd } from '../../src/core/dates';
import type { Language } from '../../src/core/schema';

const WEEK = [1, 2, 3, 4, 5];
const utc = (m: number, d: number, h = 12) => Date.UTC(2026, m - 1, d, h);

describe('parseAvailability', () => {
  it.each([
    ['Mon-Fri 09:00-18:00', [{ weekdays: WEEK, startMin: 540, endMin: 1080 }]],
    ['Lun-Ven 9h-18h', [{ weekdays: WEEK, startMin: 540, endMin: 1080 }]],
    ['du lundi au vendredi de 9h à 18h', [{ weekdays: WEEK, startMin: 540, endMin: 1080 }]],
    ['Monday to Friday 9am - 5pm', [{ weekdays: WEEK, startMin: 540, endMin: 1020 }]],
    ['weekdays 9-17:30', [{ weekdays: WEEK, startMin: 540, endMin: 1050 }]],
    [
      'Mon-Thu 9-17; Sat 10:00-12:00',
      [
        { weekdays: [1, 2, 3, 4], startMin: 540, endMin: 1020 },
        { weekdays: [6], startMin: 600, endMin: 720 },
      ],
    ],
    [
      'Lun-Ven 9h-12h, 14h-18h30',
      [
        { weekdays: WEEK, startMin: 540, endMin: 720 },
        { weekdays: WEEK, startMin: 840, endMin: 1110 },
      ],
    ],
    ['Mon, Wed 1-5pm', [{ weekdays: [1, 3], startMin: 780, endMin: 1020 }]],
    ['Fri-Mon 20:00-24:00', [{ weekdays: [0, 1, 5, 6], startMin: 1200, endMin: 1440 }]],
    ['Sat 22:00-00:00', [{ weekdays: [6], startMin: 1320, endMin: 1440 }]],
    ['9-17', [{ weekdays: WEEK, startMin: 540, endMin: 1020 }]],
    ['tous les jours 8h30-9h', [{ weekdays: [0, 1, 2, 3, 4, 5, 6], startMin: 510, endMin: 540 }]],
    [
      'Tue. 12pm–1pm\nThu 12am-1am',
      [
        { weekdays: [2], startMin: 720, endMin: 780 },
        { weekdays: [4], startMin: 0, endMin: 60 },
      ],
    ],
  ])('reads %j', (input, windows) => {
    expect(parseAvailability(input)).toEqual({ ok: true, windows });
  });

  it.each([
    ['', /empty/],
    ['Mon-Fri', /no times/],
    ['Funday 9-17', /"funday" is not a day/],
    ['Mon-Fri 9-25', /does not exist/],
    ['Mon-Fri 9:75-18', /does not exist|not a time range/],
    ['Mon-Fri 22-02', /ends before it starts/],
    ['Mon-Fri nine to five', /not a day|no times/],
    ['Mon-Fri 9', /not a time range/],
  ])('explains what is wrong with %j', (input, problem) => {
    const r = parseAvailability(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(problem);
  });
});

describe('availability to propose', () => {
  // Thursday 5 March 2026: Paris and New York on winter time; New York moves on 8 March, Paris on 29 March.
  const thu5Mar = utc(3, 5);
  const tue10Mar = Date.parse('2026-03-10T08:00:00Z'); // 9:00 in Paris
  const ALL_WEEK = 'Mon-Sun 00:00-24:00';

  function slots(
    availability: string,
    workingHours: string | undefined,
    yours: string,
    theirs: string,
    now: number,
    days?: number,
  ) {
    return availabilitySlots({
      availability,
      ...(workingHours === undefined ? {} : { workingHours }),
      yourTimeZone: yours,
      contactTimeZone: theirs,
      now,
      language: 'English',
      ...(days ? { days } : {}),
    });
  }

  function lines(
    availability: string,
    workingHours: string | undefined,
    yours: string,
    theirs: string,
    now: number,
    language: Language = 'English',
    days?: number,
  ) {
    return availabilityText({
      availability,
      ...(workingHours === undefined ? {} : { workingHours }),
      yourTimeZone: yours,
      contactTimeZone: theirs,
      now,
      language,
      ...(days ? { days } : {}),
    }).split('\n');
  }

  it('proposes the overlap with their working hours over their next five working days (Paris → New York)', () => {
    // Paris 09:00–18:00 is 4:00 am – 1:00 pm in New York: only 9:00 am – 1:00 pm is in their hours.
    expect(lines('Mon-Fri 09:00-18:00', undefined, 'Europe/Paris', 'America/New_York', tue10Mar)).toEqual([
      'Wed 11 Mar: 9:00 am – 1:00 pm',
      'Thu 12 Mar: 9:00 am – 1:00 pm',
      'Fri 13 Mar: 9:00 am – 1:00 pm',
      'Mon 16 Mar: 9:00 am – 1:00 pm',
      'Tue 17 Mar: 9:00 am – 1:00 pm',
      '(times in your time zone, America/New_York)',
    ]);
  });

  it('proposes the short overlap with San Francisco, and nothing outside their hours', () => {
    expect(
      lines('Mon-Fri 09:00-18:00', undefined, 'Europe/Paris', 'America/Los_Angeles', tue10Mar, 'English', 1),
    ).toEqual([
      'Wed 11 Mar: 9:00 am – 10:00 am',
      'Fri 13 Mar: 9:00 am – 10:00 am',
      '(times in your time zone, America/Los_Angeles)',
    ]);
  });

  it('says so when there is no overlap at all (Paris → Sydney), and which of your hours would do', () => {
    const r = slots('Mon-Fri 09:00-18:00', undefined, 'Europe/Paris', 'Australia/Sydney', tue10Mar);
    expect(r).toEqual({
      ok: false,
      reason: 'no-overlap',
      problem:
        'Your Availability (Mon-Fri 09:00-18:00, Europe/Paris) does not overlap their working hours (Mon-Fri 09:00-18:00, Australia/Sydney) on their next working days, so no time is proposed. Their working hours are 11:00 pm – 8:00 am in your time zone: widen your Availability in Settings to include some of them.',
    });
    expect(lines('Mon-Fri 09:00-18:00', undefined, 'Europe/Paris', 'Australia/Sydney', tue10Mar)).toEqual([
      '',
    ]);
    // Widening your hours to the evening and the early morning gives their mornings and evenings.
    expect(
      lines('Mon-Fri 07:00-23:59', undefined, 'Europe/Paris', 'Australia/Sydney', tue10Mar, 'English', 1),
    ).toEqual([
      'Wed 11 Mar: 9:00 am – 9:59 am, 5:00 pm – 6:00 pm',
      'Fri 13 Mar: 9:00 am – 9:59 am, 5:00 pm – 6:00 pm',
      '(times in your time zone, Australia/Sydney)',
    ]);
  });

  it('always looks at their next Friday too, when it is a working day of theirs', () => {
    // Their next two working days are Wed and Thu; Friday is added.
    expect(
      lines('Mon-Fri 9-18', undefined, 'Europe/Paris', 'Europe/Paris', tue10Mar, 'English', 2).map((l) =>
        l.slice(0, 10),
      ),
    ).toEqual(['Wed 11 Mar', 'Thu 12 Mar', 'Fri 13 Mar', '(times in ']);
    // Working Mon-Sat, seen on a Friday: five working days are Sat–Thu, and next Friday joins them.
    const friday = Date.parse('2026-03-13T10:00:00Z');
    expect(
      lines('Mon-Fri 9-18', 'Mon-Sat 9-18', 'Europe/Paris', 'Europe/Paris', friday).map(
        (l) => l.split(':')[0],
      ),
    ).toEqual([
      'Mon 16 Mar',
      'Tue 17 Mar',
      'Wed 18 Mar',
      'Thu 19 Mar',
      'Fri 20 Mar',
      '(times in your time zone, Europe/Paris)',
    ]);
  });

  it('never proposes a time outside their working hours, whatever the zones and your hours', () => {
    const zones = [
      'America/New_York',
      'America/Los_Angeles',
      'Asia/Kolkata',
      'Australia/Sydney',
      'Europe/London',
      'Pacific/Auckland',
      'Asia/Tokyo',
    ];
    const yours = [
      'Mon-Fri 09:00-18:00',
      'Mon-Sun 00:00-24:00',
      'Mon-Fri 6-9, 17:30-23:00; Sat 10-12',
      'Tue 20:00-24:00',
    ];
    for (const theirs of zones)
      for (const availability of yours)
        for (const now of [thu5Mar, tue10Mar, utc(3, 28), utc(11, 1)]) {
          const r = slots(availability, 'Mon-Fri 08:30-17:30', 'Europe/Paris', theirs, now);
          if (!r.ok) {
            expect(r.reason).toBe('no-overlap');
            continue;
          }
          for (const d of r.days) {
            expect([1, 2, 3, 4, 5]).toContain(new Date(d.day * 86_400_000).getUTCDay());
            for (const range of d.ranges) {
              expect(range.startMin).toBeGreaterThanOrEqual(510);
              expect(range.endMin).toBeLessThanOrEqual(1050);
              expect(range.endMin).toBeGreaterThan(range.startMin);
            }
          }
        }
  });

  it('follows the weeks between the US and European DST changes (Paris → New York)', () => {
    // The gap is 6 h until 8 March, then 5 h until 29 March, then 6 h again.
    expect(
      lines('Mon-Fri 09:00-18:00', undefined, 'Europe/Paris', 'America/New_York', thu5Mar, 'English', 2),
    ).toEqual([
      'Fri 6 Mar: 9:00 am – 12:00 pm',
      'Mon 9 Mar: 9:00 am – 1:00 pm',
      '(times in your time zone, America/New_York)',
    ]);
    expect(
      lines('Mon-Fri 09:00-18:00', undefined, 'Europe/Paris', 'America/New_York', utc(3, 27), 'English', 1),
    ).toEqual([
      'Mon 30 Mar: 9:00 am – 12:00 pm',
      'Fri 3 Apr: 9:00 am – 12:00 pm',
      '(times in your time zone, America/New_York)',
    ]);
  });

  it('writes half-hour zones correctly, in French (Paris → Kolkata, before and after Paris’s DST change)', () => {
    expect(
      lines('Mon-Fri 09:00-18:00', undefined, 'Europe/Paris', 'Asia/Kolkata', thu5Mar, 'Français', 2),
    ).toEqual([
      'ven. 6 mars : 13 h 30 – 18 h',
      'lun. 9 mars : 13 h 30 – 18 h',
      '(heures dans votre fuseau horaire, Asia/Kolkata)',
    ]);
    expect(
      lines('Mon-Fri 09:00-18:00', undefined, 'Europe/Paris', 'Asia/Kolkata', utc(3, 29), 'English', 1)[0],
    ).toBe('Mon 30 Mar: 12:30 pm – 6:00 pm');
  });

  it('puts a range that crosses midnight for them on the right days (their hours all week)', () => {
    // Paris 9:00–18:00 is 19:00–04:00 the next day in Sydney (UTC+11 in March); Thursday's ends on their Friday.
    expect(lines('Mon-Fri 09:00-18:00', ALL_WEEK, 'Europe/Paris', 'Australia/Sydney', thu5Mar)).toEqual([
      'Fri 6 Mar: midnight – 4:00 am, 7:00 pm – midnight',
      'Sat 7 Mar: midnight – 4:00 am',
      'Mon 9 Mar: 7:00 pm – midnight',
      'Tue 10 Mar: midnight – 4:00 am, 7:00 pm – midnight',
      '(times in your time zone, Australia/Sydney)',
    ]);
  });

  it('merges ranges that meet, across the short DST day itself (New York, Sunday 8 March)', () => {
    expect(
      slots(
        'Mon-Fri 09:00-12:00, 12:00-18:00',
        'Mon-Fri 08:00-18:00',
        'Europe/Paris',
        'Europe/Paris',
        thu5Mar,
        1,
      ),
    ).toEqual({
      ok: true,
      days: [{ day: dayFromYmd(2026, 3, 6), ranges: [{ startMin: 540, endMin: 1080 }] }],
    });
    expect(slots('Sun 00:00-24:00', 'Sun 00:00-24:00', 'America/New_York', 'UTC', utc(3, 7), 1)).toEqual({
      ok: true,
      days: [{ day: dayFromYmd(2026, 3, 8), ranges: [{ startMin: 300, endMin: 1440 }] }],
    });
  });

  it('names the setting or zone that cannot be read', () => {
    expect(slots('whenever', undefined, 'Europe/Paris', 'Europe/Paris', thu5Mar)).toMatchObject({
      ok: false,
      reason: 'setting',
      problem: expect.stringMatching(/^Availability: /),
    });
    expect(slots('Mon-Fri 9-17', '9 to 5 weekdays', 'Europe/Paris', 'Europe/Paris', thu5Mar)).toMatchObject({
      reason: 'setting',
      problem: expect.stringMatching(/^Their working hours: /),
    });
    expect(slots('Mon-Fri 9-17', undefined, 'Europe/Paris', 'Nowhere/City', thu5Mar)).toEqual({
      ok: false,
      reason: 'zone',
      problem: '"Nowhere/City" is not a time zone',
    });
  });
});

describe('formatting', () => {
  it('formats days in English and French', () => {
    expect(formatDay(dayFromYmd(2026, 3, 3), 'English')).toBe('Tue 3 Mar');
    expect(formatDay(dayFromYmd(2026, 3, 3), 'Français')).toBe('mar. 3 mars');
    expect(formatDay(dayFromYmd(2026, 2, 1), 'Français')).toBe('dim. 1 févr.');
  });

  it('formats times as 12-hour English and 24-hour French', () => {
    expect([0, 540, 720, 810, 1439, 1440].map((m) => formatTime(m, 'English'))).toEqual([
      'midnight',
      '9:00 am',
      '12:00 pm',
      '1:30 pm',
      '11:59 pm',
      'midnight',
    ]);
    expect([0, 540, 810, 1440].map((m) => formatTime(m, 'Français'))).toEqual([
      '0 h',
      '9 h',
      '13 h 30',
      '24 h',
    ]);
  });
});

describe('contactZone', () => {
  const mine = { yourTimeZone: 'Europe/Paris' };

  it('uses their Time zone when it is a valid name', () => {
    expect(contactZone({ timeZone: 'Asia/Kolkata', location: 'Greater London' }, mine, 'UTC')).toEqual({
      timeZone: 'Asia/Kolkata',
      source: 'time zone',
    });
  });

  it('infers from Location when Time zone is blank', () => {
    expect(contactZone({ timeZone: '', location: 'San Francisco Bay Area' }, mine, 'UTC')).toEqual({
      timeZone: 'America/Los_Angeles',
      source: 'location',
    });
  });

  it('names a Time zone it cannot read, and still infers a zone', () => {
    expect(contactZone({ timeZone: 'Bangalore', location: '' }, mine, 'UTC')).toEqual({
      timeZone: 'Asia/Kolkata',
      source: 'location',
      problem: 'Time zone "Bangalore" is not a time zone name like Europe/Paris',
    });
  });

  it('falls back to your time zone, then the spreadsheet’s', () => {
    expect(contactZone({ timeZone: '', location: 'Remote' }, mine, 'UTC')).toEqual({
      timeZone: 'Europe/Paris',
      source: 'your time zone',
    });
    expect(contactZone({ timeZone: '', location: '' }, { yourTimeZone: '' }, 'America/Chicago')).toEqual({
      timeZone: 'America/Chicago',
      source: 'spreadsheet',
    });
  });

  it('gives your zone from Settings, else the spreadsheet’s', () => {
    expect(yourZone(mine, 'UTC')).toBe('Europe/Paris');
    expect(yourZone({ yourTimeZone: '' }, 'UTC')).toBe('UTC');
  });
});
