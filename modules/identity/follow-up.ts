import type { Caller } from '../../platform/identity';
import type { Repositories } from '../../platform/store';
import { identityRules } from './domain/assurance';
import { assuranceOf, recordTokenVerification, tokenVerificationOf } from './use-cases';

/**
 * Before a follow-up visit (diagnosis or treatment set remotely): both participants identified —
 * the patient verified by a state identity provider, the doctor found in the federal register.
 * A patient booking for themself with a verified token is verified by this very request.
 * Throws `IDENTITY_NOT_VERIFIED` naming who is not.
 */
export async function checkFollowUpParticipants(
  repos: Repositories,
  caller: Caller,
  visit: { patientId: string; doctorId: string },
  now: number,
): Promise<void> {
  if (caller.role === 'patient' && caller.subject === visit.patientId)
    await recordTokenVerification(repos, caller, tokenVerificationOf(caller, now), now);
  const parties = [
    await assuranceOf(repos, 'patient', visit.patientId),
    await assuranceOf(repos, 'doctor', visit.doctorId),
  ];
  const unverified = parties.filter((party) => party.level !== 'verified').map((party) => party.kind);
  if (unverified.length) throw identityRules.notVerified(unverified);
}
