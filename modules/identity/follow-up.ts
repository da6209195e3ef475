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
  const parties = [
    await assuranceOf(repos, 'patient', visit.patientId),
    await assuranceOf(repos, 'doctor', visit.doctorId),
  ];
  const unverified = parties.filter((party) => party.level !== 'verified').map((party) => party.kind);
  if (unverified.length) throw identityRules.notVerified(unverified);
}
