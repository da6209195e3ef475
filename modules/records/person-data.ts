import { medicalRecordBasis, type PersonDataSection } from '../../platform/person-data';
import { patientRecordForExport } from './export';

const extensions: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'application/dicom': '.dcm',
};

/**
 * The patient's record: each document as a DocumentReference with its file (only files that
 * passed the scan), each lab result as an Observation. Kept on erasure: it is the medical record.
 */
export const recordsPersonData: PersonDataSection = {
  name: 'records',
  async *gather(patientId, read) {
    const record = await read((r) => patientRecordForExport(r, patientId));
    for (const document of record.documents) {
      yield { resource: document.resource };
      if (document.file) {
        const name = `${document.resource.id}${extensions[document.file.contentType] ?? ''}`;
        yield { file: { bucket: document.file.bucket, key: document.file.key, name } };
      }
    }
    for (const observation of record.observations) yield { resource: observation };
  },
  keeps: {
    what: {
      ru: 'медицинские документы и результаты анализов',
      en: 'medical documents and lab results',
    },
    basis: medicalRecordBasis,
  },
};
