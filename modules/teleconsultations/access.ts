import type { Caller } from '../../platform/identity';
import { isOpen, type TeleRequest } from './domain/request';

/**
 * Who stands where to a request: the doctor who asked, the admins of the clinic that asked, the
 * centre's coordinators (its clinic admins), the consultants it assigned (or, for an emergency not
 * yet taken, those paged for it), the patient, whose record the conclusion joins. Sponsors and everyone else: nobody.
 */
export type Side = 'requester' | 'requesting_clinic' | 'coordinator' | 'consultant' | 'patient';

/**
 * The caller's side, if any. The centre sees the case only while it is open and for `accessMs`
 * after it closed: past that it looks missing to them, like any case not theirs.
 */
export function sideOf(
  caller: Caller,
  request: TeleRequest,
  now: number,
  accessMs: number,
): Side | undefined {
  if (caller.role === 'patient') return caller.subject === request.patientId ? 'patient' : undefined;
  if (!caller.clinicId) return undefined;
  if (caller.clinicId === request.requesterClinicId) {
    if (caller.role === 'clinic_admin') return 'requesting_clinic';
    if (caller.role === 'doctor' && caller.subject === request.requesterId) return 'requester';
    return undefined;
  }
  if (caller.clinicId !== request.centreId) return undefined;
  const inPeriod = isOpen(request) || (request.closedAt !== null && now < request.closedAt + accessMs);
  if (!inPeriod) return undefined;
  if (caller.role === 'clinic_admin') return 'coordinator';
  const onCase =
    request.consultantIds.includes(caller.subject) ||
    (request.status === 'requested' && request.onCallIds.includes(caller.subject));
  return caller.role === 'doctor' && onCase ? 'consultant' : undefined;
}
