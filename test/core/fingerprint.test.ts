// Row fingerprints: equal for equal rows, different when any cell changes, and they tell who the row is about.
import { contactFingerprint, personKey, rowFingerprint, samePerson } from '../../src/core/fingerprint';

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

describe('contactFingerprint', () => {
  const headers = ['Name', 'Status', 'Company'];

  it('knows the person (Company and Name, loosely written) apart from the other cells', () => {
    const fp = contactFingerprint(5, headers, ['Ann Lee', 'To contact', 'Acme']);
    expect(personKey(headers, [' ann  lee', 'Messaged', 'ACME'])).toBe(
      personKey(headers, ['Ann Lee', '', 'Acme']),
    );
    expect(samePerson(fp, personKey(headers, ['Ann Lee', 'Messaged', 'Acme']))).toBe(true);
    expect(samePerson(fp, personKey(headers, ['Bob Ray', 'To contact', 'Acme']))).toBe(false);
    expect(fp).not.toBe(contactFingerprint(5, headers, ['Ann Lee', 'Messaged', 'Acme']));
  });
});
