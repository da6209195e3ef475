import type { Token } from './tokens';

/** Hours per unit; years only count with a word of time around them («3 года назад»), not an age. */
const units: [RegExp, number][] = [
  [/^(мин|minute|mins?$)/, 1 / 60],
  [/^(час|hour|hrs?$|h$)/, 1],
  [/^(сут|day|ден|дн|день$)/, 24],
  [/^(недел|week|wks?$)/, 168],
  [/^(месяц|month)/, 720],
  [/^(год$|года$|лет$|year|yrs?$)/, 8760],
];
const numberWords: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  один: 1,
  одна: 1,
  одну: 1,
  одни: 1,
  two: 2,
  два: 2,
  две: 2,
  пару: 2,
  couple: 2,
  three: 3,
  три: 3,
  few: 3,
  several: 3,
  несколько: 3,
  four: 4,
  четыре: 4,
  five: 5,
  пять: 5,
  six: 6,
  шесть: 6,
  seven: 7,
  семь: 7,
  ten: 10,
  десять: 10,
  второй: 2,
  вторые: 2,
  третий: 3,
  третьи: 3,
  третью: 3,
  четвертый: 4,
  четвертые: 4,
  четвертую: 4,
  пятый: 5,
  пятые: 5,
  шестой: 6,
  седьмой: 7,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
};
/** A bare unit means one of it after these: «уже неделю», «for a week», «в течение месяца». */
const bareUnitLead = new Set([
  'уже',
  'целую',
  'всю',
  'около',
  'течение',
  'for',
  'over',
  'about',
  'более',
  'больше',
]);
const yearContext = new Set(['назад', 'ago', 'уже', 'течение', 'for', 'since', 'over', 'более', 'больше']);
const relative: Record<string, number> = {
  полчаса: 0.5,
  вчера: 24,
  вчерашнего: 24,
  yesterday: 24,
  позавчера: 48,
  утра: 6,
  сегодня: 6,
  today: 6,
  morning: 6,
  ночью: 12,
  overnight: 12,
};

function unitHours(word: string): number | undefined {
  return units.find(([pattern]) => pattern.test(word))?.[1];
}

/** The longest duration a sentence states, in hours («3 дня», «for 2 weeks», «since yesterday»). */
export function sentenceDuration(tokens: Token[], from: number, to: number): number | undefined {
  let longest: number | undefined;
  const keep = (hours: number) => {
    longest = Math.max(longest ?? 0, hours);
  };
  for (let i = from; i <= to; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    const count = token.kind === 'number' ? Number(token.text.replace(',', '.')) : numberWords[token.text];
    if (count !== undefined && next?.kind === 'word') {
      const hours = unitHours(next.text);
      if (hours !== undefined && (hours < 8760 || hasYearContext(tokens, i, from, to))) keep(count * hours);
      continue;
    }
    if (token.kind !== 'word') continue;
    const bare = unitHours(token.text);
    // «уже год», «for a year»: a lead word makes even a bare year a duration, not an age.
    if (bare !== undefined && bareUnitLead.has(tokens[i - 1]?.text ?? '')) keep(bare);
    const hours = relative[token.text];
    if (hours !== undefined) keep(hours);
  }
  return longest;
}

function hasYearContext(tokens: Token[], i: number, from: number, to: number): boolean {
  for (let j = Math.max(from, i - 3); j <= Math.min(to, i + 3); j++)
    if (yearContext.has(tokens[j]?.text ?? '')) return true;
  return false;
}
