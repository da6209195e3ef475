import type { Metric } from './types';

type Family = 'pressure' | 'rate' | 'glucose' | 'percent' | 'mass' | 'temperature';

const familyOf: Record<Metric, Family> = {
  systolic: 'pressure',
  diastolic: 'pressure',
  mean: 'pressure',
  pulse: 'rate',
  heart_rate: 'rate',
  glucose: 'glucose',
  spo2: 'percent',
  weight: 'mass',
  temperature: 'temperature',
};

/** mg/dL → mmol/L for glucose (molar mass 180.16 g/mol; DESIGN.md "Domain facts"). */
export const glucoseMgPerDlPerMmolPerL = 18.016;
const poundKg = 0.45359237;

/** UCUM codes and the spellings devices and exports use, per family: the canonical one first. */
const conversions: Record<Family, Record<string, (value: number) => number>> = {
  pressure: { 'mm[Hg]': (v) => v, mmHg: (v) => v, 'mm Hg': (v) => v },
  rate: {
    '/min': (v) => v,
    '{beat}/min': (v) => v,
    '{beats}/min': (v) => v,
    '1/min': (v) => v,
    'beats/minute': (v) => v,
    bpm: (v) => v,
  },
  glucose: {
    'mmol/L': (v) => v,
    'mmol/l': (v) => v,
    'mg/dL': (v) => v / glucoseMgPerDlPerMmolPerL,
    'mg/dl': (v) => v / glucoseMgPerDlPerMmolPerL,
  },
  percent: { '%': (v) => v },
  mass: {
    kg: (v) => v,
    '[lb_av]': (v) => v * poundKg,
    lb: (v) => v * poundKg,
    lbs: (v) => v * poundKg,
    g: (v) => v / 1000,
  },
  temperature: {
    Cel: (v) => v,
    '°C': (v) => v,
    C: (v) => v,
    '[degF]': (v) => ((v - 32) * 5) / 9,
    '°F': (v) => ((v - 32) * 5) / 9,
    F: (v) => ((v - 32) * 5) / 9,
  },
};

/** UCUM spellings of the units we convert from, for the `original` we keep. */
const ucumOf: Record<string, string> = {
  mmHg: 'mm[Hg]',
  'mm Hg': 'mm[Hg]',
  'mmol/l': 'mmol/L',
  'mg/dl': 'mg/dL',
  lb: '[lb_av]',
  lbs: '[lb_av]',
  '°F': '[degF]',
  F: '[degF]',
};

export interface Converted {
  value: number;
  /** Set when the unit was not the canonical one: what the device sent, in UCUM. */
  original: { value: number; unit: string } | null;
}

/**
 * Converts a value to its metric's canonical unit. Returns undefined for a unit we do not
 * know for that metric (a reading in an unknown unit is rejected, never guessed).
 * Values are kept to three decimals, the precision they are stored with.
 */
export function toCanonical(metric: Metric, value: number, unit: string | undefined): Converted | undefined {
  const table = conversions[familyOf[metric]];
  const canonical = Object.keys(table)[0] as string;
  const given = unit?.trim() || canonical;
  const convert = table[given];
  if (!convert) return undefined;
  const converted = round3(convert(value));
  const isCanonical = convert(1) === 1 && convert(0) === 0;
  return { value: converted, original: isCanonical ? null : { value, unit: ucumOf[given] ?? given } };
}

export const round3 = (value: number) => Math.round(value * 1000) / 1000;
