import { RuleBroken } from '../../../platform/rule-broken';

/** What a patient's record holds, as the document's kind (FHIR DocumentReference.type, by our code). */
export const documentKinds = ['lab_result', 'discharge_summary', 'conclusion', 'image', 'other'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/**
 * The files a record takes: each has magic bytes the scan can hold it to (domain/scan.ts). Plain
 * text and JSON have none, so they are not taken: a file is offered only once its type is proven.
 */
export const fileTypes = ['application/pdf', 'image/png', 'image/jpeg', 'application/dicom'] as const;
export type FileType = (typeof fileTypes)[number];

/** A discharge summary or a lab report is a few MB; a DICOM image can be tens. One presigned PUT. */
export const maxDocumentBytes = 50 * 1024 * 1024;

/** pending: declared, its file not yet scanned; available: scanned and offered; rejected: never offered. */
export type DocumentStatus = 'pending' | 'available' | 'rejected';

/** Where a document came from: uploaded as a file, or a conclusion another module keeps. */
export type DocumentSource = 'upload' | 'teleconsultation';

export interface PatientDocument {
  patientId: string;
  id: string;
  /** The clinic that keeps the patient's record (`unaffiliated` for a patient no clinic registered). */
  clinicId: string;
  kind: DocumentKind;
  /** Health data (a title may name a condition): sealed at rest. */
  title: string;
  status: DocumentStatus;
  /** Why the scan refused the file: a code, never the file's content. */
  rejection: string | null;
  /** null for a document that is a pointer to a conclusion, not a file. */
  contentType: FileType | null;
  bytes: number | null;
  source: DocumentSource;
  /** The teleconsultation whose conclusion this is. */
  sourceId: string | null;
  /** When what the document records happened (the sample was taken, the patient discharged). */
  date: number;
  createdBy: string;
  createdByRole: string;
  createdAt: number;
  updatedAt: number;
}

export const documentRules = {
  tooLarge: () =>
    new RuleBroken(
      'DOCUMENT_TOO_LARGE',
      422,
      `A document may be at most ${maxDocumentBytes / 1024 / 1024} MB; send a large study in parts.`,
    ),
  typeNotAllowed: () =>
    new RuleBroken('DOCUMENT_TYPE_NOT_ALLOWED', 422, `A document is one of: ${fileTypes.join(', ')}.`),
  notALabResult: () =>
    new RuleBroken(
      'DOCUMENT_NOT_LAB_RESULT',
      422,
      'Structured results attach to a lab result document only.',
    ),
  selfShare: () =>
    new RuleBroken('SHARE_WITH_KEEPER', 422, 'The clinic that keeps the record sees it already.'),
};

/** Checks a declaration before anything is stored: a type outside the allow-list or a size over the limit. */
export function checkDeclared(contentType: string, bytes: number): FileType {
  if (!(fileTypes as readonly string[]).includes(contentType)) throw documentRules.typeNotAllowed();
  if (bytes > maxDocumentBytes) throw documentRules.tooLarge();
  return contentType as FileType;
}

/** Each patient's files live under their own prefix, keyed by ids the server made. */
export const filePrefix = 'records/';
export const fileKey = (patientId: string, documentId: string) => `${filePrefix}${patientId}/${documentId}`;

/** The patient and document a file key names; undefined for a key not of this shape. */
export function documentOfKey(key: string): { patientId: string; documentId: string } | undefined {
  const match = /^records\/([^/]+)\/([0-9a-f-]{36})$/.exec(key);
  return match ? { patientId: match[1] as string, documentId: match[2] as string } : undefined;
}
