import { generalRules } from './general.v1';
import { issue17Rules } from './issue17.v2';
import { redFlagRules } from './red-flags.v1';
import type { RuleSet } from './rule';
import { symptomWeights } from './symptom-weights.v1';

/**
 * Version 1 of the triage rules. A decision stores this version; any change to a rule,
 * weight or threshold ships as a new version so stored decisions stay explainable.
 */
export const ruleSetV1: RuleSet = {
  version: 'triage-rules/2.0.0',
  rules: [...redFlagRules, ...generalRules, ...issue17Rules],
  symptoms: symptomWeights,
  selfCare: {
    minAgeMonths: 3,
    blockedBy: ['pregnancy', 'immunosuppressed'],
    defaultMaxHours: 14 * 24,
    // Any word not understood rules self-care out (issue 17: three unknown words used to pass).
    maxUnexplainedWords: 0,
    maxUnexplainedShare: 0,
  },
  askBelowAgeMonths: {
    bulging_fontanelle: 24,
    high_pitched_cry: 60,
    appears_very_ill: 60,
    not_responding_normally: 60,
    poor_feeding: 60,
    grunting: 60,
    chest_indrawing: 60,
    nasal_flaring: 60,
  },
  screeningQuestions: ['chest_pain', 'shortness_of_breath', 'one_sided_weakness', 'severe_bleeding', 'fever'],
};
