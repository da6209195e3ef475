import type { Caller } from '../../platform/identity';
import { Problem, problems } from '../../platform/problem';
import type { Repositories } from '../../platform/store';

export interface ReviewInput {
  finalDisposition: string;
  finalSpecialty?: string;
  note?: string;
}

/**
 * A doctor records the disposition they finally judged right. They may review decisions of
 * their clinic, or of a patient who booked them; each decision is reviewed once.
 */
export async function reviewDecision(
  repos: Repositories,
  triageId: string,
  doctor: Caller,
  input: ReviewInput,
) {
  const decision = await repos.triageDecisions.get(triageId);
  const theirPatient = decision?.patientId
    ? (await repos.appointments.forPatient(decision.patientId)).some((a) => a.doctorId === doctor.subject)
    : false;
  if (!decision || (decision.tenantId !== doctor.clinicId && !theirPatient))
    throw problems.notFound('Triage decision');
  const recorded = await repos.triageReviews.record({
    triageId,
    tenantId: decision.tenantId,
    reviewerId: doctor.subject,
    ruleSetVersion: decision.ruleSetVersion,
    systemDisposition: decision.disposition,
    finalDisposition: input.finalDisposition,
    finalSpecialty: input.finalSpecialty ?? null,
    note: input.note ?? null,
  });
  if (!recorded)
    throw new Problem(409, 'ALREADY_REVIEWED', 'Conflict', 'This triage decision has already been reviewed.');
  await repos.audit.record({
    tenantId: decision.tenantId,
    action: 'update',
    resourceType: 'triage_decision',
    resourceId: triageId,
    subjectId: decision.patientId,
  });
  return {
    triageId,
    ruleSetVersion: decision.ruleSetVersion,
    systemDisposition: decision.disposition,
    finalDisposition: input.finalDisposition,
    agreed: decision.disposition === input.finalDisposition,
  };
}
