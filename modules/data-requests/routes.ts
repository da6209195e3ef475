import { mayActOn } from '../../platform/access';
import { httpRoute } from '../../platform/http';
import { tenantOf, unaffiliated } from '../../platform/identity';
import { operations } from '../../platform/operations';
import { problems } from '../../platform/problem';
import { getServices } from '../../platform/services';
import { requireOwnData } from './access';
import { describeTouch } from './domain/access-history';
import { decideErasure, requestErasure } from './erasure';
import { requestExport } from './exports';
import {
  decisionParams,
  erasureDecisionBody,
  erasureParams,
  exportParams,
  historyQuery,
  patientParams,
  queueQuery,
} from './schemas';
import { dataRequestsSettings } from './settings';
import { erasureView, exportView, queueItem } from './views';

/** Who read or changed the patient's data and when (152-FZ art. 14), from the audit log, in their language. */
const getAccessHistory = httpRoute({
  route: 'GET /v1/patients/{patientId}/access-history',
  auth: ['patient'],
  params: patientParams,
  query: historyQuery,
  handle: async ({ params, query, caller, language }) => {
    requireOwnData(caller, params.patientId);
    const { store } = await getServices();
    const touches = await store.transaction((r) => r.audit.forSubject(params.patientId, query.limit), {
      readOnly: true,
    });
    return {
      status: 200,
      body: { items: touches.map((t) => describeTouch(params.patientId, t, language)) },
    };
  },
});

/** Asks for an export of everything held about the patient; built in the background. */
const requestDataExport = httpRoute({
  route: 'POST /v1/patients/{patientId}/exports',
  healthData: true,
  auth: ['patient'],
  params: patientParams,
  idempotent: true,
  handle: async ({ params, caller }) => {
    requireOwnData(caller, params.patientId);
    const request = await requestExport(params.patientId, Date.now());
    return {
      status: 202,
      body: exportView(request),
      headers: { Location: `/v1/patients/${params.patientId}/exports/${request.id}` },
    };
  },
});

/** An export's state; once ready, a short-lived link to the zip. */
const getDataExport = httpRoute({
  route: 'GET /v1/patients/{patientId}/exports/{exportId}',
  healthData: true,
  auth: ['patient'],
  params: exportParams,
  handle: async ({ params, caller }) => {
    requireOwnData(caller, params.patientId);
    const { store, objects } = await getServices();
    const request = await store.transaction(async (r) => {
      const found = await r.dataRequests.get(params.exportId);
      if (found?.kind !== 'export' || found.patientId !== params.patientId) return undefined;
      // The export holds the whole record: each look at it, and each link handed out, is recorded.
      await r.audit.record({
        tenantId: found.clinicId ?? unaffiliated,
        action: 'read',
        resourceType: 'data_export',
        resourceId: found.id,
        subjectId: found.patientId,
      });
      return found;
    });
    if (!request) throw problems.notFound('Export');
    if (request.status !== 'ready' || !request.objectKey) return { status: 200, body: exportView(request) };
    // Past its keep time the file is gone, or about to be, whether or not the daily sweep has run.
    if ((request.fileExpiresAt ?? Number.POSITIVE_INFINITY) <= Date.now())
      return { status: 200, body: exportView({ ...request, status: 'expired' }) };
    const settings = dataRequestsSettings();
    const seconds = settings.EXPORT_LINK_MINUTES * 60;
    const url = await objects.downloadUrl(settings.ATTACHMENTS_BUCKET, request.objectKey, seconds, {
      fileName: `medical-data-${request.requestedAt}.zip`,
      contentType: 'application/zip',
    });
    const expiresAt = new Date(Math.min(Date.now() + seconds * 1000, request.fileExpiresAt ?? Infinity));
    return { status: 200, body: exportView(request, { url, expiresAt: expiresAt.toISOString() }) };
  },
});

/** Asks for erasure of what the law does not make the clinic keep; it waits for the operator. */
const requestDataErasure = httpRoute({
  route: 'POST /v1/patients/{patientId}/erasure-requests',
  auth: ['patient'],
  params: patientParams,
  idempotent: true,
  handle: async ({ params, caller, language }) => {
    requireOwnData(caller, params.patientId);
    const { store } = await getServices();
    const request = await store.transaction((r) => requestErasure(r, params.patientId, Date.now()));
    return {
      status: 202,
      body: erasureView(request, language),
      headers: { Location: `/v1/patients/${params.patientId}/erasure-requests/${request.id}` },
    };
  },
});

/** An erasure request and, once decided, what was erased and what was kept and why. */
const getErasureRequest = httpRoute({
  route: 'GET /v1/patients/{patientId}/erasure-requests/{erasureId}',
  auth: ['patient', 'clinic_admin', 'service'],
  params: erasureParams,
  handle: async ({ params, caller, language }) => {
    requireOwnData(caller, params.patientId);
    const { store } = await getServices();
    const request = await store.transaction((r) => r.dataRequests.get(params.erasureId), { readOnly: true });
    if (
      request?.kind !== 'erasure' ||
      request.patientId !== params.patientId ||
      !mayActOn(caller, { personId: request.patientId, clinicId: request.clinicId })
    )
      throw problems.notFound('Erasure request');
    return { status: 200, body: erasureView(request, language) };
  },
});

/** The operator's queue: a clinic's erasure requests (all, for an unscoped service), oldest first. */
const listErasureRequests = httpRoute({
  route: 'GET /v1/erasure-requests',
  auth: ['clinic_admin', 'service'],
  query: queueQuery,
  handle: async ({ query, caller }) => {
    const clinicId = tenantOf(caller);
    if (caller.role === 'clinic_admin' && !clinicId) throw problems.forbidden('Your token names no clinic.');
    const { store } = await getServices();
    // A clinic's own requests through its index: others' never crowd its queue out.
    const requests = await store.transaction(
      (r) => r.dataRequests.inStatus('erasure', query.status, query.limit, clinicId),
      { readOnly: true },
    );
    const now = Date.now();
    const items = requests
      .filter((x) => mayActOn(caller, { personId: x.patientId, clinicId: x.clinicId }))
      .map((x) => queueItem(x, now));
    return { status: 200, body: { items } };
  },
});

/** The operator erases (what the law does not keep) or refuses, with a reason the patient reads. */
const decideErasureRequest = httpRoute({
  route: 'POST /v1/erasure-requests/{erasureId}/decision',
  auth: ['clinic_admin', 'service'],
  params: decisionParams,
  body: erasureDecisionBody,
  idempotent: true,
  handle: async ({ params, body, caller, language }) => {
    if (body.decision === 'refuse' && !body.reason)
      throw problems.validation([{ path: 'body.reason', message: 'a refusal says why' }]);
    const { store } = await getServices();
    const decided = await store.transaction(async (r) => {
      const request = await r.dataRequests.get(params.erasureId);
      if (
        request?.kind !== 'erasure' ||
        !mayActOn(caller, { personId: request.patientId, clinicId: request.clinicId })
      )
        throw problems.notFound('Erasure request');
      return decideErasure(r, request, body, caller.role, Date.now());
    });
    return { status: 200, body: erasureView(decided, language) };
  },
});

export const dataRequestsApi = operations({
  getAccessHistory,
  requestDataExport,
  getDataExport,
  requestDataErasure,
  getErasureRequest,
  listErasureRequests,
  decideErasureRequest,
});
