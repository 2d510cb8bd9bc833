import { inList, plural, textKey } from '../../src/core/text';

describe('textKey', () => {
  it('trims, collapses inner whitespace and lower-cases', () => {
    expect(textKey('  Messaged \t  On ')).toBe('messaged on');
    expect(textKey('INMAIL   credits left')).toBe('inmail credits left');
  });
  it('reads null, undefined and numbers as text', () => {
    expect(textKey(null)).toBe('');
    expect(textKey(undefined)).toBe('');
    expect(textKey(3)).toBe('3');
  });
  it('keeps accents and punctuation (company names have their own key)', () => {
    expect(textKey('Société Générale, S.A.')).toBe('société générale, s.a.');
  });
});

describe('inList', () => {
  const list = ['To contact', 'Call done'] as const;
  it('finds the list entry whatever the case and spacing', () => {
    expect(inList(list, ' call   DONE ')).toBe('Call done');
  });
  it('gives null for blank or unknown text', () => {
    expect(inList(list, '')).toBeNull();
    expect(inList(list, 'Called')).toBeNull();
  });
});

describe('plural', () => {
  it('uses the singular for exactly one', () => {
    expect(plural(1, 'row', 'rows')).toBe('1 row');
    expect(plural(0, 'row', 'rows')).toBe('0 rows');
  });
  it('groups large counts in thousands, as a user reads them', () => {
    expect(plural(14586, 'more row', 'more rows')).toBe('14,586 more rows');
  });
});
