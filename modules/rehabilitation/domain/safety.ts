/**
 * When a session at home must not start or must stop. Thresholds are data, per condition, each
 * with its source; the code only compares. Sources:
 * - ACSM's Guidelines for Exercise Testing and Prescription, 11th ed. (2021): resting SBP > 200 or
 *   DBP > 110 mmHg is a relative contraindication to exercise; an exercise SBP > 250 or DBP > 115,
 *   chest pain, marked dyspnoea, dizziness, or signs of poor perfusion end exercise.
 * - AACVPR Guidelines for Cardiac Rehabilitation Programs, 6th ed. (2021): do not exercise with a
 *   resting SBP ≥ 200 or DBP ≥ 110, resting HR > 120, or SpO2 below 90 % without supplemental
 *   oxygen; stop on a fall in SBP ≥ 10 mmHg with rising workload or symptoms.
 * - ATS/ERS statement on pulmonary rehabilitation (Spruit MA, et al. Am J Respir Crit Care Med
 *   2013;188:e13–e64): stop and rest when SpO2 falls below 88 %.
 * - Billinger SA, et al. Physical activity and exercise recommendations for stroke survivors
 *   (AHA/ASA scientific statement), Stroke 2014;45:2532–2553: the ACSM limits apply; new
 *   neurological signs end exercise and are an emergency.
 * - WHO, Support for rehabilitation: self-management after COVID-19-related illness, 2nd ed.,
 *   2021: do not exercise with a fever; stop on chest pain, severe breathlessness or dizziness.
 * - NICE guideline NG59, Low back pain and sciatica in over 16s, 2016 (updated 2020): saddle
 *   numbness, bladder or bowel change, or weakness of both legs (cauda equina) need emergency care.
 */
export type Condition = 'knee_replacement' | 'cardiac' | 'stroke' | 'pulmonary' | 'low_back_pain';

export interface Vitals {
  systolic?: number;
  diastolic?: number;
  heartRate?: number;
  spo2?: number;
}

export interface Thresholds {
  source: string;
  rest: {
    systolicAtLeast: number;
    diastolicAtLeast: number;
    heartRateAbove: number;
    heartRateBelow: number;
    spo2Below: number;
  };
  exercise: {
    systolicAbove: number;
    diastolicAbove: number;
    spo2Below: number;
    heartRateAboveZoneBy: number;
  };
  /** Reported pain at or above this ends today's session (not an emergency). */
  painAtLeast: number;
  /** What the plan's condition tells triage beside the reported red flags (back pain for cauda equina). */
  triageContext: 'back_pain'[];
}

const cardiovascularExercise = {
  systolicAbove: 250,
  diastolicAbove: 115,
  spo2Below: 88,
  heartRateAboveZoneBy: 10,
};

const cardiacRest = {
  systolicAtLeast: 200,
  diastolicAtLeast: 110,
  heartRateAbove: 120,
  heartRateBelow: 40,
  spo2Below: 90,
};

export const thresholds: Record<Condition, Thresholds> = {
  cardiac: {
    source: 'AACVPR 2021; ACSM 11th ed. 2021',
    rest: cardiacRest,
    exercise: cardiovascularExercise,
    painAtLeast: 7,
    triageContext: [],
  },
  // After knee replacement most patients are older, often with heart disease: the same cardiovascular
  // limits, and pain as the first brake.
  knee_replacement: {
    source: 'ACSM 11th ed. 2021 (cardiovascular limits); ATS/ERS 2013 (SpO2 in exercise)',
    rest: cardiacRest,
    exercise: cardiovascularExercise,
    painAtLeast: 7,
    triageContext: [],
  },
  // After stroke: the ACSM limits (AHA/ASA 2014); new weakness, speech or face signs are red flags.
  stroke: {
    source: 'Billinger SA, et al. Stroke 2014;45:2532–2553 (AHA/ASA); ACSM 11th ed. 2021',
    rest: cardiacRest,
    exercise: cardiovascularExercise,
    painAtLeast: 7,
    triageContext: [],
  },
  // After pneumonia or COVID-19: oxygen first; rest below 90 % (AACVPR), exercise below 88 % (ATS/ERS).
  pulmonary: {
    source: 'ATS/ERS 2013 (Spruit MA, et al.); AACVPR 2021; WHO self-management after COVID-19, 2021',
    rest: cardiacRest,
    exercise: cardiovascularExercise,
    painAtLeast: 7,
    triageContext: [],
  },
  // Chronic low back pain: pain is expected, so only severe pain stops; cauda equina signs are red flags.
  low_back_pain: {
    source: 'NICE NG59 2016; ACSM 11th ed. 2021 (cardiovascular limits)',
    rest: cardiacRest,
    exercise: cardiovascularExercise,
    painAtLeast: 8,
    triageContext: ['back_pain'],
  },
};

/**
 * Symptoms the patient can report, as triage's vocabulary names them. Red flags go to triage, which
 * decides whether it is an emergency; the rest stop the session for today and tell the clinician.
 */
export const redFlagSymptoms = [
  'chest_pain',
  'chest_pressure',
  'severe_breathlessness',
  'syncope',
  'one_sided_weakness',
  'speech_difficulty',
  'face_droop',
  'calf_pain',
  'leg_swelling_one_side',
  'palpitations',
  'saddle_numbness',
  'urinary_retention',
  'bowel_incontinence',
  'bilateral_leg_weakness',
] as const;
export const stopSymptoms = [
  'dizziness',
  'shortness_of_breath',
  'nausea',
  'fever',
  'joint_swelling',
] as const;
export const symptomNames = [...redFlagSymptoms, ...stopSymptoms] as const;
export type Symptom = (typeof symptomNames)[number];
export type RedFlagSymptom = (typeof redFlagSymptoms)[number];

export type StopReason =
  | 'rest_blood_pressure_high'
  | 'rest_heart_rate_out_of_range'
  | 'low_oxygen'
  | 'exercise_blood_pressure_high'
  | 'heart_rate_above_zone'
  | 'pain_severe'
  | 'symptom';

export interface Finding {
  reason: StopReason;
  /** The value and the limit it crossed, for the clinician; symptoms name themselves. */
  detail: string;
}

/** Why a patient must not start (empty: they may). */
export function checkBeforeSession(
  condition: Condition,
  vitals: Vitals,
  symptoms: readonly Symptom[],
): Finding[] {
  const limit = thresholds[condition].rest;
  const found: Finding[] = [];
  const { systolic, diastolic, heartRate, spo2 } = vitals;
  if ((systolic ?? 0) >= limit.systolicAtLeast || (diastolic ?? 0) >= limit.diastolicAtLeast)
    found.push({
      reason: 'rest_blood_pressure_high',
      detail: `${systolic}/${diastolic} mmHg ≥ ${limit.systolicAtLeast}/${limit.diastolicAtLeast}`,
    });
  if (heartRate !== undefined && (heartRate > limit.heartRateAbove || heartRate < limit.heartRateBelow))
    found.push({
      reason: 'rest_heart_rate_out_of_range',
      detail: `${heartRate}/min outside ${limit.heartRateBelow}–${limit.heartRateAbove}`,
    });
  if (spo2 !== undefined && spo2 < limit.spo2Below)
    found.push({ reason: 'low_oxygen', detail: `SpO2 ${spo2} % < ${limit.spo2Below} %` });
  return [...found, ...symptomFindings(symptoms)];
}

/** Why a session under way must stop (empty: it goes on). */
export function checkDuringSession(
  condition: Condition,
  vitals: Vitals & { pain?: number },
  symptoms: readonly Symptom[],
  zoneTop: number | null,
): Finding[] {
  const limit = thresholds[condition];
  const found: Finding[] = [];
  const { systolic, diastolic, heartRate, spo2, pain } = vitals;
  if ((systolic ?? 0) > limit.exercise.systolicAbove || (diastolic ?? 0) > limit.exercise.diastolicAbove)
    found.push({
      reason: 'exercise_blood_pressure_high',
      detail: `${systolic}/${diastolic} mmHg > ${limit.exercise.systolicAbove}/${limit.exercise.diastolicAbove}`,
    });
  if (spo2 !== undefined && spo2 < limit.exercise.spo2Below)
    found.push({ reason: 'low_oxygen', detail: `SpO2 ${spo2} % < ${limit.exercise.spo2Below} %` });
  if (
    heartRate !== undefined &&
    zoneTop !== null &&
    heartRate > zoneTop + limit.exercise.heartRateAboveZoneBy
  )
    found.push({
      reason: 'heart_rate_above_zone',
      detail: `${heartRate}/min > ${zoneTop + limit.exercise.heartRateAboveZoneBy}`,
    });
  if (pain !== undefined && pain >= limit.painAtLeast)
    found.push({ reason: 'pain_severe', detail: `pain ${pain}/10 ≥ ${limit.painAtLeast}` });
  return [...found, ...symptomFindings(symptoms)];
}

function symptomFindings(symptoms: readonly Symptom[]): Finding[] {
  return symptoms.map((symptom) => ({ reason: 'symptom', detail: symptom }));
}

export function redFlagsAmong(symptoms: readonly Symptom[]): RedFlagSymptom[] {
  return symptoms.filter((s): s is RedFlagSymptom => (redFlagSymptoms as readonly string[]).includes(s));
}

/** What the patient is told when a session stops: plain, Russian first. */
export const stopInstructions = {
  emergency: {
    ru: 'Немедленно прекратите занятие. Позвоните 103 или 112 прямо сейчас. Не оставайтесь одни.',
    en: 'Stop exercising now. Call 103 or 112 now. Do not stay alone.',
  },
  stop: {
    ru: 'Прекратите занятие на сегодня и отдохните. Ваш врач получил уведомление и свяжется с вами. Если станет хуже — звоните 103 или 112.',
    en: 'Stop today’s session and rest. Your clinician has been told and will contact you. If you feel worse, call 103 or 112.',
  },
} as const;
