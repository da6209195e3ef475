import { type Metric, type Parsed, type Reading, type Rejection, reject } from './types';

/**
 * Physically possible values in canonical units (reference/clinical.md). Outside them a value
 * is a typo or a device fault and is rejected as impossible; inside them an abnormal value is
 * stored and left to the alert rules. Impossible is not the same as abnormal.
 */
export const plausibleRange: Record<Metric, { min: number; max: number }> = {
  systolic: { min: 50, max: 300 },
  diastolic: { min: 20, max: 200 },
  mean: { min: 30, max: 250 },
  pulse: { min: 20, max: 300 },
  heart_rate: { min: 20, max: 300 },
  glucose: { min: 0.5, max: 50 },
  spo2: { min: 50, max: 100 },
  weight: { min: 0.5, max: 400 },
  temperature: { min: 30, max: 45 },
};

export interface TimePolicy {
  now: number;
  /** Clock skew tolerated into the future. */
  futureSkewMs: number;
  /** Readings measured before `now - maxAgeMs` are refused as too old. */
  maxAgeMs: number;
}

const minute = 60_000;
const day = 24 * 60 * minute;

/**
 * Live readings (API, FHIR gateways, IoT) may arrive late from a device that was offline, but
 * not by more than a year; an export file is history by nature and may reach back 15 years.
 * A device clock that reset to its epoch (1970, 2000) lands far outside either window.
 */
export const livePolicy = (now: number): TimePolicy => ({
  now,
  futureSkewMs: 5 * minute,
  maxAgeMs: 365 * day,
});
export const filePolicy = (now: number): TimePolicy => ({
  now,
  futureSkewMs: 5 * minute,
  maxAgeMs: 15 * 365 * day,
});

const metricsOf = (r: Reading): [Metric, number | null | undefined][] => {
  switch (r.type) {
    case 'blood_pressure':
      return [
        ['systolic', r.value],
        ['diastolic', r.diastolic],
        ['mean', r.mean],
        ['pulse', r.pulse],
      ];
    case 'ecg':
      return [];
    default:
      return [[r.type, r.value]];
  }
};

/** Checks one parsed reading; returns why it must be refused, or undefined when it may be stored. */
export function checkReading(reading: Reading, policy: TimePolicy): Rejection | undefined {
  if (!Number.isFinite(reading.measuredAt)) return reject('missing_timestamp', 'no measurement time');
  if (reading.measuredAt > policy.now + policy.futureSkewMs)
    return reject('future_timestamp', 'measured in the future: check the device clock');
  if (reading.measuredAt < policy.now - policy.maxAgeMs)
    return reject('too_old', 'measured too long ago for this channel');
  for (const [metric, value] of metricsOf(reading)) {
    if (value === null || value === undefined) {
      if (metric === 'mean' || metric === 'pulse') continue;
      return reject('data_absent', `${metric} is missing`);
    }
    const range = plausibleRange[metric];
    if (!Number.isFinite(value) || value < range.min || value > range.max)
      return reject('implausible_value', `${metric} ${value} is outside ${range.min}–${range.max}`);
  }
  if (reading.type === 'blood_pressure' && (reading.diastolic ?? 0) >= (reading.value ?? 0))
    return reject('implausible_value', 'systolic must be above diastolic');
  if (reading.type === 'ecg' && !reading.fileRef) return reject('data_absent', 'an ECG needs its file');
  return undefined;
}

/** A parsed item after the checks: still a reading, or the first reason it cannot be one. */
export function checked(parsed: Parsed, policy: TimePolicy): Parsed {
  if (!parsed.ok) return parsed;
  const rejection = checkReading(parsed.reading, policy);
  return rejection ? { ok: false, rejection } : parsed;
}
