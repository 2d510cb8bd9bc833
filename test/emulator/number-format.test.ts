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
