import { checkedItems, type MeasureDefinition, sum } from './measure';

/**
 * Oxford Knee Score, 12 items each 0–4 (4 = no difficulty), total 0–48, higher better: Dawson J,
 * et al. J Bone Joint Surg Br 1998;80:63–69, in the 0–48 scoring of Murray DW, et al. J Bone Joint
 * Surg Br 2007;89:1010–1014. Bands from Kalairajah Y, et al. Acta Orthop 2005;76:347–352.
 */
const items = Array.from({ length: 12 }, () => [0, 1, 2, 3, 4] as const);

function band(total: number): string {
  if (total <= 19) return 'severe';
  if (total <= 29) return 'moderate_to_severe';
  if (total <= 39) return 'mild_to_moderate';
  return 'satisfactory';
}

export const oxfordKneeScore: MeasureDefinition = {
  higherIsBetter: true,
  // Minimal important change about 5 points: Beard DJ, et al. J Clin Epidemiol 2015;68:73–79.
  meaningfulChange: 5,
  score(input) {
    const total = sum(checkedItems(input, items, 'The Oxford Knee Score'));
    return { score: total, band: band(total) };
  },
};
