import { checkedValue, type MeasureDefinition } from './measure';

/**
 * Modified Rankin scale, one grade 0–6: van Swieten JC, et al. Interobserver agreement for the
 * assessment of handicap in stroke patients. Stroke 1988;19:604–607 (after Rankin J, 1957).
 */
const grades = [
  'no_symptoms',
  'no_significant_disability',
  'slight_disability',
  'moderate_disability',
  'moderately_severe_disability',
  'severe_disability',
  'dead',
] as const;

export const modifiedRankin: MeasureDefinition = {
  higherIsBetter: false,
  meaningfulChange: 1,
  score(input) {
    const grade = checkedValue(input, { min: 0, max: 6, whole: true }, 'The modified Rankin scale');
    return { score: grade, band: grades[grade] as string };
  },
};
