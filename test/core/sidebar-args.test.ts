// What the sidebar sends through google.script.run is checked before anything is read or written.
import {
  checkApply,
  checkLanguage,
  checkRow,
  checkText,
  checkType,
  describeValue,
} from '../../src/core/sidebar-args';

const MB = 'x'.repeat(1024 * 1024);

describe('sidebar arguments', () => {
  it.each([
    0,
    1,
    -3,
    2.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    1e12,
    '2',
    null,
    undefined,
    [2],
    { row: 2 },
    true,
  ])('refuses %p as a row with a clear message', (row) => {
    expect(() => checkRow(row)).toThrow(/^Row must be a Contacts data row number \(2 or more\), not /);
  });

  it('accepts a whole row number from 2', () => {
    expect(checkRow(2)).toBe(2);
    expect(checkRow(5000)).toBe(5000);
  });

  it('accepts message types by their id only, and blank as "the suggestion" where optional', () => {
    expect(checkType('thank-you', false)).toBe('thank-you');
    expect(checkType('', true)).toBeNull();
    expect(checkType(undefined, true)).toBeNull();
    for (const bad of ['Thank-you', '=1+1', MB, 42, null])
      expect(() => checkType(bad, false)).toThrow(/^Unknown message type /);
  });

  it('reads languages loosely and refuses anything else, however long', () => {
    expect(checkLanguage('francais')).toBe('Français');
    expect(checkLanguage(null)).toBeNull();
    for (const bad of ['Klingon', MB, 1, '@English'])
      expect(() => checkLanguage(bad)).toThrow(/^Unknown language/);
  });

  it('bounds text and refuses other types', () => {
    expect(checkText('=form', 'Referral process', 10)).toBe('=form');
    expect(() => checkText(MB, 'Referral process', 2000)).toThrow(
      /too long \(1048576 characters; at most 2000\)/,
    );
    expect(() => checkText(3, 'Referral process', 2000)).toThrow('Referral process must be text, not 3.');
  });

  it('accepts only the Apply dropdown’s values', () => {
    expect(checkApply('Unknown')).toBe('Unknown');
    expect(() => checkApply('unknown ')).toThrow(
      /^Apply must be one of Before referral, After referral, Unknown/,
    );
  });

  it('names values without echoing a huge string', () => {
    expect(describeValue(MB)).toHaveLength(43);
    expect(describeValue(new Date(0))).toBe('a date');
    expect(describeValue([1])).toBe('a list');
  });
});
