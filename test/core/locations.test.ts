// Tests for inferring a time zone from a LinkedIn location.

import { inferTimeZone, normalizePlace } from '../../src/core/locations';

describe('inferTimeZone', () => {
  it.each([
    ['Greater Paris Metropolitan Region', 'Europe/Paris'],
    ['San Francisco Bay Area', 'America/Los_Angeles'],
    ['Greater London', 'Europe/London'],
    ['New York City Metropolitan Area', 'America/New_York'],
    ['Bengaluru, Karnataka, India', 'Asia/Kolkata'],
    ['Île-de-France, France', 'Europe/Paris'],
    ['Berlin Metropolitan Area', 'Europe/Berlin'],
    ['Greater Seattle Area', 'America/Los_Angeles'],
    ['Toronto, Ontario, Canada', 'America/Toronto'],
    ['Sydney, New South Wales, Australia', 'Australia/Sydney'],
    ['Singapore', 'Asia/Singapore'],
    ['Washington DC-Baltimore Area', 'America/New_York'],
    ['Dallas-Fort Worth Metroplex', 'America/Chicago'],
    ['Frankfurt Rhine-Main Metropolitan Area', 'Europe/Berlin'],
    ['Mumbai Metropolitan Region', 'Asia/Kolkata'],
  ])('knows the metro area %s', (location, zone) => {
    expect(inferTimeZone(location)).toBe(zone);
  });

  it('falls back to the country when the city is not in the table', () => {
    expect(inferTimeZone('Rennes, Brittany, France')).toBe('Europe/Paris');
    expect(inferTimeZone('Jaipur, Rajasthan, India')).toBe('Asia/Kolkata');
    expect(inferTimeZone('France')).toBe('Europe/Paris');
    expect(inferTimeZone('India')).toBe('Asia/Kolkata');
  });

  it('uses a US state or Canadian province when the city is unknown', () => {
    expect(inferTimeZone('Springfield, Illinois, United States')).toBe('America/Chicago');
    expect(inferTimeZone('Redmond, Washington, United States')).toBe('America/Los_Angeles');
    expect(inferTimeZone('Boulder, Colorado, United States')).toBe('America/Denver');
    expect(inferTimeZone('California, United States')).toBe('America/Los_Angeles');
    expect(inferTimeZone('Calgary, Alberta, Canada')).toBe('America/Edmonton');
  });

  it('does not guess for a country that spans several zones', () => {
    expect(inferTimeZone('United States')).toBeNull();
    expect(inferTimeZone('Canada')).toBeNull();
    expect(inferTimeZone('Australia')).toBeNull();
  });

  it('does not put a namesake city in the wrong country', () => {
    expect(inferTimeZone('Paris, Texas, United States')).toBe('America/Chicago');
    expect(inferTimeZone('London, Ontario, Canada')).toBe('America/Toronto');
  });

  it('reads Washington, D.C. as the capital, not the state', () => {
    expect(inferTimeZone('Washington, District of Columbia, United States')).toBe('America/New_York');
  });

  it('ignores case, accents and punctuation', () => {
    expect(inferTimeZone('GREATER PARIS METROPOLITAN REGION')).toBe('Europe/Paris');
    expect(inferTimeZone('ile de france')).toBe('Europe/Paris');
    expect(inferTimeZone('São Paulo, Brazil')).toBe('America/Sao_Paulo');
    expect(inferTimeZone('Genève, Suisse')).toBe('Europe/Zurich');
    expect(inferTimeZone('  zürich  ')).toBe('Europe/Zurich');
  });

  it('returns null for unknown or empty locations', () => {
    expect(inferTimeZone('')).toBeNull();
    expect(inferTimeZone('Remote')).toBeNull();
    expect(inferTimeZone('Atlantis')).toBeNull();
  });

  it('returns zones this runtime knows', () => {
    const samples = ['Paris', 'Austin, Texas', 'Buenos Aires', 'Honolulu, Hawaii', 'Auckland, New Zealand'];
    for (const s of samples) {
      const z = inferTimeZone(s);
      expect(z).not.toBeNull();
      expect(() => new Intl.DateTimeFormat('en', { timeZone: z as string })).not.toThrow();
    }
  });

  it('normalises place names', () => {
    expect(normalizePlace('Île-de-France')).toBe('ile de france');
  });
});
