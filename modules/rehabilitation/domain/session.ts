import type { Finding, Symptom, Vitals } from './safety';

export type SessionStatus = 'in_progress' | 'completed' | 'stopped';

export interface SessionReading extends Vitals {
  at: number;
  /** Taken by a device and received through the readings pipeline (else entered in the session). */
  fromDevice?: true;
  pain?: number;
  rpe?: number;
  symptoms: Symptom[];
}

export interface SessionLog {
  exercises: { exerciseId: string; sets?: number; reps?: number; minutes?: number }[];
  rpe: number;
  pain: number;
}

export interface SessionStop {
  findings: Finding[];
  /** Triage called it an emergency: the patient was told to call 103/112. */
  emergency: boolean;
  /** Triage's disposition where red flags were sent to it. */
  disposition: string | null;
}

export interface Session {
  id: string;
  planId: string;
  patientId: string;
  week: number;
  startedAt: number;
  endedAt: number | null;
  status: SessionStatus;
  preCheck: Vitals & { symptoms: Symptom[] };
  readings: SessionReading[];
  log: SessionLog | null;
  stop: SessionStop | null;
}

/**
 * Values no living person has at rest or in exercise: a typo or a faulty device, refused rather
 * than judged. The bounds are wide on purpose: a real but alarming value must reach the checks.
 */
export function impossibleVitals(v: Vitals): string | undefined {
  if (v.systolic !== undefined && v.diastolic !== undefined && v.diastolic >= v.systolic)
    return 'Diastolic pressure must be below systolic.';
  return undefined;
}
