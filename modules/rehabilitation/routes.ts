import { type ApiRequest, httpRoute } from '../../platform/http';
import type { Caller } from '../../platform/identity';
import { tenantOf } from '../../platform/identity';
import { operations } from '../../platform/operations';
import { problems } from '../../platform/problem';
import { inTransaction } from '../../platform/services';
import type { Repositories } from '../../platform/store';
import { checkPatientInReach } from '../patients';
import { weeklyAdherence } from './domain/adherence';
import { exercises } from './domain/exercises';
import { exercisesOfWeek, type Plan, weekOf } from './domain/plan';
import { measuresDue, trends } from './domain/progress';
import type { ReviewItem } from './domain/review';
import { rehabRules } from './domain/rules';
import { stopInstructions, thresholds } from './domain/safety';
import type { Session } from './domain/session';
import { sponsorPeriods } from './domain/sponsors';
import { templates } from './domain/templates';
import * as schemas from './schemas';
import {
  addReadings,
  changePlan,
  completeSession,
  recordMeasure,
  startPlan,
  startSession,
} from './use-cases';

type PatientRequest = ApiRequest<unknown, { patientId: string }, unknown>;

const clinicians = ['doctor', 'clinic_admin'] as const;
const patientSide = ['patient', 'service'] as const;

const actorOf = (caller: Caller) => ({ id: caller.subject, role: caller.role });
const contextOf = (request: { correlationId: string }) => ({
  now: Date.now(),
  correlationId: request.correlationId,
});

const audit = (r: Repositories, plan: Plan, action: 'read' | 'create' | 'update') =>
  r.audit.record({
    tenantId: plan.clinicId,
    action,
    resourceType: 'rehab_plan',
    resourceId: plan.id,
    subjectId: plan.patientId,
  });

/** The patient's plan, once the caller is known to reach the patient; anyone else finds nothing. */
async function planInReach(r: Repositories, request: PatientRequest, action: 'read' | 'create' | 'update') {
  await checkPatientInReach(r, request.caller, request.params.patientId);
  const plan = await r.rehabilitation.latestPlanOf(request.params.patientId);
  // A clinic sees its own plans only, even for a patient another clinic also serves.
  if (!plan || (tenantOf(request.caller) && tenantOf(request.caller) !== plan.clinicId))
    throw rehabRules.noPlan();
  await audit(r, plan, action);
  return plan;
}

function planView(plan: Plan, now: number) {
  const week = weekOf(plan.content, now);
  return {
    id: plan.id,
    patientId: plan.patientId,
    clinicId: plan.clinicId,
    doctorId: plan.doctorId,
    templateId: plan.templateId,
    condition: plan.condition,
    version: plan.version,
    ...plan.content,
    currentWeek: week,
    today: exercisesOfWeek(plan.content, week).map((e) => ({ ...e, exercise: exercises[e.exerciseId] })),
    thresholds: thresholds[plan.condition],
  };
}

function sessionView(session: Session) {
  const stopped = session.stop;
  return {
    id: session.id,
    week: session.week,
    status: session.status,
    startedAt: new Date(session.startedAt).toISOString(),
    endedAt: session.endedAt === null ? null : new Date(session.endedAt).toISOString(),
    stop: stopped
      ? {
          ...stopped,
          instructions: stopped.emergency ? stopInstructions.emergency : stopInstructions.stop,
        }
      : null,
  };
}

const listTemplates = httpRoute({
  route: 'GET /v1/rehabilitation/templates',
  auth: [...clinicians],
  handle: async () => ({
    status: 200,
    body: {
      items: Object.values(templates).map((t) => ({
        ...t,
        phases: t.phases.map((p) => ({
          ...p,
          exercises: p.exercises.map((d) => ({ ...d, exercise: exercises[d.exerciseId] })),
        })),
        thresholds: thresholds[t.condition],
      })),
    },
  }),
});

const createPlan = httpRoute({
  route: 'POST /v1/patients/{patientId}/rehabilitation/plan',
  auth: [...clinicians],
  params: schemas.patientParams,
  body: schemas.startPlanBody,
  idempotent: true,
  handle: async (request) => {
    const { caller, body, params } = request;
    const clinicId = tenantOf(caller);
    if (!clinicId) throw problems.forbidden('Your token names no clinic.');
    const plan = await inTransaction(async (r) => {
      await checkPatientInReach(r, caller, params.patientId);
      // The responsible clinician: the doctor who makes the plan, or the one an admin names.
      const doctorId = body.doctorId ?? (caller.role === 'doctor' ? caller.subject : undefined);
      if (!doctorId) throw rehabRules.noClinician();
      if ((await r.doctors.get(doctorId))?.clinicId !== clinicId) throw rehabRules.clinicianNotInClinic();
      const started = await startPlan(
        r,
        actorOf(caller),
        { patientId: params.patientId, clinicId },
        { ...body, doctorId },
        contextOf(request),
      );
      await audit(r, started, 'create');
      return started;
    });
    return { status: 201, body: planView(plan, Date.now()) };
  },
});

const getPlan = httpRoute({
  route: 'GET /v1/patients/{patientId}/rehabilitation/plan',
  auth: ['patient', ...clinicians],
  params: schemas.patientParams,
  handle: async (request) => {
    const { plan, versions } = await inTransaction(async (r) => {
      const found = await planInReach(r, request, 'read');
      return { plan: found, versions: await r.rehabilitation.versionsOf(found.id) };
    });
    return {
      status: 200,
      body: {
        ...planView(plan, Date.now()),
        versions: versions.map((v) => ({
          version: v.version,
          changedAt: new Date(v.changedAt).toISOString(),
          changedBy: v.changedBy,
          changedByRole: v.changedByRole,
          reason: v.reason,
          sessionsPerWeek: v.content.sessionsPerWeek,
          endsOn: v.content.endsOn,
          status: v.content.status,
        })),
      },
    };
  },
});

const changePlanRoute = httpRoute({
  route: 'POST /v1/patients/{patientId}/rehabilitation/plan/changes',
  auth: [...clinicians],
  params: schemas.patientParams,
  body: schemas.changePlanBody,
  idempotent: true,
  handle: async (request) => {
    const plan = await inTransaction(async (r) => {
      const found = await planInReach(r, request, 'update');
      return changePlan(r, actorOf(request.caller), found, request.body, contextOf(request));
    });
    return { status: 200, body: planView(plan, Date.now()) };
  },
});

const startSessionRoute = httpRoute({
  route: 'POST /v1/patients/{patientId}/rehabilitation/sessions',
  auth: [...patientSide],
  params: schemas.patientParams,
  body: schemas.startSessionBody,
  idempotent: true,
  handle: async (request) => {
    const { plan, session } = await inTransaction(async (r) => {
      const found = await planInReach(r, request, 'create');
      return {
        plan: found,
        session: await startSession(r, found, request.body.preCheck, contextOf(request)),
      };
    });
    return {
      status: 201,
      body: {
        ...sessionView(session),
        exercises:
          session.status === 'in_progress'
            ? exercisesOfWeek(plan.content, session.week).map((e) => ({
                ...e,
                exercise: exercises[e.exerciseId],
              }))
            : [],
        intensity: plan.content.intensity,
      },
    };
  },
});

const sessionReadings = httpRoute({
  route: 'POST /v1/patients/{patientId}/rehabilitation/sessions/current/readings',
  auth: [...patientSide],
  params: schemas.patientParams,
  body: schemas.sessionReadingsBody,
  handle: async (request) => {
    const session = await inTransaction(async (r) =>
      addReadings(r, await planInReach(r, request, 'update'), request.body.readings, contextOf(request)),
    );
    return { status: 200, body: sessionView(session) };
  },
});

const completeSessionRoute = httpRoute({
  route: 'POST /v1/patients/{patientId}/rehabilitation/sessions/current/completion',
  auth: [...patientSide],
  params: schemas.patientParams,
  body: schemas.completeSessionBody,
  idempotent: true,
  handle: async (request) => {
    const session = await inTransaction(async (r) =>
      completeSession(r, await planInReach(r, request, 'update'), request.body, contextOf(request)),
    );
    return { status: 200, body: sessionView(session) };
  },
});

const recordMeasureRoute = httpRoute({
  route: 'POST /v1/patients/{patientId}/rehabilitation/measures',
  auth: ['patient', ...clinicians],
  params: schemas.patientParams,
  body: schemas.recordMeasureBody,
  idempotent: true,
  handle: async (request) => {
    const { measure, ...input } = request.body;
    const { record, worsened } = await inTransaction(async (r) =>
      recordMeasure(
        r,
        await planInReach(r, request, 'create'),
        measure,
        input,
        actorOf(request.caller),
        contextOf(request),
      ),
    );
    return {
      status: 201,
      body: {
        id: record.id,
        measure: record.measure,
        measuredAt: new Date(record.measuredAt).toISOString(),
        ...record.result,
        worsened,
      },
    };
  },
});

const progress = httpRoute({
  route: 'GET /v1/patients/{patientId}/rehabilitation/progress',
  auth: ['patient', ...clinicians],
  params: schemas.patientParams,
  handle: async (request) => {
    const now = Date.now();
    const { plan, sessions, records } = await inTransaction(async (r) => {
      const found = await planInReach(r, request, 'read');
      return {
        plan: found,
        sessions: await r.rehabilitation.sessionsOf(found.id),
        records: await r.rehabilitation.measuresOf(found.id),
      };
    });
    return {
      status: 200,
      body: {
        planId: plan.id,
        version: plan.version,
        weeks: weeklyAdherence(plan.content, sessions, now),
        measures: trends(records),
        measuresDue: measuresDue(plan.content, records, now),
        sessions: sessions.map(sessionView),
      },
    };
  },
});

function reviewView(item: ReviewItem) {
  return {
    id: item.id,
    patientId: item.patientId,
    planId: item.planId,
    doctorId: item.doctorId,
    reason: item.reason,
    detail: item.detail,
    createdAt: new Date(item.createdAt).toISOString(),
  };
}

const reviewQueue = httpRoute({
  route: 'GET /v1/rehabilitation/review-queue',
  auth: [...clinicians],
  query: schemas.reviewQueueQuery,
  handle: async ({ caller, query }) => {
    const clinicId = tenantOf(caller);
    if (!clinicId) throw problems.forbidden('Your token names no clinic.');
    const items = await inTransaction(async (r) => {
      const queue = await r.rehabilitation.reviewQueue(clinicId, query.limit);
      // A doctor sees the patients they are responsible for; the admin the whole clinic's.
      const mine = caller.role === 'doctor' ? queue.filter((i) => i.doctorId === caller.subject) : queue;
      for (const item of mine)
        await r.audit.record({
          tenantId: clinicId,
          action: 'read',
          resourceType: 'rehab_plan',
          resourceId: item.planId,
          subjectId: item.patientId,
        });
      return mine;
    });
    return { status: 200, body: { items: items.map(reviewView) } };
  },
});

/** A sponsor's counts per month: courses begun, over and completed; never a person, measure or condition. */
const sponsorReport = httpRoute({
  route: 'GET /v1/rehabilitation/sponsor-report',
  auth: ['insurer', 'hr'],
  query: schemas.sponsorReportQuery,
  handle: async ({ caller, query }) => {
    const tenant = tenantOf(caller);
    if (!tenant) throw problems.forbidden('Your token names no insurer or employer.');
    const now = Date.now();
    const courses = await inTransaction(async (r) => {
      const plans = await r.rehabilitation.plansSponsoredBy(tenant);
      return Promise.all(
        plans.map(async (plan) => ({ plan, sessions: await r.rehabilitation.sessionOutcomes(plan.id) })),
      );
    });
    return { status: 200, body: { items: sponsorPeriods(courses, query.from, query.to, now) } };
  },
});

export const rehabilitationApi = operations({
  listRehabTemplates: listTemplates,
  startRehabPlan: createPlan,
  getRehabPlan: getPlan,
  changeRehabPlan: changePlanRoute,
  startRehabSession: startSessionRoute,
  recordRehabSessionReadings: sessionReadings,
  completeRehabSession: completeSessionRoute,
  recordRehabMeasure: recordMeasureRoute,
  getRehabProgress: progress,
  listRehabReviewQueue: reviewQueue,
  getRehabSponsorReport: sponsorReport,
});
