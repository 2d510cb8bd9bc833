// Infers an IANA time zone from a LinkedIn location ("Greater Paris Metropolitan Region") with a small offline table.

/** [place, IANA zone, country code]. Places are matched normalised (lower case, no accents or punctuation). */
type Entry = readonly [string, string, string];

// Metro areas and cities LinkedIn shows most often.
const CITIES: readonly Entry[] = [
  ['paris', 'Europe/Paris', 'fr'],
  ['lyon', 'Europe/Paris', 'fr'],
  ['marseille', 'Europe/Paris', 'fr'],
  ['toulouse', 'Europe/Paris', 'fr'],
  ['lille', 'Europe/Paris', 'fr'],
  ['bordeaux', 'Europe/Paris', 'fr'],
  ['nantes', 'Europe/Paris', 'fr'],
  ['london', 'Europe/London', 'gb'],
  ['manchester', 'Europe/London', 'gb'],
  ['edinburgh', 'Europe/London', 'gb'],
  ['dublin', 'Europe/Dublin', 'ie'],
  ['berlin', 'Europe/Berlin', 'de'],
  ['munich', 'Europe/Berlin', 'de'],
  ['hamburg', 'Europe/Berlin', 'de'],
  ['frankfurt', 'Europe/Berlin', 'de'],
  ['frankfurt rhine main', 'Europe/Berlin', 'de'],
  ['amsterdam', 'Europe/Amsterdam', 'nl'],
  ['randstad', 'Europe/Amsterdam', 'nl'],
  ['brussels', 'Europe/Brussels', 'be'],
  ['bruxelles', 'Europe/Brussels', 'be'],
  ['luxembourg', 'Europe/Luxembourg', 'lu'],
  ['geneva', 'Europe/Zurich', 'ch'],
  ['geneve', 'Europe/Zurich', 'ch'],
  ['zurich', 'Europe/Zurich', 'ch'],
  ['madrid', 'Europe/Madrid', 'es'],
  ['barcelona', 'Europe/Madrid', 'es'],
  ['milan', 'Europe/Rome', 'it'],
  ['rome', 'Europe/Rome', 'it'],
  ['lisbon', 'Europe/Lisbon', 'pt'],
  ['stockholm', 'Europe/Stockholm', 'se'],
  ['copenhagen', 'Europe/Copenhagen', 'dk'],
  ['oslo', 'Europe/Oslo', 'no'],
  ['helsinki', 'Europe/Helsinki', 'fi'],
  ['warsaw', 'Europe/Warsaw', 'pl'],
  ['vienna', 'Europe/Vienna', 'at'],
  ['prague', 'Europe/Prague', 'cz'],
  ['new york city', 'America/New_York', 'us'],
  ['new york', 'America/New_York', 'us'],
  ['boston', 'America/New_York', 'us'],
  ['washington dc baltimore', 'America/New_York', 'us'],
  ['washington dc', 'America/New_York', 'us'],
  ['atlanta', 'America/New_York', 'us'],
  ['miami fort lauderdale', 'America/New_York', 'us'],
  ['miami', 'America/New_York', 'us'],
  ['philadelphia', 'America/New_York', 'us'],
  ['chicago', 'America/Chicago', 'us'],
  ['dallas fort worth', 'America/Chicago', 'us'],
  ['dallas', 'America/Chicago', 'us'],
  ['austin', 'America/Chicago', 'us'],
  ['houston', 'America/Chicago', 'us'],
  ['denver', 'America/Denver', 'us'],
  ['phoenix', 'America/Phoenix', 'us'],
  ['san francisco bay', 'America/Los_Angeles', 'us'],
  ['san francisco', 'America/Los_Angeles', 'us'],
  ['silicon valley', 'America/Los_Angeles', 'us'],
  ['san jose', 'America/Los_Angeles', 'us'],
  ['los angeles', 'America/Los_Angeles', 'us'],
  ['seattle', 'America/Los_Angeles', 'us'],
  ['toronto', 'America/Toronto', 'ca'],
  ['montreal', 'America/Toronto', 'ca'],
  ['ottawa', 'America/Toronto', 'ca'],
  ['vancouver', 'America/Vancouver', 'ca'],
  ['mexico city', 'America/Mexico_City', 'mx'],
  ['sao paulo', 'America/Sao_Paulo', 'br'],
  ['buenos aires', 'America/Argentina/Buenos_Aires', 'ar'],
  ['bengaluru', 'Asia/Kolkata', 'in'],
  ['bangalore', 'Asia/Kolkata', 'in'],
  ['mumbai', 'Asia/Kolkata', 'in'],
  ['new delhi', 'Asia/Kolkata', 'in'],
  ['delhi', 'Asia/Kolkata', 'in'],
  ['hyderabad', 'Asia/Kolkata', 'in'],
  ['pune', 'Asia/Kolkata', 'in'],
  ['chennai', 'Asia/Kolkata', 'in'],
  ['singapore', 'Asia/Singapore', 'sg'],
  ['hong kong', 'Asia/Hong_Kong', 'hk'],
  ['tokyo', 'Asia/Tokyo', 'jp'],
  ['seoul', 'Asia/Seoul', 'kr'],
  ['shanghai', 'Asia/Shanghai', 'cn'],
  ['beijing', 'Asia/Shanghai', 'cn'],
  ['dubai', 'Asia/Dubai', 'ae'],
  ['tel aviv', 'Asia/Jerusalem', 'il'],
  ['sydney', 'Australia/Sydney', 'au'],
  ['melbourne', 'Australia/Melbourne', 'au'],
  ['brisbane', 'Australia/Brisbane', 'au'],
  ['perth', 'Australia/Perth', 'au'],
  ['auckland', 'Pacific/Auckland', 'nz'],
  ['casablanca', 'Africa/Casablanca', 'ma'],
  ['lagos', 'Africa/Lagos', 'ng'],
  ['nairobi', 'Africa/Nairobi', 'ke'],
  ['johannesburg', 'Africa/Johannesburg', 'za'],
  ['cape town', 'Africa/Johannesburg', 'za'],
];

// States, provinces and regions that fix the zone of a multi-zone country.
const REGIONS: readonly Entry[] = [
  ['ile de france', 'Europe/Paris', 'fr'],
  ['auvergne rhone alpes', 'Europe/Paris', 'fr'],
  ['england', 'Europe/London', 'gb'],
  ['scotland', 'Europe/London', 'gb'],
  ['bavaria', 'Europe/Berlin', 'de'],
  ['catalonia', 'Europe/Madrid', 'es'],
  ['karnataka', 'Asia/Kolkata', 'in'],
  ['maharashtra', 'Asia/Kolkata', 'in'],
  ['ontario', 'America/Toronto', 'ca'],
  ['quebec', 'America/Toronto', 'ca'],
  ['british columbia', 'America/Vancouver', 'ca'],
  ['alberta', 'America/Edmonton', 'ca'],
  ['new south wales', 'Australia/Sydney', 'au'],
  ['victoria', 'Australia/Melbourne', 'au'],
  ['queensland', 'Australia/Brisbane', 'au'],
  ['western australia', 'Australia/Perth', 'au'],
  ['california', 'America/Los_Angeles', 'us'],
  ['washington', 'America/Los_Angeles', 'us'],
  ['oregon', 'America/Los_Angeles', 'us'],
  ['nevada', 'America/Los_Angeles', 'us'],
  ['arizona', 'America/Phoenix', 'us'],
  ['colorado', 'America/Denver', 'us'],
  ['utah', 'America/Denver', 'us'],
  ['texas', 'America/Chicago', 'us'],
  ['illinois', 'America/Chicago', 'us'],
  ['minnesota', 'America/Chicago', 'us'],
  ['missouri', 'America/Chicago', 'us'],
  ['wisconsin', 'America/Chicago', 'us'],
  ['tennessee', 'America/Chicago', 'us'],
  ['new york', 'America/New_York', 'us'],
  ['new jersey', 'America/New_York', 'us'],
  ['massachusetts', 'America/New_York', 'us'],
  ['pennsylvania', 'America/New_York', 'us'],
  ['florida', 'America/New_York', 'us'],
  ['georgia', 'America/New_York', 'us'],
  ['north carolina', 'America/New_York', 'us'],
  ['virginia', 'America/New_York', 'us'],
  ['maryland', 'America/New_York', 'us'],
  ['ohio', 'America/New_York', 'us'],
  ['michigan', 'America/Detroit', 'us'],
  ['district of columbia', 'America/New_York', 'us'],
  ['dc', 'America/New_York', 'us'],
  ['hawaii', 'Pacific/Honolulu', 'us'],
  ['alaska', 'America/Anchorage', 'us'],
];

// Countries with one time zone (multi-zone countries resolve only through a city or region).
const COUNTRIES: readonly Entry[] = [
  ['france', 'Europe/Paris', 'fr'],
  ['united kingdom', 'Europe/London', 'gb'],
  ['uk', 'Europe/London', 'gb'],
  ['ireland', 'Europe/Dublin', 'ie'],
  ['germany', 'Europe/Berlin', 'de'],
  ['deutschland', 'Europe/Berlin', 'de'],
  ['netherlands', 'Europe/Amsterdam', 'nl'],
  ['belgium', 'Europe/Brussels', 'be'],
  ['belgique', 'Europe/Brussels', 'be'],
  ['switzerland', 'Europe/Zurich', 'ch'],
  ['suisse', 'Europe/Zurich', 'ch'],
  ['spain', 'Europe/Madrid', 'es'],
  ['italy', 'Europe/Rome', 'it'],
  ['sweden', 'Europe/Stockholm', 'se'],
  ['denmark', 'Europe/Copenhagen', 'dk'],
  ['norway', 'Europe/Oslo', 'no'],
  ['finland', 'Europe/Helsinki', 'fi'],
  ['poland', 'Europe/Warsaw', 'pl'],
  ['austria', 'Europe/Vienna', 'at'],
  ['czechia', 'Europe/Prague', 'cz'],
  ['india', 'Asia/Kolkata', 'in'],
  ['japan', 'Asia/Tokyo', 'jp'],
  ['south korea', 'Asia/Seoul', 'kr'],
  ['china', 'Asia/Shanghai', 'cn'],
  ['united arab emirates', 'Asia/Dubai', 'ae'],
  ['israel', 'Asia/Jerusalem', 'il'],
  ['new zealand', 'Pacific/Auckland', 'nz'],
  ['morocco', 'Africa/Casablanca', 'ma'],
  ['maroc', 'Africa/Casablanca', 'ma'],
  ['nigeria', 'Africa/Lagos', 'ng'],
  ['kenya', 'Africa/Nairobi', 'ke'],
  ['south africa', 'Africa/Johannesburg', 'za'],
  ['argentina', 'America/Argentina/Buenos_Aires', 'ar'],
  // Several zones: known country, no zone.
  ['united states', '', 'us'],
  ['usa', '', 'us'],
  ['canada', '', 'ca'],
  ['australia', '', 'au'],
  ['brazil', '', 'br'],
  ['mexico', '', 'mx'],
];

type Tables = { city: Map<string, Entry>; region: Map<string, Entry>; country: Map<string, Entry> };
let tables: Tables | null = null;

/** Lookup maps, built on first use (Apps Script runs the whole bundle on every call: no load-time work). */
function lookupTables(): Tables {
  tables ??= {
    city: new Map(CITIES.map((e) => [e[0], e])),
    region: new Map(REGIONS.map((e) => [e[0], e])),
    country: new Map(COUNTRIES.map((e) => [e[0], e])),
  };
  return tables;
}

/** Lower case, accents and punctuation removed, spaces collapsed ("Île-de-France" → "ile de france"). */
export function normalizePlace(s: string): string {
  return String(s ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Drops LinkedIn's wrappers: "Greater …", "… Metropolitan Region/Area", "… Area", "… Region". */
function core(part: string): string {
  return part
    .replace(/^(greater|grand|region de|metropole de)\s+/, '')
    .replace(/\s+(metropolitan region|metropolitan area|metro area|metroplex|area|region|city area)$/, '')
    .trim();
}

function lookup(part: string): { entry: Entry; kind: 'city' | 'region' | 'country' } | null {
  const { city: CITY, region: REGION, country: COUNTRY } = lookupTables();
  for (const p of [part, core(part)]) {
    const city = CITY.get(p);
    if (city) return { entry: city, kind: 'city' };
    const region = REGION.get(p);
    if (region) return { entry: region, kind: 'region' };
    const country = COUNTRY.get(p);
    if (country) return { entry: country, kind: 'country' };
  }
  return null;
}

/**
 * The IANA time zone of a LinkedIn location, or null when the table does not know it (or the
 * country spans several zones and no city or state says which). The most specific part wins
 * ("Seattle, Washington, United States" → the city), unless a later part names another
 * country ("Paris, Texas, United States" is not in France). Case and accents do not matter.
 */
export function inferTimeZone(location: string): string | null {
  const parts = String(location ?? '')
    .split(/[,;/(]|\s[-–]\s/)
    .map(normalizePlace)
    .filter(Boolean);
  const hits = parts.map(lookup);
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i];
    if (!hit) continue;
    const country = hit.entry[2];
    const contradicted = hits.slice(i + 1).some((h) => h !== null && h.entry[2] !== country);
    if (contradicted) continue;
    // "Washington, District of Columbia": a city named like a state; the later region is the real one.
    if (hit.kind === 'region' && hits.slice(i + 1).some((h) => h?.kind === 'region')) continue;
    if (hit.entry[1]) return hit.entry[1];
  }
  return null;
}
