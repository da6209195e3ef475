import type { Repositories } from '../../platform/store';
import type { Sponsor } from '../booking';
import { refusals } from './domain/coverage';

/**
 * The sponsor of a course paid outside booking (a rehabilitation course): the patient's own policy
 * in force today, or their activated enrolment in an employer's programme in force today. Returns
 * the sponsor's tenant (the insurer or the employer), whose reports then count the course.
 */
export async function courseSponsorTenant(
  repos: Repositories,
  patientId: string,
  sponsor: Sponsor,
  now: number,
): Promise<string> {
  if (sponsor.type === 'policy') {
    const policy = await repos.insurers.policy(sponsor.policyId);
    // Someone else's policy looks like no policy at all.
    if (!policy || policy.patientId !== patientId)
      throw refusals.noCoverage('The patient has no policy with this id.');
    const inForce = policy.periods.some((p) => p.startsAt <= now && now < p.endsAt);
    if (policy.status !== 'active' || !inForce) throw refusals.expired('The policy is not in force today.');
    return policy.insurerId;
  }
  const contract = await repos.employers.contract(sponsor.contractId);
  const enrolled = (await repos.employers.enrolmentsOfPatient(patientId)).some(
    (e) => e.contractId === sponsor.contractId && e.status === 'activated',
  );
  if (!contract || !enrolled) throw refusals.noCoverage('The patient is not enrolled in this programme.');
  if (contract.status !== 'active' || now < contract.startsAt || now >= contract.endsAt)
    throw refusals.expired('The programme is not in force today.');
  return contract.employerId;
}
