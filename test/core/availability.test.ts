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

function text(
  availability: string,
  yourTimeZone: string,
  contactTimeZone: string,
  now: number,
  language: Language = 'English',
  days?: number,
) {
  return availabilityText({
    availability,
    yourTimeZone,
    contactTimeZone,
    now,
    language,
    ...(days ? { days } : {}),
  });
}

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

describe('availabilityText', () => {
  // Thursday 5 March 2026: both Paris and New York are on winter time.
  const thu5Mar = utc(3, 5);

  it('writes the next five working days, from tomorrow, in the contact’s zone', () => {
    expect(text('Mon-Fri 09:00-18:00', 'Europe/Paris', 'Europe/Paris', thu5Mar)).toBe(
      [
        'Fri 6 Mar: 9:00 am – 6:00 pm',
        'Mon 9 Mar: 9:00 am – 6:00 pm',
        'Tue 10 Mar: 9:00 am – 6:00 pm',
        'Wed 11 Mar: 9:00 am – 6:00 pm',
        'Thu 12 Mar: 9:00 am – 6:00 pm',
        '(times in your time zone, Europe/Paris)',
      ].join('\n'),
    );
  });

  it('follows the weeks between the US and European DST changes (Paris → New York)', () => {
    // New York moves on 8 March, Paris on 29 March: the gap is 6 h, then 5 h, then 6 h again.
    expect(text('Mon-Fri 09:00-18:00', 'Europe/Paris', 'America/New_York', thu5Mar)).toBe(
      [
        'Fri 6 Mar: 3:00 am – 12:00 pm',
        'Mon 9 Mar: 4:00 am – 1:00 pm',
        'Tue 10 Mar: 4:00 am – 1:00 pm',
        'Wed 11 Mar: 4:00 am – 1:00 pm',
        'Thu 12 Mar: 4:00 am – 1:00 pm',
        '(times in your time zone, America/New_York)',
      ].join('\n'),
    );
    const after = text('Mon-Fri 09:00-18:00', 'Europe/Paris', 'America/New_York', utc(3, 27), 'English', 1);
    expect(after).toBe('Mon 30 Mar: 3:00 am – 12:00 pm\n(times in your time zone, America/New_York)');
  });

  it('follows the DST changes the other way (New York → Paris), in French', () => {
    expect(text('Mon-Fri 9-17', 'America/New_York', 'Europe/Paris', utc(3, 4), 'Français', 3)).toBe(
      [
        'jeu. 5 mars : 15 h – 23 h',
        'ven. 6 mars : 15 h – 23 h',
        'lun. 9 mars : 14 h – 22 h',
        '(heures dans votre fuseau horaire, Europe/Paris)',
      ].join('\n'),
    );
    expect(text('Mon-Fri 9-17', 'America/New_York', 'Europe/Paris', utc(3, 29), 'Français', 1)).toBe(
      'lun. 30 mars : 15 h – 23 h\n(heures dans votre fuseau horaire, Europe/Paris)',
    );
  });

  it('handles the short DST day itself (New York, Sunday 8 March, 23 hours)', () => {
    const r = availabilitySlots({
      availability: 'Sun 00:00-24:00',
      yourTimeZone: 'America/New_York',
      contactTimeZone: 'UTC',
      now: utc(3, 7),
      language: 'English',
      days: 1,
    });
    expect(r).toEqual({
      ok: true,
      days: [
        { day: dayFromYmd(2026, 3, 8), ranges: [{ startMin: 300, endMin: 1440 }] },
        { day: dayFromYmd(2026, 3, 9), ranges: [{ startMin: 0, endMin: 240 }] },
      ],
    });
  });

  it('handles the day Paris changes (Sunday 29 March)', () => {
    expect(text('Sun 9-18', 'Europe/Paris', 'America/New_York', utc(3, 28), 'English', 1)).toBe(
      'Sun 29 Mar: 3:00 am – 12:00 pm\n(times in your time zone, America/New_York)',
    );
    expect(text('Sun 1-4', 'Europe/Paris', 'UTC', utc(3, 28), 'English', 1)).toBe(
      'Sun 29 Mar: midnight – 2:00 am\n(times in your time zone, UTC)',
    );
  });

  it('writes half-hour zones correctly (Paris → Kolkata), before and after Paris’s DST change', () => {
    expect(text('Mon-Fri 09:00-18:00', 'Europe/Paris', 'Asia/Kolkata', thu5Mar, 'Français', 2)).toBe(
      'ven. 6 mars : 13 h 30 – 22 h 30\nlun. 9 mars : 13 h 30 – 22 h 30\n(heures dans votre fuseau horaire, Asia/Kolkata)',
    );
    expect(text('Mon-Fri 09:00-18:00', 'Europe/Paris', 'Asia/Kolkata', utc(3, 27), 'English', 1)).toBe(
      'Mon 30 Mar: 12:30 pm – 9:30 pm\n(times in your time zone, Asia/Kolkata)',
    );
    expect(text('Mon-Fri 09:00-18:00', 'Asia/Kolkata', 'Europe/Paris', thu5Mar, 'English', 1)).toBe(
      'Fri 6 Mar: 4:30 am – 1:30 pm\n(times in your time zone, Europe/Paris)',
    );
  });

  it('splits a range that crosses midnight in the contact’s zone onto the right days', () => {
    // Paris 9:00–18:00 is 19:00–04:00 the next day in Sydney (UTC+11 in March).
    expect(text('Mon-Fri 09:00-18:00', 'Europe/Paris', 'Australia/Sydney', thu5Mar, 'English', 2)).toBe(
      [
        'Fri 6 Mar: 7:00 pm – midnight',
        'Sat 7 Mar: midnight – 4:00 am',
        'Mon 9 Mar: 7:00 pm – midnight',
        'Tue 10 Mar: midnight – 4:00 am',
        '(times in your time zone, Australia/Sydney)',
      ].join('\n'),
    );
    const fr = text('Mon-Fri 09:00-18:00', 'Europe/Paris', 'Australia/Sydney', thu5Mar, 'Français', 3);
    expect(fr.split('\n')[3]).toBe('mar. 10 mars : 0 h – 4 h, 19 h – 24 h');
  });

  it('merges ranges that meet on the same day and starts at midnight where the zone says so', () => {
    expect(
      text('Mon-Fri 09:00-12:00, 12:00-18:00', 'Europe/Paris', 'America/Los_Angeles', thu5Mar, 'English', 1),
    ).toBe('Fri 6 Mar: midnight – 9:00 am\n(times in your time zone, America/Los_Angeles)');
  });

  it('counts only the days of your availability, starting tomorrow in your zone', () => {
    const lines = text('Mon-Thu 9-17; Sat 10:00-12:00', 'Europe/Paris', 'Europe/Paris', thu5Mar).split('\n');
    expect(lines.slice(0, 5).map((l) => l.split(':')[0])).toEqual([
      'Sat 7 Mar',
      'Mon 9 Mar',
      'Tue 10 Mar',
      'Wed 11 Mar',
      'Thu 12 Mar',
    ]);
    expect(lines[0]).toBe('Sat 7 Mar: 10:00 am – 12:00 pm');
    // 23:30 UTC on Thursday is already Friday in Paris: tomorrow is Saturday.
    expect(
      text('Mon-Fri 9-17', 'Europe/Paris', 'Europe/Paris', Date.UTC(2026, 2, 5, 23, 30), 'English', 1),
    ).toMatch(/^Mon 9 Mar/);
  });

  it('returns an empty text when the availability or a zone cannot be read', () => {
    expect(text('whenever', 'Europe/Paris', 'Europe/Paris', thu5Mar)).toBe('');
    expect(text('Mon-Fri 9-17', 'Mars/Olympus', 'Europe/Paris', thu5Mar)).toBe('');
    expect(
      availabilitySlots({
        availability: 'Mon-Fri 9-17',
        yourTimeZone: 'Europe/Paris',
        contactTimeZone: 'Nowhere/City',
        now: thu5Mar,
        language: 'English',
      }),
    ).toEqual({ ok: false, problem: '"Nowhere/City" is not a time zone' });
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
