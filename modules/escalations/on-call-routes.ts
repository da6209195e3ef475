import { httpRoute } from '../../platform/http';
import { type Caller, tenantOf } from '../../platform/identity';
import { operations } from '../../platform/operations';
import { problems } from '../../platform/problem';
import { getServices } from '../../platform/services';
import type { Repositories } from '../../platform/store';
import { acknowledgeEscalation } from './ladder';
import { escalationParams, escalationRefParams, onCallContactsBody } from './on-call-schemas';
import { codeOf, type Escalation } from './repositories/escalations';

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
      await r.groupContacts.save(clinicId, 'duty', body.duty);
      await r.groupContacts.save(clinicId, 'clinic_admin', body.admins);
    });
    return { status: 200, body: { clinicId, ...body } };
  },
});

/**
 * A doctor or admin of the escalation's clinic, or of the duty clinic brought in because the
 * clinic had nobody to tell; the same answer (404) for every other caller as for no escalation.
 */
const mayHandle = (caller: Caller, escalation: Escalation) => {
  if (caller.role !== 'doctor' && caller.role !== 'clinic_admin') return false;
  const tenant = tenantOf(caller);
  return tenant !== undefined && (tenant === escalation.tenantId || tenant === escalation.dutyTenantId);
};

/** Each step as it turned out: a call queued at the step is sent after commit, and its log says how it went. */
async function stepsOf(repos: Repositories, escalation: Escalation) {
  const steps = await repos.escalations.steps(escalation.id);
  return Promise.all(
    steps.map(async ({ seq: _seq, ...step }) =>
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

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

const view = (escalation: Escalation, steps: unknown[]) => ({
  id: escalation.id,
  code: codeOf(escalation.id),
  kind: escalation.kind,
  level: escalation.level,
  nextAt: iso(escalation.nextAt),
  acknowledgedAt: iso(escalation.acknowledgedAt),
  acknowledgedBy: escalation.acknowledgedBy,
  steps,
});

/** The escalation the caller may handle, by its full id. */
async function handled(repos: Repositories, caller: Caller, id: string): Promise<Escalation> {
  const escalation = await repos.escalations.get(id);
  if (!escalation || !mayHandle(caller, escalation)) throw problems.notFound('Escalation');
  return escalation;
}

/**
 * The escalation the caller may handle, by its full id or by the code its messages carry. Two
 * of the caller's escalations sharing a code are not guessed between: the answer names both.
 */
async function resolve(repos: Repositories, caller: Caller, ref: string): Promise<Escalation> {
  if (ref.length > 8) return handled(repos, caller, ref.toLowerCase());
  const mine = (await repos.escalations.byCode(ref)).filter((e) => mayHandle(caller, e));
  const [only] = mine;
  if (!only) throw problems.notFound('Escalation');
  if (mine.length > 1)
    throw problems.conflict(
      'ESCALATION_CODE_AMBIGUOUS',
      `Several escalations carry this code; ask by full id: ${mine.map((e) => e.id).join(', ')}.`,
    );
  return only;
}

const getEscalation = httpRoute({
  route: 'GET /v1/escalations/{escalationId}',
  auth: ['doctor', 'clinic_admin'],
  params: escalationParams,
  handle: async ({ params, caller }) => {
    const { store } = await getServices();
    const body = await store.transaction(async (r) => {
      const escalation = await handled(r, caller, params.escalationId);
      return view(escalation, await stepsOf(r, escalation));
    });
    return { status: 200, body };
  },
});

/** Who the patient behind an escalation is and how to reach them, from whatever record knows. */
async function patientOf(repos: Repositories, patientId: string | null) {
  if (!patientId) return null;
  const record = await repos.patients.get(patientId);
  const settings = await repos.notificationContacts.get(patientId);
  return {
    id: patientId,
    fullName: record?.fullName ?? null,
    birthDate: record?.birthDate ?? null,
    phone: settings?.phone ?? record?.phone ?? null,
    email: settings?.email ?? null,
    telegramChatId: settings?.telegramChatId ?? null,
    language: settings?.language ?? 'ru',
    timeZone: settings?.timeZone ?? null,
  };
}

/** What was decided and why, as the triage recorded it (sealed at rest, opened for this call). */
async function caseOf(repos: Repositories, escalation: Escalation) {
  // A teleconsultation's case is read in the teleconsultation, under its own access rules.
  if (escalation.kind === 'teleconsultation') return { patientId: null, triage: null, alert: null };
  if (escalation.kind === 'reading_alert') {
    const alert = await repos.readings.alerts.get(escalation.subjectId);
    return {
      patientId: alert?.patientId ?? null,
      triage: null,
      alert: alert
        ? {
            id: alert.id,
            type: alert.type,
            rule: alert.rule,
            direction: alert.direction,
            measuredAt: new Date(alert.measuredAt).toISOString(),
          }
        : null,
    };
  }
  const decision = await repos.triageDecisions.get(escalation.subjectId);
  if (!decision) return { patientId: null, triage: null, alert: null };
  const inputs = (decision.inputs ?? {}) as {
    complaint?: unknown;
    age?: unknown;
    channel?: unknown;
    phq9?: unknown;
  };
  const outcome = (decision.outcome ?? {}) as Record<string, unknown>;
  const item9 = Array.isArray(inputs.phq9) ? inputs.phq9[8] : undefined;
  return {
    patientId: decision.patientId,
    triage: {
      id: decision.id,
      kind: decision.kind,
      disposition: decision.disposition,
      createdAt: decision.createdAt,
      channel: typeof inputs.channel === 'string' ? inputs.channel : 'api',
      complaint: typeof inputs.complaint === 'string' ? inputs.complaint : null,
      age: typeof inputs.age === 'number' ? inputs.age : null,
      crisisSeverity: typeof outcome.crisisSeverity === 'string' ? outcome.crisisSeverity : null,
      phq9Item9: typeof item9 === 'number' ? item9 : null,
      outcome,
    },
    alert: null,
  };
}

/**
 * The code from an on-call message (or the full id) resolved to the patient's contact and the
 * triage summary, so the clinician can call them now. Health data: audited, each read.
 */
const getEscalationPatient = httpRoute({
  route: 'GET /v1/escalations/{escalationId}/patient',
  healthData: true,
  auth: ['doctor', 'clinic_admin'],
  params: escalationRefParams,
  handle: async ({ params, caller }) => {
    const { store } = await getServices();
    const body = await store.transaction(async (r) => {
      const escalation = await resolve(r, caller, params.escalationId);
      const { patientId, triage, alert } = await caseOf(r, escalation);
      await r.audit.record({
        tenantId: escalation.tenantId,
        action: 'read',
        resourceType: 'escalation_patient',
        resourceId: escalation.id,
        subjectId: patientId,
      });
      return {
        escalation: view(escalation, await stepsOf(r, escalation)),
        patient: await patientOf(r, patientId),
        triage,
        alert,
      };
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
      const escalation = await handled(r, caller, params.escalationId);
      const acknowledged = await acknowledgeEscalation(r, escalation.id, caller.subject, Date.now());
      return view(acknowledged ?? escalation, await stepsOf(r, escalation));
    });
    return { status: 200, body };
  },
});

export const onCallApi = operations({
  setOnCallContacts: setContacts,
  getEscalation,
  getEscalationPatient,
  acknowledgeEscalation: acknowledge,
});
