import { httpRoute } from '../../platform/http';
import { operations } from '../../platform/operations';
import { problems } from '../../platform/problem';
import { inTransaction } from '../../platform/services';
import { requireConsents, requiredFor } from '../consents';
import { checkPatientInReach } from '../patients';
import { sideOf } from './access';
import { addDocument, completeDocumentUpload, listDocuments } from './document-routes';
import { requestRules } from './domain/request';
import { signatureRules } from './domain/signatures';
import { accessMs, audit, contextOf, ownCentre, requestAs } from './route-helpers';
import * as schemas from './schemas';
import { documentBytes, signaturePort, verified } from './signing';
import { centreStats } from './stats-routes';
import {
  acceptRequest,
  addDutyShift,
  concludeRequest,
  declineRequest,
  giveInfo,
  openRequest,
  requestInfo,
  saveCentre,
} from './use-cases';
import { scheduleVideoSession } from './video-routes';
import { caseView, centreView, conclusionView, shiftView, signatureView, statusView } from './views';

const putCentre = httpRoute({
  route: 'PUT /v1/teleconsultation-centres/{centreId}',
  auth: ['clinic_admin'],
  params: schemas.centreParams,
  body: schemas.centreBody,
  handle: async ({ caller, params, body }) => {
    // A coordinator describes only the centre their token names: the centre is their tenant.
    if (caller.clinicId !== params.centreId) throw problems.notFound('Centre');
    const centre = await inTransaction((r) =>
      saveCentre(r, {
        id: params.centreId,
        name: body.name,
        timeZone: body.timeZone,
        profiles: body.profiles,
        consultants: body.consultants,
        promises: body.promises,
        headId: body.headId ?? null,
        updatedAt: Date.now(),
      }),
    );
    return {
      status: 200,
      body: { ...centreView(centre), consultants: centre.consultants, headId: centre.headId },
    };
  },
});

const listCentres = httpRoute({
  route: 'GET /v1/teleconsultation-centres',
  auth: ['doctor', 'clinic_admin'],
  query: schemas.centreListQuery,
  handle: async ({ query }) => {
    const centres = await inTransaction((r) => r.teleconsultations.centres());
    const offering = query.profile
      ? centres.filter((c) => c.profiles.includes(query.profile as string))
      : centres;
    return { status: 200, body: { items: offering.map(centreView) } };
  },
});

const addShift = httpRoute({
  route: 'POST /v1/teleconsultation-centres/{centreId}/duty-shifts',
  auth: ['clinic_admin'],
  params: schemas.centreParams,
  body: schemas.dutyShiftBody,
  handle: async ({ caller, params, body }) => {
    const shift = {
      centreId: params.centreId,
      consultantId: body.consultantId,
      profile: body.profile,
      start: Date.parse(body.start),
      end: Date.parse(body.end),
    };
    await inTransaction(async (r) => addDutyShift(r, await ownCentre(r, caller, params.centreId), shift));
    return { status: 201, body: shiftView(shift) };
  },
});

const open = httpRoute({
  route: 'POST /v1/teleconsultations',
  healthData: true,
  auth: ['doctor'],
  body: schemas.openRequestBody,
  idempotent: true,
  handle: async (request) => {
    const { caller, body } = request;
    const clinicId = caller.clinicId;
    if (!clinicId) throw problems.forbidden('Your token names no clinic.');
    const created = await inTransaction(async (r) => {
      await checkPatientInReach(r, caller, body.patientId);
      // In reach is not enough: a request is for a patient the requesting clinic keeps.
      if ((await r.patients.clinicOf(body.patientId)) !== clinicId) throw requestRules.patientNotFound();
      // Beside the request's own consent to share with the centre: the patient's recorded consent.
      await requireConsents(r, body.patientId, requiredFor.teleconsultation);
      const opened = await openRequest(r, { id: caller.subject, clinicId }, body, contextOf(request));
      await audit(r, opened, 'create');
      return opened;
    });
    return {
      status: 201,
      body: caseView(created),
      headers: { Location: `/v1/teleconsultations/${created.id}` },
    };
  },
});

const list = httpRoute({
  route: 'GET /v1/teleconsultations',
  auth: ['doctor', 'clinic_admin'],
  query: schemas.requestListQuery,
  handle: async ({ caller, query }) => {
    // A requester's own requests and, for centre staff, the centre's cases they have a part in.
    const items = await inTransaction(async (r) => {
      const asked =
        caller.role === 'doctor'
          ? await r.teleconsultations.requestsOf({ requesterId: caller.subject }, query.limit)
          : [];
      const received = caller.clinicId
        ? await r.teleconsultations.requestsOf({ centreId: caller.clinicId }, query.limit)
        : [];
      const now = Date.now();
      return [...asked, ...received].filter((t) => sideOf(caller, t, now, accessMs()) !== undefined);
    });
    const unique = [...new Map(items.map((t) => [t.id, t])).values()];
    return { status: 200, body: { items: unique.map(statusView) } };
  },
});

const get = httpRoute({
  route: 'GET /v1/teleconsultations/{requestId}',
  healthData: true,
  auth: ['doctor', 'clinic_admin'],
  params: schemas.requestParams,
  handle: async (request) => {
    const found = await inTransaction(async (r) => {
      const { found } = await requestAs(r, request, [
        'requester',
        'requesting_clinic',
        'coordinator',
        'consultant',
      ]);
      await audit(r, found, 'read');
      return found;
    });
    return { status: 200, body: caseView(found) };
  },
});

const acceptCase = httpRoute({
  route: 'POST /v1/teleconsultations/{requestId}/accept',
  healthData: true,
  auth: ['doctor', 'clinic_admin'],
  params: schemas.requestParams,
  body: schemas.acceptBody,
  handle: async (request) => {
    const accepted = await inTransaction(async (r) => {
      const { found, side } = await requestAs(r, request, ['coordinator', 'consultant']);
      // The duty consultant takes an emergency at once, and is on the consilium they name.
      const consultantIds =
        side === 'consultant'
          ? [request.caller.subject, ...request.body.consultantIds]
          : request.body.consultantIds;
      await audit(r, found, 'update');
      return acceptRequest(r, found, consultantIds, { ...contextOf(request), by: request.caller.subject });
    });
    return { status: 200, body: statusView(accepted) };
  },
});

const declineCase = httpRoute({
  route: 'POST /v1/teleconsultations/{requestId}/decline',
  healthData: true,
  auth: ['doctor', 'clinic_admin'],
  params: schemas.requestParams,
  body: schemas.declineBody,
  handle: async (request) => {
    const declined = await inTransaction(async (r) => {
      const { found } = await requestAs(r, request, ['coordinator', 'consultant']);
      await audit(r, found, 'update');
      return declineRequest(r, found, request.body.reason, {
        ...contextOf(request),
        by: request.caller.subject,
      });
    });
    return { status: 200, body: statusView(declined) };
  },
});

const askInfo = httpRoute({
  route: 'POST /v1/teleconsultations/{requestId}/info-requests',
  healthData: true,
  auth: ['doctor', 'clinic_admin'],
  params: schemas.requestParams,
  body: schemas.infoRequestBody,
  handle: async (request) => {
    const paused = await inTransaction(async (r) => {
      const { found } = await requestAs(r, request, ['coordinator', 'consultant']);
      await audit(r, found, 'update');
      return requestInfo(r, found, request.caller.subject, request.body.question, contextOf(request));
    });
    return { status: 200, body: statusView(paused) };
  },
});

const answerInfo = httpRoute({
  route: 'POST /v1/teleconsultations/{requestId}/info',
  healthData: true,
  auth: ['doctor'],
  params: schemas.requestParams,
  body: schemas.infoBody,
  handle: async (request) => {
    const resumed = await inTransaction(async (r) => {
      const { found } = await requestAs(r, request, ['requester']);
      await audit(r, found, 'update');
      return giveInfo(r, found, request.body.answer, contextOf(request));
    });
    return { status: 200, body: statusView(resumed) };
  },
});

const concludeCase = httpRoute({
  route: 'POST /v1/teleconsultations/{requestId}/conclusion',
  healthData: true,
  auth: ['doctor'],
  params: schemas.requestParams,
  body: schemas.conclusionBody,
  idempotent: true,
  handle: async (request) => {
    const stored = await inTransaction(async (r) => {
      const { found } = await requestAs(r, request, ['consultant']);
      await audit(r, found, 'create');
      return concludeRequest(r, found, request.caller.subject, request.body, contextOf(request));
    });
    return { status: 201, body: conclusionView(stored, []) };
  },
});

const getConclusion = httpRoute({
  route: 'GET /v1/teleconsultations/{requestId}/conclusion',
  healthData: true,
  auth: ['patient', 'doctor', 'clinic_admin'],
  params: schemas.requestParams,
  handle: async (request) => {
    const { stored, signatures } = await inTransaction(async (r) => {
      const { found } = await requestAs(r, request, [
        'requester',
        'requesting_clinic',
        'coordinator',
        'consultant',
        'patient',
      ]);
      const stored = await r.teleconsultations.conclusion(found.id);
      if (!stored) throw problems.notFound('Conclusion');
      await audit(r, found, 'read');
      return { stored, signatures: await r.teleconsultations.signatures(found.id) };
    });
    // Verified on every read: a signature that no longer matches the document shows as invalid.
    return { status: 200, body: conclusionView(stored, await verified(stored.document, signatures)) };
  },
});

const signConclusion = httpRoute({
  route: 'POST /v1/teleconsultations/{requestId}/conclusion/signatures',
  healthData: true,
  auth: ['doctor'],
  params: schemas.requestParams,
  handle: async (request) => {
    const signer = request.caller.subject;
    const { found, stored } = await inTransaction(async (r) => {
      const { found } = await requestAs(r, request, ['consultant']);
      const stored =
        found.status === 'concluded' ? await r.teleconsultations.conclusion(found.id) : undefined;
      if (!stored) throw signatureRules.notConcluded();
      if ((await r.teleconsultations.signatures(found.id)).some((s) => s.signerId === signer))
        throw signatureRules.alreadySigned();
      await audit(r, found, 'update');
      return { found, stored };
    });
    // A signature service is outside the database: never called inside a transaction, which may re-run.
    const signature = await signaturePort().sign(signer, documentBytes(stored.document), Date.now());
    if (!(await inTransaction((r) => r.teleconsultations.addSignature(found.id, signature))))
      throw signatureRules.alreadySigned();
    return { status: 201, body: signatureView(signature) };
  },
});

export const teleconsultationsRoutes = operations({
  putTeleconsultationCentre: putCentre,
  listTeleconsultationCentres: listCentres,
  addTeleconsultationDutyShift: addShift,
  requestTeleconsultation: open,
  listTeleconsultations: list,
  getTeleconsultation: get,
  acceptTeleconsultation: acceptCase,
  declineTeleconsultation: declineCase,
  requestTeleconsultationInfo: askInfo,
  provideTeleconsultationInfo: answerInfo,
  concludeTeleconsultation: concludeCase,
  getTeleconsultationConclusion: getConclusion,
  signTeleconsultationConclusion: signConclusion,
  scheduleTeleconsultationVideoSession: scheduleVideoSession,
  addTeleconsultationDocument: addDocument,
  listTeleconsultationDocuments: listDocuments,
  completeTeleconsultationDocumentUpload: completeDocumentUpload,
  getTeleconsultationCentreStats: centreStats,
});
