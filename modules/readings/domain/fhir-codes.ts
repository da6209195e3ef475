import type { MealContext, ReadingType } from './types';

export const loincSystem = 'http://loinc.org';

/**
 * Codes (LOINC, and IEEE 11073 MDC as the PHD IG sends them) that identify what an
 * Observation measures. Respiratory rate, BMI, height and perfusion index are not ours.
 */
const typeByCode: Record<string, ReadingType> = {
  // Blood pressure panel (LOINC, MDC_PRESS_BLD_NONINV).
  '85354-9': 'blood_pressure',
  '150020': 'blood_pressure',
  // Glucose: capillary and blood, molar and mass (LOINC), glucometer MDC codes.
  '14743-9': 'glucose',
  '41653-7': 'glucose',
  '15074-8': 'glucose',
  '2339-0': 'glucose',
  '160184': 'glucose',
  '160188': 'glucose',
  '160196': 'glucose',
  '160368': 'glucose',
  // SpO2: by pulse oximetry, arterial (FHIR vital-signs lists it), MDC_PULS_OXIM_SAT_O2.
  '59408-5': 'spo2',
  '2708-6': 'spo2',
  '150456': 'spo2',
  // Heart rate: LOINC, MDC pulse-oximeter, ECG and cuff pulse rates.
  '8867-4': 'heart_rate',
  '149530': 'heart_rate',
  '147842': 'heart_rate',
  '149546': 'heart_rate',
  // Body weight (measured, stated), MDC_MASS_BODY_ACTUAL.
  '29463-7': 'weight',
  '3141-9': 'weight',
  '188736': 'weight',
  // Body temperature, oral, MDC_TEMP_BODY.
  '8310-5': 'temperature',
  '8331-1': 'temperature',
  '150364': 'temperature',
};

/** Blood-pressure components: LOINC and MDC systolic, diastolic, mean. */
export const bpComponentByCode: Record<string, 'systolic' | 'diastolic' | 'mean'> = {
  '8480-6': 'systolic',
  '150021': 'systolic',
  '8462-4': 'diastolic',
  '150022': 'diastolic',
  '8478-0': 'mean',
  '150023': 'mean',
};

/** MDC_ATTR_TIME_ABS: a PHD coincident time stamp, the device's clock against the gateway's. */
export const coincidentTimeStampCode = '67975';
export const mealContextCode = '8417864';

/** Codes that describe the device or the measurement's context rather than a body value. */
const contextCodes = new Set([
  mealContextCode,
  '150604', // MDC_PULS_OXIM_DEV_STATUS
  '8410608', // MDC_BLOOD_PRESSURE_MEASUREMENT_STATUS
  '67996', // MDC_ATTR_VAL_BATT_CHARGE
]);

/** IEEE 11073 ECG leads and the ECG electrical potential (MDC_ECG_ELEC_POTL 131328…). */
export const isEcgCode = (code: string) => /^1313\d\d$/.test(code) || code === '11524-6';

export function readingTypeOf(codes: string[]): ReadingType | undefined {
  for (const code of codes) if (typeByCode[code]) return typeByCode[code];
  return undefined;
}

export const isContextCode = (codes: string[]) => codes.some((code) => contextCodes.has(code));

/** Meal context from an MDC_CTXT_GLU_MEAL_* coding (by code or its display name). */
export function mealContextOf(coding: { code?: string; display?: string }[]): MealContext | null {
  const names: [RegExp, MealContext][] = [
    [/PREPRANDIAL/, 'before_meal'],
    [/POSTPRANDIAL/, 'after_meal'],
    [/FASTING/, 'fasting'],
    [/BEDTIME/, 'bedtime'],
    [/CASUAL/, 'casual'],
  ];
  for (const c of coding) {
    if (c.code === '8417872') return 'after_meal';
    const found = names.find(([pattern]) => pattern.test(c.display ?? ''));
    if (found) return found[1];
  }
  return null;
}
