import { mayActOn } from '../../platform/access';
import type { Caller } from '../../platform/identity';
import { problems } from '../../platform/problem';
import type { Repositories } from '../../platform/store';

/**
 * The check before a request uses a patient id it was given. A patient a clinic registered is
 * reachable by that clinic's staff and services (see platform/access.ts) and by themself; a person
 * no clinic registered (an app or chatbot user) by themself and by any clinic or service that
 * serves them. Anyone else is told the patient does not exist.
 */
export async function checkPatientInReach(
  repos: Repositories,
  caller: Caller,
  patientId: string,
): Promise<void> {
  const clinicId = await repos.patients.clinicOf(patientId);
  const inReach =
    clinicId === undefined
      ? caller.role === 'patient'
        ? caller.subject === patientId
        : ['doctor', 'clinic_admin', 'service'].includes(caller.role)
      : mayActOn(caller, { personId: patientId, clinicId });
  if (!inReach) throw problems.notFound('Patient');
}
