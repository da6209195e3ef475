import { RuleBroken } from '../../../../platform/rule-broken';

/** One scored measurement: the number trends are drawn from, and what it means. */
export interface Scored {
  /** The measure's own unit: metres, seconds, points, a grade. */
  score: number;
  /** A band named by the measure's definition (e.g. `moderate`), where it defines one. */
  band: string;
  /** Extra numbers the definition yields (a predicted distance, subscales). */
  detail?: Record<string, number>;
}

/** What a patient or clinician sends for one measure: answers item by item, or one value. */
export interface MeasureInput {
  items?: number[];
  value?: number;
  /** For predicted values: age in years, sex, height and weight. */
  subject?: { age: number; sex: 'female' | 'male'; heightCm: number; weightKg: number };
}

export interface MeasureDefinition {
  /** Whether a higher score is better: a change is "worse" against this direction. */
  higherIsBetter: boolean;
  /**
   * The smallest change the literature counts as real for a patient (minimal clinically important
   * difference, or the definition's own band width): a smaller move is not called worsening.
   */
  meaningfulChange: number;
  score(input: MeasureInput): Scored;
}

/** An answer the definition does not allow: never a guess, always the caller's error. */
export const invalidMeasure = (why: string) => new RuleBroken('REHAB_MEASURE_INVALID', 422, why);

/** Items answered each within its own allowed values, as many as the definition has. */
export function checkedItems(
  input: MeasureInput,
  allowed: readonly (readonly number[])[],
  name: string,
): number[] {
  const items = input.items;
  if (!items || items.length !== allowed.length)
    throw invalidMeasure(`${name} takes ${allowed.length} item scores, in order.`);
  items.forEach((value, i) => {
    if (!allowed[i]?.includes(value))
      throw invalidMeasure(`${name} item ${i + 1} takes one of ${allowed[i]?.join(', ')}; got ${value}.`);
  });
  return items;
}

/** One value within the definition's range, whole where it must be. */
export function checkedValue(
  input: MeasureInput,
  range: { min: number; max: number; whole?: boolean },
  name: string,
): number {
  const value = input.value;
  if (value === undefined || !Number.isFinite(value) || value < range.min || value > range.max)
    throw invalidMeasure(`${name} takes a value from ${range.min} to ${range.max}.`);
  if (range.whole && !Number.isInteger(value)) throw invalidMeasure(`${name} takes a whole number.`);
  return value;
}

export const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
