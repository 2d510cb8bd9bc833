// The one company-name matcher (PRODUCT point 25): when two names are the same employer, and which are near misses.

/** Legal suffixes ignored at the end of a name (PRODUCT point 25), lower case, without dots. */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  'inc',
  'llc',
  'ltd',
  'limited',
  'gmbh',
  'sa',
  'sas',
  'sarl',
  'ag',
  'bv',
  'nv',
  'plc',
  'corp',
  'corporation',
  'co',
  'group',
]);

/**
 * The words of a company name once case, accents, punctuation, "&"/"and", a leading "The" and
 * trailing legal suffixes are set aside: "The Contoso Energy, Inc." → ['contoso', 'energy'].
 * Dotted initials are one word ("S.A.S." → 'sas'). A name made only of such words keeps its last
 * one ("The Group" → ['group']), so no real name becomes empty.
 */
export function companyWords(name: unknown): string[] {
  const text = String(name ?? '');
  const hit = cache.get(text);
  if (hit) return [...hit];
  const words = wordsOf(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, words);
  return [...words];
}

/** A network repeats the same employers: each name is split once (bounded, like the titles' cache). */
const cache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 20_000;

function wordsOf(text: string): string[] {
  const s = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/&/g, ' and ')
    // "S.A.S." and "B.V." are words, not letters: drop the dots between single letters.
    .replace(/(?<![\p{L}\p{N}])\p{L}(?:\.\p{L})+\.?(?![\p{L}\p{N}])/gu, (m) => m.replace(/\./g, ''))
    // "L'Oréal", "McDonald's": an apostrophe joins, it does not split.
    .replace(/['’`´]/g, '');
  const words = s.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '' && w !== 'and');
  if (words.length > 1 && words[0] === 'the') words.shift();
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words;
}

/**
 * The comparison key of a company name: its words (see companyWords) run together, so spacing
 * and hyphens do not matter either ("Coca-Cola" = "Coca Cola" = "CocaCola"). '' for a blank name.
 */
export function companyKey(name: unknown): string {
  const text = String(name ?? '');
  let key = keys.get(text);
  if (key === undefined) {
    key = wordsOf(text).join('');
    if (keys.size >= CACHE_LIMIT) keys.clear();
    keys.set(text, key);
  }
  return key;
}
const keys = new Map<string, string>();

/** Whether two company names are the same employer by PRODUCT point 25 (blank names never match). */
export function sameCompany(a: unknown, b: unknown): boolean {
  const k = companyKey(a);
  return k !== '' && k === companyKey(b);
}

/** A key and every string made by deleting one of its characters. */
function oneDeletions(key: string): string[] {
  const out = [key];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

/** The proper, non-empty runs of words at the start and at the end of a name, joined. */
function wordEnds(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let n = 1; n < words.length; n++) {
    out.push(words.slice(0, n).join(''), words.slice(words.length - n).join(''));
  }
  return out;
}

/** Keys this short are never called a typo of another: too many names are that close. */
const MIN_TYPO_KEY = 5;

/**
 * Near misses: names that do NOT match a target but are close enough that the user may have meant
 * the same employer — one's words begin or end the other's ("Proseware" / "Proseware Cloud"), or
 * the keys (of 5 letters or more) are one typo apart: a letter missing, added, changed, or two
 * swapped ("Contoso" / "Contosso"). Used to list near misses for the user to fix, never to match.
 * Each lookup costs the length of the name, not the number of targets (a whole network against
 * every company on Jobs).
 */
export class NearIndex {
  /** Key of a target → its name. */
  private readonly targets = new Map<string, string>();
  /** Name of a target → its place in the list given. */
  private readonly order = new Map<string, number>();
  /** Run of a target's words at its start or end → the targets. */
  private readonly ends = new Map<string, Set<string>>();
  /** One-deletion variant of a target's key → the targets. */
  private readonly typos = new Map<string, Set<string>>();

  constructor(names: readonly string[]) {
    const put = (m: Map<string, Set<string>>, k: string, name: string) => {
      const set = m.get(k) ?? new Set<string>();
      set.add(name);
      m.set(k, set);
    };
    for (const name of names) {
      const words = companyWords(name);
      const key = words.join('');
      if (!key || this.targets.has(key)) continue;
      this.targets.set(key, name);
      this.order.set(name, this.order.size);
      for (const e of wordEnds(words)) put(this.ends, e, name);
      if (key.length >= MIN_TYPO_KEY) for (const v of oneDeletions(key)) put(this.typos, v, name);
    }
  }

  /** The targets `name` nearly matches (never one it matches), in the order they were given. */
  near(name: unknown): string[] {
    const words = companyWords(name);
    const key = words.join('');
    if (!key || this.targets.has(key)) return [];
    const hits = new Set<string>();
    for (const e of wordEnds(words)) {
      const t = this.targets.get(e);
      if (t !== undefined) hits.add(t);
    }
    for (const t of this.ends.get(key) ?? []) hits.add(t);
    if (key.length >= MIN_TYPO_KEY) {
      for (const v of oneDeletions(key)) for (const t of this.typos.get(v) ?? []) hits.add(t);
    }
    return [...hits].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
  }
}
