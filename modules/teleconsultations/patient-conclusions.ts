import type { Repositories } from '../../platform/store';

/** A concluded teleconsultation as another module lists it: which, by whom, when; never its content. */
export interface ConcludedTeleconsultation {
  requestId: string;
  centreId: string;
  concludedAt: number;
}

/**
 * The patient's concluded teleconsultations, for the patient's record (modules/records). The
 * conclusion itself is read through GET /v1/teleconsultations/{requestId}/conclusion, audited there.
 */
export function patientConclusions(r: Repositories, patientId: string): Promise<ConcludedTeleconsultation[]> {
  return r.teleconsultations.conclusionsOf(patientId);
}
