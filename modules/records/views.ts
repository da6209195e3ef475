import { getServices } from '../../platform/services';
import { granteeKey, type Share } from './domain/access';
import { fileKey, type PatientDocument } from './domain/document';
import { toDocumentReference, toSearchset } from './domain/fhir';
import { recordsSettings } from './settings';

/** Links to files live for a quarter of an hour: enough to open one, not to pass it around. */
export const linkSeconds = 15 * 60;
export const bucket = () => recordsSettings().ATTACHMENTS_BUCKET;

const extensions: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/dicom': 'dcm',
};

/**
 * A download link only for a file the scan passed: a pending or rejected file is never offered. The
 * stored object is looked at again (a HEAD, no bytes read): a file put anew through a still-live
 * upload link is offered only once its own scan has passed it, and never when larger or retyped.
 */
async function linkOf(document: PatientDocument): Promise<string | null> {
  if (document.status !== 'available' || !document.contentType || document.bytes === null) return null;
  const { objects } = await getServices();
  const key = fileKey(document.patientId, document.id);
  const stored = await objects.describe(bucket(), key);
  const storedType = stored?.contentType.split(';')[0]?.trim().toLowerCase();
  if (!stored || stored.bytes > document.bytes || storedType !== document.contentType) return null;
  return objects.downloadUrl(bucket(), key, linkSeconds, {
    fileName: `document-${document.id}.${extensions[document.contentType] ?? 'bin'}`,
    contentType: document.contentType,
  });
}

/**
 * A document as its reader sees it: its scan status and the FHIR DocumentReference; whom it is
 * shared with only for the patient and the keepers, who manage that.
 */
export async function documentView(document: PatientDocument, shares: readonly Share[] | null) {
  const url = await linkOf(document);
  return {
    id: document.id,
    kind: document.kind,
    title: document.title,
    status: document.status,
    rejection: document.rejection,
    source: document.source,
    url,
    ...(shares
      ? {
          sharedWith: shares
            .filter((share) => share.documentId === document.id)
            .map((share) => ({
              shareId: granteeKey(share.grantee),
              clinicId: share.grantee.clinicId,
              doctorId: share.grantee.kind === 'doctor' ? share.grantee.doctorId : null,
              sharedAt: new Date(share.grantedAt).toISOString(),
            })),
        }
      : {}),
    resource: toDocumentReference(document, url),
  };
}

/** Whether the client asked for FHIR (`Accept: application/fhir+json`), as the readings routes read it. */
export const wantsFhir = (accept: string | undefined) => /application\/fhir\+json/i.test(accept ?? '');

/** A list as FHIR Bundle searchset, typed as FHIR. */
export const fhirSearchset = (resources: readonly { resourceType: string; id: string }[]) => ({
  status: 200,
  body: toSearchset(resources),
  headers: { 'Content-Type': 'application/fhir+json; charset=utf-8' },
});
