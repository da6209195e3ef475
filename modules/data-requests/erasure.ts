import { unaffiliated } from '../../platform/identity';
import { problems } from '../../platform/problem';
import type { Repositories } from '../../platform/store';
import { addWorkingDays, deadlineWorkingDays } from './domain/deadlines';
import type { DataRequest, ErasureLine } from './domain/request';
import { personDataSections } from './sections';

/** Records a patient's erasure request; it waits in the operator's queue with its statutory deadline. */
export async function requestErasure(r: Repositories, patientId: string, now: number): Promise<DataRequest> {
  const clinicId = (await r.patients.clinicOf(patientId)) ?? null;
  const request = await r.dataRequests.create({
    id: crypto.randomUUID(),
    patientId,
    clinicId,
    kind: 'erasure',
    dueAt: addWorkingDays(now, deadlineWorkingDays.erasure),
  });
  await r.audit.record({
    tenantId: clinicId ?? unaffiliated,
    action: 'create',
    resourceType: 'erasure_request',
    resourceId: request.id,
    subjectId: patientId,
  });
  return request;
}

/**
 * The operator's decision. `erase` removes, in this one transaction, what every section may
 * erase, and records each section's line: erased (how many), or kept and the law that keeps it.
 * `refuse` closes the request with the operator's reason, which the patient reads.
 */
export async function decideErasure(
  r: Repositories,
  request: DataRequest,
  decision: { decision: 'erase' | 'refuse'; reason?: string | undefined },
  decidedByRole: string,
  now: number,
): Promise<DataRequest> {
  if (request.status !== 'pending')
    throw problems.conflict('ERASURE_ALREADY_DECIDED', 'This erasure request has already been decided.');
  const lines: ErasureLine[] = [];
  if (decision.decision === 'erase')
    for (const section of personDataSections) {
      if (section.erases)
        lines.push({
          section: section.name,
          outcome: 'erased',
          what: section.erases.what,
          count: await section.erases.erase(r, request.patientId),
        });
      if (section.keeps)
        lines.push({
          section: section.name,
          outcome: 'kept',
          what: section.keeps.what,
          basis: section.keeps.basis,
        });
    }
  const outcome = decision.decision === 'erase' ? { lines } : { refusal: decision.reason ?? null };
  const status = decision.decision === 'erase' ? 'done' : 'refused';
  await r.dataRequests.update(request.id, { status, decidedAt: now, decidedByRole, outcome });
  await r.audit.record({
    tenantId: request.clinicId ?? unaffiliated,
    action: decision.decision === 'erase' ? 'delete' : 'update',
    resourceType: 'erasure_request',
    resourceId: request.id,
    subjectId: request.patientId,
  });
  return { ...request, status, decidedAt: now, decidedByRole, outcome };
}
