import { type CrisisSeverity, moreSevere } from './concepts';
import { factsFrom, type TriageInput } from './facts';
import { bookingFor, type CrisisHelp, crisisHelp, instructionsFor } from './help';
import { type Question, questionsFor } from './questions';
import { type Decision, decide } from './rules/decide';
import type { RuleSet } from './rules/rule';
import { ruleSetV1 } from './rules/ruleset.v1';
import { type Floor, safetyFloors } from './safety-net';
import { type BodySystem, isRedFlagQuestionId, redFlagQuestionById, screeningFor } from './screening';
import { type ComplaintReading, readComplaints } from './text/read-complaint';
import {
  type Disposition,
  dispositions,
  type Language,
  type Localized,
  type Specialty,
  type SymptomCode,
} from './vocabulary';

export interface TriageOutcome {
  disposition: Disposition;
  specialty: Specialty;
  redFlags: { id: string; reason: string }[];
  questions: Question[];
  /**
   * Yes/no red-flag questions when the reading is unsure; answer them in `answers` under
   * their ids (a second call) before any slot is offered. Texts in both locales.
   */
  redFlagQuestions: { id: string; system: BodySystem; text: Localized }[];
  /** Russian first for emergencies, whatever the language of the request. */
  instructions: string[];
  booking: { allowed: boolean; withinHours: number | null };
  crisis: CrisisHelp | null;
  ruleSetVersion: string;
  language: Language;
}

const rank = (d: Disposition) => dispositions.indexOf(d);
const adultYears = 16;

interface Assessment {
  disposition: Disposition;
  specialty: Specialty;
  decision: Decision;
  floors: Floor[];
  crisis: CrisisSeverity | undefined;
  unsure: boolean;
  codes: SymptomCode[];
  child: boolean;
  /** Nothing was read: no symptom, no concept, no rule. */
  empty: boolean;
}

/** The whole triage, pure: text and structured input in, a disposition and its reasons out. */
export function triage(input: TriageInput, language: Language, ruleSet: RuleSet = ruleSetV1): TriageOutcome {
  // Latin-script text is read twice (as written, transliterated): the more urgent reading wins.
  let best: Assessment | undefined;
  let crisis: CrisisSeverity | undefined;
  const assessments = readComplaints(input.complaint).map((reading) => assess(input, reading, ruleSet));
  // A reading that found nothing (the Latin words left unread) does not outvote one that did.
  const read = assessments.filter((a) => !a.empty);
  for (const assessed of read.length > 0 ? read : assessments) {
    crisis = moreSevere(crisis, assessed.crisis);
    if (!best || rank(assessed.disposition) < rank(best.disposition)) best = assessed;
  }
  const chosen = best as Assessment;
  const { decision, floors, disposition } = chosen;
  const answered = new Set(Object.keys(input.answers ?? {}));
  const screening =
    chosen.unsure && !disposition.startsWith('emergency')
      ? screeningFor(chosen.codes, chosen.child).filter((q) => !answered.has(q.id))
      : [];
  return {
    disposition,
    specialty: chosen.specialty,
    redFlags: [
      ...floors
        .filter(
          (floor) =>
            rank(floor.disposition) <= rank(decision.disposition) ||
            floor.disposition === disposition ||
            floor.crisis !== undefined,
        )
        .sort((a, b) => rank(a.disposition) - rank(b.disposition))
        .map((floor) => ({ id: floor.id, reason: floor.reason[language] })),
      ...decision.fired.map((rule) => ({ id: rule.id, reason: rule.reason[language] })),
    ],
    questions: questionsFor(decision.open, language),
    redFlagQuestions: screening.map((q) => ({ id: q.id, system: q.system, text: q.text })),
    instructions: instructionsFor(disposition, language),
    booking: bookingFor(disposition),
    crisis: crisis ? crisisHelp(language, crisis) : null,
    ruleSetVersion: decision.ruleSetVersion,
    language,
  };
}

/** The subject's own age: stated in the text, else a child's when a parent writes, else the input's. */
function subjectAge(inputAge: number, reading: ComplaintReading): number {
  const { subject } = reading;
  if (subject.ageYears !== undefined) return subject.ageYears;
  if (subject.kind === 'child' && inputAge >= adultYears && reading.gestationWeeks === undefined)
    return subject.infant ? 0.4 : 2;
  return inputAge;
}

function assess(input: TriageInput, reading: ComplaintReading, ruleSet: RuleSet): Assessment {
  const age = subjectAge(input.age, reading);
  const pregnant =
    input.pregnant ?? (reading.gestationWeeks !== undefined && input.sex !== 'male' ? true : undefined);
  const symptomAnswers: Record<string, boolean | number> = {};
  const redFlagAnswers: [string, boolean][] = [];
  for (const [key, value] of Object.entries(input.answers ?? {})) {
    if (isRedFlagQuestionId(key)) redFlagAnswers.push([key, value === true]);
    else symptomAnswers[key] = value;
  }
  const base: TriageInput = {
    ...input,
    age,
    ...(pregnant !== undefined ? { pregnant } : {}),
    answers: symptomAnswers,
  };
  const facts = factsFrom(base, reading);
  // «No» to every red-flag question asked settles the doubt of words not understood.
  const settled = redFlagAnswers.length > 0 && redFlagAnswers.every(([, yes]) => !yes);
  const understood = settled || reading.unexplainedWords === 0;
  const decision = decide(ruleSet, facts, {
    unexplainedWords: understood ? 0 : reading.unexplainedWords,
    contentWords: reading.contentWords,
  });
  const floors = safetyFloors(facts, reading, understood);
  for (const [id, yes] of redFlagAnswers) {
    const question = redFlagQuestionById(id);
    if (yes && question)
      floors.push({
        id,
        disposition: question.ifYes,
        reason: question.text,
        ...(question.system === 'mind' ? { crisis: 'thoughts' as const } : {}),
      });
  }
  if (reading.resolved.size > 0 || reading.resolvedConcepts.size > 0) {
    const floor = resolvedFloor(base, reading, ruleSet);
    if (floor) floors.push(floor);
  }

  let disposition = decision.disposition;
  let specialty = decision.specialty;
  for (const floor of floors)
    if (rank(floor.disposition) < rank(disposition)) {
      disposition = floor.disposition;
      if (floor.specialty) specialty = floor.specialty;
    }
  let crisis = floors.reduce<CrisisSeverity | undefined>(
    (s, floor) => moreSevere(s, floor.crisis),
    undefined,
  );
  if (decision.crisis) {
    const plan = decision.fired.some((rule) => rule.crisis && rule.disposition.startsWith('emergency'));
    crisis = moreSevere(crisis, plan ? 'plan' : 'thoughts');
  }
  if (facts.symptoms.get('overdose')?.present) crisis = moreSevere(crisis, 'attempt');
  if (facts.symptoms.get('self_harm')?.present) crisis = moreSevere(crisis, 'self_harm');
  if (facts.symptoms.get('suicide_plan')?.present) crisis = moreSevere(crisis, 'plan');
  if (facts.symptoms.get('suicidal_thoughts')?.present) crisis = moreSevere(crisis, 'thoughts');
  const codes = [...facts.symptoms].filter(([, f]) => f.present).map(([code]) => code);
  return {
    disposition,
    specialty,
    decision,
    floors,
    crisis,
    unsure: !understood || decision.open.length > 0,
    codes,
    child: age < adultYears,
    empty:
      codes.length === 0 &&
      reading.concepts.size === 0 &&
      decision.fired.length === 0 &&
      floors.every((f) => f.id === 'safety.not_understood'),
  };
}

/** An episode that is over but would be an emergency now («болела грудь, прошло»): a doctor within 24 h. */
function resolvedFloor(input: TriageInput, reading: ComplaintReading, ruleSet: RuleSet): Floor | undefined {
  const findings = new Map(reading.findings);
  for (const [code, finding] of reading.resolved)
    if (!findings.get(code)?.present) findings.set(code, finding);
  const facts = factsFrom(input, { ...reading, findings });
  const asIfNow = decide(ruleSet, facts, { unexplainedWords: 0, contentWords: reading.contentWords });
  const resolvedEmergency = safetyFloors(
    facts,
    { ...reading, concepts: reading.resolvedConcepts },
    true,
  ).some((floor) => floor.id.startsWith('concept.') && floor.disposition.startsWith('emergency'));
  if (!asIfNow.disposition.startsWith('emergency') && !resolvedEmergency) return undefined;
  return {
    id: 'safety.resolved_red_flag',
    disposition: 'consultation_24',
    reason: {
      ru: 'Опасный симптом прошёл, но нужен осмотр врача в течение суток; если повторится — звоните 103 или 112.',
      en: 'A warning symptom has passed but needs a doctor within 24 hours; if it comes back, call 103 or 112.',
    },
  };
}
