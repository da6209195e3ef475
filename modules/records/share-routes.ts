import { httpRoute } from '../../platform/http';
import type { Caller } from '../../platform/identity';
import { problems } from '../../platform/problem';
import { inTransaction } from '../../platform/services';
import type { Repositories } from '../../platform/store';
import { type Grantee, granteeKey } from './domain/access';
import { documentRules } from './domain/document';
import { auditRecord, findRecord } from './record-access';
import * as schemas from './schemas';

/** Sharing is the patient's own decision (323-FZ art. 13: medical secrecy): no one else shares. */
async function ownDocument(
  r: Repositories,
  caller: Caller,
  params: { patientId: string; documentId: string },
) {
  const record = await findRecord(r, caller, params.patientId);
  const document = await r.records.document(params.patientId, params.documentId);
  if (record.standing !== 'patient' || !document) throw problems.notFound('Document');
  return { record, document };
}

/** The patient shares a document with a clinic's doctors, or one doctor of it; sharing twice is one share. */
export const sharePatientDocument = httpRoute({
  route: 'POST /v1/patients/{patientId}/documents/{documentId}/shares',
  healthData: true,
  auth: ['patient'],
  params: schemas.documentParams,
  body: schemas.shareBody,
  handle: async ({ params, body, caller }) => {
    const grantee: Grantee = body.doctorId
      ? { kind: 'doctor', doctorId: body.doctorId, clinicId: body.clinicId }
      : { kind: 'clinic', clinicId: body.clinicId };
    const sharedAt = Date.now();
    await inTransaction(async (r) => {
      const { record, document } = await ownDocument(r, caller, params);
      if (grantee.clinicId === record.clinicId) throw documentRules.selfShare();
      await r.records.share({
        patientId: document.patientId,
        documentId: document.id,
        grantee,
        grantedAt: sharedAt,
      });
      await auditRecord(r, record, 'update', 'patient_document');
    });
    return {
      status: 201,
      body: {
        shareId: granteeKey(grantee),
        clinicId: grantee.clinicId,
        doctorId: body.doctorId ?? null,
        sharedAt: new Date(sharedAt).toISOString(),
      },
    };
  },
});

/** The patient takes a share back: from then on the grantee finds the document missing. */
export const revokePatientDocumentShare = httpRoute({
  route: 'DELETE /v1/patients/{patientId}/documents/{documentId}/shares/{shareId}',
  healthData: true,
  auth: ['patient'],
  params: schemas.shareParams,
  handle: async ({ params, caller }) => {
    await inTransaction(async (r) => {
      const { record } = await ownDocument(r, caller, params);
      const shares = await r.records.shares(params.patientId);
      const share = shares.find(
        (s) => s.documentId === params.documentId && granteeKey(s.grantee) === params.shareId,
      );
      if (!share) throw problems.notFound('Share');
      await r.records.revoke(params.patientId, params.documentId, share.grantee);
      await auditRecord(r, record, 'update', 'patient_document');
    });
    return { status: 204 };
  },
});
