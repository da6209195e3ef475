/**
 * Whom the text is about and how old they are («у ребенка 3 месяца», «сыну 13 лет», «my 3
 * month old», «папе 80 лет»), and a pregnancy's weeks («28 недель беременности», «34 недели,»,
 * «30 weeks pregnant»). Their spans are masked so no age or term reads as a symptom's duration.
 */
export type SubjectKind = 'self' | 'child' | 'partner' | 'parent' | 'other';

export interface Subject {
  kind: SubjectKind;
  /** The subject's age in years when the text states it. */
  ageYears?: number;
  /** A baby or infant word with no age («грудничок», «newborn»). */
  infant?: boolean;
}

export interface SubjectReading {
  subject: Subject;
  gestationWeeks?: number;
  spans: [number, number][];
}

const numberWords: Record<string, number> = {
  один: 1,
  одна: 1,
  одного: 1,
  два: 2,
  две: 2,
  двух: 2,
  три: 3,
  трех: 3,
  четыре: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
  восемь: 8,
  девять: 9,
  десять: 10,
  одиннадцать: 11,
  двенадцать: 12,
  полтора: 1.5,
  полгода: 0.5,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const num = `(\\d{1,3}(?:[.,]\\d)?|${Object.keys(numberWords).join('|')})`;
const unit =
  '(дн\\p{L}*|день|недел\\p{L}*|нед|месяц\\p{L}*|мес|год\\p{L}*|лет|days?|weeks?|months?|years?|yrs?|mo)';

const childRu =
  '(?:ребен\\p{L}*|ребён\\p{L}*|сын\\p{L}*|доч\\p{L}*|малыш\\p{L}*|внук\\p{L}*|внучк\\p{L}*|грудничк\\p{L}*|грудничок|младен\\p{L}*|мальчик\\p{L}*|девочк\\p{L}*|новорожденн\\p{L}*)';
const adultRu =
  '(?:мам\\p{L}*|пап\\p{L}*|отц\\p{L}*|отец|матер\\p{L}*|бабушк\\p{L}*|дедушк\\p{L}*|дед\\p{L}*|муж\\p{L}*|жен\\p{L}*)';
const childEn =
  '(?:baby|babies|son|daughter|child|kid|toddler|boy|girl|infant|newborn|grandson|granddaughter)';
const adultEn = '(?:mum|mom|mother|dad|father|husband|wife|partner|grandad|grandma|grandmother|grandfather)';

// «у ребенка 3 месяца», «сыну 13 лет», «дочь 2 года», «ребенок (в возрасте) 5 месяцев», «baby is 7 weeks old», «son aged 4»
const ruAge = new RegExp(
  `(${childRu}|${adultRu})[\\s,:-]+(?:(?:в\\s+)?возраст\\p{L}*\\s+|ровно\\s+|уже\\s+|всего\\s+|is\\s+|aged\\s+)?${num}[\\s-]*${unit}`,
  'gu',
);
const enAge = new RegExp(
  `(${childEn}|${adultEn})[\\s,]+(?:is\\s+|aged\\s+|who\\s+is\\s+|just\\s+|only\\s+)?${num}[\\s-]*${unit}`,
  'gu',
);
// «my 3 month old», «a 12-week-old», «5 year old son»
const enOld = new RegExp(`${num}[\\s-]*${unit}[\\s-]*old`, 'gu');
// «3-месячный», «трехмесячный» are rare enough to leave to the age field.

const pregnancyWord = /беремен|pregnan|срок/u;
const gestationRe = /(\d{1,2})\s*(?:-?(?:я|й|ю))?\s*(недел\p{L}*|нед|weeks?|wks?)/gu;

const childWordRe = new RegExp(`(?<![\\p{L}])(${childRu}|${childEn})(?![\\p{L}])`, 'u');
const infantWordRe =
  /(?<![\p{L}])(грудничк\p{L}*|грудничок|младен\p{L}*|новорожденн\p{L}*|newborn|infant|маленький ребен)/u;
const newbornRe = /(?<![\p{L}])(новорожденн\p{L}*|newborn)/u;
const partnerRe = /(?<![\p{L}])(муж\p{L}*|жен[аеуы]|жене|husband|wife|partner)(?![\p{L}])/u;
const parentRe =
  /(?<![\p{L}])(мам\p{L}*|пап\p{L}*|отц\p{L}*|отец|матер\p{L}*|бабушк\p{L}*|дедушк\p{L}*|mum|mom|mother|dad|father)(?![\p{L}])/u;

const mayNameSubject =
  /ребен|ребён|сын|доч|малыш|внук|грудн|младен|мальч|девоч|новорожд|мам|пап|отц|отец|матер|бабуш|дед|муж|жен|baby|son|daughter|child|kid|toddler|boy|girl|infant|newborn|mum|mom|mother|dad|father|husband|wife|partner|grand|old|недел|нед|week|wk/u;

function toNumber(text: string): number {
  return numberWords[text] ?? Number(text.replace(',', '.'));
}

function toYears(count: number, unitWord: string): number | undefined {
  if (/^(дн|день|day)/u.test(unitWord)) return count / 365;
  if (/^(недел|нед|week)/u.test(unitWord)) return (count * 7) / 365;
  if (/^(месяц|мес|month|mo$)/u.test(unitWord)) return count / 12;
  if (/^(год|лет|year|yr)/u.test(unitWord)) return count;
  return undefined;
}

const isChildWord = (word: string) => new RegExp(`^(${childRu}|${childEn})$`, 'u').test(word);

/** Reads the subject, their age and a pregnancy's weeks from normalized text. */
export function readSubject(text: string): SubjectReading {
  const spans: [number, number][] = [];
  // Most complaints name nobody and no weeks: skip the regular expressions then.
  if (!mayNameSubject.test(text)) return { subject: { kind: 'self' }, spans };
  let subject: Subject = { kind: 'self' };
  const found = (kind: SubjectKind, ageYears: number | undefined, at: number, length: number) => {
    if (ageYears === undefined || ageYears > 120) return;
    if (subject.ageYears === undefined) subject = { kind, ageYears };
    spans.push([at, at + length]);
  };
  for (const match of text.matchAll(ruAge)) {
    const [whole, who, count, unitWord] = match as unknown as [string, string, string, string];
    const kind = isChildWord(who) ? 'child' : partnerRe.test(who) ? 'partner' : 'parent';
    found(kind, toYears(toNumber(count), unitWord), match.index + who.length, whole.length - who.length);
  }
  for (const match of text.matchAll(enAge)) {
    const [whole, who, count, unitWord] = match as unknown as [string, string, string, string];
    const kind = isChildWord(who) ? 'child' : partnerRe.test(who) ? 'partner' : 'parent';
    found(kind, toYears(toNumber(count), unitWord), match.index + who.length, whole.length - who.length);
  }
  for (const match of text.matchAll(enOld)) {
    const [whole, count, unitWord] = match as unknown as [string, string, string];
    found('child', toYears(toNumber(count), unitWord), match.index, whole.length);
  }
  if (subject.ageYears === undefined) {
    if (newbornRe.test(text)) subject = { kind: 'child', ageYears: 0.05 };
    else if (infantWordRe.test(text)) subject = { kind: 'child', infant: true };
    else if (childWordRe.test(text)) subject = { kind: 'child' };
    else if (partnerRe.test(text)) subject = { kind: 'partner' };
    else if (parentRe.test(text)) subject = { kind: 'parent' };
  }

  let gestationWeeks: number | undefined;
  for (const match of text.matchAll(gestationRe)) {
    const weeks = Number(match[1]);
    const at = match.index;
    if (weeks < 4 || weeks > 42 || spans.some(([from, to]) => at >= from && at < to)) continue;
    const around = text.slice(Math.max(0, at - 40), at + match[0].length + 40);
    const before = text.slice(Math.max(0, at - 25), at);
    const after = text.slice(at + match[0].length, at + match[0].length + 12);
    // «уже 3 недели», «for 2 weeks», «6 недель назад» are durations; «ребенку 6 недель» an age.
    const duration =
      /(уже|течение|около|более|последние|for|over|about|since|past)\s*$/u.test(before) ||
      /^\s*(назад|ago|old)/u.test(after);
    const leadsText = at === 0 || /^[\s,.]*$/u.test(text.slice(0, at));
    if (!duration && (pregnancyWord.test(around) || (leadsText && weeks >= 12))) {
      gestationWeeks = weeks;
      spans.push([at, at + match[0].length]);
      break;
    }
  }
  return { subject, ...(gestationWeeks !== undefined ? { gestationWeeks } : {}), spans };
}
