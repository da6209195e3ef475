import { conceptById, concepts } from '../concepts';
import type { Onset, Severity, SymptomCode, Vitals } from '../vocabulary';
import { clauseContext, type TimeStatus } from './context';
import { sentenceDuration } from './duration';
import {
  compileLexicon,
  type Lexicon,
  matchPatterns,
  type PatternMatch,
  termIdOf,
  wordTerms,
} from './matcher';
import { negatedTokens, negationWords } from './negation';
import { normalize } from './normalize';
import { mentionsOverdose } from './pill-count';
import { readProseVitals } from './prose-vitals';
import { termsOf } from './stems';
import { stopwords } from './stopwords';
import { readSubject, type Subject } from './subject';
import { type Token, tokenize } from './tokens';
import { latinToCyrillic, transliterated } from './transliterate';

export interface TextFinding {
  present: boolean;
  severity?: Severity;
  onset?: Onset;
  durationHours?: number;
}

export interface ComplaintReading {
  findings: Map<SymptomCode, TextFinding>;
  vitals: Vitals;
  gcs?: number;
  /** Words the reader could not place; many of them mean the text may say more than it found. */
  unexplainedWords: number;
  contentWords: number;
  /** Red-flag concepts (concepts.ts) the text asserts now. */
  concepts: Set<string>;
  /** Findings and concepts of an episode the text says is over («болела грудь, сейчас прошло»). */
  resolved: Map<SymptomCode, TextFinding>;
  resolvedConcepts: Set<string>;
  /** Findings set aside as past, family history or hypothetical. */
  setAside: number;
  subject: Subject;
  gestationWeeks?: number;
  /** `transliterated` when this is the second reading of Latin-script Russian. */
  reading: 'as_written' | 'transliterated';
}

let lexicon: Lexicon | undefined;
/** Tuning aid for the case bank (never set in production, never logged: health text). */
let debugUnplaced: string[] | undefined;
export function unplacedWords(text: string): string[] {
  debugUnplaced = [];
  readComplaints(text);
  const words = debugUnplaced;
  debugUnplaced = undefined;
  return words;
}
const getLexicon = () => {
  lexicon ??= compileLexicon();
  return lexicon;
};

/** Per Latin word: understood as English, and whether its Cyrillic spelling is Russian the lexicon knows. */
const latinCache = new Map<string, { english: boolean; russian: boolean }>();
function latinWord(word: string) {
  let known = latinCache.get(word);
  if (!known) {
    const lex = getLexicon();
    const cyrillic = latinToCyrillic(word);
    known = {
      english: stopwords.has(word) || negationWords.has(word) || termsOf(lex.stems, word).length > 0,
      russian: stopwords.has(cyrillic) || (cyrillic.length >= 3 && wordTerms(lex, cyrillic).length > 0),
    };
    if (latinCache.size > 20_000) latinCache.clear();
    latinCache.set(word, known);
  }
  return known;
}

/** A Latin word the English reading already understands. */
const isEnglish = (word: string) => latinWord(word).english;

/** A Latin word whose Cyrillic spelling the lexicon knows (a stem, or a dropped soft sign away). */
const isRussian = (word: string) => latinWord(word).russian;

/**
 * Every reading of the text: as written, and when it holds Latin words that are not English,
 * a second reading with them in Cyrillic (Russian typed in Latin letters). The caller keeps
 * the more urgent outcome.
 */
export function readComplaints(text: string): ComplaintReading[] {
  const normalized = normalize(text);
  const first = readNormalized(normalized, 'as_written');
  const second = transliterated(normalized, isEnglish, isRussian);
  if (second === undefined) return [first];
  const other = readNormalized(second, 'transliterated');
  // A word is unexplained only when neither reading could place it.
  const unexplained = Math.min(first.unexplainedWords, other.unexplainedWords);
  first.unexplainedWords = unexplained;
  other.unexplainedWords = unexplained;
  return [first, other];
}

/** Free text (Russian or English) → symptom codes with negation, time, severity, onset, duration, vitals. */
export function readComplaint(text: string): ComplaintReading {
  return readNormalized(normalize(text), 'as_written');
}

const recurrence = new Set(['опять', 'снова', 'вновь', 'again', 'returned', 'recurred']);

const crisisCodes = new Set<string>([
  'suicidal_thoughts',
  'suicide_plan',
  'self_harm',
  'overdose',
  ...concepts.filter((c) => c.crisis).map((c) => `concept:${c.id}`),
]);

const backgroundCodes = new Set<string>([
  'history_diabetes',
  'history_asthma',
  'history_copd',
  'immunosuppressed',
  'pregnancy',
]);

function readNormalized(normalized: string, reading: ComplaintReading['reading']): ComplaintReading {
  const lex = getLexicon();
  const prose = readProseVitals(normalized);
  const about = readSubject(normalized);
  const tokens = tokenize(mask(normalized, [...prose.spans, ...about.spans]));
  const matches = matchPatterns(lex, tokens);
  const consumed = new Set(
    matches.flatMap((m) => m.tokens.filter((i) => negationWords.has(tokens[i]?.text ?? ''))),
  );
  const negated = negatedTokens(tokens, consumed);
  const modifiers = new Modifiers(lex, tokens, negated);
  const status = statuses(tokens, matches);

  const findings = new Map<SymptomCode, TextFinding>();
  const resolved = new Map<SymptomCode, TextFinding>();
  const concepts = new Set<string>();
  const resolvedConcepts = new Set<string>();
  let setAside = 0;
  for (const match of matches) {
    const present = match.tokens.every((i) => consumed.has(i) || !negated[i]);
    let when = matchStatus(match, tokens, status);
    // A suicidal thought stated as a condition («if I lose my job I'll kill myself») is still one.
    if (when === 'hypothetical' && crisisCodes.has(match.code)) when = 'current';
    if (when !== 'current' && when !== 'resolved') {
      if (present) setAside++;
      continue;
    }
    if (match.code.startsWith('concept:')) {
      if (!present) continue;
      (when === 'current' ? concepts : resolvedConcepts).add(match.code.slice('concept:'.length));
      continue;
    }
    const at = match.tokens[0] as number;
    const next: TextFinding = { present };
    if (present) {
      const severity = modifiers.severity(at);
      const onset = match.sudden ? 'sudden' : modifiers.onset(at);
      const durationHours = modifiers.duration(at);
      if (severity) next.severity = severity;
      if (onset) next.onset = onset;
      if (durationHours !== undefined) next.durationHours = durationHours;
    }
    const code = match.code as SymptomCode;
    const into = when === 'current' ? findings : resolved;
    into.set(code, merge(into.get(code), next));
  }

  // A measured fever lasts as long as the text says the illness has («температура 38.5 пятый день»).
  if ((prose.vitals.temperature ?? 0) >= 38 && !findings.has('fever')) {
    const hours = longestDuration(tokens);
    findings.set('fever', { present: true, ...(hours !== undefined ? { durationHours: hours } : {}) });
  }

  // «прошла, сейчас опять давит»: a resolved episode that is back is current.
  if (resolved.size > 0 && tokens.some((t) => recurrence.has(t.text))) {
    for (const [code, finding] of resolved) if (!findings.get(code)?.present) findings.set(code, finding);
    for (const id of resolvedConcepts) concepts.add(id);
    resolved.clear();
    resolvedConcepts.clear();
  }

  if (mentionsOverdose(normalized)) {
    concepts.add('overdose_or_attempt');
    if (!findings.get('overdose')?.present) findings.set('overdose', { present: true });
  }

  const placed = new Set([...matches.flatMap((m) => m.tokens)]);
  let contentWords = 0;
  let unexplainedWords = 0;
  tokens.forEach((token, i) => {
    if (token.kind !== 'word' || stopwords.has(token.text) || negationWords.has(token.text)) return;
    contentWords++;
    // What the text denies is no hidden risk; what it asserts and is not understood may be.
    if (!placed.has(i) && !negated[i] && !modifiers.isKnown(token.text) && !contextWords.has(token.text)) {
      unexplainedWords++;
      debugUnplaced?.push(token.text);
    }
  });
  return {
    findings,
    vitals: prose.vitals,
    ...(prose.gcs !== undefined ? { gcs: prose.gcs } : {}),
    unexplainedWords,
    contentWords,
    concepts,
    resolved,
    resolvedConcepts,
    setAside,
    subject: about.subject,
    ...(about.gestationWeeks !== undefined ? { gestationWeeks: about.gestationWeeks } : {}),
    reading,
  };
}

/** Words of time and subject: understood, though they name no symptom. */
const contextWords = new Set([
  'прошло',
  'прошла',
  'прошел',
  'прошли',
  'детстве',
  'прошлом',
  'раньше',
  'если',
  'gone',
  'resolved',
  'childhood',
  'previously',
  'if',
  'мамы',
  'папы',
  'отца',
  'бабушки',
  'дедушки',
  'брата',
  'сестры',
  'мужа',
  'жены',
  'сыну',
  'дочке',
  'дочь',
  'дочка',
  'малышу',
  'ребенку',
  'husband',
  'mum',
  'mom',
  'dad',
  'сейчас',
  'now',
  'сих',
  'пор',
]);

/** Time status per clause, with resolution reaching back over clauses that name no symptom of their own. */
function statuses(tokens: Token[], matches: PatternMatch[]): TimeStatus[] {
  const context = clauseContext(tokens);
  const status = [...context.status];
  const matchedClauses = new Map<number, PatternMatch[]>();
  for (const match of matches) {
    const clause = tokens[match.tokens[0] as number]?.clause as number;
    const list = matchedClauses.get(clause) ?? [];
    list.push(match);
    matchedClauses.set(clause, list);
  }
  const sentences: number[] = [];
  const pastTense: boolean[] = [];
  for (const token of tokens) {
    sentences[token.clause] ??= token.sentence;
    if (pastTenseWords.has(token.text)) pastTense[token.clause] = true;
  }
  const sentenceOf = (clause: number) => sentences[clause];
  for (let c = 0; c < status.length; c++) {
    // «у мамы инсульт»: a relative with only a diagnosis or a condition is family history.
    if (context.relative[c] && status[c] === 'current') {
      const own = matchedClauses.get(c) ?? [];
      if (own.length > 0 && own.every((m) => isNamedOrBackground(m.code))) status[c] = 'family';
    }
    // «… был инфаркт»: a named diagnosis in the past tense is history.
    if (status[c] === 'current' && pastTense[c]) {
      const own = matchedClauses.get(c) ?? [];
      if (own.length > 0 && own.every((m) => isNamedOrBackground(m.code))) status[c] = 'past';
    }
    if (context.resolvedAt[c] && !(matchedClauses.get(c) ?? []).some((m) => !isNamedOrBackground(m.code))) {
      const sentence = sentenceOf(c);
      for (let b = c - 1; b >= 0 && sentenceOf(b) === sentence; b--)
        if (status[b] === 'current' && !context.now[b]) status[b] = 'resolved';
    }
  }
  return status;
}

function isNamedOrBackground(code: string): boolean {
  if (code.startsWith('concept:')) return conceptById.get(code.slice('concept:'.length))?.named === true;
  return backgroundCodes.has(code);
}

const pastTenseWords = new Set(['был', 'была', 'было', 'были', 'had', 'перенес', 'перенесла']);

/** A match is current when any of its words is in a current clause (the safer reading). */
function matchStatus(match: PatternMatch, tokens: Token[], status: TimeStatus[]): TimeStatus {
  let first: TimeStatus | undefined;
  for (const i of match.tokens) {
    const s = status[tokens[i]?.clause as number] ?? 'current';
    if (s === 'current') return 'current';
    first ??= s;
  }
  return first ?? 'current';
}

/** A symptom stated anywhere counts: «боли нет … сейчас болит грудь» is a chest pain. */
function merge(a: TextFinding | undefined, b: TextFinding): TextFinding {
  if (!a) return b;
  if (a.present !== b.present) return a.present ? a : b;
  const merged: TextFinding = { present: a.present };
  const severity = a.severity === 'severe' || b.severity === 'severe' ? 'severe' : (a.severity ?? b.severity);
  const onset = a.onset === 'sudden' || b.onset === 'sudden' ? 'sudden' : (a.onset ?? b.onset);
  const hours = Math.max(a.durationHours ?? -1, b.durationHours ?? -1);
  if (severity) merged.severity = severity;
  if (onset) merged.onset = onset;
  if (hours >= 0) merged.durationHours = hours;
  return merged;
}

function longestDuration(tokens: Token[]): number | undefined {
  let longest: number | undefined;
  let from = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i]?.sentence !== tokens[from]?.sentence) {
      const hours = sentenceDuration(tokens, from, i - 1);
      if (hours !== undefined) longest = Math.max(longest ?? 0, hours);
      from = i;
    }
  }
  return longest;
}

function mask(text: string, spans: [number, number][]): string {
  let out = text;
  for (const [start, end] of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}
/** Severity is read in the symptom's clause, onset and duration in its sentence; each once per text. */
class Modifiers {
  private readonly severity_ = new Map<number, Severity>();
  private readonly onset_ = new Map<number, Onset>();
  private readonly durations = new Map<number, number | undefined>();

  constructor(
    private readonly lexicon: Lexicon,
    private readonly tokens: Token[],
    negated: boolean[],
  ) {
    const severe = termIdOf(lexicon, 'SEVERE');
    const mild = termIdOf(lexicon, 'MILD');
    const sudden = termIdOf(lexicon, 'SUDDEN');
    const gradual = termIdOf(lexicon, 'GRADUAL');
    tokens.forEach((token, i) => {
      if (token.kind === 'number' && Number(token.text) >= 7 && outOfTen(tokens, i))
        this.severity_.set(token.clause, 'severe');
      if (token.kind !== 'word' || negated[i]) return;
      const ids = wordTerms(lexicon, token.text);
      if (ids.includes(severe)) this.severity_.set(token.clause, 'severe');
      else if (ids.includes(mild) && !this.severity_.has(token.clause))
        this.severity_.set(token.clause, 'mild');
      if (ids.includes(sudden)) this.onset_.set(token.sentence, 'sudden');
      else if (ids.includes(gradual) && !this.onset_.has(token.sentence))
        this.onset_.set(token.sentence, 'gradual');
    });
  }

  /** A word of the lexicon (a body part, an intensity) is understood even outside a symptom. */
  isKnown(word: string): boolean {
    return wordTerms(this.lexicon, word).length > 0;
  }

  severity(at: number): Severity | undefined {
    return this.severity_.get(this.tokens[at]?.clause ?? -1);
  }

  onset(at: number): Onset | undefined {
    return this.onset_.get(this.tokens[at]?.sentence ?? -1);
  }

  duration(at: number): number | undefined {
    const sentence = this.tokens[at]?.sentence as number;
    if (!this.durations.has(sentence)) {
      // Tokens are in sentence order: walk out from `at` to the sentence's ends.
      let from = at;
      let to = at;
      while (from > 0 && this.tokens[from - 1]?.sentence === sentence) from--;
      while (to + 1 < this.tokens.length && this.tokens[to + 1]?.sentence === sentence) to++;
      this.durations.set(sentence, sentenceDuration(this.tokens, from, to));
    }
    return this.durations.get(sentence);
  }
}

/** «8/10», «9 из 10», «7 out of 10» (the slash is gone after tokenizing). */
function outOfTen(tokens: Token[], i: number): boolean {
  const next = tokens.slice(i + 1, i + 4).map((t) => t.text);
  return next[0] === '10' || (next[0] === 'из' && next[1] === '10') || next.join(' ').startsWith('out of 10');
}
