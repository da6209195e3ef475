import type { Disposition, Localized, Specialty, SymptomCode } from '../vocabulary';
import type { Condition } from './conditions';

export interface Rule {
  /** `<protocol>` or `<protocol>.<variant>`; returned to clients, stable across versions. */
  id: string;
  /** The red_flags.json rule or public protocol this rule comes from. */
  protocol: string;
  /** Whom the rule is for; everyone when absent. */
  ageMonths?: { from?: number; below?: number };
  when: Condition;
  disposition: Disposition;
  specialty: Specialty;
  /** Suicide risk: show crisis help at once and alert the on-call clinician. */
  crisis?: true;
  reason: Localized;
}

export interface SymptomWeight {
  /** minor: self-care is possible; consult: a doctor should see it; context: weighs on others only. */
  level: 'minor' | 'consult' | 'context';
  specialty: Specialty;
  /** Beyond this a minor symptom needs a doctor (default: selfCare.defaultMaxHours). */
  selfCareMaxHours?: number;
}

export interface RuleSet {
  version: string;
  rules: Rule[];
  symptoms: Record<SymptomCode, SymptomWeight>;
  selfCare: {
    /** Babies younger than this always see a doctor. */
    minAgeMonths: number;
    /** Any of these present rules self-care out. */
    blockedBy: SymptomCode[];
    defaultMaxHours: number;
    /** Unplaced words above both limits mean the text may hold more than was understood. */
    maxUnexplainedWords: number;
    maxUnexplainedShare: number;
  };
  /** Signs only asked about below an age (a fontanelle in babies). */
  askBelowAgeMonths: Partial<Record<SymptomCode, number>>;
  /** Asked when nothing in the complaint was understood. */
  screeningQuestions: SymptomCode[];
}
