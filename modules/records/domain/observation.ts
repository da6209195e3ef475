import { RuleBroken } from '../../../platform/rule-broken';

/** A lab result as structured data: one analyte, its value and the range the lab gave for it. */
export interface LabValue {
  /** LOINC code, e.g. 2345-7 (glucose in serum or plasma). */
  code: string;
  display: string;
  value: number;
  /** UCUM, e.g. mmol/L. */
  unit: string;
  referenceRange: { low?: number; high?: number } | null;
  /** When the sample was taken. */
  effectiveAt: string;
}

/** FHIR v3-ObservationInterpretation: above, below or within the reference range. */
export type Interpretation = 'H' | 'L' | 'N';

export interface LabObservation extends LabValue {
  patientId: string;
  id: string;
  /** The lab result document it was read from, if any. */
  documentId: string | null;
  clinicId: string;
  interpretation: Interpretation | null;
  recordedBy: string;
  recordedAt: number;
}

/** The flag from the range the lab gave; none without a range (a flag is never guessed). */
export function interpret(value: number, range: LabValue['referenceRange']): Interpretation | null {
  if (!range || (range.low === undefined && range.high === undefined)) return null;
  if (range.low !== undefined && value < range.low) return 'L';
  if (range.high !== undefined && value > range.high) return 'H';
  return 'N';
}

/**
 * Whether a LOINC code's check digit is right (the Mod 10 algorithm LOINC publishes): a mistyped
 * code would file the value under another analyte.
 */
export function isLoincCode(code: string): boolean {
  const match = /^(\d{1,7})-(\d)$/.exec(code);
  if (!match) return false;
  const digits = [...(match[1] as string)].reverse().map(Number);
  const sum = digits.reduce((total, digit, i) => {
    if (i % 2 === 1) return total + digit;
    const doubled = digit * 2;
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return (10 - (sum % 10)) % 10 === Number(match[2]);
}

/** A sample is taken before its result is entered; a few minutes of clock skew are forgiven. */
export const clockSkewMs = 5 * 60_000;

export const observationRules = {
  inFuture: () =>
    new RuleBroken('OBSERVATION_IN_FUTURE', 422, 'A result cannot be of a sample taken in the future.'),
  codeInvalid: (code: string) =>
    new RuleBroken(
      'OBSERVATION_CODE_INVALID',
      422,
      `${code} is not a LOINC code (its check digit is wrong).`,
    ),
};
