// A realistic fictional sample (companies, jobs, contacts at every stage) for "Load example data".

import { type Day, midnightOf, ymdOf, zonedToInstant } from './dates';
import { C, J } from './schema';
import type { Cell } from './values';

/** One example row, keyed by contract header. */
export type ExampleRow = Readonly<Record<string, Cell>>;

interface Person {
  company: string;
  job?: string;
  name: string;
  title: string;
  location: string;
  tz?: string;
  current?: 'Yes' | 'No' | '';
  degree: string;
  premium: 'Yes' | 'No' | '';
  open?: 'Yes' | 'No';
  school?: 'Yes' | 'No';
  common?: string;
  mutual?: string;
  status: string;
  /** Days before today for Messaged on / Replied on / Referred on / Thanked on, and call offset. */
  messaged?: number;
  replied?: number;
  call?: number;
  referred?: number;
  thanked?: number;
  shared?: number;
  notes?: string;
}

const JOBS: readonly {
  company: string;
  job: string;
  url: string;
  process: string;
  apply: string;
  applied?: number;
  outcome: string;
  outcomeOn?: number;
}[] = [
  {
    company: 'Northwind Analytics',
    job: 'Data Scientist',
    url: 'https://careers.northwind.example/ds-114',
    process: 'Internal referral form; recruiter calls within a week',
    apply: 'After referral',
    applied: 3,
    outcome: 'Interview',
    outcomeOn: 1,
  },
  {
    company: 'Contoso Energy',
    job: 'Machine Learning Engineer',
    url: 'https://jobs.contoso.example/ml-22',
    process: 'Employee sends your CV to the recruiter',
    apply: 'Before referral',
    applied: 12,
    outcome: 'Pending',
  },
  {
    company: 'Fabrikam Health',
    job: 'Data Scientist',
    url: 'https://fabrikam.example/careers/4471',
    process: 'Referral portal, needs the job ID',
    apply: 'After referral',
    applied: 20,
    outcome: 'Rejected',
    outcomeOn: 4,
  },
  {
    company: 'Tailspin Mobility',
    job: 'Data Analyst',
    url: 'https://tailspin.example/jobs/da',
    process: '',
    apply: 'Unknown',
    outcome: 'Pending',
  },
  {
    company: 'Wide World Importers',
    job: 'Analytics Engineer',
    url: 'https://wwi.example/careers/ae',
    process: 'Referral form, then apply online with the same email',
    apply: 'Before referral',
    applied: 30,
    outcome: 'Offer',
    outcomeOn: 2,
  },
  {
    company: 'Adatum Bank',
    job: 'Quantitative Analyst',
    url: 'https://adatum.example/jobs/quant',
    process: 'Manager referral only',
    apply: 'After referral',
    applied: 40,
    outcome: 'Accepted',
    outcomeOn: 6,
  },
  {
    company: 'Litware Games',
    job: 'Data Scientist',
    url: 'https://litware.example/jobs/ds',
    process: '',
    apply: 'Unknown',
    applied: 25,
    outcome: 'Withdrawn',
    outcomeOn: 10,
  },
  {
    company: 'Proseware Cloud',
    job: 'Machine Learning Engineer',
    url: 'https://proseware.example/careers/mle',
    process: 'Referral bonus program; CV to talent team',
    apply: 'Unknown',
    outcome: 'Pending',
  },
  {
    company: 'Coho Vineyard Tech',
    job: 'Data Analyst',
    url: 'https://coho.example/jobs/analyst',
    process: '',
    apply: 'Unknown',
    outcome: 'Pending',
  },
];

const PEOPLE: readonly Person[] = [
  // Northwind Analytics — referred, interview under way
  {
    company: 'Northwind Analytics',
    name: 'Camille Laurent',
    title: 'Senior Data Scientist',
    location: 'Greater Paris Metropolitan Region',
    degree: '2nd',
    premium: 'Yes',
    school: 'Yes',
    common: 'Python meetup; Kaggle',
    mutual: 'Hugo Martin',
    status: 'Referred',
    messaged: 14,
    replied: 12,
    call: -9,
    referred: 8,
    thanked: 8,
  },
  {
    company: 'Northwind Analytics',
    name: 'Julien Moreau',
    title: 'Lead Data Scientist',
    location: 'Lyon, Auvergne-Rhône-Alpes, France',
    degree: '2nd',
    premium: 'No',
    common: 'Same bootcamp',
    status: 'Call done',
    messaged: 10,
    replied: 7,
    call: -2,
  },
  {
    company: 'Northwind Analytics',
    name: 'Sofia Rossi',
    title: 'Data Engineer',
    location: 'Milan, Lombardy, Italy',
    degree: '3rd',
    premium: 'Yes',
    status: 'To contact',
  },
  {
    company: 'Northwind Analytics',
    name: 'Thomas Bernard',
    title: 'VP Engineering',
    location: 'Greater Paris Metropolitan Region',
    degree: '3rd',
    premium: 'No',
    status: 'Skip',
    notes: 'Too senior for a first contact',
  },
  // Contoso Energy — calls scheduled
  {
    company: 'Contoso Energy',
    name: 'Priya Natarajan',
    title: 'Machine Learning Engineer II',
    location: 'Bengaluru, Karnataka, India',
    degree: '2nd',
    premium: 'Yes',
    open: 'Yes',
    common: 'IIT alumni network',
    status: 'Call scheduled',
    messaged: 6,
    replied: 4,
    call: 2,
  },
  {
    company: 'Contoso Energy',
    name: 'Daniel Okafor',
    title: 'Sr. ML Engineer',
    location: 'London Area, United Kingdom',
    degree: '2nd',
    premium: 'No',
    school: 'Yes',
    status: 'Replied',
    messaged: 5,
    replied: 1,
  },
  {
    company: 'Contoso Energy',
    name: 'Emily Carter',
    title: 'Software Engineer',
    location: 'Greater Seattle Area',
    degree: '3rd',
    premium: 'No',
    status: 'To contact',
  },
  {
    company: 'Contoso Energy',
    name: 'Lars Eriksen',
    title: 'Head of Data',
    location: 'Oslo, Norway',
    degree: '3rd',
    premium: 'Yes',
    status: 'Declined',
    messaged: 20,
    replied: 18,
  },
  {
    company: 'Contoso Energy',
    name: 'Mei Lin',
    title: 'Machine Learning Intern',
    location: 'Singapore',
    degree: '2nd',
    premium: 'No',
    current: '',
    status: 'To contact',
  },
  // Fabrikam Health — rejected after referral; outcome to share
  {
    company: 'Fabrikam Health',
    name: 'Hannah Schmidt',
    title: 'Data Scientist',
    location: 'Berlin Metropolitan Area',
    degree: '1st',
    premium: 'Yes',
    school: 'Yes',
    status: 'Referred',
    messaged: 30,
    replied: 29,
    call: -26,
    referred: 25,
    thanked: 25,
  },
  {
    company: 'Fabrikam Health',
    name: 'Omar Haddad',
    title: 'Staff Data Scientist',
    location: 'Greater Boston',
    degree: '2nd',
    premium: 'Yes',
    status: 'No reply',
    messaged: 21,
  },
  {
    company: 'Fabrikam Health',
    name: 'Grace Kim',
    title: 'Analytics Manager',
    location: 'New York City Metropolitan Area',
    degree: '2nd',
    premium: 'No',
    common: 'Women in Data',
    status: 'Messaged',
    messaged: 9,
  },
  {
    company: 'Fabrikam Health',
    name: 'Lucas Petit',
    title: 'Stagiaire Data Science',
    location: 'Toulouse, Occitanie, France',
    degree: '3rd',
    premium: 'No',
    status: 'To contact',
  },
  // Tailspin Mobility — nothing sent yet
  {
    company: 'Tailspin Mobility',
    name: 'Chloé Dubois',
    title: 'Data Analyst senior',
    location: 'Greater Paris Metropolitan Region',
    degree: '2nd',
    premium: 'Yes',
    school: 'Yes',
    common: 'Same volunteering association',
    status: 'To contact',
  },
  {
    company: 'Tailspin Mobility',
    name: 'Antoine Girard',
    title: 'Responsable BI',
    location: 'Nantes, Pays de la Loire, France',
    degree: '2nd',
    premium: 'No',
    mutual: 'Claire Fontaine',
    status: 'To contact',
  },
  {
    company: 'Tailspin Mobility',
    name: 'Nina Kowalski',
    title: 'Product Designer',
    location: 'Warsaw, Mazowieckie, Poland',
    degree: '3rd',
    premium: 'No',
    status: 'To contact',
  },
  {
    company: 'Tailspin Mobility',
    name: 'Rafael Souza',
    title: 'Business Analyst',
    location: 'São Paulo, Brazil',
    degree: '3rd',
    premium: 'Yes',
    open: 'Yes',
    status: 'To contact',
  },
  {
    company: 'Tailspin Mobility',
    name: 'Paul Lefèvre',
    title: 'Data Analyst',
    location: 'Lille, Hauts-de-France, France',
    degree: '1st',
    premium: 'No',
    current: 'No',
    status: 'To contact',
    notes: 'Left in the spring',
  },
  // Wide World Importers — offer; outcome to share
  {
    company: 'Wide World Importers',
    name: 'Aisha Bello',
    title: 'Senior Analytics Engineer',
    location: 'Greater London',
    degree: '2nd',
    premium: 'Yes',
    common: 'dbt community',
    status: 'Referred',
    messaged: 45,
    replied: 44,
    call: -41,
    referred: 40,
    thanked: 39,
    shared: 20,
  },
  {
    company: 'Wide World Importers',
    name: 'Ben Thompson',
    title: 'Analytics Engineer',
    location: 'Manchester Area, United Kingdom',
    degree: '2nd',
    premium: 'No',
    status: 'Call done',
    messaged: 44,
    replied: 43,
    call: -40,
    thanked: 39,
  },
  {
    company: 'Wide World Importers',
    name: 'Kenji Watanabe',
    title: 'Data Platform Manager',
    location: 'Tokyo, Japan',
    degree: '3rd',
    premium: 'Yes',
    status: 'No reply',
    messaged: 44,
  },
  {
    company: 'Wide World Importers',
    name: 'Laura García',
    title: 'Marketing Manager',
    location: 'Madrid, Community of Madrid, Spain',
    degree: '3rd',
    premium: 'No',
    status: 'Skip',
  },
  // Adatum Bank — accepted
  {
    company: 'Adatum Bank',
    name: 'Isabelle Roux',
    title: 'Quantitative Analyst',
    location: 'Greater Paris Metropolitan Region',
    degree: '1st',
    premium: 'Yes',
    school: 'Yes',
    common: 'Same master’s program',
    status: 'Referred',
    messaged: 60,
    replied: 59,
    call: -55,
    referred: 54,
    thanked: 54,
    shared: 5,
  },
  {
    company: 'Adatum Bank',
    name: 'Mark Davies',
    title: 'Head of Quant Research',
    location: 'London Area, United Kingdom',
    degree: '2nd',
    premium: 'Yes',
    status: 'Call done',
    messaged: 58,
    replied: 50,
    call: -48,
    thanked: 47,
  },
  {
    company: 'Adatum Bank',
    name: 'Elena Popescu',
    title: 'Quant Developer',
    location: 'Bucharest, Romania',
    degree: '2nd',
    premium: 'No',
    status: 'Declined',
    messaged: 58,
    replied: 57,
  },
  {
    company: 'Adatum Bank',
    name: 'Arjun Mehta',
    title: 'Risk Analyst',
    location: 'Mumbai, Maharashtra, India',
    degree: '3rd',
    premium: 'No',
    status: 'No reply',
    messaged: 57,
  },
  // Litware Games — withdrawn
  {
    company: 'Litware Games',
    name: 'Zoé Marchand',
    title: 'Data Scientist',
    location: 'Montreal, Quebec, Canada',
    degree: '2nd',
    premium: 'Yes',
    common: 'Game jam',
    status: 'Call done',
    messaged: 35,
    replied: 33,
    call: -30,
    thanked: 29,
  },
  {
    company: 'Litware Games',
    name: 'Tom Becker',
    title: 'Game Designer',
    location: 'Hamburg, Germany',
    degree: '3rd',
    premium: 'No',
    status: 'Skip',
  },
  {
    company: 'Litware Games',
    name: 'Sara Lindqvist',
    title: 'Senior Data Scientist',
    location: 'Stockholm, Sweden',
    degree: '2nd',
    premium: 'No',
    status: 'No reply',
    messaged: 34,
  },
  {
    company: 'Litware Games',
    name: 'Diego Hernández',
    title: 'Data Science Manager',
    location: 'Barcelona, Catalonia, Spain',
    degree: '3rd',
    premium: 'Yes',
    open: 'Yes',
    status: 'Declined',
    messaged: 34,
    replied: 30,
  },
  // Proseware Cloud — fresh messages
  {
    company: 'Proseware Cloud',
    name: 'Ahmed Karim',
    title: 'Senior Machine Learning Engineer',
    location: 'San Francisco Bay Area',
    degree: '2nd',
    premium: 'Yes',
    school: 'Yes',
    status: 'Messaged',
    messaged: 2,
  },
  {
    company: 'Proseware Cloud',
    name: 'Olivia Brown',
    title: 'ML Eng',
    location: 'Greater Seattle Area',
    degree: '2nd',
    premium: 'No',
    common: 'Open-source contributor',
    status: 'Messaged',
    messaged: 8,
  },
  {
    company: 'Proseware Cloud',
    name: 'Rohan Gupta',
    title: 'SDE II',
    location: 'Hyderabad, Telangana, India',
    degree: '3rd',
    premium: 'No',
    status: 'To contact',
  },
  {
    company: 'Proseware Cloud',
    name: 'Jessica Wong',
    title: 'Director of Machine Learning',
    location: 'Vancouver, British Columbia, Canada',
    degree: '3rd',
    premium: 'Yes',
    status: 'To contact',
  },
  {
    company: 'Proseware Cloud',
    name: 'Marc Fontaine',
    title: 'Ingénieur Machine Learning',
    location: 'Grenoble, Auvergne-Rhône-Alpes, France',
    degree: '2nd',
    premium: 'No',
    mutual: 'Léa Morel',
    status: 'Replied',
    messaged: 4,
    replied: 0,
  },
  // Coho Vineyard Tech — call scheduled, to contact
  {
    company: 'Coho Vineyard Tech',
    name: 'Ana Costa',
    title: 'Data Analyst',
    location: 'Lisbon, Portugal',
    degree: '2nd',
    premium: 'Yes',
    common: 'Wine club; Lisbon',
    status: 'Call scheduled',
    messaged: 7,
    replied: 5,
    call: 0,
  },
  {
    company: 'Coho Vineyard Tech',
    name: 'Pierre Lambert',
    title: 'Chef de projet data',
    location: 'Bordeaux, Nouvelle-Aquitaine, France',
    degree: '1st',
    premium: 'No',
    school: 'Yes',
    status: 'To contact',
  },
  {
    company: 'Coho Vineyard Tech',
    name: 'Fatima Zahra',
    title: 'Junior Data Analyst',
    location: 'Casablanca, Morocco',
    degree: '3rd',
    premium: 'No',
    status: 'To contact',
  },
  {
    company: 'Coho Vineyard Tech',
    name: 'Henry Walker',
    title: 'CEO',
    location: 'Greater Sydney Area',
    degree: '3rd',
    premium: 'Yes',
    status: 'To contact',
  },
  {
    company: 'Coho Vineyard Tech',
    name: 'Inès Bouchard',
    title: 'Business Intelligence Developer',
    location: 'Brussels Metropolitan Area',
    degree: '2nd',
    premium: 'No',
    common: 'Same hometown',
    status: 'Messaged',
    messaged: 11,
  },
];

/** The sample's Jobs rows, with dates relative to `today` in `timeZone`. */
export function exampleJobs(today: Day, timeZone: string): ExampleRow[] {
  const date = (ago?: number): Cell => (ago === undefined ? '' : new Date(midnightOf(today - ago, timeZone)));
  return JOBS.map((j) => ({
    [J.company]: j.company,
    [J.job]: j.job,
    [J.postingUrl]: j.url,
    [J.referralProcess]: j.process,
    [J.apply]: j.apply,
    [J.appliedOn]: date(j.applied),
    [J.outcome]: j.outcome,
    [J.outcomeOn]: date(j.outcomeOn),
    [J.notes]: '',
  }));
}

/** The sample's Contacts rows, with dates relative to `today` in `timeZone`. */
export function exampleContacts(today: Day, timeZone: string): ExampleRow[] {
  const date = (ago?: number): Cell => (ago === undefined ? '' : new Date(midnightOf(today - ago, timeZone)));
  return PEOPLE.map((p) => {
    let call: Cell = '';
    if (p.call !== undefined) {
      const { year, month, day } = ymdOf(today + p.call);
      call = new Date(zonedToInstant(year, month, day, p.call === 0 ? 17 : 15, 30, timeZone));
    }
    return {
      [C.company]: p.company,
      [C.job]: '',
      [C.name]: p.name,
      [C.title]: p.title,
      [C.profileUrl]: `https://www.linkedin.com/in/${p.name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z]+/g, '-')}-example`,
      [C.location]: p.location,
      [C.timeZone]: p.tz ?? '',
      [C.current]: p.current ?? 'Yes',
      [C.degree]: p.degree,
      [C.premium]: p.premium,
      [C.openProfile]: p.open ?? 'No',
      [C.sameSchool]: p.school ?? 'No',
      [C.inCommon]: p.common ?? '',
      [C.mutual]: p.mutual ?? '',
      [C.status]: p.status,
      [C.messagedOn]: date(p.messaged),
      [C.repliedOn]: date(p.replied),
      [C.callOn]: call,
      [C.referredOn]: date(p.referred),
      [C.thankedOn]: date(p.thanked),
      [C.outcomeSharedOn]: date(p.shared),
      [C.notes]: p.notes ?? '',
    };
  });
}

/** Lays example rows out in a sheet's own column order (columns not in the row stay ''). */
export function toSheetRows(rows: readonly ExampleRow[], headers: readonly string[]): Cell[][] {
  const keys = headers.map((h) => h.trim().toLowerCase());
  return rows.map((r) => {
    const lower = new Map(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v]));
    return keys.map((k) => lower.get(k) ?? '');
  });
}

/** Settings the sample fills in when they are blank, so drafted messages have no gaps. */
export const EXAMPLE_SETTINGS: Readonly<Record<string, string>> = {
  'Your name': 'Alex Moreau',
  'Your school': 'Université Example',
  Sector: 'data science',
};

/**
 * The Settings cells to fill for the sample: `[row index in rows, value]` for each example
 * setting whose Value is blank (rows are `[Setting, Value, …]`, header excluded).
 */
export function exampleSettingWrites(rows: readonly (readonly Cell[])[]): [number, string][] {
  const out: [number, string][] = [];
  rows.forEach((r, i) => {
    const name = String(r[0] ?? '').trim();
    const value = EXAMPLE_SETTINGS[name];
    if (value !== undefined && String(r[1] ?? '').trim() === '') out.push([i, value]);
  });
  return out;
}
