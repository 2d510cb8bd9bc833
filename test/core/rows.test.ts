// Contacts and Jobs rows: parsing by header, problems naming row and column, job lookup.
import { dayFromYmd } from '../../src/core/dates';
import { jobFor, jobIndex, parseContacts, parseJobs } from '../../src/core/rows';

const TZ = 'Europe/Paris';

describe('parseContacts', () => {
  it('finds columns by header text whatever their order and case', () => {
    const table = {
      headers: ['  name ', 'STATUS', 'company', 'My column', 'Degree'],
      rows: [['Ada', 'replied', 'Acme', 'x', '2nd']],
    };
    const [c] = parseContacts(table, TZ);
    expect(c).toMatchObject({ name: 'Ada', company: 'Acme', status: 'Replied', degree: 2, row: 2 });
  });

  it('reads a blank Status as To contact and skips blank rows', () => {
    const table = {
      headers: ['Company', 'Name', 'Status'],
      rows: [
        ['', '', ''],
        ['Acme', 'Bob', ''],
      ],
    };
    const list = parseContacts(table, TZ);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ row: 3, status: 'To contact' });
  });

  it('names the row and the column of each bad cell', () => {
    const table = {
      headers: ['Company', 'Name', 'Degree', 'Premium', 'Messaged on'],
      rows: [['', 'Ann', '4th', 'perhaps', 'last week']],
    };
    const [c] = parseContacts(table, TZ);
    expect(c!.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Company'],
      [2, 'Degree'],
      [2, 'Premium'],
      [2, 'Messaged on'],
    ]);
  });

  it('reads date cells as calendar days in the spreadsheet time zone', () => {
    // 23:30 UTC on 9 March is already 10 March in Paris.
    const table = {
      headers: ['Company', 'Name', 'Messaged on'],
      rows: [['Acme', 'Ann', new Date('2026-03-09T23:30:00Z')]],
    };
    expect(parseContacts(table, TZ)[0]!.messagedOn).toBe(dayFromYmd(2026, 3, 10));
    expect(parseContacts(table, 'America/New_York')[0]!.messagedOn).toBe(dayFromYmd(2026, 3, 9));
  });
});

describe('jobFor', () => {
  const jobs = parseJobs(
    {
      headers: ['Company', 'Job', 'Apply'],
      rows: [
        ['Acme', 'Data Scientist', 'After referral'],
        ['Beta', 'Analyst', ''],
        ['Beta', 'Engineer', ''],
      ],
    },
    TZ,
  );

  it('links by Company and Job, case-insensitively', () => {
    expect(jobFor({ company: 'ACME', job: 'data scientist' }, jobs)?.apply).toBe('After referral');
  });

  it('links a blank Job to the company’s only job, and to nothing when there are several', () => {
    expect(jobFor({ company: 'Acme', job: '' }, jobs)?.job).toBe('Data Scientist');
    expect(jobFor({ company: 'Beta', job: '' }, jobs)).toBeNull();
  });

  it('links a contact to the job of the same employer written differently (PRODUCT point 25)', () => {
    expect(jobFor({ company: 'Acme, Inc.', job: 'Data Scientist' }, jobs)?.job).toBe('Data Scientist');
    expect(jobFor({ company: 'ACME SAS', job: '' }, jobs)?.job).toBe('Data Scientist');
    expect(jobFor({ company: 'Acme Cloud', job: '' }, jobs)).toBeNull();
    expect(jobFor({ company: '', job: 'Analyst' }, jobs)).toBeNull();
  });

  it('gives the same answers through the indexed lookup', () => {
    const find = jobIndex(jobs);
    for (const c of [
      { company: 'acme', job: '' },
      { company: 'Beta', job: 'engineer' },
      { company: 'Beta', job: '' },
      { company: 'Gamma', job: 'x' },
    ]) {
      expect(find(c)).toBe(jobFor(c, jobs));
    }
  });
});
