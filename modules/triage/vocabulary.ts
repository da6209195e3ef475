/**
 * The published triage vocabulary: the words both the structured input and the free-text
 * reader map to. Codes are API (contracts/openapi.yaml lists them); add, never rename.
 */
export const languages = ['ru', 'en'] as const;
export type Language = (typeof languages)[number];
export type Localized = Record<Language, string>;

/** Most urgent first; the order is the ranking ("the highest urgency wins"). */
export const dispositions = [
  'emergency_ambulance',
  'emergency',
  'consultation_24',
  'consultation',
  'self_care',
] as const;
export type Disposition = (typeof dispositions)[number];

/** Booking's doctor specialties, so a triage answer feeds slot search as is. */
export type { Specialty } from '../booking/domain/doctor';

export const vitalNames = [
  'systolic',
  'diastolic',
  'heartRate',
  'respiratoryRate',
  'spo2',
  'temperature',
  'glucose',
] as const;
export type VitalName = (typeof vitalNames)[number];
export type Vitals = Partial<Record<VitalName, number>>;

export const severities = ['mild', 'moderate', 'severe'] as const;
export type Severity = (typeof severities)[number];
export const onsets = ['sudden', 'gradual'] as const;
export type Onset = (typeof onsets)[number];

export const symptomCodes = [
  // chest, heart, breathing
  'chest_pain',
  'chest_pressure',
  'exertional_chest_pain',
  'pleuritic_chest_pain',
  'pain_radiating',
  'palpitations',
  'shortness_of_breath',
  'severe_breathlessness',
  'wheeze',
  'stridor',
  'cough',
  'productive_cough',
  'haemoptysis',
  'cyanosis',
  'sweating',
  'syncope',
  'inhaler_not_helping',
  'leg_swelling_one_side',
  'calf_pain',
  // brain and nerves
  'face_droop',
  'one_sided_weakness',
  'speech_difficulty',
  'vision_loss',
  'confusion',
  'drowsiness',
  'unconscious',
  'seizure',
  'dizziness',
  'headache',
  'thunderclap_headache',
  'neck_stiffness',
  'photophobia',
  'head_injury',
  'back_pain',
  'leg_pain',
  'saddle_numbness',
  'urinary_retention',
  'bowel_incontinence',
  'bilateral_leg_weakness',
  // skin and allergy
  'face_swelling',
  'throat_tightness',
  'hoarse_voice',
  'hives',
  'itching',
  'allergen_exposure',
  'insect_sting',
  'rash',
  'non_blanching_rash',
  'mottled_skin',
  'pale_skin',
  'cold_extremities',
  'jaundice',
  'skin_infection',
  'shingles_rash',
  'tick_bite',
  'cold_sore',
  'sunburn',
  'severe_bleeding',
  // abdomen, urine, pelvis
  'abdominal_pain',
  'abdominal_pain_right_lower',
  'nausea',
  'vomiting',
  'vomiting_blood',
  'black_stool',
  'diarrhoea',
  'bloody_diarrhoea',
  'constipation',
  'heartburn',
  'reduced_urine',
  'dehydration',
  'dysuria',
  'flank_pain',
  'haematuria',
  'testicular_pain',
  'vaginal_bleeding',
  // general
  'fever',
  'rigors',
  'muscle_aches',
  'fatigue',
  'sore_throat',
  'swollen_glands',
  'runny_nose',
  'nasal_congestion',
  'sneezing',
  'ear_pain',
  'eye_redness',
  'eye_pain',
  'joint_pain',
  'joint_swelling',
  'limb_injury',
  'non_weight_bearing',
  'weight_loss',
  'low_blood_sugar',
  // infants and young children
  'appears_very_ill',
  'not_responding_normally',
  'high_pitched_cry',
  'bulging_fontanelle',
  'poor_feeding',
  'grunting',
  'chest_indrawing',
  'nasal_flaring',
  'apnoea',
  // mind
  'low_mood',
  'anxiety',
  'insomnia',
  'suicidal_thoughts',
  'suicide_plan',
  'self_harm',
  'overdose',
  // background that changes the weight of a symptom
  'pregnancy',
  'history_diabetes',
  'history_asthma',
  'history_copd',
  'immunosuppressed',
  'recent_immobility',
  'travel_malaria_area',
] as const;
export type SymptomCode = (typeof symptomCodes)[number];

export interface SymptomInput {
  code: SymptomCode;
  onset?: Onset;
  durationHours?: number;
  severity?: Severity;
}
