// Job-title understanding for real LinkedIn titles (English and French): function words vs seniority, and similarity.

/** How senior a title reads, from intern to C-level. */
export type Seniority = 'intern' | 'entry' | 'mid' | 'senior' | 'lead' | 'manager' | 'director' | 'executive';

/** A title split into what the person does (function tokens) and how senior they are. */
export interface TitleAnalysis {
  /** Canonical English function words, e.g. "Ingénieur logiciel senior" → ['engineer', 'software']. */
  readonly functionTokens: readonly string[];
  /** null when the title carries no seniority word (read it as mid-level). */
  readonly seniority: Seniority | null;
}

const RANK: Record<Seniority, number> = {
  intern: 0,
  entry: 1,
  mid: 2,
  senior: 3,
  lead: 4,
  manager: 5,
  director: 6,
  executive: 7,
};

/**
 * Multi-word phrases rewritten before tokenising (on lower-case, accent-free text).
 * Order matters: longer phrases first.
 */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\bmember of (the )?technical staff\b/g, ' engineer '],
  [/\b(senior|executive) vice president\b/g, ' vp '],
  [/\bvice president\b/g, ' vp '],
  [/\bexecutive director\b/g, ' chief '],
  [/\bmanaging director\b/g, ' chief '],
  [/\bmanaging partner\b/g, ' chief '],
  [/\bdirect(eur|rice) general(e)?\b/g, ' chief '],
  [/\bdirect(eur|rice) general(e)? adjoint(e)?\b/g, ' chief '],
  [/\bgeneral manager\b/g, ' director '],
  [/\bhead of\b/g, ' head '],
  [/\bco (founder|fondateur|fondatrice)\b/g, ' cofounder '],
  [/\bchief (\w+) officer\b/g, ' chief $1 '],
  [/\bchef de (projet|projets)\b/g, ' project manager '],
  [/\bchef de produit\b/g, ' product manager '],
  [/\bchef d equipe\b/g, ' lead '],
  [/\bteam (lead|leader)\b/g, ' lead '],
  [/\btech(nical)? (lead|leader)\b/g, ' lead engineer '],
  [/\blead dev\b/g, ' lead developer '],
  [/\bcharge(e)? (de|d|des|du)\b/g, ' '],
  [/\bscien(ce|ces|tifique|tifiques) des donnees\b/g, ' data science '],
  [/\bdata scien(tist|tists|ce|ces)\b/g, ' data science '],
  [/\bdatascien(tist|ce)\b/g, ' data science '],
  [/\bmachine learning\b/g, ' ml '],
  [/\bdeep learning\b/g, ' ml '],
  [/\bapprentissage (automatique|machine|profond)\b/g, ' ml '],
  [/\b(artificial intelligence|intelligence artificielle)\b/g, ' ai '],
  [/\bbusiness intelligence\b/g, ' bi '],
  [/\bsite reliability\b/g, ' sre '],
  [/\bquality assurance\b/g, ' qa '],
  [/\buser experience\b/g, ' ux '],
  [/\buser interface\b/g, ' ui '],
  [/\b(human resources|ressources humaines)\b/g, ' hr '],
  [/\btalent acquisition\b/g, ' recruit '],
  [/\bfull stack\b/g, ' fullstack '],
  [/\bfront end\b/g, ' frontend '],
  [/\bback end\b/g, ' backend '],
  [/\bdev ops\b/g, ' devops '],
  [/\bsoftware development engineer\b/g, ' software engineer '],
  [/\bbusiness development\b/g, ' business developer '],
  [/\bjeune diplome(e)?\b/g, ' junior '],
  [/\bnew grad(uate)?\b/g, ' junior '],
  [/\bworking student\b/g, ' intern '],
  [/\bco op\b/g, ' intern '],
  [/\b(level|niveau) (\d+)\b/g, ' l$2 '],
];

/** Seniority words (after abbreviation expansion). */
const SENIORITY_WORDS: Record<string, Seniority> = {
  intern: 'intern',
  internship: 'intern',
  stagiaire: 'intern',
  stage: 'intern',
  trainee: 'intern',
  apprentice: 'intern',
  apprenti: 'intern',
  apprentie: 'intern',
  apprentissage: 'intern',
  alternant: 'intern',
  alternante: 'intern',
  alternance: 'intern',
  werkstudent: 'intern',
  junior: 'entry',
  graduate: 'entry',
  grad: 'entry',
  entry: 'entry',
  associate: 'entry',
  debutant: 'entry',
  debutante: 'entry',
  senior: 'senior',
  confirme: 'senior',
  confirmee: 'senior',
  experimente: 'senior',
  experimentee: 'senior',
  expert: 'senior',
  experte: 'senior',
  lead: 'lead',
  leader: 'lead',
  principal: 'lead',
  principale: 'lead',
  distinguished: 'lead',
  fellow: 'lead',
  referent: 'lead',
  referente: 'lead',
  manager: 'manager',
  responsable: 'manager',
  supervisor: 'manager',
  superviseur: 'manager',
  chef: 'manager',
  director: 'director',
  directeur: 'director',
  directrice: 'director',
  head: 'director',
  chief: 'executive',
  vp: 'executive',
  svp: 'executive',
  evp: 'executive',
  avp: 'director',
  president: 'executive',
  presidente: 'executive',
  founder: 'executive',
  cofounder: 'executive',
  fondateur: 'executive',
  fondatrice: 'executive',
  cofondateur: 'executive',
  cofondatrice: 'executive',
  owner: 'executive',
  partner: 'executive',
  associe: 'executive',
  associee: 'executive',
  pdg: 'executive',
  dg: 'executive',
  ceo: 'executive',
};

/** C-level acronyms: executive, plus the function they head. */
const C_LEVEL: Record<string, string[]> = {
  cto: ['technology'],
  cio: ['it'],
  cfo: ['finance'],
  cmo: ['marketing'],
  coo: ['operation'],
  cpo: ['product'],
  cdo: ['data'],
  ciso: ['security'],
  cso: ['security'],
  cro: ['sales'],
  chro: ['hr'],
};

/**
 * The one table of short forms (PRODUCT point 24): abbreviations and French/English variants →
 * canonical English words, so "Quant", "Sr. Software Eng." or "Ingé dév" read as their long form.
 * Multi-word long forms ("machine learning" → ml) are in PHRASES, which runs first.
 */
export const TITLE_WORDS: Readonly<Record<string, string>> = {
  sr: 'senior',
  snr: 'senior',
  jr: 'junior',
  jnr: 'junior',
  eng: 'engineer',
  engs: 'engineer',
  engr: 'engineer',
  inge: 'engineer',
  engg: 'engineer',
  engineering: 'engineer',
  ing: 'engineer',
  ingenieur: 'engineer',
  ingenieure: 'engineer',
  ingenierie: 'engineer',
  swe: 'software engineer',
  sde: 'software engineer',
  sdet: 'software engineer qa',
  mle: 'ml engineer',
  pm: 'product manager',
  em: 'engineer manager',
  cdp: 'project manager',
  quant: 'quantitative',
  quants: 'quantitative',
  quanti: 'quantitative',
  quantitatif: 'quantitative',
  quantitatifs: 'quantitative',
  quantitatives: 'quantitative',
  resp: 'responsable',
  respo: 'responsable',
  rssi: 'responsable security',
  dsi: 'director it',
  drh: 'director hr',
  daf: 'director finance',
  proj: 'project',
  prog: 'program',
  prod: 'product',
  fin: 'finance',
  exec: 'executive',
  assoc: 'associate',
  rech: 'research',
  sysadmin: 'system administrator',
  dba: 'database administrator',
  tpm: 'technology program manager',
  pgm: 'program manager',
  po: 'product owner',
  ds: 'data science',
  scientist: 'science',
  scientifique: 'science',
  sre: 'sre engineer',
  mgr: 'manager',
  mngr: 'manager',
  mgmt: 'manager',
  management: 'manager',
  gestion: 'manager',
  dir: 'director',
  dev: 'developer',
  devs: 'developer',
  developpeur: 'developer',
  developpeuse: 'developer',
  developpement: 'developer',
  development: 'developer',
  programmer: 'developer',
  programmeur: 'developer',
  coder: 'developer',
  fe: 'frontend',
  front: 'frontend',
  back: 'backend',
  sw: 'software',
  logiciel: 'software',
  hw: 'hardware',
  materiel: 'hardware',
  donnee: 'data',
  donnees: 'data',
  analyste: 'analyst',
  analysis: 'analyst',
  analytics: 'analyst',
  analytic: 'analyst',
  chercheur: 'research',
  chercheuse: 'research',
  researcher: 'research',
  recherche: 'research',
  design: 'designer',
  concepteur: 'designer',
  conceptrice: 'designer',
  mkt: 'marketing',
  mktg: 'marketing',
  marketer: 'marketing',
  ops: 'operation',
  operations: 'operation',
  exploitation: 'operation',
  biz: 'business',
  bizdev: 'business developer',
  bd: 'business developer',
  acct: 'account',
  admin: 'administrator',
  administrateur: 'administrator',
  administratrice: 'administrator',
  gestionnaire: 'administrator',
  sys: 'system',
  systeme: 'system',
  systemes: 'system',
  reseau: 'network',
  reseaux: 'network',
  sec: 'security',
  securite: 'security',
  cybersecurity: 'security',
  cybersecurite: 'security',
  infra: 'infrastructure',
  tech: 'technology',
  technical: 'technology',
  technique: 'technology',
  technologie: 'technology',
  technologies: 'technology',
  informatique: 'it',
  numerique: 'digital',
  digitale: 'digital',
  digitaux: 'digital',
  rh: 'hr',
  recruiter: 'recruit',
  recruiting: 'recruit',
  recruitment: 'recruit',
  recruteur: 'recruit',
  recruteuse: 'recruit',
  recrutement: 'recruit',
  commercial: 'sales',
  commerciale: 'sales',
  vente: 'sales',
  ventes: 'sales',
  sale: 'sales',
  produit: 'product',
  produits: 'product',
  projet: 'project',
  projets: 'project',
  programme: 'program',
  comptable: 'accountant',
  comptabilite: 'accountant',
  accounting: 'accountant',
  juriste: 'legal',
  juridique: 'legal',
  avocat: 'lawyer',
  avocate: 'lawyer',
  financier: 'finance',
  financiere: 'finance',
  financial: 'finance',
  conseil: 'consultant',
  consultante: 'consultant',
  consulting: 'consultant',
  architecte: 'architect',
  architecture: 'architect',
  technicien: 'technician',
  technicienne: 'technician',
  assistante: 'assistant',
  asst: 'assistant',
  acheteur: 'buyer',
  acheteuse: 'buyer',
  achats: 'procurement',
  achat: 'procurement',
  purchasing: 'procurement',
  communications: 'communication',
  specialiste: 'specialist',
  ux: 'ux',
  devops: 'devops',
  logistics: 'logistics',
  uxui: 'ux ui',
  uiux: 'ui ux',
  cpp: 'cpp',
  logistique: 'logistics',
  strategie: 'strategy',
  strategique: 'strategy',
  strategic: 'strategy',
  qualite: 'qa',
  quality: 'qa',
  testing: 'test',
  tester: 'test',
  testeur: 'test',
  economiste: 'economist',
  statisticien: 'statistician',
  statisticienne: 'statistician',
  statistics: 'statistician',
  statistiques: 'statistician',
  growth: 'growth',
  croissance: 'growth',
  client: 'customer',
  clients: 'customer',
  clientele: 'customer',
};

/** Words that say nothing about the function. */
const STOPWORDS = new Set([
  'of',
  'the',
  'and',
  'for',
  'in',
  'on',
  'a',
  'an',
  'to',
  'with',
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
  'et',
  'en',
  'au',
  'aux',
  'pour',
  'sur',
  'par',
  'un',
  'une',
  'team',
  'equipe',
  'h',
  'f',
  'x',
  'm',
  'w',
  'remote',
  'hybrid',
  'freelance',
  'freelancer',
  'independent',
  'independant',
  'independante',
  'contract',
  'contractor',
  'ex',
  'former',
  'aspiring',
  'adjoint',
  'adjointe',
  'deputy',
  'cdi',
  'cdd',
  'group',
  'professional',
  'member',
  'membre',
]);

/** Titles where "manager" is the job itself, not a people manager. */
const ROLE_MANAGER_BEFORE = new Set([
  'product',
  'project',
  'program',
  'account',
  'community',
  'office',
  'case',
  'category',
  'brand',
  'customer',
  'success',
  'portfolio',
  'property',
  'content',
  'media',
  'campaign',
  'event',
  'relationship',
  'territory',
  'release',
  'delivery',
  'partner',
  'channel',
  'key',
  'traffic',
]);

/** Function words that make "staff" mean the staff level (Staff Engineer), not "staff accountant". */
const STAFF_LEVEL_WITH = new Set([
  'engineer',
  'developer',
  'science',
  'designer',
  'architect',
  'research',
  'software',
  'ml',
]);

/** Generic role nouns: they count for less than the domain words (data, product, software…). */
const GENERIC = new Set([
  'engineer',
  'developer',
  'manager',
  'analyst',
  'consultant',
  'specialist',
  'officer',
  'assistant',
  'administrator',
  'executive',
  'technician',
  'representative',
  'coordinator',
  'advisor',
  'technology',
  'digital',
  'business',
]);

/** Partly related function words (symmetric), with how close they are. */
const RELATED_PAIRS: readonly (readonly [string, string, number])[] = [
  ['engineer', 'developer', 0.8],
  ['ml', 'ai', 0.8],
  ['ml', 'science', 0.6],
  ['ai', 'science', 0.5],
  ['ml', 'data', 0.5],
  ['science', 'analyst', 0.3],
  ['science', 'research', 0.5],
  ['research', 'analyst', 0.4],
  ['science', 'statistician', 0.6],
  ['frontend', 'fullstack', 0.6],
  ['backend', 'fullstack', 0.6],
  ['frontend', 'web', 0.6],
  ['fullstack', 'web', 0.5],
  ['frontend', 'software', 0.5],
  ['backend', 'software', 0.5],
  ['fullstack', 'software', 0.6],
  ['web', 'software', 0.5],
  ['ux', 'ui', 0.7],
  ['ux', 'designer', 0.6],
  ['ui', 'designer', 0.6],
  ['sre', 'devops', 0.7],
  ['sre', 'infrastructure', 0.5],
  ['devops', 'infrastructure', 0.5],
  ['devops', 'cloud', 0.5],
  ['cloud', 'infrastructure', 0.5],
  ['marketing', 'growth', 0.5],
  ['sales', 'business', 0.4],
  ['sales', 'account', 0.5],
  ['hr', 'recruit', 0.6],
  ['talent', 'recruit', 0.7],
  ['qa', 'test', 0.8],
  ['bi', 'analyst', 0.6],
  ['bi', 'data', 0.5],
  ['product', 'owner', 0.3],
  ['technology', 'software', 0.3],
  ['technology', 'it', 0.6],
  ['security', 'network', 0.4],
];

const RELATED = new Map<string, number>();
for (const [a, b, v] of RELATED_PAIRS) {
  RELATED.set(`${a} ${b}`, v);
  RELATED.set(`${b} ${a}`, v);
}

const ROMAN_LEVEL: Record<string, Seniority> = {
  i: 'entry',
  ii: 'mid',
  iii: 'senior',
  iv: 'lead',
  v: 'lead',
};
const DIGIT_LEVEL: Record<string, Seniority> = { '1': 'entry', '2': 'mid', '3': 'senior', '4': 'lead' };

/** L5 / E5 style engineering levels (Google/Meta ladders). */
function ladderLevel(n: number): Seniority {
  if (n <= 3) return 'entry';
  if (n === 4) return 'mid';
  if (n === 5) return 'senior';
  if (n <= 7) return 'lead';
  return 'director';
}

/**
 * Lower-case, accent-free text of the title's first segment: what follows `|`, `•`, `@`,
 * " at " or " chez " (company names, skills) is dropped, as are "(H/F)" markers.
 */
export function normalizeTitle(title: string): string {
  let s = String(title ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
  s = s.replace(/\(?\b([hfmx]\s*\/\s*[hfmwx](\s*\/\s*[dxhf])?)\b\)?/g, ' ');
  const first = s.split(/\s*[|•·@]\s*|\s+(?:at|chez)\s+/)[0] ?? '';
  if (/[a-z]/.test(first)) s = first;
  s = s
    .replace(/c\+\+/g, ' cpp ')
    .replace(/c#/g, ' csharp ')
    .replace(/\.net\b/g, ' dotnet ')
    .replace(/\b([a-z])\.(?=[a-z]\b)/g, '$1')
    .replace(/[^a-z0-9]+/g, ' ');
  for (const [re, rep] of PHRASES) s = s.replace(re, rep);
  return s.replace(/\s+/g, ' ').trim();
}

function canonical(token: string): string[] {
  const direct = TITLE_WORDS[token];
  if (direct !== undefined) return direct.split(' ');
  if (token.length > 4 && token.endsWith('s') && !/(ss|us|is)$/.test(token)) {
    const singular = token.slice(0, -1);
    const hit = TITLE_WORDS[singular];
    return (hit ?? singular).split(' ');
  }
  return [token];
}

const cache = new Map<string, TitleAnalysis>();
const CACHE_LIMIT = 20_000;

/**
 * Splits a LinkedIn title into function words and seniority.
 * "Senior Data Scientist II" → {functionTokens: ['data', 'science'], seniority: 'senior'};
 * "Stagiaire Data Science" → {['data', 'science'], 'intern'}; "Chef de projet digital" →
 * {['project', 'manager', 'digital'], null}.
 */
export function analyzeTitle(title: string): TitleAnalysis {
  const key = typeof title === 'string' ? title : String(title ?? '');
  const hit = cache.get(key);
  if (hit) return hit;
  const result = analyze(key);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

function analyze(title: string): TitleAnalysis {
  const raw = normalizeTitle(title).split(' ').filter(Boolean);
  const tokens: string[] = [];
  for (const t of raw) tokens.push(...canonical(t));
  const fn: string[] = [];
  const levels: Seniority[] = [];
  let staffSeen = false;
  tokens.forEach((t, i) => {
    if (!t || STOPWORDS.has(t)) return;
    const cLevel = C_LEVEL[t];
    if (cLevel) {
      levels.push('executive');
      fn.push(...cLevel);
      return;
    }
    if (t === 'manager') {
      const prev = fn[fn.length - 1];
      if (prev !== undefined && ROLE_MANAGER_BEFORE.has(prev)) fn.push('manager');
      else levels.push('manager');
      return;
    }
    if ((t === 'owner' || t === 'partner') && (fn.length > 0 || tokens[i + 1] === 'manager')) {
      fn.push(t);
      return;
    }
    if (t === 'staff') {
      staffSeen = true;
      return;
    }
    const word = SENIORITY_WORDS[t];
    if (word) {
      levels.push(word);
      return;
    }
    const roman = ROMAN_LEVEL[t];
    if (roman) {
      levels.push(roman);
      return;
    }
    const digit = DIGIT_LEVEL[t];
    if (digit !== undefined) {
      if (i === tokens.length - 1) levels.push(digit);
      return;
    }
    const ladder = /^[le](\d{1,2})$/.exec(t);
    if (ladder) {
      levels.push(ladderLevel(Number(ladder[1])));
      return;
    }
    if (/^\d+$/.test(t)) return;
    if (!fn.includes(t)) fn.push(t);
  });
  if (staffSeen && fn.some((t) => STAFF_LEVEL_WITH.has(t))) levels.push('lead');
  let seniority: Seniority | null = null;
  if (levels.includes('intern')) seniority = 'intern';
  else for (const l of levels) if (seniority === null || RANK[l] > RANK[seniority]) seniority = l;
  return { functionTokens: fn, seniority };
}

function tokenWeight(t: string): number {
  return GENERIC.has(t) ? 0.5 : 1;
}

function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return RELATED.get(`${a} ${b}`) ?? 0;
}

/** Weighted share of `from`'s tokens found (or partly found) in `to`. */
function coverage(from: readonly string[], to: readonly string[]): number {
  let total = 0;
  let got = 0;
  for (const t of from) {
    const w = tokenWeight(t);
    total += w;
    let best = 0;
    for (const u of to) {
      const s = tokenSimilarity(t, u);
      if (s > best) best = s;
      if (best === 1) break;
    }
    got += w * best;
  }
  return total === 0 ? 0 : got / total;
}

/**
 * How close a person's title is to a target job's title, 0 (unrelated) to 1 (same function),
 * ignoring seniority: "Senior Data Scientist II" vs "Data Scientist" is 1. Mostly measures how
 * much of the job's function the title covers (70%), and a little how focused the title is (30%).
 * Either side may be a string or a precomputed analysis (analyse each job once).
 */
export function titleSimilarity(title: string | TitleAnalysis, job: string | TitleAnalysis): number {
  const a = typeof title === 'string' ? analyzeTitle(title) : title;
  const b = typeof job === 'string' ? analyzeTitle(job) : job;
  if (a.functionTokens.length === 0 || b.functionTokens.length === 0) return 0;
  const sim =
    0.7 * coverage(b.functionTokens, a.functionTokens) + 0.3 * coverage(a.functionTokens, b.functionTokens);
  return Math.max(0, Math.min(1, Math.round(sim * 1000) / 1000));
}

/** Rank of a seniority, 0 = intern … 7 = executive; null (no word) reads as mid. */
export function seniorityRank(s: Seniority | null): number {
  return RANK[s ?? 'mid'];
}
