import type { Localized } from '../vocabulary';

export interface Band {
  band: 'minimal' | 'mild' | 'moderate' | 'moderately_severe' | 'severe';
  min: number;
  max: number;
  label: Localized;
}

export interface Instrument {
  name: 'PHQ-9' | 'GAD-7';
  items: number;
  bands: Band[];
  /** Screen-positive at or above this total (PHQ-9: Kroenke 2001; GAD-7: Spitzer 2006). */
  positiveFrom: number;
}

/** PHQ-9: 9 items × 0–3; bands 5/10/15/20 (Kroenke, Spitzer, Williams 2001). */
export const phq9: Instrument = {
  name: 'PHQ-9',
  items: 9,
  positiveFrom: 10,
  bands: [
    { band: 'minimal', min: 0, max: 4, label: { ru: 'минимальная или отсутствует', en: 'minimal / none' } },
    { band: 'mild', min: 5, max: 9, label: { ru: 'лёгкая', en: 'mild' } },
    { band: 'moderate', min: 10, max: 14, label: { ru: 'умеренная', en: 'moderate' } },
    {
      band: 'moderately_severe',
      min: 15,
      max: 19,
      label: { ru: 'умеренно тяжёлая', en: 'moderately severe' },
    },
    { band: 'severe', min: 20, max: 27, label: { ru: 'тяжёлая', en: 'severe' } },
  ],
};

/** GAD-7: 7 items × 0–3; bands 5/10/15 (Spitzer, Kroenke, Williams, Löwe 2006). */
export const gad7: Instrument = {
  name: 'GAD-7',
  items: 7,
  positiveFrom: 10,
  bands: [
    { band: 'minimal', min: 0, max: 4, label: { ru: 'минимальная', en: 'minimal' } },
    { band: 'mild', min: 5, max: 9, label: { ru: 'лёгкая', en: 'mild' } },
    { band: 'moderate', min: 10, max: 14, label: { ru: 'умеренная', en: 'moderate' } },
    { band: 'severe', min: 15, max: 21, label: { ru: 'выраженная', en: 'severe' } },
  ],
};

export interface Score {
  total: number;
  band: Band['band'];
  bandLabel: string;
  positiveScreen: boolean;
}

/** Sums item scores (each 0–3; the schema has checked count and range) and finds the band. */
export function scoreOf(instrument: Instrument, answers: number[], language: keyof Localized): Score {
  const total = answers.reduce((sum, a) => sum + a, 0);
  const band = instrument.bands.find((b) => total >= b.min && total <= b.max) as Band;
  return {
    total,
    band: band.band,
    bandLabel: band.label[language],
    positiveScreen: total >= instrument.positiveFrom,
  };
}
