import { httpRoute } from '../../platform/http';
import { type Caller, tenantOf } from '../../platform/identity';
import { operations } from '../../platform/operations';
import { problems } from '../../platform/problem';
import { getServices } from '../../platform/services';
import { acknowledgeEscalation } from './ladder';
import { escalationParams, onCallContactsBody } from './on-call-schemas';
import type { Escalation } from './repositories/escalations';

/** Where a clinic's on-call clinician and its admins are reached when a crisis is escalated. */
const setContacts = httpRoute({
  route: 'PUT /v1/on-call/contacts',
  auth: ['clinic_admin'],
  body: onCallContactsBody,
  handle: async ({ caller, body }) => {
    const clinicId = tenantOf(caller);
    if (!clinicId) throw problems.forbidden('Your token names no clinic.');
    const { store } = await getServices();
    await store.transaction(async (r) => {
      for (const [group, contact] of [
        ['duty', body.duty],
        ['clinic_admin', body.admins],
      ] as const) {
        await r.notificationContacts.save({
          userId: `${group}:${clinicId}`,
          ...contact,
          pushEndpoint: null,
          language: 'ru',
          timeZone: 'Europe/Moscow',
          quietHours: null,
        });
      }
    });
    return { status: 200, body: { clinicId, ...body } };
  },
});

const mayHandle = (caller: Caller, escalation: Escalation) =>
  (caller.role === 'doctor' || caller.role === 'clinic_admin') && tenantOf(caller) === escalation.tenantId;

const view = (escalation: Escalation, steps: unknown[]) => ({
  id: escalation.id,
  kind: escalation.kind,
  level: escalation.level,
  acknowledgedAt:
    escalation.acknowledgedAt === null ? null : new Date(escalation.acknowledgedAt).toISOString(),
  acknowledgedBy: escalation.acknowledgedBy,
  steps,
});

const getEscalation = httpRoute({
  route: 'GET /v1/escalations/{escalationId}',
  auth: ['doctor', 'clinic_admin'],
  params: escalationParams,
  handle: async ({ params, caller }) => {
    const { store } = await getServices();
    const body = await store.transaction(async (r) => {
      const escalation = await r.escalations.get(params.escalationId);
      if (!escalation || !mayHandle(caller, escalation)) throw problems.notFound('Escalation');
      return view(escalation, await r.escalations.steps(escalation.id));
    });
    return { status: 200, body };
  },
});

const acknowledge = httpRoute({
  route: 'POST /v1/escalations/{escalationId}/ack',
  auth: ['doctor', 'clinic_admin'],
  params: escalationParams,
  handle: async ({ params, caller }) => {
    const { store } = await getServices();
    const body = await store.transaction(async (r) => {
      const escalation = await r.escalations.get(params.escalationId);
      if (!escalation || !mayHandle(caller, escalation)) throw problems.notFound('Escalation');
      const acknowledged = await acknowledgeEscalation(r, escalation.id, caller.subject, Date.now());
      return view(acknowledged ?? escalation, await r.escalations.steps(escalation.id));
    });
    return { status: 200, body };
  },
});

export const onCallApi = operations({
  setOnCallContacts: setContacts,
  getEscalation,
  acknowledgeEscalation: acknowledge,
});
