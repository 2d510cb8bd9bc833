// The company-name matcher: real-looking names that are the same employer, and near misses that are not.
import { companyKey, companyWords, NearIndex, sameCompany } from '../../src/core/companies';

const nearCompany = (a: string, b: string) => new NearIndex([a]).near(b).length > 0;

describe('sameCompany', () => {
  it.each([
    ['Contoso Energy', 'Contoso Energy Inc.'],
    ['Northwind Analytics', 'Northwind Analytics, Inc.'],
    ['Fabrikam Health', 'Fabrikam Health SAS'],
    ['Fabrikam Health', 'FABRIKAM HEALTH S.A.S.'],
    ['Société Générale', 'Societe Generale SA'],
    ['Crédit Agricole', 'CREDIT AGRICOLE S.A.'],
    ['Tailspin Toys', 'The Tailspin Toys Ltd'],
    ['The Phone Company', 'Phone Company'],
    ['Procter & Gamble', 'Procter and Gamble'],
    ['Marks & Spencer Group plc', 'Marks and Spencer'],
    ['Wide World Importers', 'Wide World Importers Limited'],
    ['Adventure Works', 'Adventure Works Corp.'],
    ['Adventure Works', 'Adventure Works Corporation'],
    ['Litware', 'Litware GmbH'],
    ['Litware', 'Litware AG'],
    ['Woodgrove Bank', 'Woodgrove Bank N.V.'],
    ['Woodgrove Bank', 'Woodgrove Bank B.V.'],
    ['Blue Yonder', 'Blue Yonder LLC'],
    ['Trey Research', 'Trey Research Group'],
    ['Lucerne Publishing', 'Lucerne Publishing Co.'],
    ['Lucerne Publishing', 'Lucerne Publishing Group Ltd.'],
    ['Coho Vineyard', 'Coho Vineyard SARL'],
    ['Coca-Cola', 'Coca Cola'],
    ['Coca-Cola', 'The Coca-Cola Co'],
    ["L'Oréal", 'LOreal'],
    ['Nestlé', 'NESTLE S.A.'],
    ['  Alpine   Ski House ', 'alpine ski house'],
    ['Yahoo!', 'Yahoo'],
  ])('"%s" is the same employer as "%s"', (a, b) => {
    expect(sameCompany(a, b)).toBe(true);
    expect(sameCompany(b, a)).toBe(true);
  });

  it.each([
    ['Proseware', 'Proseware Cloud'],
    ['Contoso', 'Contoso Energy'],
    ['Contoso Energy', 'Contoso Pharmaceuticals'],
    ['Fabrikam', 'Fabrikan'],
    ['Meta', 'Metadata Inc'],
    ['Apple', 'Applied Materials'],
    ['Stealth Startup', 'Self-employed'],
    ['Group', 'Groupon'],
    ['Northwind Traders', 'Northwind Analytics'],
  ])('"%s" is not the same employer as "%s"', (a, b) => {
    expect(sameCompany(a, b)).toBe(false);
  });

  it('never matches blank names', () => {
    expect(sameCompany('', '')).toBe(false);
    expect(sameCompany('  ', '—')).toBe(false);
  });

  it('keeps names made only of ignored words, and names in other scripts', () => {
    expect(companyKey('The Group')).toBe('group');
    expect(companyKey('Inc')).toBe('inc');
    expect(companyKey('株式会社 任天堂')).not.toBe('');
    expect(sameCompany('任天堂', '任天堂')).toBe(true);
    expect(sameCompany('任天堂', '株式会社')).toBe(false);
  });

  it('drops legal suffixes only at the end and "The" only at the start', () => {
    expect(companyWords('The Contoso Energy, Inc.')).toEqual(['contoso', 'energy']);
    expect(companyWords('Group Health Cooperative')).toEqual(['group', 'health', 'cooperative']);
    expect(companyWords('Bring The Noise')).toEqual(['bring', 'the', 'noise']);
  });
});

describe('NearIndex', () => {
  it.each([
    ['Proseware', 'Proseware Cloud'],
    ['Contoso Energy', 'Contoso'],
    ['Contoso', 'Contosso'],
    ['Northwind Analytics', 'Northwind Analytcs'],
    ['Contoso', 'Cnotoso'],
    ['Research', 'Trey Research'],
  ])('"%s" and "%s" are near misses', (a, b) => {
    expect(nearCompany(a, b)).toBe(true);
    expect(nearCompany(b, a)).toBe(true);
  });

  it.each([
    ['Contoso Energy', 'Contoso Energy Inc.'],
    ['Apple', 'Google'],
    ['Meta', 'Beta'],
    ['Apple', 'Applied Materials'],
    ['', 'Proseware'],
  ])('"%s" and "%s" are not near misses', (a, b) => {
    expect(nearCompany(a, b)).toBe(false);
  });
});

describe('NearIndex over many targets', () => {
  it('gives every target a name nearly matches, in the order the targets came, never one it matches', () => {
    const index = new NearIndex(['Proseware', 'Contoso Energy', 'Proseware Labs', 'Contoso Energy Inc.']);
    expect(index.near('Proseware Cloud')).toEqual(['Proseware']);
    expect(index.near('Proseware')).toEqual([]);
    expect(index.near('Proseware Labs Europe')).toEqual(['Proseware', 'Proseware Labs']);
    expect(index.near('Contoso')).toEqual(['Contoso Energy']);
    expect(index.near('Contoso Energi')).toEqual(['Contoso Energy']);
    expect(index.near('')).toEqual([]);
  });
});
