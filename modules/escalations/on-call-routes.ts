import { httpRoute } from '../../platform/http';
import { type Caller, tenantOf } from '../../platform/identity';
import { operations } from '../../platform/operations';
import { problems } from '../../platform/problem';
import { getServices } from '../../platform/services';
import type { Repositories } from '../../platform/store';
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

/** Each step as it turned out: a call queued at the step is sent after commit, and its log says how it went. */
async function stepsOf(repos: Repositories, escalation: Escalation) {
  const steps = await repos.escalations.steps(escalation.id);
  return Promise.all(
    steps.map(async (step) =>
      step.status !== 'queued'
        ? step
        : {
            ...step,
            status:
              (await repos.notifications.outcomeOf(
                step.recipientId,
                escalation.id,
                Date.parse(step.at) - 60_000,
              )) ?? step.status,
          },
    ),
  );
}

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
      return view(escalation, await stepsOf(r, escalation));
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
      return view(acknowledged ?? escalation, await stepsOf(r, escalation));
    });
    return { status: 200, body };
  },
});

export const onCallApi = operations({
  setOnCallContacts: setContacts,
  getEscalation,
  acknowledgeEscalation: acknowledge,
});
