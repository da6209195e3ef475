import type { Caller } from '../../platform/identity';
import type { Patient } from './repositories/patients';

/**
 * Who may read a patient record: the patient themself, and doctors and admins of the
 * patient's clinic. Sponsors (insurer, hr) never do.
 */
export function canReadPatient(caller: Caller, patient: Patient): boolean {
  switch (caller.role) {
    case 'patient':
      return caller.subject === patient.id;
    case 'doctor':
    case 'clinic_admin':
      return caller.clinicId === patient.clinicId;
    case 'service':
      // A service token that names a clinic acts for that clinic only.
      return !caller.clinicId || caller.clinicId === patient.clinicId;
    default:
      return false;
  }
}
