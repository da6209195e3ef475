import { createEvent } from '../../events/envelope';
import { type ApiRequest, httpRoute } from '../../platform/http';
import { type Caller, tenantOf, unaffiliated } from '../../platform/identity';
import { operations } from '../../platform/operations';
import { problems } from '../../platform/problem';
import { getServices } from '../../platform/services';
import { checkPatientInReach } from '../patients';
import { crisisDetectedV1 } from './events/crisis-detected.v1';
import { intake } from './intake/intake';
import { requestLanguage, withAcceptLanguage } from './request-language';
import { reviewDecision } from './review';
import { intakeBody, reviewBody, reviewParams, triageBody } from './schemas';
import { triage } from './triage';
import type { Disposition } from './vocabulary';

interface Decided {
  kind: 'symptoms' | 'intake';
  disposition: Disposition;
  ruleSetVersion: string;
  crisis: boolean;
  inputs: unknown;
  outcome: unknown;
}

/**
 * Stores a decision with its audit row and, on the crisis path, a crisis.detected event,
 * all in one transaction. The patient is the caller, or whom a service names; the tenant is
 * the clinic, never an employer.
 */
async function record(request: ApiRequest<{ patientId?: string }, unknown, unknown>, decided: Decided) {
  const { caller, correlationId, body } = request;
  const patientId = patientOf(caller, body.patientId);
  const tenantId = tenantOf(caller) ?? unaffiliated;
  const triageId = crypto.randomUUID();
  const { store } = await getServices();
  await store.transaction(async (r) => {
    if (patientId) await checkPatientInReach(r, caller, patientId);
    await r.triageDecisions.create({
      id: triageId,
      tenantId,
      patientId,
      kind: decided.kind,
      ruleSetVersion: decided.ruleSetVersion,
      disposition: decided.disposition,
      inputs: decided.inputs,
      outcome: decided.outcome,
    });
    await r.audit.record({
      tenantId,
      action: 'create',
      resourceType: 'triage_decision',
      resourceId: triageId,
      subjectId: patientId,
    });
    if (decided.crisis) {
      const event = createEvent(
        crisisDetectedV1,
        { triageId, patientId },
        { correlationId, tenant: tenantId },
      );
      await r.outbox.add(crisisDetectedV1.queue, event);
    }
  });
  return triageId;
}

function patientOf(caller: Caller, named: string | undefined): string | null {
  if (caller.role !== 'patient') return named ?? null;
  if (named && named !== caller.subject) throw problems.forbidden('A patient can only triage themself.');
  return caller.subject;
}

const assess = httpRoute({
  route: 'POST /v1/triage',
  healthData: true,
  auth: ['patient', 'service'],
  body: triageBody,
  idempotent: true,
  handle: async (request) => {
    const { language, patientId: _, ...input } = request.body;
    const outcome = triage(input, requestLanguage(language));
    const triageId = await record(request, {
      kind: 'symptoms',
      disposition: outcome.disposition,
      ruleSetVersion: outcome.ruleSetVersion,
      crisis: outcome.crisis !== null,
      inputs: input,
      outcome: {
        disposition: outcome.disposition,
        specialty: outcome.specialty,
        redFlags: outcome.redFlags.map((flag) => flag.id),
        questions: outcome.questions.map((question) => question.id),
        redFlagQuestions: outcome.redFlagQuestions.map((question) => question.id),
        crisisSeverity: outcome.crisis?.severity ?? null,
      },
    });
    return { status: 200, body: { triageId, ...outcome } };
  },
});

const psychologyIntake = httpRoute({
  route: 'POST /v1/triage/intake',
  healthData: true,
  auth: ['patient', 'service'],
  body: intakeBody,
  idempotent: true,
  handle: async (request) => {
    const { language, patientId: _, ...answers } = request.body;
    const outcome = intake(answers, requestLanguage(language));
    const triageId = await record(request, {
      kind: 'intake',
      disposition: outcome.disposition,
      ruleSetVersion: outcome.ruleSetVersion,
      crisis: outcome.crisis !== null,
      inputs: answers,
      outcome: {
        disposition: outcome.disposition,
        phq9: outcome.phq9?.total,
        gad7: outcome.gad7?.total,
        crisisSeverity: outcome.crisis?.severity ?? null,
      },
    });
    return { status: 200, body: { triageId, ...outcome } };
  },
});

const review = httpRoute({
  route: 'POST /v1/triage/{triageId}/review',
  healthData: true,
  auth: ['doctor'],
  params: reviewParams,
  body: reviewBody,
  idempotent: true,
  handle: async ({ params, body, caller }) => {
    const { store } = await getServices();
    const result = await store.transaction((r) => reviewDecision(r, params.triageId, caller, body));
    return { status: 201, body: result };
  },
});

const reviewAgreement = httpRoute({
  route: 'GET /v1/triage/review-agreement',
  auth: ['clinic_admin'],
  handle: async ({ caller }) => {
    const clinicId = tenantOf(caller);
    if (!clinicId) throw problems.forbidden('Your token names no clinic.');
    const { store } = await getServices();
    const items = await store.transaction((r) => r.triageReviews.agreement(clinicId), { readOnly: true });
    return { status: 200, body: { items } };
  },
});

export const triageApi = withAcceptLanguage(
  operations({
    assessSymptoms: assess,
    scorePsychologyIntake: psychologyIntake,
    reviewTriageDecision: review,
    getTriageReviewAgreement: reviewAgreement,
  }),
);
