import { httpRoute } from '../../platform/http';
import { problems } from '../../platform/problem';
import { inTransaction } from '../../platform/services';
import { maySee } from './domain/access';
import { documentRules } from './domain/document';
import { toObservation } from './domain/fhir';
import {
  clockSkewMs,
  interpret,
  isLoincCode,
  type LabObservation,
  observationRules,
} from './domain/observation';
import { auditRecord, findRecord, keptRecord } from './record-access';
import * as schemas from './schemas';
import { fhirSearchset, wantsFhir } from './views';

/**
 * Structured lab results, each flagged H, L or N from the range the lab gave, attached to a lab
 * result document of the record or on their own. By the patient or the record's keepers.
 */
export const recordLabObservations = httpRoute({
  route: 'POST /v1/patients/{patientId}/observations',
  healthData: true,
  auth: ['patient', 'doctor', 'clinic_admin'],
  params: schemas.patientParams,
  body: schemas.observationsBody,
  idempotent: true,
  handle: async ({ params, body, caller }) => {
    const recorded = await inTransaction(async (r) => {
      const record = await keptRecord(r, caller, params.patientId);
      const invalid = body.items.find((item) => !isLoincCode(item.code));
      if (invalid) throw observationRules.codeInvalid(invalid.code);
      if (body.items.some((item) => Date.parse(item.effectiveAt) > Date.now() + clockSkewMs))
        throw observationRules.inFuture();
      if (body.documentId) {
        const document = await r.records.document(params.patientId, body.documentId);
        if (!document) throw problems.notFound('Document');
        if (document.kind !== 'lab_result') throw documentRules.notALabResult();
      }
      const now = Date.now();
      const observations: LabObservation[] = body.items.map((item) => ({
        ...item,
        effectiveAt: new Date(item.effectiveAt).toISOString(),
        referenceRange: item.referenceRange ?? null,
        patientId: record.patientId,
        id: crypto.randomUUID(),
        documentId: body.documentId ?? null,
        clinicId: record.clinicId,
        interpretation: interpret(item.value, item.referenceRange ?? null),
        recordedBy: caller.subject,
        recordedAt: now,
      }));
      for (const observation of observations) await r.records.addObservation(observation);
      await auditRecord(r, record, 'create', 'patient_observations');
      return observations;
    });
    return { status: 201, body: { items: recorded.map(toObservation) } };
  },
});

/**
 * The patient's lab results as FHIR Observations: all for the patient and the keepers; for anyone
 * else, those of the documents shared with them. With none, the patient looks missing.
 */
export const listLabObservations = httpRoute({
  route: 'GET /v1/patients/{patientId}/observations',
  healthData: true,
  auth: ['patient', 'doctor', 'clinic_admin'],
  params: schemas.patientParams,
  handle: async (request) => {
    const { params, caller } = request;
    const visible = await inTransaction(async (r) => {
      const record = await findRecord(r, caller, params.patientId);
      const observations = await r.records.observations(params.patientId);
      let visible = observations;
      if (!record.standing) {
        const documents = await r.records.documents(params.patientId);
        const shares = await r.records.shares(params.patientId);
        const seen = new Set(documents.filter((d) => maySee(undefined, caller, d, shares)).map((d) => d.id));
        visible = observations.filter((o) => o.documentId !== null && seen.has(o.documentId));
        if (seen.size === 0) throw problems.notFound('Patient');
      }
      await auditRecord(r, record, 'read', 'patient_observations');
      return visible;
    });
    const items = visible.map(toObservation);
    if (wantsFhir(request.header('accept'))) return fhirSearchset(items);
    return { status: 200, body: { items } };
  },
});
