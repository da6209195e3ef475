import { checkedItems, type MeasureDefinition, sum } from './measure';

/**
 * Hospital Anxiety and Depression Scale: Zigmond AS, Snaith RP. Acta Psychiatr Scand
 * 1983;67:361–370. Fourteen items, each scored 0–3 as the scoring key marks it (the key already
 * reverses the items worded the other way); odd items (1, 3, … 13) make the anxiety subscale,
 * even items (2, 4, … 14) depression, each 0–21: 0–7 normal, 8–10 borderline, 11–21 abnormal.
 * The score trended is the higher of the two subscales; both travel in `detail`.
 */
const items = Array.from({ length: 14 }, () => [0, 1, 2, 3] as const);

const band = (subscale: number) => (subscale <= 7 ? 'normal' : subscale <= 10 ? 'borderline' : 'abnormal');

export const hads: MeasureDefinition = {
  higherIsBetter: false,
  // A move across a band's width; 1.5 points is the reported MCID (Puhan MA, et al. 2008).
  meaningfulChange: 2,
  score(input) {
    const answers = checkedItems(input, items, 'HADS');
    const anxiety = sum(answers.filter((_, i) => i % 2 === 0));
    const depression = sum(answers.filter((_, i) => i % 2 === 1));
    const worst = Math.max(anxiety, depression);
    return {
      score: worst,
      band: band(worst),
      detail: { anxiety, depression },
    };
  },
};
