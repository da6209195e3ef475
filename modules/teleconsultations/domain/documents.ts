import { RuleBroken } from '../../../platform/rule-broken';

/**
 * What a request may carry: discharge summaries and lab results (PDF, text), photos, and imaging
 * as DICOM files. Nothing a browser would run.
 */
export const documentTypes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/dicom',
  'text/plain',
] as const;
export type DocumentType = (typeof documentTypes)[number];

/** A study of a few hundred MB: uploaded in parts past `partBytes`, so a dropped connection costs one part. */
export const maxDocumentBytes = 300 * 1024 * 1024;

/** Each part of a multipart upload but the last (Object Storage takes 5 MB to 5 GB a part). */
export const partBytes = 8 * 1024 * 1024;

/** How many parts a document of `bytes` is uploaded in; 1 means one plain PUT. */
export const partsOf = (bytes: number) => Math.ceil(bytes / partBytes);

/** A file the requester attached to a request, as they declared it before uploading. */
export interface CaseDocument {
  requestId: string;
  id: string;
  name: string;
  contentType: DocumentType;
  bytes: number;
  uploadedBy: string;
  createdAt: number;
}

export const documentRules = {
  tooLarge: () =>
    new RuleBroken(
      'DOCUMENT_TOO_LARGE',
      422,
      `A document may be at most ${maxDocumentBytes / 1024 / 1024} MB; send a large study in parts.`,
    ),
  closed: () =>
    new RuleBroken('TELECONSULTATION_STATE', 409, 'Documents are attached only while the request is open.'),
  notFound: () => new RuleBroken('DOCUMENT_NOT_FOUND', 404, 'The document was not found in this request.'),
  partsRefused: () =>
    new RuleBroken(
      'UPLOAD_PARTS_REFUSED',
      422,
      'The parts could not be joined: check the upload id, and send every part number with the ETag its upload returned.',
    ),
};

export function checkDeclared(bytes: number): void {
  if (bytes > maxDocumentBytes) throw documentRules.tooLarge();
}

/** Each request's files live under its own prefix, keyed by ids the server made: never a name the client chose. */
export function documentKey(requestId: string, documentId: string): string {
  return `teleconsultations/${requestId}/${documentId}`;
}

/**
 * Whether the stored object is the document as declared: of its type, no larger than declared (the
 * upload link binds the type, not the size) and within the limit. Anything else is never offered.
 */
export function isAsDeclared(
  document: CaseDocument,
  stored: { bytes: number; contentType: string },
): boolean {
  const storedType = stored.contentType.split(';')[0]?.trim().toLowerCase();
  return (
    storedType === document.contentType && stored.bytes <= document.bytes && stored.bytes <= maxDocumentBytes
  );
}
