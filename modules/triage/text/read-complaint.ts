import type { Onset, Severity, SymptomCode, Vitals } from '../vocabulary';
import { sentenceDuration } from './duration';
import { compileLexicon, type Lexicon, matchPatterns, termIdOf, wordTerms } from './matcher';
import { negatedTokens, negationWords } from './negation';
import { normalize } from './normalize';
import { mentionsOverdose } from './pill-count';
import { readProseVitals } from './prose-vitals';
import { stopwords } from './stopwords';
import { type Token, tokenize } from './tokens';

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
}

let lexicon: Lexicon | undefined;

/** Free text (Russian or English) → symptom codes with negation, severity, onset, duration, vitals. */
export function readComplaint(text: string): ComplaintReading {
  lexicon ??= compileLexicon();
  const normalized = normalize(text);
  const prose = readProseVitals(normalized);
  const tokens = tokenize(mask(normalized, prose.spans));
  const matches = matchPatterns(lexicon, tokens);
  const consumed = new Set(
    matches.flatMap((m) => m.tokens.filter((i) => negationWords.has(tokens[i]?.text ?? ''))),
  );
  const negated = negatedTokens(tokens, consumed);
  const modifiers = new Modifiers(lexicon, tokens, negated);

  const findings = new Map<SymptomCode, TextFinding>();
  for (const match of matches) {
    const present = match.tokens.every((i) => consumed.has(i) || !negated[i]);
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
    findings.set(match.code, merge(findings.get(match.code), next));
  }

  if (mentionsOverdose(normalized) && !findings.get('overdose')?.present)
    findings.set('overdose', { present: true });

  const placed = new Set([...matches.flatMap((m) => m.tokens)]);
  let contentWords = 0;
  let unexplainedWords = 0;
  tokens.forEach((token, i) => {
    if (token.kind !== 'word' || stopwords.has(token.text) || negationWords.has(token.text)) return;
    contentWords++;
    // What the text denies is no hidden risk; what it asserts and is not understood may be.
    if (!placed.has(i) && !negated[i] && !modifiers.isKnown(token.text)) unexplainedWords++;
  });
  return {
    findings,
    vitals: prose.vitals,
    ...(prose.gcs !== undefined ? { gcs: prose.gcs } : {}),
    unexplainedWords,
    contentWords,
  };
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
      const from = this.tokens.findIndex((t) => t.sentence === sentence);
      const to = this.tokens.findLastIndex((t) => t.sentence === sentence);
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
