import type { Metric, Reading } from './types';

/** Out of range at or above `high`, or at or below `low`, in the metric's canonical unit. */
export interface Limits {
  high?: number;
  low?: number;
}
export type Targets = Partial<Record<Metric, Limits>>;

export type AgeBand = 'child' | 'adult' | 'older';

/** Age band on a date; a patient without a known birth date is treated as an adult. */
export function ageBand(birthDate: string | null, at: number): AgeBand {
  if (!birthDate) return 'adult';
  const born = new Date(`${birthDate}T00:00:00Z`);
  const now = new Date(at);
  let age = now.getUTCFullYear() - born.getUTCFullYear();
  if (
    now.getUTCMonth() < born.getUTCMonth() ||
    (now.getUTCMonth() === born.getUTCMonth() && now.getUTCDate() < born.getUTCDate())
  )
    age--;
  if (age < 18) return 'child';
  return age >= 65 ? 'older' : 'adult';
}

/**
 * Default targets for the sustained-trend rule, by age band: office hypertension from
 * 140/90 (older adults 150), adolescents from 130/80; glucose 3.9–10 mmol/L (time in range);
 * SpO2 94 % (home oximetry "seek advice"); fever 38 °C. A doctor's personal targets for the
 * patient replace these metric by metric. Verify against the current guideline before use.
 */
export const defaultTargets: Record<AgeBand, Targets> = {
  adult: {
    systolic: { high: 140 },
    diastolic: { high: 90 },
    glucose: { high: 10, low: 3.9 },
    spo2: { low: 94 },
    heart_rate: { high: 100, low: 50 },
    temperature: { high: 38 },
  },
  older: {
    systolic: { high: 150 },
    diastolic: { high: 90 },
    glucose: { high: 10, low: 3.9 },
    spo2: { low: 94 },
    heart_rate: { high: 100, low: 50 },
    temperature: { high: 38 },
  },
  child: {
    systolic: { high: 130 },
    diastolic: { high: 80 },
    glucose: { high: 10, low: 3.9 },
    spo2: { low: 94 },
    heart_rate: { high: 140, low: 60 },
    temperature: { high: 38 },
  },
};

/**
 * A single value this far out raises an alert at once, whatever the targets
 * (reference/clinical.md red flags): hypertensive crisis 180/120, systolic 90 and below,
 * level-2 hypoglycaemia 3.0 mmol/L, SpO2 92 % and below, NEWS2's heart rate and temperature.
 */
export const criticalLimits: Record<AgeBand, Targets> = {
  adult: {
    systolic: { high: 180, low: 90 },
    diastolic: { high: 120 },
    glucose: { high: 25, low: 3 },
    spo2: { low: 92 },
    heart_rate: { high: 130, low: 40 },
    temperature: { high: 40, low: 35 },
  },
  older: {
    systolic: { high: 180, low: 90 },
    diastolic: { high: 120 },
    glucose: { high: 25, low: 3 },
    spo2: { low: 92 },
    heart_rate: { high: 130, low: 40 },
    temperature: { high: 40, low: 35 },
  },
  child: {
    systolic: { high: 160, low: 80 },
    diastolic: { high: 110 },
    glucose: { high: 25, low: 3 },
    spo2: { low: 92 },
    heart_rate: { high: 180, low: 50 },
    temperature: { high: 40, low: 35 },
  },
};

export function metricValues(reading: Pick<Reading, 'type' | 'value' | 'diastolic'>): [Metric, number][] {
  const pairs: [Metric, number | null | undefined][] =
    reading.type === 'blood_pressure'
      ? [
          ['systolic', reading.value],
          ['diastolic', reading.diastolic],
        ]
      : reading.type === 'ecg'
        ? []
        : [[reading.type, reading.value]];
  return pairs.filter((pair): pair is [Metric, number] => typeof pair[1] === 'number');
}

/** Whether a reading is out of the given limits, and which way (high wins when both). */
export function outOfRange(
  reading: Pick<Reading, 'type' | 'value' | 'diastolic'>,
  limits: Targets,
): 'high' | 'low' | undefined {
  let low = false;
  for (const [metric, value] of metricValues(reading)) {
    const limit = limits[metric];
    if (limit?.high !== undefined && value >= limit.high) return 'high';
    if (limit?.low !== undefined && value <= limit.low) low = true;
  }
  return low ? 'low' : undefined;
}
