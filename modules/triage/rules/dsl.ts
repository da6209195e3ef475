import type { SymptomCode, VitalName } from '../vocabulary';
import type { Condition } from './conditions';

/** Shorthands that keep the rule tables readable; they build plain data. */
export const has = (code: SymptomCode, modifiers: { severe?: true; sudden?: true; minHours?: number } = {}) =>
  ({ has: code, ...modifiers }) as Condition;
export const lacks = (code: SymptomCode): Condition => ({ lacks: code });
export const vital = (name: VitalName, op: '<' | '<=' | '>' | '>=', value: number): Condition => ({
  vital: name,
  op,
  value,
});
export const all = (...conditions: Condition[]): Condition => ({ all: conditions });
export const any = (...conditions: Condition[]): Condition => ({ any: conditions });
export const atLeast = (count: number, ...conditions: Condition[]): Condition => ({
  atLeast: count,
  of: conditions,
});
export const ageMonths = (from: number | undefined, below?: number): Condition => ({
  ageMonths: { ...(from !== undefined ? { from } : {}), ...(below !== undefined ? { below } : {}) },
});
export const years = (n: number) => n * 12;

/** Fever reported or measured (NICE: 38 °C). */
export const feverish = any(has('fever'), vital('temperature', '>=', 38));
/** Suspected infection, the context of the sepsis tools. */
export const infection = any(
  feverish,
  has('rigors'),
  has('productive_cough'),
  has('dysuria'),
  has('skin_infection'),
  vital('temperature', '<', 36),
);
export const alteredMentation = any(has('confusion'), has('drowsiness'), has('unconscious'));
export const chestPain = any(has('chest_pain'), has('chest_pressure'));
