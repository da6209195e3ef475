import type { SymptomCode } from '../vocabulary';

/**
 * How a symptom is written: each pattern is words (stems, or CAPITAL word classes from
 * terms.ts) that must all occur within a few words of each other in one sentence, in any
 * order, because Russian word order is free («боль в груди», «грудь болит»).
 * - `=a b c`   the words in this order, at most two words apart;
 * - `!stem`    the pattern does not hold if this word is near (e.g. fingers for a stroke);
 * - `@sudden`  the symptom is sudden by its nature (a loss of vision).
 * A negation word written into a pattern («ингалятор не помогает») belongs to the symptom
 * and negates nothing.
 */
export type PatternTable = Partial<Record<SymptomCode, readonly string[]>>;
