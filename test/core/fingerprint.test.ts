// Row fingerprints: equal for equal rows, different when any cell changes.
import { rowFingerprint } from '../../src/core/fingerprint';

describe('rowFingerprint', () => {
  const row = ['Acme', 'Ann', 'Messaged', new Date('2026-03-01T00:00:00Z'), 42];

  it('is the same for the same cells, ignoring trailing blanks', () => {
    expect(rowFingerprint(2, row)).toBe(rowFingerprint(2, [...row, '', '']));
  });

  it.each([
    ['a text cell', ['Acme', 'Anne', 'Messaged', row[3], 42]],
    ['a date', ['Acme', 'Ann', 'Messaged', new Date('2026-03-02T00:00:00Z'), 42]],
    ['a number into the same text', ['Acme', 'Ann', 'Messaged', row[3], '42']],
  ])('changes when %s changes', (_what, other) => {
    expect(rowFingerprint(2, other)).not.toBe(rowFingerprint(2, row));
  });

  it('differs between rows with the same cells', () => {
    expect(rowFingerprint(3, row)).not.toBe(rowFingerprint(2, row));
  });
});
