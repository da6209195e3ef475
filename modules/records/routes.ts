import { operations } from '../../platform/operations';
import { declarePatientDocument, getPatientDocument, listPatientDocuments } from './document-routes';
import { listLabObservations, recordLabObservations } from './observation-routes';
import { revokePatientDocumentShare, sharePatientDocument } from './share-routes';

/** The record's HTTP routes; the patients function serves them beside the patient record. */
export const recordsApi = operations({
  declarePatientDocument,
  listPatientDocuments,
  getPatientDocument,
  sharePatientDocument,
  revokePatientDocumentShare,
  recordLabObservations,
  listLabObservations,
});
