import type { Repositories } from '../../platform/store';
import { identityRules } from './domain/assurance';
import { assuranceOf } from './use-cases';

/**
 * Before a follow-up visit (diagnosis or treatment set remotely): both participants identified —
 * the patient verified by a state identity provider, the doctor found in the federal register.
 * Throws `IDENTITY_NOT_VERIFIED` naming who is not.
 */
export async function checkFollowUpParticipants(
  repos: Repositories,
  visit: { patientId: string; doctorId: string },
): Promise<void> {
  const unverified = await unverifiedParticipants(repos, visit);
  if (unverified.length) throw identityRules.notVerified(unverified);
}

/** Whether both participants are identified, so a visit may be a follow-up without being asked for as one. */
export async function participantsIdentified(
  repos: Repositories,
  visit: { patientId: string; doctorId: string },
): Promise<boolean> {
  return (await unverifiedParticipants(repos, visit)).length === 0;
}

async function unverifiedParticipants(repos: Repositories, visit: { patientId: string; doctorId: string }) {
  const parties = [
    await assuranceOf(repos, 'patient', visit.patientId),
    await assuranceOf(repos, 'doctor', visit.doctorId),
  ];
  return parties.filter((party) => party.level !== 'verified').map((party) => party.kind);
}
