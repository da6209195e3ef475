import { conceptPatterns } from '../concepts';
import { lexiconPatterns } from '../lexicon';
import { terms } from '../lexicon/terms';
import type { SymptomCode } from '../vocabulary';
import { buildFuzzyIndex, type FuzzyIndex } from './fuzzy';
import { negationWords } from './negation';
import { addStem, createStemTable, fuzzyTermsOf, type StemTable, termsOf } from './stems';
import { stopwords } from './stopwords';
import type { Token } from './tokens';

/** How far apart (in words; a comma counts as three) the words of one pattern may be. */
const window = 8;
/** Words of an ordered pattern follow each other with at most this many words between. */
const orderedGap = 2;

/** A symptom, or `concept:<id>` for a red-flag concept of concepts.ts. */
export type PatternCode = SymptomCode | `concept:${string}`;

interface CompiledPattern {
  order: number;
  code: PatternCode;
  elements: number[];
  exclude: number[];
  ordered: boolean;
  sudden: boolean;
}

export interface PatternMatch {
  code: PatternCode;
  /** Token indices of the matched words. */
  tokens: number[];
  sudden: boolean;
}

export interface Lexicon {
  stems: StemTable;
  fuzzy: FuzzyIndex;
  termIds: Map<string, number>;
  patterns: CompiledPattern[];
  /** Patterns by the term id of their first word: a sentence tries only those it can start. */
  byFirst: Map<number, CompiledPattern[]>;
  /** Term ids of each distinct word seen; words repeat, lookups need not. */
  cache: Map<string, number[]>;
}

/** Compiles the word classes and patterns once per cold start. */
export function compileLexicon(): Lexicon {
  const stems = createStemTable();
  const termIds = new Map<string, number>();
  const idOf = (name: string): number => {
    let id = termIds.get(name);
    if (id !== undefined) return id;
    id = termIds.size;
    termIds.set(name, id);
    const specs = /^[A-Z_]+$/.test(name) ? terms[name] : [name];
    if (!specs) throw new Error(`lexicon: unknown word class ${name}`);
    for (const spec of specs) addStem(stems, spec, id);
    return id;
  };
  for (const name of Object.keys(terms)) idOf(name);
  const patterns = [...lexiconPatterns, ...conceptPatterns].map(({ code, pattern }, order) => {
    const ordered = pattern.startsWith('=');
    const words = pattern.replace(/^=/, '').split(/\s+/);
    return {
      order,
      code,
      ordered,
      sudden: words.includes('@sudden'),
      elements: words.filter((w) => !w.startsWith('!') && !w.startsWith('@')).map(idOf),
      exclude: words.filter((w) => w.startsWith('!')).map((w) => idOf(w.slice(1))),
    };
  });
  const fuzzy = buildFuzzyIndex(stems.exact.keys(), stems.prefixes.keys());
  const byFirst = new Map<number, CompiledPattern[]>();
  for (const pattern of patterns) {
    const first = pattern.elements[0] as number;
    const list = byFirst.get(first) ?? [];
    list.push(pattern);
    byFirst.set(first, list);
  }
  return { stems, fuzzy, termIds, patterns, byFirst, cache: new Map() };
}

export function termIdOf(lexicon: Lexicon, name: string): number {
  const id = lexicon.termIds.get(name);
  if (id === undefined) throw new Error(`lexicon: unknown word class ${name}`);
  return id;
}

export function wordTerms(lexicon: Lexicon, word: string): number[] {
  let ids = lexicon.cache.get(word);
  if (!ids) {
    ids = termsOf(lexicon.stems, word);
    // A dropped soft sign («бол», «груд», «кровю» typed in Latin letters), then one-letter typos.
    const soft = /[бвгджзклмнпрстфхцчшщ]$/u.test(word)
      ? `${word}ь`
      : /[бвгджзклмнпрстфхцчшщ][юя]$/u.test(word)
        ? `${word.slice(0, -1)}ь${word.slice(-1)}`
        : undefined;
    if (soft) ids = [...new Set([...ids, ...termsOf(lexicon.stems, soft)])];
    // A prefix hit («голов…» in «головакружение») does not rule a typo out; an exact word does.
    if (!lexicon.stems.exact.has(word) && !stopwords.has(word) && !negationWords.has(word))
      ids = [...new Set([...ids, ...fuzzyTermsOf(lexicon.stems, lexicon.fuzzy, word)])];
    if (lexicon.cache.size > 50_000) lexicon.cache.clear();
    lexicon.cache.set(word, ids);
  }
  return ids;
}

/** Every pattern occurrence in the text, sentence by sentence. */
export function matchPatterns(lexicon: Lexicon, tokens: Token[]): PatternMatch[] {
  const matches: PatternMatch[] = [];
  const coord: number[] = [];
  let at = 0;
  for (const token of tokens) {
    at += token.kind === 'comma' ? 3 : 1;
    coord.push(at);
  }
  let start = 0;
  while (start < tokens.length) {
    const sentence = tokens[start]?.sentence;
    let end = start;
    const positions = new Map<number, number[]>();
    while (end < tokens.length && tokens[end]?.sentence === sentence) {
      const token = tokens[end] as Token;
      if (token.kind === 'word') {
        for (const id of wordTerms(lexicon, token.text)) {
          const list = positions.get(id);
          if (list) list.push(end);
          else positions.set(id, [end]);
        }
      }
      end++;
    }
    const sentenceMatches: (PatternMatch & { order: number })[] = [];
    for (const id of positions.keys()) {
      for (const pattern of lexicon.byFirst.get(id) ?? []) {
        if (!pattern.elements.every((element) => positions.has(element))) continue;
        for (const found of pattern.ordered
          ? matchOrdered(pattern, positions, coord)
          : matchUnordered(pattern, positions, coord)) {
          sentenceMatches.push({
            code: pattern.code,
            tokens: found,
            sudden: pattern.sudden,
            order: pattern.order,
          });
        }
      }
    }
    // Matches come out in the lexicon's order, whatever the order of the words.
    sentenceMatches.sort((a, b) => a.order - b.order);
    for (const { order: _, ...match } of sentenceMatches) matches.push(match);
    start = end;
  }
  return matches;
}

function matchUnordered(pattern: CompiledPattern, positions: Map<number, number[]>, coord: number[]) {
  const found: number[][] = [];
  const [first, ...rest] = pattern.elements;
  for (const anchor of positions.get(first as number) ?? []) {
    const chosen = [anchor];
    for (const id of rest) {
      let best: number | undefined;
      for (const p of positions.get(id) ?? []) {
        if (chosen.includes(p)) continue;
        const distance = Math.abs((coord[p] as number) - (coord[anchor] as number));
        if (
          distance <= window &&
          (best === undefined || distance < Math.abs((coord[best] as number) - (coord[anchor] as number)))
        )
          best = p;
      }
      if (best === undefined) break;
      chosen.push(best);
    }
    if (chosen.length === pattern.elements.length && !excluded(pattern, positions, coord, anchor))
      found.push(chosen);
  }
  return found;
}

function matchOrdered(pattern: CompiledPattern, positions: Map<number, number[]>, coord: number[]) {
  const found: number[][] = [];
  const [first, ...rest] = pattern.elements;
  for (const anchor of positions.get(first as number) ?? []) {
    const chosen = [anchor];
    for (const id of rest) {
      const previous = chosen.at(-1) as number;
      const next = (positions.get(id) ?? []).find(
        (p) => p > previous && (coord[p] as number) - (coord[previous] as number) <= orderedGap + 1,
      );
      if (next === undefined) break;
      chosen.push(next);
    }
    if (chosen.length === pattern.elements.length && !excluded(pattern, positions, coord, anchor))
      found.push(chosen);
  }
  return found;
}

function excluded(
  pattern: CompiledPattern,
  positions: Map<number, number[]>,
  coord: number[],
  anchor: number,
) {
  return pattern.exclude.some((id) =>
    (positions.get(id) ?? []).some(
      (p) => Math.abs((coord[p] as number) - (coord[anchor] as number)) <= window,
    ),
  );
}
