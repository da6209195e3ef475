/**
 * One spelling for everything the reader compares: lower case, ё as е, English
 * contractions spelled out ("doesn't" → "does not") so negation has one form.
 */
export function normalize(text: string): string {
  return (
    text
      .toLowerCase()
      .replaceAll('ё', 'е')
      .replace(/[’`]/g, "'")
      .replace(/\bcan't\b|\bcannot\b/g, 'can not')
      .replace(/\bwon't\b/g, 'will not')
      .replace(/n't\b/g, ' not')
      .replace(/\b(i|you|we|they)'m\b/g, '$1 am')
      .replace(/'re\b/g, ' are')
      .replace(/'ve\b/g, ' have')
      .replace(/'ll\b/g, ' will')
      .replace(/'d\b/g, ' would')
      .replace(/\b(he|she|it|that|there)'s\b/g, '$1 is')
      .replace(/'s\b/g, '')
      .replace(/[–—]/g, '-')
      // «болезненная сыпь на груди» is a painful rash, not a chest pain.
      .replace(/(?:болезненн\p{L}*|painful)\s+(сып\p{L}*|высыпан\p{L}*|пятн\p{L}*|волдыр\p{L}*|rash)/gu, '$1')
      // «грудной ребёнок» is an infant, not a chest: keep it away from chest patterns.
      .replace(/грудн(?:ой|ого|ому|ым|ом) (ребен|младен)/g, 'маленький $1')
  );
}
