// Sheets number formats and time zones: wall clocks, DST gaps and repeats, date and number formats, display values.
import { execFileSync } from 'node:child_process';
import {
  AUTOMATIC_FORMAT,
  formatAutomaticNumber,
  formatDate,
  formatNumber,
  formatValue,
  fromWallClock,
  isDateFormat,
  millisToSerial,
  toWallClock,
} from '../../emulator/number-format';

const NY = 'America/New_York';
// 2024-03-05 14:07:09 in New York (EST, UTC-5)
const MS = Date.UTC(2024, 2, 5, 19, 7, 9);

describe('time zones', () => {
  it('reads the wall clock of an instant in a zone', () => {
    expect(toWallClock(MS, NY)).toMatchObject({
      year: 2024,
      month: 3,
      day: 5,
      hour: 14,
      minute: 7,
      second: 9,
      weekday: 2,
    });
  });

  it('turns a wall clock back into the instant, on both sides of a DST change', () => {
    expect(fromWallClock(NY, 2024, 3, 5, 14, 7, 9)).toBe(MS);
    expect(new Date(fromWallClock(NY, 2024, 3, 11, 9)).toISOString()).toBe('2024-03-11T13:00:00.000Z');
    expect(new Date(fromWallClock('Europe/Paris', 2024, 7, 1)).toISOString()).toBe(
      '2024-06-30T22:00:00.000Z',
    );
  });

  it('counts serial days from 1899-12-30 like Sheets', () => {
    expect(millisToSerial(fromWallClock(NY, 2024, 1, 1), NY)).toBe(45292);
  });
});

describe('a wall-clock time a DST change skips or repeats', () => {
  // Sheets stores a typed date-time as a wall clock (a serial day number); Apps Script hands it to the
  // script as an instant. For a wall clock with no instant (skipped when clocks go forward) or two
  // (repeated when they go back), no Apps Script or Sheets page says which; we resolve it as the V8
  // runtime resolves `new Date(y, m, d, h, min)` in a script of that zone — ECMA-262 UTC(t): a
  // skipped time takes the offset "before the transition", so it moves forward by the gap; a repeated
  // one is the first of its instants — which is also java.time ZonedDateTime's rule ("the local
  // date-time is adjusted to be later by the length of the gap"). core/dates' zonedToInstant agrees.
  const iso = (tz: string, ...wall: [number, number, number, number?, number?]) =>
    new Date(fromWallClock(tz, ...wall)).toISOString();

  it("moves São Paulo's skipped midnight forward to 01:00 the same day, not 23:00 the day before", () => {
    // 4 November 2018: clocks jumped from 00:00 to 01:00 (UTC−3 → UTC−2).
    expect(iso('America/Sao_Paulo', 2018, 11, 4)).toBe('2018-11-04T03:00:00.000Z');
    expect(toWallClock(fromWallClock('America/Sao_Paulo', 2018, 11, 4), 'America/Sao_Paulo')).toMatchObject({
      day: 4,
      hour: 1,
    });
  });

  it('moves a skipped time forward by the gap east and west of UTC, half-hour gaps included', () => {
    expect(iso('Europe/Paris', 2026, 3, 29, 2, 30)).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(iso(NY, 2024, 3, 10, 2, 30)).toBe('2024-03-10T07:30:00.000Z'); // 03:30 EDT
    expect(iso('Australia/Lord_Howe', 2024, 10, 6, 2, 15)).toBe('2024-10-05T15:45:00.000Z'); // 02:45
  });

  it('reads a repeated time as its earlier instant, east and west of UTC', () => {
    expect(iso('Europe/Paris', 2026, 10, 25, 2, 30)).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST
    expect(iso(NY, 2024, 11, 3, 1, 30)).toBe('2024-11-03T05:30:00.000Z'); // 01:30 EDT
  });

  it("agrees with V8's own Date in that zone at every quarter hour of the change days", () => {
    const days: [string, number, number, number][] = [
      ['America/Sao_Paulo', 2018, 11, 4],
      ['America/Sao_Paulo', 2019, 2, 16],
      ['America/New_York', 2024, 3, 10],
      ['America/New_York', 2024, 11, 3],
      ['Europe/Paris', 2026, 3, 29],
      ['Europe/Paris', 2026, 10, 25],
      ['Australia/Lord_Howe', 2024, 10, 6],
      ['Australia/Lord_Howe', 2024, 4, 7],
      ['Asia/Kolkata', 2026, 3, 29],
    ];
    for (const [tz, y, m, d] of days) {
      const walls = Array.from({ length: 96 }, (_, q) => [y, m, d, Math.floor(q / 4), (q % 4) * 15] as const);
      // A separate node whose own time zone is `tz`: `new Date(y, m - 1, d, h, min)` is V8's answer.
      const v8 = JSON.parse(
        execFileSync(
          process.execPath,
          [
            '-e',
            `console.log(JSON.stringify(${JSON.stringify(walls)}.map(([y,m,d,h,n]) => new Date(y, m - 1, d, h, n).getTime())))`,
          ],
          { env: { TZ: tz } },
        ).toString(),
      ) as number[];
      expect({ tz, ms: walls.map(([yy, mm, dd, h, n]) => fromWallClock(tz, yy, mm, dd, h, n)) }).toEqual({
        tz,
        ms: v8,
      });
    }
  });
});

describe('date formats', () => {
  it.each([
    ['yyyy-mm-dd', '2024-03-05'],
    ['M/d/yyyy', '3/5/2024'],
    ['dd/mm/yy', '05/03/24'],
    ['ddd d mmm yyyy', 'Tue 5 Mar 2024'],
    ['dddd, mmmm d', 'Tuesday, March 5'],
    ['hh:mm:ss', '14:07:09'],
    ['h:mm am/pm', '2:07 PM'],
    ['yyyy-mm-dd H:mm', '2024-03-05 14:07'],
    ['mm:ss', '07:09'],
    ['"Due" d mmm', 'Due 5 Mar'],
  ])('renders %p as %p (mm after h or before s means minutes)', (fmt, text) => {
    expect(formatDate(MS, fmt, NY)).toBe(text);
  });

  it('tells date formats from number formats', () => {
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('#,##0.00')).toBe(false);
    expect(isDateFormat('"days" 0')).toBe(false);
  });
});

describe('number formats', () => {
  it.each([
    [1234.567, '0', '1235'],
    [1234.567, '0.0', '1234.6'],
    [1234.567, '#,##0', '1,235'],
    [1234.5, '#,##0.00', '1,234.50'],
    [0.256, '0%', '26%'],
    [0.256, '0.0%', '25.6%'],
    [-5, '0', '-5'],
    [-5, '0;(0)', '(5)'],
    [12.5, '$#,##0.00', '$12.50'],
    [0.5, '#.##', '.5'],
  ])('renders %p with %p as %p', (n, fmt, text) => {
    expect(formatNumber(n, fmt)).toBe(text);
  });

  it('shows numbers with the automatic format as Sheets does: integers plain, about 10 significant digits', () => {
    expect(formatAutomaticNumber(42)).toBe('42');
    expect(formatAutomaticNumber(1 / 3)).toBe('0.3333333333');
    expect(formatAutomaticNumber(2.5)).toBe('2.5');
    expect(formatAutomaticNumber(1e20)).toBe('1.00E+20');
  });
});

describe('display values', () => {
  it('shows blank as empty, booleans as TRUE/FALSE', () => {
    expect(formatValue('', null, NY)).toBe('');
    expect(formatValue(true, null, NY)).toBe('TRUE');
    expect(formatValue(false, AUTOMATIC_FORMAT, NY)).toBe('FALSE');
  });

  it('shows a date without a format as M/d/yyyy in en_US, with the time when it is not midnight', () => {
    expect(formatValue({ date: fromWallClock(NY, 2024, 3, 5) }, null, NY)).toBe('3/5/2024');
    expect(formatValue({ date: MS }, null, NY)).toBe('3/5/2024 14:07:09');
  });

  it('renders dates in the spreadsheet time zone', () => {
    expect(formatValue({ date: MS }, 'yyyy-mm-dd hh:mm', 'Asia/Tokyo')).toBe('2024-03-06 04:07');
  });

  it('keeps text as is under "@" and shows numbers under a date format as dates', () => {
    expect(formatValue('007', '@', NY)).toBe('007');
    expect(formatValue(45292, 'yyyy-mm-dd', NY)).toBe('2024-01-01');
  });
});
