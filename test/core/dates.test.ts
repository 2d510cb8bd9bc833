import {
  dayFromYmd,
  dayOf,
  isoDay,
  isTimeZone,
  midnightOf,
  offsetMinutes,
  parseIsoDay,
  weekdayOf,
  ymdOf,
  zonedParts,
  zonedToInstant,
} from '../../src/core/dates';

const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('dates', () => {
  describe('wall clock in a time zone', () => {
    it('reads the fields and the weekday of an instant', () => {
      expect(zonedParts(utc('2026-03-10T08:05:09Z'), 'Europe/Paris')).toEqual({
        year: 2026,
        month: 3,
        day: 10,
        hour: 9,
        minute: 5,
        second: 9,
        weekday: 2,
      });
    });

    it('reads midnight as hour 0, not 24', () => {
      expect(zonedParts(utc('2026-03-09T23:00:00Z'), 'Europe/Paris').hour).toBe(0);
    });

    it('gives the offset from UTC in minutes, winter and summer', () => {
      expect(offsetMinutes(utc('2026-01-15T12:00:00Z'), 'Europe/Paris')).toBe(60);
      expect(offsetMinutes(utc('2026-07-15T12:00:00Z'), 'Europe/Paris')).toBe(120);
      expect(offsetMinutes(utc('2026-07-15T12:00:00Z'), 'America/Los_Angeles')).toBe(-420);
      expect(offsetMinutes(utc('2026-07-15T12:00:00Z'), 'UTC')).toBe(0);
    });

    it('handles half-hour and quarter-hour zones', () => {
      expect(offsetMinutes(utc('2026-03-10T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
      expect(offsetMinutes(utc('2026-03-10T12:00:00Z'), 'Asia/Kathmandu')).toBe(345);
      expect(offsetMinutes(utc('2026-01-15T12:00:00Z'), 'America/St_Johns')).toBe(-210);
      expect(offsetMinutes(utc('2026-07-15T12:00:00Z'), 'America/St_Johns')).toBe(-150);
      // Adelaide is +10:30 in its summer and +9:30 in winter; Lord Howe moves by only half an hour.
      expect(offsetMinutes(utc('2026-01-15T12:00:00Z'), 'Australia/Adelaide')).toBe(630);
      expect(offsetMinutes(utc('2026-07-15T12:00:00Z'), 'Australia/Adelaide')).toBe(570);
      expect(offsetMinutes(utc('2026-01-15T12:00:00Z'), 'Australia/Lord_Howe')).toBe(660);
      expect(offsetMinutes(utc('2026-07-15T12:00:00Z'), 'Australia/Lord_Howe')).toBe(630);
      expect(zonedParts(utc('2026-03-10T12:00:00Z'), 'Asia/Kathmandu')).toMatchObject({
        hour: 17,
        minute: 45,
      });
    });
  });

  describe('wall clock to instant', () => {
    it('finds the instant of a wall-clock time, in a whole-hour and a half-hour zone', () => {
      expect(zonedToInstant(2026, 3, 10, 9, 0, 'Europe/Paris')).toBe(utc('2026-03-10T08:00:00Z'));
      expect(zonedToInstant(2026, 7, 10, 9, 0, 'Europe/Paris')).toBe(utc('2026-07-10T07:00:00Z'));
      expect(zonedToInstant(2026, 3, 10, 9, 0, 'Asia/Kolkata')).toBe(utc('2026-03-10T03:30:00Z'));
      expect(zonedToInstant(2026, 1, 10, 9, 0, 'America/St_Johns')).toBe(utc('2026-01-10T12:30:00Z'));
    });

    it('moves a time inside the spring-forward gap forward by the gap', () => {
      // Paris, 29 March 2026: 02:00 becomes 03:00; 02:30 does not exist and reads as 03:30.
      const ms = zonedToInstant(2026, 3, 29, 2, 30, 'Europe/Paris');
      expect(ms).toBe(utc('2026-03-29T01:30:00Z'));
      expect(zonedParts(ms, 'Europe/Paris')).toMatchObject({ day: 29, hour: 3, minute: 30 });
      // West of UTC too: New York, 8 March 2026, 02:30 reads as 03:30 EDT.
      expect(zonedToInstant(2026, 3, 8, 2, 30, 'America/New_York')).toBe(utc('2026-03-08T07:30:00Z'));
    });

    it('gives a time repeated by the fall-back change one of its two instants, each reading back the same', () => {
      // Paris, 25 October 2026: 03:00 becomes 02:00; 02:30 happens at 00:30 and at 01:30 UTC.
      const paris = zonedToInstant(2026, 10, 25, 2, 30, 'Europe/Paris');
      expect([utc('2026-10-25T00:30:00Z'), utc('2026-10-25T01:30:00Z')]).toContain(paris);
      expect(zonedParts(paris, 'Europe/Paris')).toMatchObject({ day: 25, hour: 2, minute: 30 });
      // New York, 1 November 2026: 01:30 happens at 05:30 (EDT) and 06:30 (EST) UTC.
      const ny = zonedToInstant(2026, 11, 1, 1, 30, 'America/New_York');
      expect([utc('2026-11-01T05:30:00Z'), utc('2026-11-01T06:30:00Z')]).toContain(ny);
      expect(zonedParts(ny, 'America/New_York')).toMatchObject({ day: 1, hour: 1, minute: 30 });
    });

    it('keeps wall-clock times on both sides of a change exact', () => {
      expect(zonedToInstant(2026, 3, 29, 1, 59, 'Europe/Paris')).toBe(utc('2026-03-29T00:59:00Z'));
      expect(zonedToInstant(2026, 3, 29, 3, 0, 'Europe/Paris')).toBe(utc('2026-03-29T01:00:00Z'));
      expect(zonedToInstant(2026, 10, 25, 3, 0, 'Europe/Paris')).toBe(utc('2026-10-25T02:00:00Z'));
      expect(zonedToInstant(2026, 3, 29, 1, 30, 'Europe/Paris')).toBe(utc('2026-03-29T00:30:00Z'));
    });
  });

  describe('calendar days', () => {
    it('counts days from 1970-01-01', () => {
      expect(dayFromYmd(1970, 1, 1)).toBe(0);
      expect(dayFromYmd(1970, 1, 2)).toBe(1);
      expect(dayFromYmd(1969, 12, 31)).toBe(-1);
      expect(ymdOf(dayFromYmd(2026, 3, 10))).toEqual({ year: 2026, month: 3, day: 10 });
    });

    it('does day arithmetic across month ends, leap days and years', () => {
      expect(dayFromYmd(2024, 3, 1) - dayFromYmd(2024, 2, 28)).toBe(2);
      expect(dayFromYmd(2025, 3, 1) - dayFromYmd(2025, 2, 28)).toBe(1);
      expect(dayFromYmd(2027, 1, 1) - dayFromYmd(2026, 1, 1)).toBe(365);
      expect(dayFromYmd(2029, 1, 1) - dayFromYmd(2028, 1, 1)).toBe(366);
      expect(isoDay(dayFromYmd(2026, 1, 31) + 1)).toBe('2026-02-01');
      expect(isoDay(dayFromYmd(2026, 12, 31) + 1)).toBe('2027-01-01');
    });

    it('gives the weekday of a day', () => {
      expect(weekdayOf(0)).toBe(4); // 1 January 1970 was a Thursday
      expect(weekdayOf(dayFromYmd(2026, 3, 10))).toBe(2);
      expect(weekdayOf(dayFromYmd(2026, 3, 15))).toBe(0);
    });

    it('takes the day of an instant in the given zone, not in UTC', () => {
      const late = utc('2026-03-10T23:30:00Z');
      expect(isoDay(dayOf(late, 'UTC'))).toBe('2026-03-10');
      expect(isoDay(dayOf(late, 'Europe/Paris'))).toBe('2026-03-11');
      expect(isoDay(dayOf(late, 'Asia/Tokyo'))).toBe('2026-03-11');
      expect(isoDay(dayOf(late, 'America/Los_Angeles'))).toBe('2026-03-10');
      expect(isoDay(dayOf(utc('2026-03-10T18:15:00Z'), 'Asia/Kathmandu'))).toBe('2026-03-11');
    });

    it('starts a day at local midnight, 23 or 25 hours after the previous one around a DST change', () => {
      const d = dayFromYmd(2026, 3, 29);
      expect(midnightOf(d, 'Europe/Paris')).toBe(utc('2026-03-28T23:00:00Z'));
      expect(midnightOf(d + 1, 'Europe/Paris') - midnightOf(d, 'Europe/Paris')).toBe(23 * HOUR);
      const f = dayFromYmd(2026, 10, 25);
      expect(midnightOf(f + 1, 'Europe/Paris') - midnightOf(f, 'Europe/Paris')).toBe(25 * HOUR);
      expect(midnightOf(d + 7, 'Europe/Paris') - midnightOf(d, 'Europe/Paris')).toBe(7 * DAY - HOUR);
      for (const day of [d - 1, d, d + 1, f, f + 1])
        expect(dayOf(midnightOf(day, 'Europe/Paris'), 'Europe/Paris')).toBe(day);
    });

    it('starts a day whose midnight was skipped by DST at the first wall-clock time that exists', () => {
      // São Paulo, 4 November 2018: clocks jumped from 00:00 to 01:00.
      const d = dayFromYmd(2018, 11, 4);
      const start = midnightOf(d, 'America/Sao_Paulo');
      expect(start).toBe(utc('2018-11-04T03:00:00Z'));
      expect(dayOf(start, 'America/Sao_Paulo')).toBe(d);
      expect(zonedParts(start, 'America/Sao_Paulo').hour).toBe(1);
    });
  });

  describe('parsing and printing', () => {
    it('prints a day as YYYY-MM-DD with zero padding', () => {
      expect(isoDay(dayFromYmd(2026, 3, 5))).toBe('2026-03-05');
      expect(isoDay(dayFromYmd(999, 1, 2))).toBe('0999-01-02');
    });

    it('parses YYYY-MM-DD, trimming spaces', () => {
      expect(parseIsoDay('2026-03-10')).toBe(dayFromYmd(2026, 3, 10));
      expect(parseIsoDay(' 2024-02-29 ')).toBe(dayFromYmd(2024, 2, 29));
    });

    it('refuses days that do not exist and other shapes', () => {
      for (const s of [
        '2026-02-29',
        '2026-02-30',
        '2026-13-01',
        '2026-00-10',
        '2026-3-10',
        '10/03/2026',
        '2026-03-10T09:00',
        '',
        'soon',
      ]) {
        expect([s, parseIsoDay(s)]).toEqual([s, null]);
      }
    });

    it('recognises IANA time zones and refuses anything else', () => {
      for (const tz of [
        'Europe/Paris',
        'UTC',
        'Asia/Kolkata',
        'America/Argentina/Buenos_Aires',
        'Etc/GMT+5',
      ]) {
        expect([tz, isTimeZone(tz)]).toEqual([tz, true]);
      }
      for (const tz of ['', 'Mars/Olympus_Mons', 'Paris', 'Europe/Paris; x', 'GMT+1', '+01:00']) {
        expect([tz, isTimeZone(tz)]).toEqual([tz, false]);
      }
    });
  });
});
