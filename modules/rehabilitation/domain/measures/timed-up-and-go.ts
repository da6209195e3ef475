import { checkedValue, type MeasureDefinition } from './measure';

/**
 * Timed Up and Go, seconds to rise from a chair, walk 3 m, turn, walk back and sit:
 * Podsiadlo D, Richardson S. J Am Geriatr Soc 1991;39:142–148 — under 20 s mostly independent,
 * 30 s or more dependent in most activities. The fall-risk cut-off of 13.5 s is from
 * Shumway-Cook A, Brauer S, Woollacott M. Phys Ther 2000;80:896–903.
 */
export const timedUpAndGo: MeasureDefinition = {
  higherIsBetter: false,
  // A change below the test's minimal detectable change (~2–3 s in older adults) is noise.
  meaningfulChange: 2,
  score(input) {
    const seconds = checkedValue(input, { min: 1, max: 600 }, 'Timed Up and Go (s)');
    const band =
      seconds < 13.5 ? 'low_fall_risk' : seconds < 20 ? 'fall_risk' : seconds < 30 ? 'limited' : 'dependent';
    return { score: seconds, band };
  },
};
