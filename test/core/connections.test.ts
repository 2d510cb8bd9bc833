// Your network: merging an export into Connections, who reaches Contacts, near misses, the rows' write span, the jobs new people change, the summary.

import {
  CONNECTIONS_HEADERS,
  type Connection,
  dataSpan,
  importSummary,
  laterTargetsSummary,
  parseConnections,
  planConnections,
  planContactsFromConnections,
  rowCells,
  rowsEndingFindPeople,
} from '../../src/core/connections';
import { JOB_ACTIONS } from '../../src/core/followups';
import { type ExportRecord, readExport } from '../../src/core/import';
import { C } from '../../src/core/schema';
import type { Table } from '../../src/core/table';

const rec = (
  first: string,
  last: string,
  company: string,
  position = 'Engineer',
  url = '',
): ExportRecord => ({
  firstName: first,
  lastName: last,
  url,
  email: '',
  company,
  position,
  connectedOn: '01 Mar 2026',
});
const exportOf = (records: ExportRecord[]) => ({ records, noName: 0 });
const EMPTY: Table = { headers: [], rows: [] };

/** A Connections table as the sheet would hold it after the plan's rows were appended. */
function sheetAfter(plan: ReturnType<typeof planConnections>, before: Table = EMPTY): Table {
  const headers = before.headers.length
    ? [...before.headers, ...plan.missingHeaders]
    : [...CONNECTIONS_HEADERS];
  const strip = (v: unknown) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v);
  const rows = before.rows.map((r) => headers.map((_, i) => r[i] ?? ''));
  for (const u of plan.updates) rows[u.index]![headers.indexOf(u.header)] = strip(u.value) as string;
  for (const a of plan.append) rows.push(headers.map((h) => (strip(a[h]) ?? '') as string));
  return { headers, rows };
}

describe('planConnections', () => {
  it('keeps every connection, with LinkedIn’s columns, formula-escaped', () => {
    const p = planConnections(
      exportOf([
        rec('Ann', 'Lee', 'Freelance', 'Consultant', 'https://linkedin.com/in/ann'),
        rec('=x', 'Y', '-Minus Corp'),
      ]),
      EMPTY,
    );
    expect(p.missingHeaders).toEqual(CONNECTIONS_HEADERS);
    expect(p.append).toEqual([
      {
        'First Name': 'Ann',
        'Last Name': 'Lee',
        URL: 'https://linkedin.com/in/ann',
        'Email Address': '',
        Company: 'Freelance',
        Position: 'Consultant',
        'Connected On': '01 Mar 2026',
      },
      expect.objectContaining({ 'First Name': "'=x", Company: "'-Minus Corp" }),
    ]);
    expect(p).toMatchObject({ added: 2, updated: 0, unchanged: 0, repeated: 0 });
  });

  it('is idempotent: the same export again adds and changes nothing', () => {
    const file = exportOf([
      rec('Ann', 'Lee', 'Acme', 'Engineer', 'https://www.linkedin.com/in/ann/'),
      rec('Bob', 'Ray', 'Beta', 'PM'),
    ]);
    const first = planConnections(file, EMPTY);
    const again = planConnections(file, sheetAfter(first));
    expect(again).toMatchObject({
      append: [],
      updates: [],
      added: 0,
      updated: 0,
      unchanged: 2,
      missingHeaders: [],
    });
  });

  it('updates a changed company or position of someone already there, and nothing else', () => {
    const before = sheetAfter(
      planConnections(
        exportOf([
          rec('Ann', 'Lee', 'Acme', 'Engineer', 'https://linkedin.com/in/ann'),
          rec('Bob', 'Ray', 'Beta', 'PM'),
          rec('Cy', 'Oh', 'Gamma Inc.', 'Analyst'),
        ]),
        EMPTY,
      ),
    );
    const p = planConnections(
      exportOf([
        rec('Ann', 'Lee', 'Litware Games', 'Senior Engineer', 'linkedin.com/in/ann'),
        rec('Bob', 'Ray', 'Beta', 'Senior PM'),
        rec('Cy', 'Oh', 'Gamma', 'analyst'),
      ]),
      before,
    );
    expect(p.updates).toEqual([
      { index: 0, header: 'Company', value: 'Litware Games' },
      { index: 0, header: 'Position', value: 'Senior Engineer' },
      { index: 1, header: 'Position', value: 'Senior PM' },
    ]);
    expect(p).toMatchObject({ added: 0, updated: 2, unchanged: 1 });
    expect(p.all.map((x) => [x.name, x.company, x.position])).toEqual([
      ['Ann Lee', 'Litware Games', 'Senior Engineer'],
      ['Bob Ray', 'Beta', 'Senior PM'],
      ['Cy Oh', 'Gamma Inc.', 'Analyst'],
    ]);
  });

  it('dedupes by URL, else by name + company; two URLs are two people', () => {
    const p = planConnections(
      exportOf([
        rec('Ann', 'Lee', 'Acme', 'Eng', 'https://linkedin.com/in/ann'),
        rec('Ann', 'L.', 'Acme', 'Eng', 'https://www.linkedin.com/in/ann/'),
        rec('Bob', 'Ray', 'Beta SAS', 'PM'),
        rec('bob', 'ray', 'Beta', 'PM'),
        rec('Cy', 'Oh', 'Gamma', 'X', 'https://linkedin.com/in/cy-1'),
        rec('Cy', 'Oh', 'Gamma', 'X', 'https://linkedin.com/in/cy-2'),
      ]),
      EMPTY,
    );
    expect(p).toMatchObject({ added: 4, repeated: 2 });
  });

  it('keeps the user’s own columns and finds LinkedIn’s by header wherever they are', () => {
    const before: Table = {
      headers: ['My notes', 'Company', 'First Name', 'Last Name', 'URL', 'Position'],
      rows: [['met at a fair', 'Acme', 'Ann', 'Lee', 'u/ann', 'Engineer']],
    };
    const p = planConnections(exportOf([rec('Ann', 'Lee', 'Acme', 'Lead Engineer', 'u/ann')]), before);
    expect(p.missingHeaders).toEqual(['Email Address', 'Connected On']);
    expect(p.updates).toEqual([{ index: 0, header: 'Position', value: 'Lead Engineer' }]);
  });
});

describe('planContactsFromConnections', () => {
  const people: Connection[] = [
    {
      name: 'Ann Lee',
      company: 'Contoso Energy Inc.',
      position: 'Data Scientist',
      url: 'https://linkedin.com/in/ann',
    },
    { name: 'Bob Ray', company: 'Contoso Energy', position: 'Engineer', url: '' },
    { name: 'Cy Oh', company: 'Freelance', position: 'Consultant', url: '' },
    { name: 'Di Fay', company: 'Self-employed', position: '', url: '' },
    { name: 'Ed Po', company: '', position: '', url: '' },
    { name: 'Flo Ng', company: 'Proseware Cloud', position: 'PM', url: '' },
    { name: 'Gus Tan', company: 'Proseware Cloud', position: 'PM', url: '' },
    { name: 'Hal Ito', company: 'Fabrikam Health SAS', position: '=Boss', url: '' },
    {
      name: 'Ivy Wu',
      company: 'Northwind Analytics, Inc.',
      position: 'Analyst',
      url: 'https://linkedin.com/in/ivy',
    },
  ];
  const jobs = [
    { company: 'Contoso Energy' },
    { company: 'Fabrikam Health' },
    { company: 'Proseware' },
    { company: 'Northwind Analytics' },
    { company: 'Contoso Energy' },
  ];
  const contacts: Table = {
    headers: [C.company, C.job, C.name, C.title, C.profileUrl],
    rows: [['Northwind Analytics', '', 'Someone Else', '', 'linkedin.com/in/ivy']],
  };

  it('adds only the people at a company on Jobs, named as on Jobs, as 1st-degree people to contact', () => {
    const p = planContactsFromConnections(people, contacts, jobs);
    expect(p.rows).toEqual([
      {
        Company: 'Contoso Energy',
        Name: 'Ann Lee',
        Title: 'Data Scientist',
        'Profile URL': 'https://linkedin.com/in/ann',
        Degree: '1st',
        Current: 'Yes',
        Status: 'To contact',
      },
      expect.objectContaining({ Company: 'Contoso Energy', Name: 'Bob Ray' }),
      expect.objectContaining({ Company: 'Fabrikam Health', Name: 'Hal Ito', Title: "'=Boss" }),
    ]);
    expect(p.byCompany).toEqual([
      { company: 'Contoso Energy', added: 2 },
      { company: 'Fabrikam Health', added: 1 },
    ]);
    expect(p).toMatchObject({ alreadyOnContacts: 1, notTarget: 4, noCompany: 1 });
  });

  it('lists near misses it did not dare to match', () => {
    const p = planContactsFromConnections(people, contacts, jobs);
    expect(p.nearMisses).toEqual([{ company: 'Proseware Cloud', target: 'Proseware', people: 2 }]);
  });

  it('adds nobody twice: the people it adds are then known', () => {
    const first = planContactsFromConnections(people, contacts, jobs);
    const after: Table = {
      headers: contacts.headers,
      rows: [
        ...contacts.rows,
        ...first.rows.map((r) => contacts.headers.map((h) => String(r[h] ?? '').replace(/^'/, ''))),
      ],
    };
    const again = planContactsFromConnections(people, after, jobs);
    expect(again.rows).toEqual([]);
    expect(again.alreadyOnContacts).toBe(4);
  });

  it('finds the people at a company added to Jobs later', () => {
    const before = planContactsFromConnections(people, contacts, [{ company: 'Litware Games' }]);
    expect(before.rows).toEqual([]);
    const later = planContactsFromConnections(
      [...people, { name: 'Jo Kim', company: 'Litware Games', position: 'Dev', url: '' }],
      contacts,
      [{ company: 'Litware Games' }],
    );
    expect(later.byCompany).toEqual([{ company: 'Litware Games', added: 1 }]);
    expect(laterTargetsSummary(later.byCompany)).toBe(
      'You know 1 person at Litware Games: added to Contacts.',
    );
    expect(laterTargetsSummary([{ company: 'Litware Games', added: 2 }])).toBe(
      'You know 2 people at Litware Games: added to Contacts.',
    );
    expect(laterTargetsSummary([])).toBe('');
  });
});

describe('parseConnections', () => {
  it('reads people by header, skipping blank rows', () => {
    const t: Table = {
      headers: ['Company', 'Notes', 'First Name', 'Last Name', 'URL', 'Position'],
      rows: [
        ['Acme', 'x', ' Ann', 'Lee ', 'u', 2024],
        ['', '', '', '', '', ''],
      ],
    };
    expect(parseConnections(t)).toEqual([{ name: 'Ann Lee', company: 'Acme', position: '2024', url: 'u' }]);
  });
});

describe('dataSpan', () => {
  const headers = ['Company', 'Job', 'Name', 'Title', 'Profile URL', 'Location', 'Degree', 'Notes', 'Status'];

  it('lays rows out from the first to the last column that holds data, blank in between: one write per row', () => {
    const span = dataSpan(headers, [
      { Company: 'A', Name: 'Ann', Title: '', 'Profile URL': 'u', Degree: '1st', Status: 'To contact' },
      { Company: 'B', Name: 'Bob', Title: 'Eng', 'Profile URL': '', Degree: '1st', Status: 'To contact' },
    ]);
    expect(span).toEqual({
      col: 0,
      values: [
        ['A', '', 'Ann', '', 'u', '', '1st', '', 'To contact'],
        ['B', '', 'Bob', 'Eng', '', '', '1st', '', 'To contact'],
      ],
    });
  });

  it('leaves out the columns before the first and after the last that hold data, and headers the sheet lacks', () => {
    const span = dataSpan(
      ['Mine', 'First Name', 'Email Address', 'Company', 'Notes of mine'],
      [{ 'First Name': 'A', 'Email Address': '', Company: 'C', Missing: 'x' }],
    );
    expect(span).toEqual({ col: 1, values: [['A', '', 'C']] });
  });

  it('follows the sheet’s own column order', () => {
    const span = dataSpan(
      ['Status', 'Name', 'Company'],
      [{ Company: 'A', Name: 'Ann', Status: 'To contact' }],
    );
    expect(span).toEqual({ col: 0, values: [['To contact', 'Ann', 'A']] });
  });

  it('is null when no row holds data on the sheet', () => {
    expect(dataSpan(headers, [])).toBeNull();
    expect(dataSpan(headers, [{ Company: '', Elsewhere: 'x' }])).toBeNull();
  });
});

describe('rowCells', () => {
  it('lays a new row on the sheet’s headers as the sheet will hold it (no apostrophe)', () => {
    expect(
      rowCells(['Name', 'Mine', 'Company', 'Title'], {
        Company: 'Acme',
        Name: "'=Evil",
        Title: 3,
        Other: 'x',
      }),
    ).toEqual(['=Evil', '', 'Acme', 3]);
  });
});

describe('rowsEndingFindPeople', () => {
  const jobs: Table = {
    headers: ['Company', 'Job', 'Outcome', 'Next action'],
    rows: [
      ['Acme', 'Data Scientist', '', JOB_ACTIONS.findPeople],
      ['Globex', 'Engineer', '', 'apply online now'],
      ['Initech', 'PM', '', JOB_ACTIONS.findPeople],
      ['Initech', 'Designer', '', JOB_ACTIONS.findPeople],
      ['Umbrella', 'Chemist', '', ` ${JOB_ACTIONS.findPeople.toUpperCase()} `],
    ],
  };
  const person = (company: string, job = '') => ({
    [C.company]: company,
    [C.job]: job,
    [C.status]: 'To contact',
  });

  it('are the new people linked to a job whose Next action says "find people to contact"', () => {
    const rows = [person('Acme Inc.'), person('Globex'), person('Umbrella'), person('Hooli')];
    expect(rowsEndingFindPeople(rows, jobs, 'Europe/Paris')).toEqual([0, 2]);
  });

  it('follow the job link: a blank Job is the company’s only job, else the job named', () => {
    const rows = [person('Initech'), person('Initech', 'pm'), person('Initech', 'Chemist')];
    expect(rowsEndingFindPeople(rows, jobs, 'Europe/Paris')).toEqual([1]);
  });

  it('are none when Jobs has no Next action column or no job says so', () => {
    const bare: Table = { headers: ['Company', 'Job'], rows: [['Acme', 'Data Scientist']] };
    expect(rowsEndingFindPeople([person('Acme')], bare, 'Europe/Paris')).toEqual([]);
    expect(rowsEndingFindPeople([person('Globex')], jobs, 'Europe/Paris')).toEqual([]);
  });
});

describe('importSummary', () => {
  it('says what was read, kept, added per target company, skipped and why, and the near misses', () => {
    const lines = importSummary({
      read: 495,
      noName: 2,
      connections: { added: 480, updated: 3, unchanged: 9, repeated: 1 },
      contacts: {
        added: 5,
        byCompany: [
          { company: 'Contoso Energy', added: 3 },
          { company: 'Fabrikam Health', added: 2 },
        ],
        alreadyOnContacts: 1,
        notTarget: 484,
        noCompany: 2,
      },
      nearMisses: [{ company: 'Proseware Cloud', target: 'Proseware', people: 2 }],
    });
    expect(lines).toEqual([
      'Read 495 connections; kept on Connections: 480 new, 3 updated (company or position changed), 9 already there.',
      'Skipped: 2 without a name, 1 listed twice in the file.',
      'Added to Contacts: 5 people at your target companies (Contoso Energy 3, Fabrikam Health 2).',
      'Not added to Contacts: 1 already on Contacts, 484 at companies with no job on Jobs, 2 without a company.',
      'Close to a target company but not matched (write the name the same way on Jobs if it is the same employer):',
      '• Proseware Cloud (2 people) — on Jobs: Proseware',
      'Adding a company to Jobs later? Score candidates adds the people you know there from Connections.',
    ]);
  });
});

describe('a whole export', () => {
  it('goes from CSV text to Connections and Contacts', () => {
    const csv = [
      'Notes:',
      '"some text"',
      '',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Ann,Lee,https://linkedin.com/in/ann,,Contoso Energy Inc.,Data Scientist,01 Mar 2026',
      'Cy,Oh,https://linkedin.com/in/cy,,Stealth Startup,Founder,02 Mar 2026',
    ].join('\n');
    const merge = planConnections(readExport(csv), EMPTY);
    const to = planContactsFromConnections(merge.all, { headers: [C.company, C.name], rows: [] }, [
      { company: 'Contoso Energy' },
    ]);
    expect(merge.added).toBe(2);
    expect(to.rows.map((r) => r[C.name])).toEqual(['Ann Lee']);
  });
});
