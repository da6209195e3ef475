export interface Token {
  text: string;
  kind: 'word' | 'number' | 'comma' | 'stop';
  /** Sentences end at . ! ? ; and line breaks: patterns never span them. */
  sentence: number;
  /** Clauses also end at commas: the reach of a negation. */
  clause: number;
}

const tokenPattern = /\d+(?:[.,]\d+)?|[\p{L}][\p{L}\p{N}]*|[.!?;\n]|,/gu;

/** Splits normalized text into words, numbers and the punctuation that bounds scopes. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  for (const [raw] of text.matchAll(tokenPattern)) {
    if (raw === ',') {
      tokens.push({ text: raw, kind: 'comma', sentence, clause });
      clause++;
    } else if (/^[.!?;\n]$/.test(raw)) {
      tokens.push({ text: raw, kind: 'stop', sentence, clause });
      sentence++;
      clause++;
    } else {
      tokens.push({ text: raw, kind: /^\d/.test(raw) ? 'number' : 'word', sentence, clause });
    }
  }
  return tokens;
}
