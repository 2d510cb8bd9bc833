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
  const s = String(name ?? '')
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
  return companyWords(name).join('');
}

/** Whether two company names are the same employer by PRODUCT point 25 (blank names never match). */
export function sameCompany(a: unknown, b: unknown): boolean {
  const k = companyKey(a);
  return k !== '' && k === companyKey(b);
}

/** Edit distance between two strings, or `max + 1` as soon as it is known to exceed `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** Whether `short` is the start or the end of `long`, word for word, and shorter. */
function wordsWithin(short: readonly string[], long: readonly string[]): boolean {
  if (short.length === 0 || short.length >= long.length) return false;
  const head = short.every((w, i) => long[i] === w);
  const tail = short.every((w, i) => long[long.length - short.length + i] === w);
  return head || tail;
}

/**
 * Whether two names that do NOT match are close enough that the user may have meant the same
 * employer: one's words begin or end the other's ("Proseware" / "Proseware Cloud"), or the keys
 * differ by one typo (two for keys of ten letters or more: "Contoso" / "Contosso"). Used to list
 * near misses for the user to fix, never to match.
 */
export function nearCompany(a: unknown, b: unknown): boolean {
  const wa = companyWords(a);
  const wb = companyWords(b);
  const ka = wa.join('');
  const kb = wb.join('');
  if (ka === '' || kb === '' || ka === kb) return false;
  if (wordsWithin(wa, wb) || wordsWithin(wb, wa)) return true;
  const shorter = Math.min(ka.length, kb.length);
  if (shorter < 5) return false;
  const max = shorter >= 10 ? 2 : 1;
  return editDistance(ka, kb, max) <= max;
}
