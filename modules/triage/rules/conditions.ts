import type { Onset, Severity, SymptomCode, VitalName, Vitals } from '../vocabulary';
import { type News2, news2 } from './news2';

/**
 * The rule language: plain data, so a rule set is a versioned value that can be reviewed,
 * diffed and tested like any other data.
 */
export type Condition =
  /** The symptom is present (optionally severe, sudden, or lasting at least `minHours`). */
  | { has: SymptomCode; severe?: true; sudden?: true; minHours?: number }
  /** The symptom is not known to be present (absent or never mentioned). */
  | { lacks: SymptomCode }
  | { vital: VitalName; op: '<' | '<=' | '>' | '>='; value: number }
  | { ageMonths: { from?: number; below?: number } }
  | { news2AtLeast: number }
  | { news2AnySingle3: true }
  | { all: Condition[] }
  | { any: Condition[] }
  | { atLeast: number; of: Condition[] };

export interface Finding {
  present: boolean;
  severity?: Severity;
  onset?: Onset;
  durationHours?: number;
}

/** What is known about the patient when the rules run. */
export interface Facts {
  ageMonths: number;
  symptoms: Map<SymptomCode, Finding>;
  vitals: Vitals;
}

/** Three-valued: a rule fires only on `yes`; `unknown` is what a follow-up question can settle. */
export type Truth = 'yes' | 'no' | 'unknown';

/** A leaf that came out unknown: the answer to its question could change the outcome. */
export type OpenLeaf =
  | { kind: 'symptom'; code: SymptomCode }
  | { kind: 'modifier'; code: SymptomCode; modifier: 'sudden' | 'severe' }
  | { kind: 'vital'; name: VitalName };

export class Evaluator {
  private score: News2 | undefined;
  /** Symptom and vital leaves found true since the last reset: how far a rule is matched. */
  hits = 0;

  constructor(private readonly facts: Facts) {}

  evaluate(condition: Condition, open?: OpenLeaf[]): Truth {
    if ('all' in condition) return this.combine(condition.all, condition.all.length, open);
    if ('any' in condition) return this.combine(condition.any, 1, open);
    if ('atLeast' in condition) return this.combine(condition.of, condition.atLeast, open);
    if ('has' in condition) return this.has(condition, open);
    if ('lacks' in condition) return this.facts.symptoms.get(condition.lacks)?.present ? 'no' : 'yes';
    if ('vital' in condition) return this.vital(condition, open);
    if ('ageMonths' in condition) {
      const { from = 0, below = Number.POSITIVE_INFINITY } = condition.ageMonths;
      return this.facts.ageMonths >= from && this.facts.ageMonths < below ? 'yes' : 'no';
    }
    this.score ??= news2(this.facts);
    if ('news2AtLeast' in condition)
      return this.score.total >= condition.news2AtLeast ? 'yes' : this.score.complete ? 'no' : 'unknown';
    return this.score.anySingle3 ? 'yes' : this.score.complete ? 'no' : 'unknown';
  }

  /** True when at least `needed` parts are true; false when they no longer can be. */
  private combine(parts: Condition[], needed: number, open?: OpenLeaf[]): Truth {
    let yes = 0;
    let unknown = 0;
    const leaves: OpenLeaf[] = [];
    for (const part of parts) {
      const truth = this.evaluate(part, leaves);
      if (truth === 'yes') yes++;
      else if (truth === 'unknown') unknown++;
    }
    if (yes >= needed) return 'yes';
    if (yes + unknown < needed) return 'no';
    open?.push(...leaves);
    return 'unknown';
  }

  private has(c: Extract<Condition, { has: SymptomCode }>, open?: OpenLeaf[]): Truth {
    const finding = this.facts.symptoms.get(c.has);
    if (!finding) {
      open?.push({ kind: 'symptom', code: c.has });
      return 'unknown';
    }
    if (!finding.present) return 'no';
    let truth: Truth = 'yes';
    if (c.severe && finding.severity !== 'severe') {
      if (finding.severity) return 'no';
      open?.push({ kind: 'modifier', code: c.has, modifier: 'severe' });
      truth = 'unknown';
    }
    if (c.sudden && finding.onset !== 'sudden') {
      if (finding.onset) return 'no';
      open?.push({ kind: 'modifier', code: c.has, modifier: 'sudden' });
      truth = 'unknown';
    }
    if (c.minHours !== undefined) {
      if (finding.durationHours === undefined) truth = 'unknown';
      else if (finding.durationHours < c.minHours) return 'no';
    }
    this.hits++;
    return truth;
  }

  private vital(c: Extract<Condition, { vital: VitalName }>, open?: OpenLeaf[]): Truth {
    const value = this.facts.vitals[c.vital];
    if (value === undefined) {
      open?.push({ kind: 'vital', name: c.vital });
      return 'unknown';
    }
    const holds =
      c.op === '<'
        ? value < c.value
        : c.op === '<='
          ? value <= c.value
          : c.op === '>'
            ? value > c.value
            : value >= c.value;
    if (holds) this.hits++;
    return holds ? 'yes' : 'no';
  }
}
