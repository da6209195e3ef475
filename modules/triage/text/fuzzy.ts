/**
 * One-letter typo tolerance («жгет», «грдуи», «задыхаюс», a dropped soft sign in transliterated
 * text): a word the stem table does not know matches a stem of five letters or more at one
 * edit (a letter missing, extra, wrong, or two swapped) after the same first letter. Symmetric deletion keeps the lookup
 * to a few map reads a word; answers are cached by the caller.
 */
export const minFuzzyLength = 5;

export interface FuzzyIndex {
  /** deletion variant → the keys it came from. */
  exact: Map<string, string[]>;
  prefixes: Map<string, string[]>;
}

function variants(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function index(keys: Iterable<string>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const key of keys) {
    if ([...key].length < minFuzzyLength) continue;
    for (const variant of new Set(variants(key))) {
      const list = map.get(variant);
      if (list) list.push(key);
      else map.set(variant, [key]);
    }
  }
  return map;
}

export function buildFuzzyIndex(exact: Iterable<string>, prefixes: Iterable<string>): FuzzyIndex {
  return { exact: index(exact), prefixes: index(prefixes) };
}

/** Optimal string alignment distance, stopping early above one. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  // Typos rarely hit the first letter; requiring it keeps «описать» away from «пописать».
  if (a[0] !== b[0]) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function near(map: Map<string, string[]>, word: string): string[] {
  const found = new Set<string>();
  for (const variant of variants(word))
    for (const key of map.get(variant) ?? []) if (withinOneEdit(word, key)) found.add(key);
  return [...found];
}

/** Stem-table keys one edit from the word: exact words, and prefixes of the word's own start. */
export function fuzzyKeys(fuzzy: FuzzyIndex, word: string): { exact: string[]; prefixes: string[] } {
  if (word.length < minFuzzyLength || !/^\p{L}+$/u.test(word)) return { exact: [], prefixes: [] };
  const prefixes = new Set<string>();
  for (let length = minFuzzyLength - 1; length <= word.length; length++) {
    const start = word.slice(0, length);
    // A stem's last letter is where its ending begins: «напис(ала)» is not «напил».
    for (const key of near(fuzzy.prefixes, start)) if (key.at(-1) === start.at(-1)) prefixes.add(key);
  }
  return { exact: near(fuzzy.exact, word), prefixes: [...prefixes] };
}
