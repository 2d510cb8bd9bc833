// The one text-key normaliser: how the add-on compares names, headers, settings and list values.

/**
 * A comparison key for text typed by people: trimmed, inner whitespace collapsed to one space,
 * lower case ("  Messaged   On " → "messaged on"). Accents and punctuation are kept: use
 * `companyKey` (core/companies) for company names.
 */
export function textKey(v: unknown): string {
  return String(v ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** The entry of a fixed list that `v` names, compared by textKey ("call  DONE" → "Call done"), or null. */
export function inList<T extends string>(list: readonly T[], v: unknown): T | null {
  const k = textKey(v);
  return k === '' ? null : (list.find((x) => textKey(x) === k) ?? null);
}

/** A count and its noun, the count grouped in thousands as users read it ("14,586 more rows", "1 row"). */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
