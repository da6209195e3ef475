import { type Disposition, dispositions, type Specialty, type SymptomCode } from '../vocabulary';
import { Evaluator, type Facts, type OpenLeaf } from './conditions';
import type { Rule, RuleSet } from './rule';

export interface Decision {
  disposition: Disposition;
  specialty: Specialty;
  /** Rules that fired, most urgent first. */
  fired: Rule[];
  /** Unknowns whose answers could raise the disposition, most consequential first. */
  open: OpenLeaf[];
  crisis: boolean;
  ruleSetVersion: string;
}

export interface TextCoverage {
  unexplainedWords: number;
  contentWords: number;
}

const rank = (d: Disposition) => dispositions.indexOf(d);
const moreUrgent = (a: Disposition, b: Disposition) => (rank(a) < rank(b) ? a : b);
const adultAgeMonths = 18 * 12;

/**
 * Applies a rule set to the facts: every rule is evaluated, the most urgent outcome wins,
 * and with no rule firing the symptoms' own weight decides, where self-care needs every
 * symptom to be minor, recent and understood: "not sure" is never self-care.
 */
export function decide(ruleSet: RuleSet, facts: Facts, coverage: TextCoverage): Decision {
  const evaluator = new Evaluator(facts);
  const fired: Rule[] = [];
  const pending: { rule: Rule; leaves: OpenLeaf[] }[] = [];
  for (const rule of ruleSet.rules) {
    if (!inAgeBand(rule, facts.ageMonths)) continue;
    const leaves: OpenLeaf[] = [];
    evaluator.hits = 0;
    const truth = evaluator.evaluate(rule.when, leaves);
    if (truth === 'yes') fired.push(rule);
    // Only a rule already partly matched is worth a question: no chest-pain quiz for a cold.
    else if (truth === 'unknown' && evaluator.hits > 0) pending.push({ rule, leaves });
  }
  fired.sort((a, b) => rank(a.disposition) - rank(b.disposition));

  const baseline = baselineDisposition(ruleSet, facts, coverage);
  const disposition = fired.reduce<Disposition>((d, rule) => moreUrgent(d, rule.disposition), baseline);
  const present = presentSymptoms(ruleSet, facts);
  // Most urgent first, then the rule closest to firing (fewest unknowns).
  const open = pending
    .filter(({ rule }) => rank(rule.disposition) < rank(disposition))
    .sort((a, b) => rank(a.rule.disposition) - rank(b.rule.disposition) || a.leaves.length - b.leaves.length)
    .flatMap(({ leaves }) => leaves)
    .filter(
      (leaf) => leaf.kind === 'vital' || facts.ageMonths < (ruleSet.askBelowAgeMonths[leaf.code] ?? Infinity),
    );
  if (present.length === 0)
    open.push(...ruleSet.screeningQuestions.map((code): OpenLeaf => ({ kind: 'symptom', code })));

  return {
    disposition,
    specialty: forAge(fired[0]?.specialty ?? baselineSpecialty(ruleSet, present), facts.ageMonths),
    fired,
    open: distinct(open),
    crisis: fired.some((rule) => rule.crisis),
    ruleSetVersion: ruleSet.version,
  };
}

function inAgeBand(rule: Rule, ageMonths: number): boolean {
  const { from = 0, below = Number.POSITIVE_INFINITY } = rule.ageMonths ?? {};
  return ageMonths >= from && ageMonths < below;
}

function presentSymptoms(ruleSet: RuleSet, facts: Facts): SymptomCode[] {
  return [...facts.symptoms]
    .filter(([code, finding]) => finding.present && ruleSet.symptoms[code].level !== 'context')
    .map(([code]) => code);
}

function baselineDisposition(ruleSet: RuleSet, facts: Facts, coverage: TextCoverage): Disposition {
  const present = presentSymptoms(ruleSet, facts);
  if (present.length === 0) return 'consultation';
  const policy = ruleSet.selfCare;
  const selfCare =
    present.every((code) => {
      const weight = ruleSet.symptoms[code];
      const finding = facts.symptoms.get(code);
      return (
        weight.level === 'minor' &&
        finding?.severity !== 'severe' &&
        (finding?.durationHours ?? 0) <= (weight.selfCareMaxHours ?? policy.defaultMaxHours)
      );
    }) &&
    facts.ageMonths >= policy.minAgeMonths &&
    !policy.blockedBy.some((code) => facts.symptoms.get(code)?.present) &&
    (coverage.unexplainedWords <= policy.maxUnexplainedWords ||
      coverage.unexplainedWords <= coverage.contentWords * policy.maxUnexplainedShare);
  return selfCare ? 'self_care' : 'consultation';
}

function baselineSpecialty(ruleSet: RuleSet, present: SymptomCode[]): Specialty {
  const weighed = present.map((code) => ruleSet.symptoms[code]);
  return (weighed.find((w) => w.level === 'consult') ?? weighed[0])?.specialty ?? 'therapist';
}

/** Children see a paediatrician where adults see a therapist. */
function forAge(specialty: Specialty, ageMonths: number): Specialty {
  return specialty === 'therapist' && ageMonths < adultAgeMonths ? 'pediatrician' : specialty;
}

function distinct(leaves: OpenLeaf[]): OpenLeaf[] {
  const seen = new Set<string>();
  return leaves.filter((leaf) => {
    const key = JSON.stringify(leaf);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
