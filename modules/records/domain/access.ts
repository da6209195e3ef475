import type { Caller } from '../../../platform/identity';
import type { PatientDocument } from './document';

/** Whom a patient shared a document with: one doctor (of a named clinic), or a whole clinic's doctors. */
export type Grantee =
  | { kind: 'doctor'; doctorId: string; clinicId: string }
  | { kind: 'clinic'; clinicId: string };

export interface Share {
  patientId: string;
  documentId: string;
  grantee: Grantee;
  grantedAt: number;
}

/** A share's stable name: one per grantee and document, so sharing twice is one share. */
export const granteeKey = (grantee: Grantee) =>
  grantee.kind === 'doctor' ? `doctor:${grantee.clinicId}:${grantee.doctorId}` : `clinic:${grantee.clinicId}`;

/** Whether a share reaches the caller: a doctor it names, or any doctor of a clinic it names. */
export function reaches(caller: Caller, grantee: Grantee): boolean {
  if (caller.role !== 'doctor' || !caller.clinicId || caller.clinicId !== grantee.clinicId) return false;
  return grantee.kind === 'clinic' || grantee.doctorId === caller.subject;
}

/**
 * Whether the caller may see a document: the patient and the keepers see all of the record (a
 * pending or rejected file with its status too); anyone else only an available document shared
 * with them. Sponsors and services never.
 */
export function maySee(
  standing: 'patient' | 'keeper' | undefined,
  caller: Caller,
  document: PatientDocument,
  shares: readonly Share[],
): boolean {
  if (standing) return true;
  return (
    document.status === 'available' &&
    shares.some((share) => share.documentId === document.id && reaches(caller, share.grantee))
  );
}
