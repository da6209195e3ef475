import type { ApiRequest } from '../../platform/http';
import type { Caller } from '../../platform/identity';
import { problems } from '../../platform/problem';
import type { Repositories } from '../../platform/store';
import { type Side, sideOf } from './access';
import type { Centre } from './domain/centre';
import type { TeleRequest } from './domain/request';
import { teleconsultationsSettings } from './settings';

// What every teleconsultation route does first: find the case and the caller's side of it.

export const accessMs = () => teleconsultationsSettings().TELECONSULT_ACCESS_DAYS * 86_400_000;
export const contextOf = (request: { correlationId: string }) => ({
  now: Date.now(),
  correlationId: request.correlationId,
});

/** The centre the caller coordinates; another centre (or none) looks missing. */
export async function ownCentre(repos: Repositories, caller: Caller, centreId: string): Promise<Centre> {
  const centre = await repos.teleconsultations.centre(centreId);
  if (!centre || caller.clinicId !== centre.id) throw problems.notFound('Centre');
  return centre;
}

/**
 * The request and the caller's side of it, when the caller has one and it is among `sides`; a
 * request not theirs looks missing (404), one theirs but not for this act is forbidden (403).
 */
export async function requestAs(
  repos: Repositories,
  request: ApiRequest<unknown, { requestId: string }, unknown>,
  sides: readonly Side[],
): Promise<{ found: TeleRequest; side: Side }> {
  const found = await repos.teleconsultations.request(request.params.requestId);
  const side = found && sideOf(request.caller, found, Date.now(), accessMs());
  if (!found || !side) throw problems.notFound('Teleconsultation');
  if (!sides.includes(side))
    throw problems.forbidden('Your part in this teleconsultation does not allow this.');
  return { found, side };
}

/** Every touch of a case is recorded for the patient's clinic, whose record it is. */
export const audit = (r: Repositories, request: TeleRequest, action: 'read' | 'create' | 'update') =>
  r.audit.record({
    tenantId: request.requesterClinicId,
    action,
    resourceType: 'teleconsultation',
    resourceId: request.id,
    subjectId: request.patientId,
  });
