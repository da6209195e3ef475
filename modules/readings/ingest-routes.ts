import type * as z from 'zod';
import { mayActOn } from '../../platform/access';
import { httpRoute } from '../../platform/http';
import { type Caller, tenantOf, unaffiliated } from '../../platform/identity';
import { operations } from '../../platform/operations';
import { Problem, problems } from '../../platform/problem';
import { getServices } from '../../platform/services';
import { parseFhir } from './domain/fhir';
import { parseJsonItem } from './domain/json-items';
import { livePolicy } from './domain/validate';
import { type IngestContext, ingestBatch } from './ingest';
import { BindingOverlaps } from './repositories/devices';
import * as schemas from './schemas';

/** Our JSON batch or a FHIR resource, each item parsed on its own (one bad item refuses only itself). */
function itemsOf(body: z.infer<typeof schemas.readingsBody>, defaultDeviceId: string | undefined) {
  if ('resourceType' in body) {
    return { source: 'fhir' as const, items: parseFhir(body, defaultDeviceId) };
  }
  const deviceId = body.deviceId ?? defaultDeviceId;
  return {
    source: 'api' as const,
    items: body.items.map((item) => ({ parsed: parseJsonItem(item, deviceId) })),
  };
}

/** Whose devices the caller speaks for: a patient their own, a service naming a clinic that clinic's. */
function ownerOf(caller: Caller): Pick<IngestContext, 'owner'> {
  if (caller.role === 'patient') return { owner: { patientId: caller.subject } };
  if (caller.clinicId) return { owner: { clinicId: caller.clinicId } };
  return {};
}

const ingestReadings = httpRoute({
  route: 'POST /v1/readings',
  healthData: true,
  auth: ['patient', 'service'],
  body: schemas.readingsBody,
  query: schemas.readingsQuery,
  idempotent: true,
  handle: async ({ body, query, caller, correlationId }) => {
    const { source, items } = itemsOf(body, query.deviceId);
    const { store } = await getServices();
    const result = await store.transaction(async (r) => {
      const outcome = await ingestBatch(r, items, {
        source,
        policy: livePolicy(Date.now()),
        ...ownerOf(caller),
        correlationId,
        tenant: tenantOf(caller) ?? unaffiliated,
      });
      for (const patient of outcome.patients) {
        await r.audit.record({
          tenantId: patient.clinicId ?? unaffiliated,
          action: 'create',
          resourceType: 'readings',
          resourceId: patient.patientId,
          subjectId: patient.patientId,
        });
      }
      // A batch refused item by item stored nothing, but health data was still sent: that is recorded too.
      if (outcome.patients.length === 0)
        await r.audit.record({
          tenantId: tenantOf(caller) ?? unaffiliated,
          action: 'create',
          resourceType: 'readings_batch',
          resourceId: correlationId,
        });
      return outcome.result;
    });
    return { status: 200, body: result };
  },
});

const registerDevice = httpRoute({
  route: 'POST /v1/devices',
  auth: ['patient', 'clinic_admin', 'service'],
  body: schemas.registerDeviceBody,
  idempotent: true,
  handle: async ({ body, caller }) => {
    if (caller.role === 'patient' && body.patientId && body.patientId !== caller.subject)
      throw problems.forbidden('A patient binds devices only to themself.');
    const patientId = caller.role === 'patient' ? caller.subject : body.patientId;
    if (!patientId)
      throw problems.validation([
        { path: 'body.patientId', message: 'required unless a patient binds their own device' },
      ]);
    const validFrom = body.validFrom ? Date.parse(body.validFrom) : Date.now();
    const validTo = body.validTo ? Date.parse(body.validTo) : null;
    const { store } = await getServices();
    const binding = await store
      .transaction(async (r) => {
        const patient = await r.readings.patient(patientId);
        // A clinic admin, or a service naming a clinic, binds devices of that clinic's patients only.
        if (!mayActOn(caller, { personId: patientId, clinicId: patient?.clinicId }))
          throw problems.notFound('Patient');
        const clinicId = patient?.clinicId ?? null;
        const bound = { deviceId: body.deviceId, patientId, clinicId, validFrom, validTo };
        await r.readings.devices.bind(
          { id: body.deviceId, model: body.model ?? null, registeredBy: caller.subject },
          bound,
        );
        return bound;
      })
      .catch((error) => {
        if (error instanceof BindingOverlaps)
          throw new Problem(409, 'BINDING_OVERLAPS', 'Conflict', error.message);
        throw error;
      });
    return {
      status: 201,
      body: {
        ...binding,
        validFrom: new Date(binding.validFrom).toISOString(),
        validTo: binding.validTo === null ? null : new Date(binding.validTo).toISOString(),
      },
    };
  },
});

export const readingsIngestApi = operations({ ingestReadings, registerDevice });
