import { httpRoute } from '../../platform/http';
import { problems } from '../../platform/problem';
import { getServices, inTransaction } from '../../platform/services';
import { conclusionDocuments } from './conclusions';
import { maySee } from './domain/access';
import { checkDeclared, fileKey, type PatientDocument } from './domain/document';
import { auditRecord, findRecord, keptRecord } from './record-access';
import * as schemas from './schemas';
import { bucket, documentView, fhirSearchset, linkSeconds, wantsFhir } from './views';

/**
 * The patient, or a doctor or admin of the clinic that keeps the record, declares a document and
 * gets a link to upload its file to. A type outside the allow-list or a size over the limit is
 * refused before anything is stored; the file is scanned when it lands (file-scan.ts) and offered
 * to nobody until it passes.
 */
export const declarePatientDocument = httpRoute({
  route: 'POST /v1/patients/{patientId}/documents',
  healthData: true,
  auth: ['patient', 'doctor', 'clinic_admin'],
  params: schemas.patientParams,
  body: schemas.documentBody,
  idempotent: true,
  handle: async ({ params, body, caller }) => {
    const document = await inTransaction(async (r) => {
      const record = await keptRecord(r, caller, params.patientId);
      // Checked once the caller may act: an outsider learns nothing, not even the rules.
      const contentType = checkDeclared(body.contentType, body.bytes);
      const now = Date.now();
      const declared: PatientDocument = {
        patientId: record.patientId,
        id: crypto.randomUUID(),
        clinicId: record.clinicId,
        kind: body.kind,
        title: body.title,
        status: 'pending',
        rejection: null,
        contentType,
        bytes: body.bytes,
        source: 'upload',
        sourceId: null,
        date: body.date ? Date.parse(body.date) : now,
        createdBy: caller.subject,
        createdByRole: caller.role,
        createdAt: now,
        updatedAt: now,
      };
      await r.records.addDocument(declared);
      await auditRecord(r, record, 'create', 'patient_document');
      return declared;
    });
    const { objects } = await getServices();
    const contentType = document.contentType as string;
    return {
      status: 201,
      headers: { Location: `/v1/patients/${document.patientId}/documents/${document.id}` },
      body: {
        ...(await documentView(document, [])),
        uploadUrl: await objects.uploadUrl(
          bucket(),
          fileKey(document.patientId, document.id),
          contentType,
          linkSeconds,
        ),
        uploadHeaders: { 'Content-Type': contentType },
        expiresAt: new Date(Date.now() + linkSeconds * 1000).toISOString(),
      },
    };
  },
});

/**
 * The patient's record as the caller may see it: all of it for the patient and the keepers; for
 * anyone else, the available documents shared with them. With none, the patient looks missing.
 */
export const listPatientDocuments = httpRoute({
  route: 'GET /v1/patients/{patientId}/documents',
  healthData: true,
  auth: ['patient', 'doctor', 'clinic_admin'],
  params: schemas.patientParams,
  handle: async (request) => {
    const { params, caller } = request;
    const { standing, visible, shares } = await inTransaction(async (r) => {
      const record = await findRecord(r, caller, params.patientId);
      const documents = await r.records.documents(params.patientId);
      const shares = await r.records.shares(params.patientId);
      // Conclusions are the patient's and the keepers' to see; a shared doctor gets what was shared.
      const conclusions = record.standing ? await conclusionDocuments(r, record) : [];
      const visible = [
        ...documents.filter((d) => maySee(record.standing, caller, d, shares)),
        ...conclusions,
      ].sort((a, b) => b.createdAt - a.createdAt);
      if (!record.standing && visible.length === 0) throw problems.notFound('Patient');
      await auditRecord(r, record, 'read', 'patient_documents');
      return { standing: record.standing, visible, shares };
    });
    const items = await Promise.all(visible.map((d) => documentView(d, standing ? shares : null)));
    if (wantsFhir(request.header('accept'))) return fhirSearchset(items.map((item) => item.resource));
    return { status: 200, body: { items } };
  },
});

/** One document with a 15-minute download link once its file passed the scan; audited. */
export const getPatientDocument = httpRoute({
  route: 'GET /v1/patients/{patientId}/documents/{documentId}',
  healthData: true,
  auth: ['patient', 'doctor', 'clinic_admin'],
  params: schemas.documentParams,
  handle: async ({ params, caller }) => {
    const { document, shares } = await inTransaction(async (r) => {
      const record = await findRecord(r, caller, params.patientId);
      const document =
        (await r.records.document(params.patientId, params.documentId)) ??
        (record.standing
          ? (await conclusionDocuments(r, record)).find((c) => c.id === params.documentId)
          : undefined);
      const shares = await r.records.shares(params.patientId);
      if (!document || !maySee(record.standing, caller, document, shares))
        throw problems.notFound('Document');
      await auditRecord(r, record, 'read', 'patient_document');
      return { document, shares: record.standing ? shares : null };
    });
    return { status: 200, body: await documentView(document, shares) };
  },
});
