import type { Token } from './tokens';

/**
 * When a clause speaks of its symptom: now (current), an episode that is over (resolved),
 * the patient's past history, a relative's history (family), or a what-if (hypothetical).
 * Only current findings weigh as symptoms; a resolved red flag still asks for a doctor soon.
 */
export type TimeStatus = 'current' | 'resolved' | 'past' | 'family' | 'hypothetical';

const resolvedWords = new Set([
  'прошло',
  'прошла',
  'прошел',
  'прошли',
  'прекратилось',
  'прекратилась',
  'прекратился',
  'прекратились',
  'остановилось',
  'остановилась',
  'остановился',
  'утихло',
  'утихла',
  'утих',
  'отпустило',
  'отпустила',
  'gone',
  'resolved',
  'settled',
  'subsided',
  'stopped',
  'passed',
  'away',
]);
/** «stopped breathing», «passed out» are events, not an end. */
const notResolvedAfter = new Set([
  'out',
  'breathing',
  'moving',
  'kicking',
  'responding',
  'eating',
  'drinking',
  'feeding',
  'urine',
  'talking',
]);
const englishAfterEnd = new Set([
  'now',
  'away',
  'completely',
  'totally',
  'since',
  'on',
  'by',
  'after',
  'within',
  'itself',
]);
const pastWords = new Set([
  'детстве',
  'прошлом',
  'раньше',
  'ранее',
  'когда-то',
  'анамнезе',
  'перенес',
  'перенесла',
  'перенесенный',
  'перенесенного',
  'previously',
  'history',
  'childhood',
]);
const longUnits = /^(год|года|лет|полгода|месяц\p{L}*|years?|months?)$/u;
const hypotheticalWords = new Set(['если', 'if', 'случае', 'case']);
const notHypotheticalBefore = new Set(['as', 'sure', 'know', 'wonder', 'уверен', 'уверена', 'знаю', 'even']);
const relatives = new Set([
  'мамы',
  'матери',
  'папы',
  'отца',
  'бабушки',
  'дедушки',
  'деда',
  'брата',
  'сестры',
  'родителей',
  'тети',
  'дяди',
  'mother',
  'mum',
  'mom',
  'father',
  'dad',
  'grandad',
  'grandfather',
  'grandmother',
  'grandma',
  'brother',
  'sister',
  'parents',
  'aunt',
  'uncle',
]);
const familyWords = new Set(['семейный', 'семейном', 'наследственность', 'наследственный', 'family']);
const pastVerbs = new Set([
  'был',
  'была',
  'было',
  'были',
  'had',
  'перенес',
  'перенесла',
  'умер',
  'умерла',
  'died',
]);
const nowWords = new Set([
  'сейчас',
  'теперь',
  'now',
  'currently',
  'still',
  'сих',
  'продолжается',
  'снова',
  'again',
]);

export interface ClauseContext {
  /** Per clause index. */
  status: TimeStatus[];
  /** Clauses that name a relative with a past verb or only a diagnosis (decided with the matches). */
  relative: boolean[];
  /** Clauses that say the symptom is there now. */
  now: boolean[];
  /** Clauses with a word of ending («прошло», «has gone»): theirs, or the clauses before. */
  resolvedAt: boolean[];
}

export function clauseContext(tokens: Token[]): ClauseContext {
  const clauses = (tokens.at(-1)?.clause ?? -1) + 1;
  const status: TimeStatus[] = Array.from({ length: clauses }, () => 'current');
  const relative = Array.from({ length: clauses }, () => false);
  const now = Array.from({ length: clauses }, () => false);
  const resolvedAt = Array.from({ length: clauses }, () => false);
  const pastVerb = Array.from({ length: clauses }, () => false);
  tokens.forEach((token, i) => {
    if (token.kind !== 'word') return;
    const word = token.text;
    const previous = tokens[i - 1]?.text ?? '';
    const next = tokens[i + 1]?.text ?? '';
    const c = token.clause;
    const negated = previous === 'не' || previous === 'not' || previous === 'never';
    if (resolvedWords.has(word) && !negated && !notResolvedAfter.has(next)) {
      // «went away», «has gone», «passed» need their frame in English.
      if (word === 'away' && previous !== 'went' && previous !== 'gone') return;
      // English: «has gone», «it passed», «bleeding stopped now», not «gone grey», «passed out».
      if (
        /^[a-z]/.test(word) &&
        word !== 'away' &&
        tokens[i + 1]?.kind === 'word' &&
        !englishAfterEnd.has(next)
      )
        return;
      resolvedAt[c] = true;
    }
    if (pastWords.has(word) && !(word === 'history' && (previous === 'family' || next === 'family')))
      status[c] = 'past';
    if (
      (word === 'назад' || word === 'ago') &&
      tokens.slice(Math.max(0, i - 3), i).some((t) => longUnits.test(t.text))
    )
      status[c] = 'past';
    if (word === 'child' && previous === 'a' && tokens[i - 2]?.text === 'as') status[c] = 'past';
    if ((word === 'year' && previous === 'last') || (word === 'лет' && tokens[i - 2]?.text === 'в'))
      status[c] = 'past';
    if (hypotheticalWords.has(word) && !notHypotheticalBefore.has(previous) && !negated) {
      if ((word === 'случае' && previous !== 'в') || (word === 'case' && previous !== 'in')) return;
      status[c] = 'hypothetical';
    }
    if (
      (relatives.has(word) && (previous === 'у' || next === 'had' || next === 'has')) ||
      familyWords.has(word)
    )
      relative[c] = true;
    if (pastVerbs.has(word)) pastVerb[c] = true;
    if (nowWords.has(word)) now[c] = true;
  });
  for (let c = 0; c < clauses; c++) {
    if (relative[c] && pastVerb[c] && status[c] === 'current') status[c] = 'family';
    if (resolvedAt[c] && status[c] === 'current') status[c] = 'resolved';
  }
  return { status, relative, now, resolvedAt };
}
