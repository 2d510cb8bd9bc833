import { columnToLetters, formatA1, lettersToColumn, parseA1, quoteSheetName } from '../../emulator/a1';

describe('A1 notation', () => {
  it('names columns with letters, Z then AA', () => {
    expect([1, 26, 27, 52, 703].map(columnToLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(['A', 'z', 'AA', 'AAA'].map(lettersToColumn)).toEqual([1, 26, 27, 703]);
  });

  it('parses a single cell and a rectangle, in either corner order', () => {
    expect(parseA1('B3')).toEqual({ startRow: 3, startCol: 2, endRow: 3, endCol: 2 });
    expect(parseA1('C4:A1')).toEqual({ startRow: 1, startCol: 1, endRow: 4, endCol: 3 });
    expect(parseA1('$A$1:$B$2')).toEqual({ startRow: 1, startCol: 1, endRow: 2, endCol: 2 });
  });

  it('leaves open bounds for whole columns, whole rows and A2:C', () => {
    expect(parseA1('A:A')).toEqual({ startCol: 1, endCol: 1, startRow: undefined, endRow: undefined });
    expect(parseA1('1:1')).toEqual({ startRow: 1, endRow: 1, startCol: undefined, endCol: undefined });
    expect(parseA1('A2:C')).toEqual({ startRow: 2, startCol: 1, endCol: 3, endRow: undefined });
  });

  it('reads the sheet name, quoted or not', () => {
    expect(parseA1("'My sheet'!A1")?.sheetName).toBe('My sheet');
    expect(parseA1("'It''s'!A1")?.sheetName).toBe("It's");
    expect(parseA1('Data!A1:B2')?.sheetName).toBe('Data');
  });

  it.each(['', 'A', '1', 'A0', '1A', 'A1:B2:C3', 'A1:3', 'A:C5', 'hello world'])('rejects %p', (s) => {
    expect(parseA1(s)).toBeNull();
  });

  it('formats one cell as B3 and a rectangle as A1:C4', () => {
    expect(formatA1(3, 2)).toBe('B3');
    expect(formatA1(1, 1, 4, 3)).toBe('A1:C4');
  });

  it('quotes sheet names that need it', () => {
    expect(quoteSheetName('Data')).toBe('Data');
    expect(quoteSheetName('My sheet')).toBe("'My sheet'");
  });
});
