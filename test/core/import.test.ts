// Connections.csv import: RFC 4180 parsing, the Notes preamble, header checks, mapping, dedupe and escaping.

import { findHeader, parseCsv, planImport, profileKey } from '../../src/core/import';
import { C } from '../../src/core/schema';
import type { Table } from '../../src/core/table';

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const PREAMBLE =
  'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing, see https://www.linkedin.com/help"\n\n';

const CONTACTS: Table = {
  headers: [C.company, C.job, C.name, C.title, C.profileUrl, C.current, C.degree, C.status, C.notes],
  rows: [],
};

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

describe('planImport', () => {
  const file = (lines: string[]) => `${PREAMBLE}${HEADER}\n${lines.join('\n')}\n`;

  it('maps a connection onto the Contacts headers', () => {
    const plan = planImport(
      file(['Ann,Lee,https://linkedin.com/in/ann,,Acme,"Engineer, ML",01 Mar 2026']),
      CONTACTS,
    );
    expect(plan).toEqual({
      rows: [
        [
          'Acme',
          '',
          'Ann Lee',
          'Engineer, ML',
          'https://linkedin.com/in/ann',
          'Yes',
          '1st',
          'To contact',
          '',
        ],
      ],
      added: 1,
      duplicates: 0,
      skipped: 0,
    });
  });

  it.each<[string, string[], Table['rows'], { added: number; duplicates: number; skipped: number }]>([
    ['no name', [',,u1,,Acme,Eng,'], [], { added: 0, duplicates: 0, skipped: 1 }],
    ['no company', ['Ann,Lee,u1,,,Eng,'], [], { added: 0, duplicates: 0, skipped: 1 }],
    ['blank lines are ignored', ['', ',,,,,,'], [], { added: 0, duplicates: 0, skipped: 0 }],
    [
      'same URL twice in the file',
      [
        'Ann,Lee,https://linkedin.com/in/ann,,Acme,Eng,',
        'Ann,L.,https://www.linkedin.com/in/ann/,,Acme,Eng,',
      ],
      [],
      { added: 1, duplicates: 1, skipped: 0 },
    ],
    [
      'same URL already on Contacts',
      ['Ann,Lee,https://linkedin.com/in/ann,,Acme,Eng,'],
      [['Other Co', '', 'Ann Lee', '', 'https://linkedin.com/in/ann', '', '', '', '']],
      { added: 0, duplicates: 1, skipped: 0 },
    ],
    [
      'same name and company (case-insensitive), typed without URL',
      ['Ann,Lee,https://linkedin.com/in/ann,,Acme,Eng,'],
      [['ACME', '', 'ann lee', '', '', '', '', '', '']],
      { added: 0, duplicates: 1, skipped: 0 },
    ],
    [
      'same name and company but two different URLs: two people',
      ['Ann,Lee,https://linkedin.com/in/ann-2,,Acme,Eng,'],
      [['Acme', '', 'Ann Lee', '', 'https://linkedin.com/in/ann-1', '', '', '', '']],
      { added: 1, duplicates: 0, skipped: 0 },
    ],
    [
      'no URL in the file, same name and company on Contacts',
      ['Ann,Lee,,,Acme,Eng,'],
      [['Acme', '', 'Ann Lee', '', 'https://linkedin.com/in/ann-1', '', '', '', '']],
      { added: 0, duplicates: 1, skipped: 0 },
    ],
  ])('%s', (_, lines, existing, counts) => {
    const { rows, ...got } = planImport(file(lines), { ...CONTACTS, rows: existing });
    expect(got).toEqual(counts);
    expect(rows).toHaveLength(counts.added);
  });

  it('formula-escapes every text it writes', () => {
    const plan = planImport(file(['=cmd,x,+u,,@Acme,-Eng,']), CONTACTS);
    expect(plan.rows[0]).toEqual(["'@Acme", '', "'=cmd x", "'-Eng", "'+u", 'Yes', '1st', 'To contact', '']);
  });

  it('imports nothing twice: a second plan over the first result adds nothing', () => {
    const text = file(['Ann,Lee,https://linkedin.com/in/ann,,Acme,Eng,', 'Bob,Ray,,,Beta,PM,']);
    const first = planImport(text, CONTACTS);
    const second = planImport(text, { ...CONTACTS, rows: first.rows });
    expect(second.added).toBe(0);
    expect(second.duplicates).toBe(2);
  });

  it('explains what is wrong with a file that is not an export', () => {
    expect(() => planImport('hello,world\n', CONTACTS)).toThrow(/Connections\.csv/);
    expect(() => planImport('First Name,Last Name,URL,Company\n', CONTACTS)).toThrow(/the column Position/);
  });

  it('needs Name and Company on Contacts', () => {
    expect(() => planImport(file([]), { headers: ['Foo'], rows: [] })).toThrow(/Set up tracker/);
  });
});
