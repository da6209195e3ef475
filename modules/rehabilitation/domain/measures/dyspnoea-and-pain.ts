import { checkedValue, type MeasureDefinition } from './measure';

/**
 * Borg rating of perceived exertion, 6–20: Borg GA. Psychophysical bases of perceived exertion.
 * Med Sci Sports Exerc 1982;14:377–381. 11–13 ("light" to "somewhat hard") is the moderate
 * training range cardiac rehabilitation prescribes.
 */
export const borgRpe: MeasureDefinition = {
  higherIsBetter: false,
  meaningfulChange: 2,
  score(input) {
    const rating = checkedValue(input, { min: 6, max: 20, whole: true }, 'The Borg RPE scale');
    const band = rating <= 10 ? 'light' : rating <= 13 ? 'moderate' : rating <= 16 ? 'hard' : 'very_hard';
    return { score: rating, band };
  },
};

/**
 * Modified Medical Research Council dyspnoea scale, grade 0–4: Fletcher CM, 1959, as graded in
 * Bestall JC, et al. Thorax 1999;54:581–586 (0 breathless only on strenuous exercise … 4 too
 * breathless to leave the house).
 */
const mmrcGrades = [
  'strenuous_exercise_only',
  'hurrying_or_slope',
  'slower_than_peers',
  'stops_after_100m',
  'too_breathless_to_leave_house',
] as const;

export const mmrcDyspnoea: MeasureDefinition = {
  higherIsBetter: false,
  meaningfulChange: 1,
  score(input) {
    const grade = checkedValue(input, { min: 0, max: 4, whole: true }, 'The mMRC dyspnoea scale');
    return { score: grade, band: mmrcGrades[grade] as string };
  },
};

/**
 * Pain numeric rating scale, 0–10: 1–4 mild, 5–6 moderate, 7–10 severe (Serlin RC, et al. Pain
 * 1995;61:277–284).
 */
export const painNrs: MeasureDefinition = {
  higherIsBetter: false,
  // About 2 points (or 30 %) is a clinically important change: Farrar JT, et al. Pain 2001;94:149–158.
  meaningfulChange: 2,
  score(input) {
    const pain = checkedValue(input, { min: 0, max: 10, whole: true }, 'The pain scale (0–10)');
    const band = pain === 0 ? 'none' : pain <= 4 ? 'mild' : pain <= 6 ? 'moderate' : 'severe';
    return { score: pain, band };
  },
};
