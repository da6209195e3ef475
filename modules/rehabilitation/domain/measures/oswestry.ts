import { invalidMeasure, type MeasureDefinition, sum } from './measure';

/**
 * Oswestry Disability Index 2.1a: 10 sections, each 0–5 (5 = most disabled); the index is the
 * total over the most the answered sections could score, as a percentage, lower better: Fairbank
 * JC, Pynsent PB. Spine 2000;25:2940–2952, whose scoring notes give the worked examples (16 of 50
 * → 32 %; a section missed, 16 of 45 → 35.5 %). Bands 0–20 minimal, 21–40 moderate, 41–60 severe,
 * 61–80 crippled, 81–100 bed-bound (the same paper). Sections come in order, a missed one as -1;
 * more than two missed are refused: our limit, as the index then says too little.
 */
const sections = 10;
const missed = -1;
const maxMissed = 2;

function band(index: number): string {
  if (index <= 20) return 'minimal';
  if (index <= 40) return 'moderate';
  if (index <= 60) return 'severe';
  if (index <= 80) return 'crippled';
  return 'bed_bound';
}

export const oswestryDisabilityIndex: MeasureDefinition = {
  higherIsBetter: false,
  // Minimal important change 10 points: Ostelo RW, et al. Spine 2008;33:90–94.
  meaningfulChange: 10,
  score(input) {
    const items = input.items;
    if (!items || items.length !== sections)
      throw invalidMeasure(
        `The Oswestry Disability Index takes ${sections} section scores, in order (-1 for one not answered).`,
      );
    items.forEach((value, i) => {
      if (!Number.isInteger(value) || value < missed || value > 5)
        throw invalidMeasure(
          `Oswestry section ${i + 1} takes 0 to 5, or -1 when not answered; got ${value}.`,
        );
    });
    const answered = items.filter((value) => value !== missed);
    if (sections - answered.length > maxMissed)
      throw invalidMeasure(
        `The Oswestry Disability Index needs at least ${sections - maxMissed} sections answered.`,
      );
    const index = Math.round((sum(answered) / (answered.length * 5)) * 1000) / 10;
    return { score: index, band: band(index), detail: { total: sum(answered), answered: answered.length } };
  },
};
