import { unaffiliated } from '../../platform/identity';
import type { Repositories } from '../../platform/store';
import { conclusionDocuments } from './conclusions';
import { fileKey } from './domain/document';
import { toDocumentReference, toObservation } from './domain/fhir';
import { recordsSettings } from './settings';

/**
 * Everything the record holds about a patient, for the patient's own data export (152-FZ art. 14):
 * each document as FHIR DocumentReference with where its file is (only files that passed the scan:
 * a rejected file was never part of the record), and each lab result as FHIR Observation. The
 * caller has checked that the export is the patient's own and audits it; nothing here is audited.
 */
export async function patientRecordForExport(r: Repositories, patientId: string) {
  const clinicId = (await r.patients.clinicOf(patientId)) ?? unaffiliated;
  const documents = [
    ...(await r.records.documents(patientId)),
    ...(await conclusionDocuments(r, { patientId, clinicId })),
  ];
  const observations = await r.records.observations(patientId);
  return {
    documents: documents.map((document) => ({
      resource: toDocumentReference(document, null),
      status: document.status,
      file:
        document.status === 'available' && document.contentType
          ? {
              bucket: recordsSettings().ATTACHMENTS_BUCKET,
              key: fileKey(document.patientId, document.id),
              contentType: document.contentType,
              bytes: document.bytes,
            }
          : null,
    })),
    observations: observations.map(toObservation),
  };
}
