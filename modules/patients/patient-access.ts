import { mayActOn } from '../../platform/access';
import type { Caller } from '../../platform/identity';
import type { Patient } from './repositories/patients';

/**
 * Who may read a patient record: the patient themself, and doctors and admins of the
 * patient's clinic (a service token too, for its clinic only if it names one). Sponsors never do.
 */
export function canReadPatient(caller: Caller, patient: Patient): boolean {
  return mayActOn(caller, { personId: patient.id, clinicId: patient.clinicId });
}
