import { httpRoute } from '../../platform/http';
import { getServices, inTransaction } from '../../platform/services';
import {
  type CaseDocument,
  checkDeclared,
  documentKey,
  documentRules,
  isAsDeclared,
} from './domain/documents';
import { isOpen } from './domain/request';
import { audit, requestAs } from './route-helpers';
import * as schemas from './schemas';
import { teleconsultationsSettings } from './settings';

/** Links to files live for a quarter of an hour: enough to upload or open one, not to pass it around. */
const linkSeconds = 15 * 60;
const bucket = () => teleconsultationsSettings().ATTACHMENTS_BUCKET;

/**
 * The requester declares a document (name, type, size) and gets a link to upload it to. A size
 * over the limit is refused before anything is stored; the link signs the type, and the stored
 * file is checked against the declaration whenever it is offered for reading.
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
    return {
      status: 201,
      body: {
        id: document.id,
        name: document.name,
        contentType: document.contentType,
        bytes: document.bytes,
        uploadUrl: await objects.uploadUrl(bucket(), key, document.contentType, linkSeconds),
        expiresInSeconds: linkSeconds,
      },
    };
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
        const stored = await objects.describe(bucket(), key);
        const state = !stored ? 'awaiting_upload' : isAsDeclared(document, stored) ? 'stored' : 'refused';
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
