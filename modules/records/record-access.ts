import { mayActOn } from '../../platform/access';
import type { Caller } from '../../platform/identity';
import { unaffiliated } from '../../platform/identity';
import { problems } from '../../platform/problem';
import type { Repositories } from '../../platform/store';

/** A patient's record as a route finds it: the clinic that keeps it, and the caller's standing to it. */
export interface RecordInReach {
  patientId: string;
  clinicId: string;
  standing: 'patient' | 'keeper' | undefined;
}

/**
 * The caller's standing to the whole record: the patient; a keeper (doctors and admins of the clinic
 * that keeps it, platform/access.ts); or none, and then only documents shared with them. A patient
 * no clinic registered has no keeper: a doctor sees their documents only when shared.
 */
export function recordStanding(
  caller: Caller,
  owner: { patientId: string; clinicId: string },
): 'patient' | 'keeper' | undefined {
  if (caller.role === 'patient') return caller.subject === owner.patientId ? 'patient' : undefined;
  if (caller.role !== 'doctor' && caller.role !== 'clinic_admin') return undefined;
  return mayActOn(caller, { personId: owner.patientId, clinicId: owner.clinicId }) ? 'keeper' : undefined;
}

/** The keeper is the clinic that registered the patient; a patient no clinic registered has none. */
export async function findRecord(r: Repositories, caller: Caller, patientId: string): Promise<RecordInReach> {
  const clinicId = (await r.patients.clinicOf(patientId)) ?? unaffiliated;
  return { patientId, clinicId, standing: recordStanding(caller, { patientId, clinicId }) };
}

/** For acts only the patient and the keepers may do (upload, record results): anyone else finds no patient. */
export async function keptRecord(r: Repositories, caller: Caller, patientId: string): Promise<RecordInReach> {
  const record = await findRecord(r, caller, patientId);
  if (!record.standing) throw problems.notFound('Patient');
  return record;
}

/**
 * Every touch of a record is audited under the keeper's tenant with the patient as the resource, so
 * the patient's access history finds a shared doctor's read among the clinic's own.
 */
export const auditRecord = (
  r: Repositories,
  record: RecordInReach,
  action: 'read' | 'create' | 'update' | 'delete',
  resourceType: 'patient_documents' | 'patient_document' | 'patient_observations',
) => r.audit.record({ tenantId: record.clinicId, action, resourceType, resourceId: record.patientId });
