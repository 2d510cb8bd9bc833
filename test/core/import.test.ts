// Reading Connections.csv: RFC 4180 parsing, the Notes preamble, header checks, records and limits.

import { findHeader, MAX_CONNECTIONS, parseCsv, profileKey, readExport } from '../../src/core/import';

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const PREAMBLE =
  'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing, see https://www.linkedin.com/help"\n\n';

describe('parseCsv', () => {
  it.each<[string, string, string[][]]>([
    [
      'plain fields',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF and a trailing newline',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['a quoted comma', '"Smith, Jr",x', [['Smith, Jr', 'x']]],
    ['doubled quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    [
      'a quoted line break',
      '"two\nlines",x\ny,z',
      [
        ['two\nlines', 'x'],
        ['y', 'z'],
      ],
    ],
    ['empty fields', ',,\n', [['', '', '']]],
    ['a BOM', '\uFEFFa,b', [['a', 'b']]],
    ['a quote inside an unquoted field', 'O"Neil,x', [['O"Neil', 'x']]],
    ['a blank line', 'a\n\nb', [['a'], [''], ['b']]],
  ])('%s', (_, text, expected) => {
    expect(parseCsv(text)).toEqual(expected);
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('"abc,d\n')).toThrow(/never closed/);
  });
});

describe('findHeader', () => {
  it('skips the Notes preamble', () => {
    const h = findHeader(parseCsv(`${PREAMBLE}${HEADER}\nAnn,Lee,u,,Acme,Eng,x`));
    expect(h?.row).toBe(3);
    expect(h?.missing).toEqual([]);
  });

  it('names the missing columns', () => {
    expect(findHeader(parseCsv('First Name,Last Name,Company\n'))?.missing).toEqual(['URL', 'Position']);
  });

  it('finds nothing in an unrelated file', () => {
    expect(findHeader(parseCsv('a,b,c\n1,2,3'))).toBeNull();
  });
});

describe('profileKey', () => {
  it.each([
    ['https://www.linkedin.com/in/ann-lee/', 'linkedin.com/in/ann-lee'],
    ['http://linkedin.com/in/Ann-Lee?trk=x', 'linkedin.com/in/ann-lee'],
    ['  ', ''],
  ])('%s → %s', (url, key) => {
    expect(profileKey(url)).toBe(key);
  });
});

describe('readExport', () => {
  const file = (lines: string[]) => `${PREAMBLE}${HEADER}\n${lines.join('\n')}\n`;

  it('reads each record, trimmed, in LinkedIn’s fields', () => {
    expect(
      readExport(file([' Ann , Lee ,https://linkedin.com/in/ann,a@x.io,Acme,"Engineer, ML",01 Mar 2026'])),
    ).toEqual({
      records: [
        {
          firstName: 'Ann',
          lastName: 'Lee',
          url: 'https://linkedin.com/in/ann',
          email: 'a@x.io',
          company: 'Acme',
          position: 'Engineer, ML',
          connectedOn: '01 Mar 2026',
        },
      ],
      noName: 0,
    });
  });

  it('drops blank lines, counts records with neither name nor URL, keeps records without company', () => {
    const r = readExport(file(['', ',,,,,,', ',,,,Acme,Eng,', 'Ann,Lee,,,,,']));
    expect(r.noName).toBe(1);
    expect(r.records.map((x) => [x.firstName, x.company])).toEqual([['Ann', '']]);
  });

  it('reads the file without its optional columns', () => {
    const r = readExport('Company,Position,URL,Last Name,First Name\nAcme,Eng,u,Lee,Ann\n');
    expect(r.records[0]).toMatchObject({ firstName: 'Ann', company: 'Acme', email: '', connectedOn: '' });
  });

  it('explains what is wrong with a file that is not an export, or holds nobody', () => {
    expect(() => readExport('hello,world\n')).toThrow(/Connections\.csv/);
    expect(() => readExport('First Name,Last Name,URL,Company\n')).toThrow(/the column Position/);
    expect(() => readExport(file([]))).toThrow(/no connection under it/);
    expect(() => readExport(file([',,,,Acme,,']))).toThrow(/no connection under it/);
  });

  it('refuses more connections than LinkedIn allows', () => {
    const lines = Array.from({ length: MAX_CONNECTIONS + 1 }, (_, i) => `A,B${i},,,C,P,`);
    expect(() => readExport(file(lines))).toThrow(/at most 35,000/);
  });
});
