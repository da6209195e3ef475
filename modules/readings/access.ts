import type { Caller } from '../../platform/identity';
import type { PatientFacts } from './repositories/readings-group';

/**
 * Who may see a patient's readings: the patient, and doctors of the clinic that registered
 * them. A patient registered elsewhere has no record here, so no doctor here sees them.
 * Clinic admins, insurers and HR never do (DESIGN.md: sponsors never see readings).
 */
export function canSeeReadings(
  caller: Caller,
  patientId: string,
  patient: PatientFacts | undefined,
): boolean {
  if (caller.role === 'patient') return caller.subject === patientId;
  return caller.role === 'doctor' && patient !== undefined && patient.clinicId === caller.clinicId;
}

/** Targets and acknowledgements are a doctor's acts, for patients of their clinic. */
export function isTreatingDoctor(caller: Caller, patient: PatientFacts | undefined): boolean {
  return caller.role === 'doctor' && patient !== undefined && patient.clinicId === caller.clinicId;
}
