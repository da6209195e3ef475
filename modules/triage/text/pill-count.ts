/**
 * «выпил 30 таблеток», «took 20 pills»: ten or more tablets at once reads as an overdose,
 * which the word patterns cannot see because they skip numbers.
 */
const pillCount =
  /(?<![\p{L}\p{N}])(\d{2,3})\s*(?:\p{L}+\s+)?(?:таблет\p{L}*|капсул\p{L}*|tablets|pills|capsules)/u;

export function mentionsOverdose(text: string): boolean {
  const count = Number(text.match(pillCount)?.[1] ?? 0);
  return count >= 10;
}
