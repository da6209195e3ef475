import type { CrisisSeverity } from '../concepts';
import { bookingFor, type CrisisHelp, crisisHelp, instructionsFor } from '../help';
import type { Disposition, Language, Specialty } from '../vocabulary';
import { gad7, phq9, type Score, scoreOf } from './instruments';

export interface IntakeInput {
  phq9?: number[];
  gad7?: number[];
}

export interface IntakeOutcome {
  phq9: (Score & { item9: number }) | null;
  gad7: Score | null;
  disposition: Disposition;
  specialty: Specialty;
  instructions: string[];
  booking: { allowed: boolean; withinHours: number | null };
  crisis: CrisisHelp | null;
  ruleSetVersion: string;
  language: Language;
}

export const intakeRulesVersion = 'intake-rules/1.1.0';

/** PHQ-9 item 9 by frequency: several days, more than half the days, nearly every day. */
const item9Severity: Record<number, CrisisSeverity> = {
  1: 'thoughts',
  2: 'frequent_thoughts',
  3: 'persistent_thoughts',
};

/**
 * Psychology intake. PHQ-9 item 9 (thoughts of death or self-harm) above zero is the crisis
 * path whatever the total: crisis help at once and a clinician the same day. Otherwise the
 * worse of the two bands decides: severe depression a psychiatrist within a day, moderately
 * severe a psychiatrist, mild to moderate a psychologist, minimal self-care.
 */
export function intake(input: IntakeInput, language: Language): IntakeOutcome {
  const depression = input.phq9
    ? { ...scoreOf(phq9, input.phq9, language), item9: input.phq9[8] ?? 0 }
    : null;
  const anxiety = input.gad7 ? scoreOf(gad7, input.gad7, language) : null;
  const crisis = (depression?.item9 ?? 0) > 0;
  const phqTotal = depression?.total ?? 0;
  const gadTotal = anxiety?.total ?? 0;
  let disposition: Disposition = 'self_care';
  let specialty: Specialty = 'psychologist';
  if (crisis || phqTotal >= 20) {
    disposition = 'consultation_24';
    specialty = 'psychiatrist';
  } else if (phqTotal >= 15 || gadTotal >= 15) {
    disposition = 'consultation';
    specialty = 'psychiatrist';
  } else if (phqTotal >= 5 || gadTotal >= 5) {
    disposition = 'consultation';
  }
  return {
    phq9: depression,
    gad7: anxiety,
    disposition,
    specialty,
    instructions: instructionsFor(disposition, language),
    booking: bookingFor(disposition),
    crisis: crisis ? crisisHelp(language, item9Severity[depression?.item9 ?? 1] ?? 'thoughts') : null,
    ruleSetVersion: intakeRulesVersion,
    language,
  };
}
