import { checkedValue, invalidMeasure, type MeasureDefinition, type MeasureInput } from './measure';

/**
 * Six-minute walk distance, in metres, against the distance predicted for a healthy adult of the
 * same sex, age, height and weight: Enright PL, Sherrill DL. Reference equations for the
 * six-minute walk in healthy adults. Am J Respir Crit Care Med 1998;158:1384–1387.
 *   men:   6MWD = 7.57 × height(cm) − 5.02 × age − 1.76 × weight(kg) − 309
 *   women: 6MWD = 2.11 × height(cm) − 2.29 × weight(kg) − 5.78 × age + 667
 * The lower limit of normal is the prediction less 153 m (men) or 139 m (women).
 * The test itself: ATS statement, Am J Respir Crit Care Med 2002;166:111–117.
 */
export function predictedSixMinuteWalk(subject: NonNullable<MeasureInput['subject']>): {
  predicted: number;
  lowerLimit: number;
} {
  const { age, heightCm, weightKg, sex } = subject;
  if (age < 18 || age > 110 || heightCm < 100 || heightCm > 230 || weightKg < 25 || weightKg > 300)
    throw invalidMeasure(
      'The predicted distance needs an adult age, height 100–230 cm and weight 25–300 kg.',
    );
  const predicted =
    sex === 'male'
      ? 7.57 * heightCm - 5.02 * age - 1.76 * weightKg - 309
      : 2.11 * heightCm - 2.29 * weightKg - 5.78 * age + 667;
  return { predicted: round1(predicted), lowerLimit: round1(predicted - (sex === 'male' ? 153 : 139)) };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export const sixMinuteWalk: MeasureDefinition = {
  higherIsBetter: true,
  // About 30 m in adults with chronic respiratory disease (Holland AE et al., Eur Respir J 2014;44:1428–1446).
  meaningfulChange: 30,
  score(input) {
    // Nobody walks 1.5 km in six minutes: the world-class pace of a race walker is about 1.4 km.
    const distance = checkedValue(input, { min: 0, max: 1500 }, '6-minute walk distance (m)');
    if (!input.subject) return { score: distance, band: 'unreferenced' };
    const { predicted, lowerLimit } = predictedSixMinuteWalk(input.subject);
    return {
      score: distance,
      band: distance < lowerLimit ? 'below_normal' : 'normal',
      detail: { predicted, lowerLimit, percentPredicted: round1((distance / predicted) * 100) },
    };
  },
};
