import { describe, expect, it } from 'vitest';
import { gad7, phq9 } from '../../modules/triage/intake/instruments';
import { intake } from '../../modules/triage/intake/intake';
import { sample } from './cases';

interface SampleBand {
  min: number;
  max: number;
  label: string;
}
const instruments = sample<Record<'PHQ-9' | 'GAD-7', { scoring: { bands: SampleBand[] } }>>('phq9_gad7.json');

/** Answers with the given total, spread over the items, item 9 kept at zero. */
const answersFor = (items: number, total: number, lastItemZero = false) => {
  const answers = Array.from({ length: items }, () => 0);
  const usable = lastItemZero ? items - 1 : items;
  for (let i = 0, left = total; left > 0; i = (i + 1) % usable, left--) answers[i] = (answers[i] ?? 0) + 1;
  return answers;
};

describe('PHQ-9 and GAD-7 intake', () => {
  it('uses the bands of phq9_gad7.json', () => {
    for (const [ours, name] of [
      [phq9, 'PHQ-9'],
      [gad7, 'GAD-7'],
    ] as const) {
      const published = instruments[name].scoring.bands.map(({ min, max }) => ({ min, max }));
      expect(ours.bands.map(({ min, max }) => ({ min, max }))).toEqual(published);
    }
  });

  it.each([
    [0, 'minimal', 'self_care'],
    [4, 'minimal', 'self_care'],
    [5, 'mild', 'consultation'],
    [10, 'moderate', 'consultation'],
    [15, 'moderately_severe', 'consultation'],
    [20, 'severe', 'consultation_24'],
    [24, 'severe', 'consultation_24'],
  ])('scores a PHQ-9 total of %i as %s → %s', (total, band, disposition) => {
    const outcome = intake({ phq9: answersFor(9, total, true) }, 'ru');
    expect(outcome.phq9).toMatchObject({ total, band, item9: 0 });
    expect(outcome.disposition).toBe(disposition);
    expect(outcome.crisis).toBeNull();
  });

  it.each([
    [4, 'minimal'],
    [9, 'mild'],
    [14, 'moderate'],
    [21, 'severe'],
  ])('scores a GAD-7 total of %i as %s', (total, band) => {
    expect(intake({ gad7: answersFor(7, total) }, 'en').gad7).toMatchObject({ total, band });
  });

  it('takes the crisis path on any PHQ-9 item 9 above zero, however low the total', () => {
    const outcome = intake({ phq9: [0, 0, 0, 0, 0, 0, 0, 0, 1] }, 'ru');
    expect(outcome.phq9).toMatchObject({ total: 1, band: 'minimal', item9: 1 });
    expect(outcome.disposition).toBe('consultation_24');
    expect(outcome.crisis?.lines.map((l) => l.phone)).toEqual(['112', '103', '8-800-2000-122', '051']);
    expect(outcome.crisis?.message).toMatch(/Вы не одни/);
  });

  it('flags a positive screen at 10 and above', () => {
    expect(intake({ phq9: answersFor(9, 9, true), gad7: answersFor(7, 10) }, 'en')).toMatchObject({
      phq9: { positiveScreen: false },
      gad7: { positiveScreen: true },
    });
  });
});
