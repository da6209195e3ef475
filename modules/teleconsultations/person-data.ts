import { exportFileName, medicalRecordBasis, type PersonDataSection } from '../../platform/person-data';
import { documentKey } from './domain/documents';
import { teleconsultationsSettings } from './settings';

/**
 * The concluded doctor-to-doctor consultations about a patient: the question and case as a
 * ServiceRequest, the centre's conclusion as the FHIR Composition made when it concluded, and the
 * case's documents with their files. Kept: the conclusion is a medical document (323-FZ art. 36.2).
 */
export const teleconsultationsPersonData: PersonDataSection = {
  name: 'teleconsultations',
  async *gather(patientId, read) {
    const bucket = teleconsultationsSettings().ATTACHMENTS_BUCKET;
    const concluded = await read((r) => r.teleconsultations.conclusionsOf(patientId));
    const requestIds = concluded.map((c) => c.requestId).reverse();
    for (const requestId of requestIds) {
      const found = await read(async (r) => ({
        request: await r.teleconsultations.request(requestId),
        conclusion: await r.teleconsultations.conclusion(requestId),
        documents: await r.teleconsultations.documents(requestId),
      }));
      const { request, conclusion, documents } = found;
      if (request)
        yield {
          resource: {
            resourceType: 'ServiceRequest',
            id: request.id,
            status: 'completed',
            intent: 'order',
            category: [{ text: `teleconsultation: ${request.profile}` }],
            priority: request.form === 'planned' ? 'routine' : request.form === 'urgent' ? 'urgent' : 'stat',
            subject: { reference: `Patient/${patientId}` },
            authoredOn: new Date(request.createdAt).toISOString(),
            requester: { reference: `Practitioner/${request.requesterId}` },
            reasonCode: [{ text: request.caseFile.question }],
            note: [{ text: request.caseFile.caseSummary }],
          },
        };
      if (conclusion)
        yield {
          resource: { ...conclusion.document, resourceType: 'Composition', id: `conclusion-${requestId}` },
        };
      for (const document of documents) {
        const name = exportFileName(`${requestId}-${document.id}-${document.name}`);
        yield {
          resource: {
            resourceType: 'DocumentReference',
            id: `${requestId}-${document.id}`,
            status: 'current',
            subject: { reference: `Patient/${patientId}` },
            date: new Date(document.createdAt).toISOString(),
            content: [
              {
                attachment: {
                  contentType: document.contentType,
                  title: document.name,
                  url: `files/teleconsultations/${name}`,
                },
              },
            ],
          },
        };
        yield { file: { bucket, key: documentKey(requestId, document.id), name } };
      }
    }
  },
  keeps: {
    what: {
      ru: 'телеконсультации с национальными центрами: запрос, заключение и документы',
      en: 'teleconsultations with national centres: the request, the conclusion and the documents',
    },
    basis: medicalRecordBasis,
  },
};
