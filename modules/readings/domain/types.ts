/**
 * Reading types, their canonical units and codes (reference/clinical.md). Values are stored
 * in the canonical unit only; a converted reading keeps what the device sent beside it.
 */
export const readingTypes = [
  'blood_pressure',
  'glucose',
  'spo2',
  'heart_rate',
  'weight',
  'temperature',
  'ecg',
] as const;
export type ReadingType = (typeof readingTypes)[number];

/** A number a reading carries, in its canonical unit. Blood pressure has four. */
export type Metric =
  | 'systolic'
  | 'diastolic'
  | 'mean'
  | 'pulse'
  | 'glucose'
  | 'spo2'
  | 'heart_rate'
  | 'weight'
  | 'temperature';

export const mealContexts = ['fasting', 'before_meal', 'after_meal', 'bedtime', 'casual'] as const;
export type MealContext = (typeof mealContexts)[number];

export interface TypeInfo {
  /** LOINC code of the observation (the panel for blood pressure). */
  loinc: string;
  display: string;
  /** UCUM code of the canonical unit, and how people write it. */
  ucum: string;
  unit: string;
}

export const typeInfo: Record<ReadingType, TypeInfo> = {
  blood_pressure: { loinc: '85354-9', display: 'Blood pressure panel', ucum: 'mm[Hg]', unit: 'mmHg' },
  glucose: {
    loinc: '14743-9',
    display: 'Glucose [Moles/volume] in Capillary blood',
    ucum: 'mmol/L',
    unit: 'mmol/L',
  },
  spo2: { loinc: '59408-5', display: 'Oxygen saturation by Pulse oximetry', ucum: '%', unit: '%' },
  heart_rate: { loinc: '8867-4', display: 'Heart rate', ucum: '/min', unit: '/min' },
  weight: { loinc: '29463-7', display: 'Body weight', ucum: 'kg', unit: 'kg' },
  temperature: { loinc: '8310-5', display: 'Body temperature', ucum: 'Cel', unit: '°C' },
  ecg: { loinc: '11524-6', display: 'EKG study', ucum: 'mV', unit: 'mV' },
};

/** LOINC codes of the blood-pressure components (UCUM mm[Hg]; pulse /min). */
export const bpComponentLoinc = {
  systolic: '8480-6',
  diastolic: '8462-4',
  mean: '8478-0',
  pulse: '8867-4',
} as const;

/**
 * A validated reading in canonical units, ready to store. `value` is the type's one number
 * (systolic for blood pressure); `original` is what the device sent when it was converted.
 */
export interface Reading {
  deviceId: string;
  type: ReadingType;
  /** Epoch milliseconds, UTC. */
  measuredAt: number;
  value: number | null;
  diastolic?: number | null;
  mean?: number | null;
  pulse?: number | null;
  mealContext?: MealContext | null;
  original?: { value: number; unit: string } | null;
  /** Object key of a file (ECG PDF or waveform). */
  fileRef?: string | null;
  /** Free text from the patient: health data, sealed at rest. */
  note?: string | null;
}

/** Why an item was not stored; stable codes clients switch on. */
export const rejectionReasons = [
  'invalid_item',
  'unsupported_type',
  'unsupported_unit',
  'implausible_value',
  'future_timestamp',
  'too_old',
  'missing_timestamp',
  'cancelled',
  'entered_in_error',
  'not_final',
  'data_absent',
  'not_a_number',
  'clock_fault',
  'not_a_measurement',
  'unsupported_resource',
  'waveform_requires_upload',
  'device_missing',
  'device_unknown',
  'device_unbound',
  'device_not_yours',
  'conflicting_duplicate',
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

export interface Rejection {
  reason: RejectionReason;
  detail: string;
}

export const reject = (reason: RejectionReason, detail: string): Rejection => ({ reason, detail });

/** An input item after parsing: either a reading still to be checked, or why it cannot be one. */
export type Parsed = { ok: true; reading: Reading } | { ok: false; rejection: Rejection };
