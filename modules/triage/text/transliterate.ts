/**
 * Russian written in Latin letters («bolit grud», «zadykhayus», «ne mogu razbudit»), as people
 * type it without a Cyrillic keyboard. There is no one standard (GOST, ICAO, passports and
 * chat all differ), so the common spellings of each letter are accepted; a dropped soft sign
 * or a doubtful vowel is left to the reader's one-letter typo tolerance.
 */
const multi: [string, string][] = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['tsya', 'тся'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['yu', 'ю'],
  ['ju', 'ю'],
  ['ya', 'я'],
  ['ja', 'я'],
  ['yo', 'е'],
  ['jo', 'е'],
  ['iy', 'ий'],
  ['yy', 'ый'],
  ['ts', 'тс'],
];
const single: Record<string, string> = {
  a: 'а',
  b: 'б',
  v: 'в',
  w: 'в',
  g: 'г',
  d: 'д',
  e: 'е',
  z: 'з',
  i: 'и',
  j: 'й',
  k: 'к',
  q: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  f: 'ф',
  h: 'х',
  c: 'ц',
  x: 'кс',
  "'": 'ь',
};
const vowels = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** One Latin-script word in Cyrillic («sineyut» → «синеют», «vyalyy» → «вялый»). */
export function latinToCyrillic(word: string): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const found = multi.find(([latin]) => word.startsWith(latin, i));
    if (found) {
      out += found[1];
      i += found[0].length;
      continue;
    }
    const letter = word[i] as string;
    if (letter === 'y') {
      // й after a vowel («moy», «batareyka»), ы after a consonant («vypila», «guby»).
      const previous = word[i - 1];
      out += previous !== undefined && vowels.has(previous) ? 'й' : i === 0 ? 'й' : 'ы';
    } else out += single[letter] ?? letter;
    i++;
  }
  return out;
}

const latinWord = /[a-z][a-z']*/g;

/**
 * The text with its Latin words in Cyrillic: all of them when most read as Russian (the
 * writer types Russian in Latin letters), else only those `isEnglish` does not know (a
 * Russian word inside English). Undefined when the text has no Latin word to convert.
 */
export function transliterated(
  text: string,
  isEnglish: (word: string) => boolean,
  /** Whether a Latin word, spelled in Cyrillic, is Russian the lexicon knows. */
  isRussian: (latin: string) => boolean,
): string | undefined {
  const words = text.match(latinWord) ?? [];
  if (words.length === 0) return undefined;
  const foreign = [...new Set(words)].filter((w) => !isEnglish(w));
  // Read again only when the unknown Latin words read as Russian the lexicon knows: two of
  // them, or one in text with no English word («normally» among English is not «нормаллы»).
  const russian = foreign.filter(isRussian).length;
  const allForeign = foreign.length === new Set(words).size;
  if (russian === 0 || (russian < 2 && !allForeign)) return undefined;
  const all = foreign.length * 2 >= words.length;
  return text.replace(latinWord, (w) => (all || !isEnglish(w) ? latinToCyrillic(w) : w));
}
