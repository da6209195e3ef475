import type { Repositories } from '../../platform/store';
import { patientConclusions } from '../teleconsultations';
import type { PatientDocument } from './domain/document';

/**
 * Teleconsultation conclusions as documents of the record: read through the teleconsultations face
 * whenever the record is read, so the record lists a conclusion from the moment it is made, with
 * nothing to keep in step. Each is a pointer: its content is read (and audited) on its own route,
 * which decides who may read it.
 */
export async function conclusionDocuments(
  r: Repositories,
  record: { patientId: string; clinicId: string },
): Promise<PatientDocument[]> {
  const concluded = await patientConclusions(r, record.patientId);
  return concluded.map((c) => ({
    patientId: record.patientId,
    id: c.requestId,
    clinicId: record.clinicId,
    kind: 'conclusion',
    title: 'Заключение по результатам телемедицинской консультации',
    status: 'available',
    rejection: null,
    contentType: null,
    bytes: null,
    source: 'teleconsultation',
    sourceId: c.requestId,
    date: c.concludedAt,
    createdBy: c.centreId,
    createdByRole: 'teleconsultation_centre',
    createdAt: c.concludedAt,
    updatedAt: c.concludedAt,
  }));
}
