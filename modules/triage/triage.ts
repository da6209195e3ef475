import { factsFrom, type TriageInput } from './facts';
import { bookingFor, type CrisisHelp, crisisHelp, instructionsFor } from './help';
import { type Question, questionsFor } from './questions';
import { decide } from './rules/decide';
import type { RuleSet } from './rules/rule';
import { ruleSetV1 } from './rules/ruleset.v1';
import { readComplaint } from './text/read-complaint';
import type { Disposition, Language, Specialty } from './vocabulary';

export interface TriageOutcome {
  disposition: Disposition;
  specialty: Specialty;
  redFlags: { id: string; reason: string }[];
  questions: Question[];
  /** Russian first for emergencies, whatever the language of the request. */
  instructions: string[];
  booking: { allowed: boolean; withinHours: number | null };
  crisis: CrisisHelp | null;
  ruleSetVersion: string;
  language: Language;
}

/** The whole triage, pure: text and structured input in, a disposition and its reasons out. */
export function triage(input: TriageInput, language: Language, ruleSet: RuleSet = ruleSetV1): TriageOutcome {
  const reading = readComplaint(input.complaint);
  const decision = decide(ruleSet, factsFrom(input, reading), reading);
  return {
    disposition: decision.disposition,
    specialty: decision.specialty,
    redFlags: decision.fired.map((rule) => ({ id: rule.id, reason: rule.reason[language] })),
    questions: questionsFor(decision.open, language),
    instructions: instructionsFor(decision.disposition, language),
    booking: bookingFor(decision.disposition),
    crisis: decision.crisis ? crisisHelp(language) : null,
    ruleSetVersion: decision.ruleSetVersion,
    language,
  };
}
