import type { Token } from './tokens';

/**
 * Which words a negation covers. Safety decides every unclear case the same way: a
 * negation that might not reach a symptom does not reach it, because a symptom wrongly
 * dropped can under-triage, and one wrongly kept only over-triages.
 *
 * - «нет», «no», «отсутствует», «denies», «не было», «do not have» cover the rest of their
 *   clause; at the end of a clause («боли в груди нет») they cover the clause before them.
 * - «не», «not» cover the next word only («не сильная боль» is still a pain).
 * - «без», «without», «ни» cover the next three words.
 * - «none», «absent», «в норме», «normal» cover the clause before them.
 * A clause ends at a comma, except in a list closed by «или/ни/or/nor» («no fever, cough or
 * rash»), or by «и/and» after «denies/отрицает».
 */
const clauseWide = new Set([
  'нет',
  'no',
  'отсутствует',
  'отсутствуют',
  'отрицает',
  'отрицаю',
  'denies',
  'never',
]);
const strongCues = new Set(['отрицает', 'отрицаю', 'denies', 'отмечает', 'отмечаю']);
/** «не» followed by one of these is a clause-wide negation: «не было», «не беспокоит». */
const afterNe = new Set([
  'было',
  'были',
  'была',
  'беспокоит',
  'беспокоят',
  'беспокоили',
  'беспокоило',
  'отмечает',
  'отмечаю',
  'отмечалось',
  'наблюдается',
  'наблюдалось',
  'выявлено',
]);
/** «not» followed by one of these is a clause-wide negation: «does not have». */
const afterNot = new Set([
  'have',
  'had',
  'having',
  'experience',
  'experienced',
  'experiencing',
  'report',
  'noticed',
]);
const nextWordOnly = new Set(['не', 'not']);
const nextThreeWords = new Set(['без', 'without', 'ни', 'nor']);
const clauseBefore = new Set([
  'none',
  'absent',
  'negative',
  'denied',
  'норме',
  'нормально',
  'нормальная',
  'нормальное',
  'нормальный',
  'normal',
  'normally',
  'fine',
  'порядке',
]);
const breakers = new Set([
  'но',
  'а',
  'однако',
  'зато',
  'кроме',
  'хотя',
  'есть',
  'but',
  'however',
  'although',
  'though',
  'except',
  'yet',
]);
const listClosers = new Set(['или', 'ни', 'or', 'nor']);
const strongListClosers = new Set(['и', 'and']);
const maxListItemWords = 4;

/** «у меня нет …» looks forward: the word before «нет» is its owner, not its object. */
const pronouns = new Set([
  'меня',
  'него',
  'нее',
  'них',
  'нас',
  'вас',
  'тебя',
  'ребенка',
  'сына',
  'дочери',
  'есть',
  'там',
  'уже',
  'еще',
  'совсем',
  'вообще',
  'there',
  'have',
  'has',
  'had',
]);
/** Words that start a statement of their own: «нет» right after them looks forward. */
const statementWords = new Set([
  'болит',
  'болят',
  'ноет',
  'давит',
  'жжет',
  'колет',
  'тошнит',
  'но',
  'а',
  'и',
]);
const statementVerbs = new Set([
  'болит',
  'болят',
  'ноет',
  'давит',
  'жжет',
  'колет',
  'тошнит',
  'кружится',
  'hurts',
  'aches',
  // A new subject starts a new statement: «no fever my chest hurts», «нет температуры у меня болит».
  'my',
  'i',
  'he',
  'she',
  'his',
  'her',
  'у',
  'мне',
]);
const adjective = /\p{L}{2,}(ых|их|ой|ей|ого|его|ый|ий|ая|яя|ое|ее|ые|ие|ую|юю)$/u;
/** Prepositions and conjunctions inside one noun phrase. */
const phraseLinks = new Set(['в', 'во', 'на', 'при', 'за', 'у', 'под', 'над', 'и', 'или', 'со', 'с']);

/** A clause this long without a comma is a run-on. */
const runOnWords = 7;

export const negationWords = new Set([...clauseWide, ...nextWordOnly, ...nextThreeWords, 'unable']);

/** Marks every token a negation covers; `consumed` are negation words that belong to a symptom. */
export function negatedTokens(tokens: Token[], consumed: ReadonlySet<number>): boolean[] {
  const negated = tokens.map(() => false);
  const mark = (from: number, to: number) => {
    for (let i = Math.max(0, from); i <= to && i < tokens.length; i++) negated[i] = true;
  };
  /**
   * Back from a clause-final «нет» over its noun phrase: the word before it, and on across a
   * preposition or «и/или» to the word before that («боли в груди нет», «слабости в руке и ноге
   * нет»), never across another noun («давит в груди кашля нет» keeps the pressure).
   */
  const markBack = (at: number, start: number) => {
    let j = at - 1;
    while (j >= start && tokens[j]?.kind === 'word') {
      negated[j] = true;
      // Its adjectives too: «суицидальных мыслей нет», «сильной боли нет».
      while (
        j - 1 >= start &&
        tokens[j - 1]?.kind === 'word' &&
        adjective.test(tokens[j - 1]?.text as string)
      )
        negated[--j] = true;
      const link = tokens[j - 1];
      if (j - 2 < start || link?.kind !== 'word' || !phraseLinks.has(link.text)) break;
      negated[j - 1] = true;
      j -= 2;
    }
  };
  tokens.forEach((token, i) => {
    if (token.kind !== 'word' || consumed.has(i)) return;
    const word = token.text;
    const next = tokens[i + 1];
    const nextWord = next?.kind === 'word' ? next.text : undefined;
    if (
      clauseWide.has(word) ||
      (word === 'не' && nextWord && afterNe.has(nextWord)) ||
      (word === 'not' && nextWord && afterNot.has(nextWord))
    ) {
      const forwardEnd = clauseEnd(tokens, i);
      const start = clauseStart(tokens, i);
      const previous = tokens[i - 1];
      // «температуры нет»: a Russian «нет» after its noun looks back, a few words at most.
      const postpositive =
        word === 'нет' &&
        i > start &&
        previous?.kind === 'word' &&
        !pronouns.has(previous.text) &&
        !statementWords.has(previous.text);
      if (postpositive) {
        markBack(i, start);
      } else if (forwardEnd > i + (nextWord && (afterNe.has(nextWord) || afterNot.has(nextWord)) ? 1 : 0)) {
        // A run-on clause (no punctuation) gives a negation one word: «нет температуры болит грудь».
        const runOn = forwardEnd - start >= runOnWords;
        const skip = nextWord && (afterNe.has(nextWord) || afterNot.has(nextWord)) ? 1 : 0;
        let end = runOn ? i + 1 + skip : extendOverList(tokens, forwardEnd, strongCues.has(word));
        // Nor past a verb that states a symptom of its own: «нет температуры, болит грудь».
        for (let j = i + 1 + skip; j <= end; j++)
          if (tokens[j]?.kind === 'word' && statementVerbs.has(tokens[j]?.text as string)) {
            end = j - 1;
            break;
          }
        mark(i + 1, end);
      } else {
        markBack(i, start);
      }
    } else if (nextWordOnly.has(word)) {
      if (next?.kind === 'word') negated[i + 1] = true;
    } else if (nextThreeWords.has(word)) {
      mark(i + 1, Math.min(clauseEnd(tokens, i), i + 3));
    } else if (clauseBefore.has(word)) {
      mark(clauseStart(tokens, i), i - 1);
    }
  });
  return negated;
}

/** Last token of the clause that starts after `i`, stopping before a breaker word. */
function clauseEnd(tokens: Token[], i: number): number {
  let j = i;
  while (j + 1 < tokens.length) {
    const next = tokens[j + 1] as Token;
    if (next.kind === 'comma' || next.kind === 'stop' || breakers.has(next.text)) break;
    j++;
  }
  return j;
}

function clauseStart(tokens: Token[], i: number): number {
  let j = i;
  while (j - 1 >= 0) {
    const previous = tokens[j - 1] as Token;
    if (previous.kind === 'comma' || previous.kind === 'stop' || breakers.has(previous.text)) break;
    j--;
  }
  return j;
}

/** Carries a negation across the commas of a short list that a closing «или/or» ends. */
function extendOverList(tokens: Token[], end: number, strong: boolean): number {
  let j = end;
  let extended = end;
  while (tokens[j + 1]?.kind === 'comma') {
    const itemEnd = clauseEnd(tokens, j + 1);
    const item = tokens.slice(j + 2, itemEnd + 1);
    if (item.length === 0 || item.length > maxListItemWords + 1) break;
    j = itemEnd;
    if (item.some((t) => listClosers.has(t.text) || (strong && strongListClosers.has(t.text)))) {
      extended = itemEnd;
      break;
    }
  }
  if (extended === end && strong) return j;
  return extended;
}
