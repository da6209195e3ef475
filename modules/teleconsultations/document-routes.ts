import { MultipartRefused, type ObjectStorage } from '../../platform/files/object-storage';
import { httpRoute } from '../../platform/http';
import { getServices, inTransaction } from '../../platform/services';
import {
  type CaseDocument,
  checkDeclared,
  documentKey,
  documentRules,
  isAsDeclared,
  partBytes,
  partsOf,
} from './domain/documents';
import { isOpen } from './domain/request';
import { audit, requestAs } from './route-helpers';
import * as schemas from './schemas';
import { teleconsultationsSettings } from './settings';

/** Links to files live for a quarter of an hour: enough to upload or open one, not to pass it around. */
const linkSeconds = 15 * 60;
const bucket = () => teleconsultationsSettings().ATTACHMENTS_BUCKET;

/**
 * The requester declares a document (name, type, size) and gets where to upload it: one link for
 * a file up to `partBytes`, else a multipart upload with a link per part (then completed with the
 * parts' ETags). A size over the limit is refused before anything is stored; the type is bound
 * (signed in the link, or set when the multipart upload starts), and the stored file is checked
 * against the declaration whenever it is offered for reading. DICOM studies are stored as files.
 */
export const addDocument = httpRoute({
  route: 'POST /v1/teleconsultations/{requestId}/documents',
  healthData: true,
  auth: ['doctor'],
  params: schemas.requestParams,
  body: schemas.documentBody,
  idempotent: true,
  handle: async (request) => {
    checkDeclared(request.body.bytes);
    const document = await inTransaction(async (r) => {
      const { found } = await requestAs(r, request, ['requester']);
      if (!isOpen(found)) throw documentRules.closed();
      const declared: CaseDocument = {
        requestId: found.id,
        id: crypto.randomUUID(),
        name: request.body.name,
        contentType: request.body.contentType,
        bytes: request.body.bytes,
        uploadedBy: request.caller.subject,
        createdAt: Date.now(),
      };
      await r.teleconsultations.addDocument(declared);
      await audit(r, found, 'create');
      return declared;
    });
    const { objects } = await getServices();
    const key = documentKey(document.requestId, document.id);
    const parts = partsOf(document.bytes);
    return {
      status: 201,
      body: {
        id: document.id,
        name: document.name,
        contentType: document.contentType,
        bytes: document.bytes,
        uploadUrl:
          parts > 1 ? null : await objects.uploadUrl(bucket(), key, document.contentType, linkSeconds),
        multipart: parts > 1 ? await multipartUpload(objects, key, document.contentType, parts) : null,
        expiresInSeconds: linkSeconds,
      },
    };
  },
});

async function multipartUpload(objects: ObjectStorage, key: string, contentType: string, parts: number) {
  const uploadId = await objects.startMultipart(bucket(), key, contentType);
  const urls = await objects.partUploadUrls(bucket(), key, uploadId, parts, linkSeconds);
  return { uploadId, partBytes, parts: urls.map((url, i) => ({ partNumber: i + 1, url })) };
}

/** What came of a document's upload: nothing yet, the file as declared, or a file never offered. */
async function stateOf(objects: ObjectStorage, document: CaseDocument) {
  const stored = await objects.describe(bucket(), documentKey(document.requestId, document.id));
  return !stored ? 'awaiting_upload' : isAsDeclared(document, stored) ? 'stored' : 'refused';
}

/**
 * The requester has uploaded every part: Object Storage joins them into the document. Parts it
 * does not hold, or an upload id not of this document, are refused with UPLOAD_PARTS_REFUSED.
 */
export const completeDocumentUpload = httpRoute({
  route: 'POST /v1/teleconsultations/{requestId}/documents/{documentId}/completion',
  healthData: true,
  auth: ['doctor'],
  params: schemas.documentParams,
  body: schemas.uploadCompletionBody,
  handle: async (request) => {
    const document = await inTransaction(async (r) => {
      const { found } = await requestAs(r, request, ['requester']);
      if (!isOpen(found)) throw documentRules.closed();
      const document = (await r.teleconsultations.documents(found.id)).find(
        (d) => d.id === request.params.documentId,
      );
      if (!document) throw documentRules.notFound();
      await audit(r, found, 'update');
      return document;
    });
    const { objects } = await getServices();
    const key = documentKey(document.requestId, document.id);
    const parts = [...request.body.parts].sort((a, b) => a.partNumber - b.partNumber);
    await objects.completeMultipart(bucket(), key, request.body.uploadId, parts).catch((error: unknown) => {
      throw error instanceof MultipartRefused ? documentRules.partsRefused() : error;
    });
    return { status: 200, body: { id: document.id, state: await stateOf(objects, document) } };
  },
});

/** The request's documents, each with a download link once its file is stored as declared. */
export const listDocuments = httpRoute({
  route: 'GET /v1/teleconsultations/{requestId}/documents',
  healthData: true,
  auth: ['doctor', 'clinic_admin'],
  params: schemas.requestParams,
  handle: async (request) => {
    const documents = await inTransaction(async (r) => {
      const { found } = await requestAs(r, request, [
        'requester',
        'requesting_clinic',
        'coordinator',
        'consultant',
      ]);
      await audit(r, found, 'read');
      return r.teleconsultations.documents(found.id);
    });
    const { objects } = await getServices();
    const items = await Promise.all(
      documents.map(async (document) => {
        const key = documentKey(document.requestId, document.id);
        const state = await stateOf(objects, document);
        return {
          id: document.id,
          name: document.name,
          contentType: document.contentType,
          bytes: document.bytes,
          uploadedAt: new Date(document.createdAt).toISOString(),
          state,
          url:
            state === 'stored'
              ? await objects.downloadUrl(bucket(), key, linkSeconds, {
                  fileName: document.name,
                  contentType: document.contentType,
                })
              : null,
        };
      }),
    );
    return { status: 200, body: { items } };
  },
});
