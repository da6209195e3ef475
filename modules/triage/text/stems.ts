import { type FuzzyIndex, fuzzyKeys } from './fuzzy';

/**
 * Hand-built Russian and English stems. A spec is one of:
 * - `груд*`        any word starting with the stem (use only where no other word starts so);
 * - `рук{а,и,у,}`  the stem with exactly these endings (`,}` allows the bare stem), for short
 *                  or ambiguous stems: `рук*` would also match «руководитель»;
 * - `боль`         exactly this word.
 * Closed ending sets keep the inflection visible in the data and out of regular expressions.
 */
export interface StemTable {
  exact: Map<string, Set<number>>;
  prefixes: Map<string, Set<number>>;
}

export function createStemTable(): StemTable {
  return { exact: new Map(), prefixes: new Map() };
}

export function addStem(table: StemTable, spec: string, termId: number): void {
  const add = (map: Map<string, Set<number>>, key: string) => {
    const ids = map.get(key) ?? new Set<number>();
    ids.add(termId);
    map.set(key, ids);
  };
  const endings = spec.match(/^(.+)\{([^}]*)\}$/);
  if (spec.endsWith('*')) add(table.prefixes, spec.slice(0, -1));
  else if (!endings) add(table.exact, spec);
  else
    for (const ending of (endings[2] as string).split(',')) add(table.exact, `${endings[1]}${ending.trim()}`);
}

/** Every term a word belongs to; prefixes are tried from two letters up. */
export function termsOf(table: StemTable, word: string): number[] {
  const found = new Set<number>(table.exact.get(word));
  for (let length = 2; length <= word.length; length++) {
    const ids = table.prefixes.get(word.slice(0, length));
    if (ids) for (const id of ids) found.add(id);
  }
  return [...found];
}

/** Terms of the stems one edit away from the word (a typo): see fuzzy.ts. */
export function fuzzyTermsOf(table: StemTable, fuzzy: FuzzyIndex, word: string): number[] {
  const keys = fuzzyKeys(fuzzy, word);
  // A stem the word really starts with outranks a shorter one it nearly starts with:
  // «диабет» is «диабет*», not a typo of «диаре*».
  let longestTrue = 0;
  for (let length = 2; length <= word.length; length++)
    if (table.prefixes.has(word.slice(0, length))) longestTrue = length;
  const found = new Set<number>();
  for (const key of keys.exact) for (const id of table.exact.get(key) ?? []) found.add(id);
  for (const key of keys.prefixes)
    if (key.length > longestTrue) for (const id of table.prefixes.get(key) ?? []) found.add(id);
  return [...found];
}
