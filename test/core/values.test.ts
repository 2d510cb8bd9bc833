// Cell parsing: Yes/No variants, degrees, text columns, formula escaping, first names.
import {
  escapeFormula,
  firstName,
  parseDegree,
  parseText,
  parseYesNo,
  splitList,
} from '../../src/core/values';

describe('parseYesNo', () => {
  it.each([
    ['Yes', true],
    ['y', true],
    ['Oui', true],
    ['TRUE', true],
    [true, true],
    [1, true],
    ['1', true],
    ['✓', true],
    ['No', false],
    ['N', false],
    ['non', false],
    ['FALSE', false],
    [false, false],
    [0, false],
    ['0', false],
  ])('reads %p as %p', (input, expected) => {
    expect(parseYesNo(input)).toEqual({ ok: true, value: expected });
  });

  it('reads a blank cell as unknown', () => {
    expect(parseYesNo('')).toEqual({ ok: true, value: null });
    expect(parseYesNo('   ')).toEqual({ ok: true, value: null });
  });

  it('names a value it does not understand', () => {
    expect(parseYesNo('maybe')).toEqual({ ok: false, problem: '"maybe" is not Yes or No' });
  });
});

describe('parseDegree', () => {
  it.each([
    ['1st', 1],
    ['2nd', 2],
    ['3rd', 3],
    ['3rd+', 3],
    ['Out of network', 3],
    ['1er', 1],
    [2, 2],
    ['2nd degree', 2],
  ])('reads %p as degree %p', (input, expected) => {
    expect(parseDegree(input)).toEqual({ ok: true, value: expected });
  });

  it('rejects 4th with a plain message', () => {
    const p = parseDegree('4th');
    expect(p.ok).toBe(false);
    expect(!p.ok && p.problem).toMatch(/"4th" is not a degree/);
  });
});

describe('parseText', () => {
  it('trims text and reads blank as empty', () => {
    expect(parseText('  Acme ')).toEqual({ ok: true, value: 'Acme' });
    expect(parseText('')).toEqual({ ok: true, value: '' });
  });

  it('flags a number or a date pasted into a text column', () => {
    expect(parseText(42)).toEqual({ ok: false, problem: 'the number 42 where text was expected' });
    expect(parseText(new Date(0))).toEqual({ ok: false, problem: 'a date where text was expected' });
  });
});

describe('escapeFormula', () => {
  it.each(['=1+1', '+33 6', '-x', '@me', '\tx', '\rx'])('prefixes %p with an apostrophe', (s) => {
    expect(escapeFormula(s)).toBe(`'${s}`);
  });

  it('leaves ordinary text alone', () => {
    expect(escapeFormula('Ada Lovelace')).toBe('Ada Lovelace');
  });
});

describe('splitList and firstName', () => {
  it('splits In common on semicolons and commas', () => {
    expect(splitList('Python meetup; Kaggle, ,chess')).toEqual(['Python meetup', 'Kaggle', 'chess']);
  });

  it('takes the first name and skips a title', () => {
    expect(firstName('Dr. Marie-Anne Dupont')).toBe('Marie-Anne');
    expect(firstName('  Ada Lovelace ')).toBe('Ada');
  });
});
