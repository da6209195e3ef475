import { httpRoute } from '../../platform/http';
import { unaffiliated } from '../../platform/identity';
import { operations } from '../../platform/operations';
import { problems } from '../../platform/problem';
import { getServices } from '../../platform/services';
import type { Repositories } from '../../platform/store';
import { canSeeReadings, isTreatingDoctor } from './access';
import { alertAcknowledged } from './alert-acknowledged';
import { downsample } from './domain/downsample';
import { toBundle } from './domain/fhir-output';
import { typeInfo } from './domain/types';
import type { ReadingAlert } from './repositories/reading-alerts';
import type { StoredReading } from './repositories/readings';
import * as schemas from './schemas';

/** Enough rows for a year of 5-minute CGM values, the densest series we take. */
const maxBucketedRows = 120_000;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function pointView(r: StoredReading) {
  return {
    measuredAt: new Date(r.measuredAt).toISOString(),
    deviceId: r.deviceId,
    value: r.value,
    ...(r.type === 'blood_pressure' ? { diastolic: r.diastolic, mean: r.mean, pulse: r.pulse } : {}),
    ...(r.type === 'glucose' ? { mealContext: r.mealContext ?? null } : {}),
    ...(r.original ? { original: r.original } : {}),
    ...(r.fileRef ? { fileRef: r.fileRef } : {}),
  };
}

function alertView(a: ReadingAlert) {
  return {
    id: a.id,
    patientId: a.patientId,
    type: a.type,
    rule: a.rule,
    direction: a.direction,
    measuredAt: new Date(a.measuredAt).toISOString(),
    raisedAt: new Date(a.raisedAt).toISOString(),
    status: a.status,
    acknowledgedBy: a.acknowledgedBy,
    acknowledgedAt: iso(a.acknowledgedAt),
  };
}

const audit = (r: Repositories, tenant: string, patientId: string, action: 'read' | 'update') =>
  r.audit.record({
    tenantId: tenant,
    action,
    resourceType: 'readings',
    resourceId: patientId,
    subjectId: patientId,
  });

const listPatientReadings = httpRoute({
  route: 'GET /v1/patients/{patientId}/readings',
  healthData: true,
  auth: ['patient', 'doctor'],
  params: schemas.patientParams,
  query: schemas.seriesQuery,
  handle: async (request) => {
    const { params, query, caller } = request;
    const fhir = /application\/fhir\+json/i.test(request.header('accept') ?? '');
    if (fhir && query.bucket !== 'raw')
      throw problems.validation([{ path: 'query.bucket', message: 'FHIR output is for raw readings' }]);
    const { store } = await getServices();
    const readings = await store.transaction(async (r) => {
      const patient = await r.readings.patient(params.patientId);
      if (!canSeeReadings(caller, params.patientId, patient)) throw problems.notFound('Patient');
      const limit = query.bucket === 'raw' ? query.limit : maxBucketedRows;
      const found = await r.readings.series.series(
        params.patientId,
        query.type,
        Date.parse(query.from),
        Date.parse(query.to),
        limit,
      );
      await audit(r, patient?.clinicId ?? unaffiliated, params.patientId, 'read');
      return found;
    });
    if (fhir) {
      return {
        status: 200,
        body: toBundle(readings),
        headers: { 'Content-Type': 'application/fhir+json; charset=utf-8' },
      };
    }
    const info = typeInfo[query.type];
    const series = {
      patientId: params.patientId,
      type: query.type,
      unit: info.unit,
      ucum: info.ucum,
      loinc: info.loinc,
      bucket: query.bucket,
    };
    if (query.bucket === 'raw') return { status: 200, body: { ...series, points: readings.map(pointView) } };
    const buckets = downsample(readings, schemas.buckets[query.bucket]).map((b) => ({
      ...b,
      start: new Date(b.start).toISOString(),
    }));
    return { status: 200, body: { ...series, buckets } };
  },
});

const setReadingTargets = httpRoute({
  route: 'PUT /v1/patients/{patientId}/reading-targets',
  healthData: true,
  auth: ['doctor'],
  params: schemas.patientParams,
  body: schemas.targetsBody,
  handle: async (request) => {
    const { params, body, caller } = request;
    const { store } = await getServices();
    await store.transaction(async (r) => {
      const patient = await r.readings.patient(params.patientId);
      if (!isTreatingDoctor(caller, patient)) throw problems.notFound('Patient');
      await r.readings.alerts.setTargets(params.patientId, body, caller.subject);
      await audit(r, patient?.clinicId ?? unaffiliated, params.patientId, 'update');
    });
    return { status: 200, body: { patientId: params.patientId, targets: body } };
  },
});

const listReadingAlerts = httpRoute({
  route: 'GET /v1/patients/{patientId}/reading-alerts',
  auth: ['doctor'],
  params: schemas.patientParams,
  healthData: true,
  handle: async (request) => {
    const { params, caller } = request;
    const { store } = await getServices();
    const alerts = await store.transaction(async (r) => {
      const patient = await r.readings.patient(params.patientId);
      if (!isTreatingDoctor(caller, patient)) throw problems.notFound('Patient');
      await audit(r, patient?.clinicId ?? unaffiliated, params.patientId, 'read');
      return r.readings.alerts.forPatient(params.patientId);
    });
    return { status: 200, body: { items: alerts.map(alertView) } };
  },
});

const acknowledgeAlert = httpRoute({
  route: 'POST /v1/alerts/{alertId}/ack',
  auth: ['doctor'],
  params: schemas.alertParams,
  healthData: true,
  handle: async (request) => {
    const { params, caller } = request;
    const { store } = await getServices();
    const alert = await store.transaction(async (r) => {
      const found = await r.readings.alerts.get(params.alertId);
      const patient = found && (await r.readings.patient(found.patientId));
      if (!found || !isTreatingDoctor(caller, patient ?? undefined)) throw problems.notFound('Alert');
      // Acknowledged already: this call only reads it.
      const done = found.status === 'acknowledged';
      await audit(r, patient?.clinicId ?? unaffiliated, found.patientId, done ? 'read' : 'update');
      if (done) return found;
      await r.readings.alerts.acknowledge(found.id, caller.subject);
      // A critical alert's escalation (keyed by the alert) stops here too.
      await alertAcknowledged()(r, found.id, caller.subject, Date.now());
      return (await r.readings.alerts.get(found.id)) ?? found;
    });
    return { status: 200, body: alertView(alert) };
  },
});

export const readingsQueryApi = operations({
  listPatientReadings,
  setReadingTargets,
  listReadingAlerts,
  acknowledgeAlert,
});
