import type { Facts, Finding } from './rules/conditions';
import { isRedFlagQuestionId } from './screening';
import type { ComplaintReading } from './text/read-complaint';
import {
  type SymptomCode,
  type SymptomInput,
  symptomCodes,
  type VitalName,
  type Vitals,
  vitalNames,
} from './vocabulary';

export interface TriageInput {
  /** Years; fractions for babies (0.25 = 3 months). */
  age: number;
  sex?: 'female' | 'male';
  pregnant?: boolean;
  complaint: string;
  symptoms?: SymptomInput[];
  vitals?: Vitals;
  /** Answers to earlier follow-ups: a symptom code, `<code>.sudden`, `<code>.severe` → yes/no; a vital → its value. */
  answers?: Record<string, boolean | number>;
}

const codes = new Set<string>(symptomCodes);
const vitals = new Set<string>(vitalNames);

/** Whether `key` is something `answers` may carry; anything else is a client error. */
export function isAnswerKey(key: string): boolean {
  if (isRedFlagQuestionId(key)) return true;
  const [code, modifier, ...rest] = key.split('.');
  if (rest.length > 0) return false;
  if (modifier === undefined) return codes.has(code as string) || vitals.has(code as string);
  return codes.has(code as string) && (modifier === 'sudden' || modifier === 'severe');
}

/**
 * What the rules see: the text's reading, overridden by structured input, overridden by
 * explicit answers (the patient's last word on a question wins).
 */
export function factsFrom(input: TriageInput, reading: ComplaintReading): Facts {
  const symptoms = new Map<SymptomCode, Finding>(reading.findings);
  if (reading.gcs !== undefined && reading.gcs < 15) symptoms.set('confusion', { present: true });
  if (reading.gcs !== undefined && reading.gcs <= 8) symptoms.set('unconscious', { present: true });
  for (const s of input.symptoms ?? []) {
    symptoms.set(s.code, {
      present: true,
      ...(s.severity ? { severity: s.severity } : {}),
      ...(s.onset ? { onset: s.onset } : {}),
      ...(s.durationHours !== undefined ? { durationHours: s.durationHours } : {}),
    });
  }
  if (input.pregnant !== undefined) symptoms.set('pregnancy', { present: input.pregnant });
  if (input.sex === 'male') symptoms.set('pregnancy', { present: false });

  const answered: Vitals = {};
  for (const [key, value] of Object.entries(input.answers ?? {})) {
    if (isRedFlagQuestionId(key)) continue;
    if (typeof value === 'number') {
      if (vitals.has(key)) answered[key as VitalName] = value;
      continue;
    }
    const [code, modifier] = key.split('.') as [SymptomCode, 'sudden' | 'severe' | undefined];
    const current = symptoms.get(code);
    if (!modifier) symptoms.set(code, value ? { ...current, present: true } : { present: false });
    else if (value || current?.present) {
      const next: Finding = { ...current, present: true };
      if (modifier === 'sudden') next.onset = value ? 'sudden' : 'gradual';
      else next.severity = value ? 'severe' : 'moderate';
      symptoms.set(code, next);
    }
  }
  const measured = { ...reading.vitals, ...answered, ...input.vitals };
  // A reading names a symptom as surely as words do: 38.4 °C is a fever.
  if (measured.temperature !== undefined && measured.temperature >= 38 && !symptoms.get('fever')?.present)
    symptoms.set('fever', { ...symptoms.get('fever'), present: true });
  if (measured.glucose !== undefined && measured.glucose < 3.9)
    symptoms.set('low_blood_sugar', { present: true });
  return { ageMonths: input.age * 12, symptoms, vitals: measured };
}
