import { checkedItems, type MeasureDefinition, sum } from './measure';

/**
 * Barthel index of activities of daily living, 0–100: Mahoney FI, Barthel DW. Functional
 * evaluation: the Barthel index. Md State Med J 1965;14:61–65. Items in its order, each scored in
 * steps of 5 as the index defines them.
 */
const items = [
  [0, 5, 10], // feeding
  [0, 5], // bathing
  [0, 5], // grooming
  [0, 5, 10], // dressing
  [0, 5, 10], // bowels
  [0, 5, 10], // bladder
  [0, 5, 10], // toilet use
  [0, 5, 10, 15], // transfers (bed to chair and back)
  [0, 5, 10, 15], // mobility on level surfaces
  [0, 5, 10], // stairs
] as const;

/** Dependency bands widely used with the 0–100 index (Shah S, et al. J Clin Epidemiol 1989;42:703–709). */
function band(total: number): string {
  if (total <= 20) return 'total_dependency';
  if (total <= 60) return 'severe_dependency';
  if (total <= 90) return 'moderate_dependency';
  if (total <= 99) return 'slight_dependency';
  return 'independent';
}

export const barthelIndex: MeasureDefinition = {
  higherIsBetter: true,
  // One step on any item; the index moves in fives.
  meaningfulChange: 10,
  score(input) {
    const total = sum(checkedItems(input, items, 'The Barthel index'));
    return { score: total, band: band(total) };
  },
};
