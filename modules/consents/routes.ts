import { type ApiRequest, httpRoute } from '../../platform/http';
import { type Caller, tenantOf, unaffiliated } from '../../platform/identity';
import { operations } from '../../platform/operations';
import { problems } from '../../platform/problem';
import { inTransaction } from '../../platform/services';
import type { Repositories } from '../../platform/store';
import { checkPatientInReach } from '../patients';
import { currentTexts } from './catalogue';
import type { ConsentChannel } from './domain/standing';
import { withdrawalEffects } from './domain/withdrawal';
import { consentRules } from './rules';
import * as schemas from './schemas';
import { giveConsent, withdrawConsent } from './use-cases';
import { recordView } from './views';

const getConsentTexts = httpRoute({
  route: 'GET /v1/consent-texts',
  auth: 'public',
  handle: async ({ language }) => ({ status: 200, body: { items: currentTexts(language) } }),
});

type Recorded = ApiRequest<
  { evidence?: { formNumber?: string | undefined } | undefined },
  { patientId: string },
  unknown
>;

/**
 * Who records for whom, and how it is proven: the patient themself online (IP and user agent),
 * or an admin of the patient's own clinic entering a signed paper form (its number).
 */
async function channelOf(
  r: Repositories,
  request: Recorded,
): Promise<{ channel: ConsentChannel; evidence: Record<string, string>; clinicId: string | undefined }> {
  const { caller, params, body } = request;
  const clinicId = await r.patients.clinicOf(params.patientId);
  if (caller.role === 'clinic_admin') {
    if (!clinicId || clinicId !== caller.clinicId) throw problems.notFound('Patient');
    const formNumber = body.evidence?.formNumber;
    if (!formNumber) throw consentRules.evidenceRequired();
    return { channel: 'clinic', evidence: { formNumber }, clinicId };
  }
  await checkPatientInReach(r, caller, params.patientId);
  const { ip, userAgent } = request.client;
  return {
    channel: 'app',
    evidence: { ...(ip ? { ip } : {}), ...(userAgent ? { userAgent: userAgent.slice(0, 256) } : {}) },
    clinicId,
  };
}

/** Consent changes are part of the patient's access history (data requests read it by subject). */
const audited = (r: Repositories, clinicId: string | undefined, id: string, patientId: string) =>
  r.audit.record({
    tenantId: clinicId ?? unaffiliated,
    action: 'create',
    resourceType: 'consent',
    resourceId: id,
    subjectId: patientId,
  });

const actorOf = (caller: Caller) => ({ subject: caller.subject, role: caller.role });

const giveConsentRoute = httpRoute({
  route: 'POST /v1/patients/{patientId}/consents',
  auth: ['patient', 'clinic_admin'],
  params: schemas.patientParams,
  body: schemas.giveConsentBody,
  idempotent: true,
  handle: async (request) => {
    const { body, params, caller, language } = request;
    const given = await inTransaction(async (r) => {
      const { channel, evidence, clinicId } = await channelOf(r, request);
      const result = await giveConsent(r, {
        patientId: params.patientId,
        purpose: body.purpose,
        version: body.version,
        language: body.language ?? language,
        recipient: body.recipient,
        channel,
        evidence,
        actor: actorOf(caller),
        now: Date.now(),
      });
      if (result.created) await audited(r, clinicId, result.record.id, params.patientId);
      return result;
    });
    return { status: given.created ? 201 : 200, body: recordView(given.record) };
  },
});

const listConsents = httpRoute({
  route: 'GET /v1/patients/{patientId}/consents',
  auth: ['patient', 'doctor', 'clinic_admin', 'service'],
  params: schemas.patientParams,
  handle: async ({ params, caller }) => {
    const records = await inTransaction(async (r) => {
      await checkPatientInReach(r, caller, params.patientId);
      // Staff read the consents of their own clinic's patients only (with the evidence, IP included):
      // an app user no clinic has registered has no staff yet.
      const clinicId = await r.patients.clinicOf(params.patientId);
      if ((caller.role === 'doctor' || caller.role === 'clinic_admin') && clinicId !== tenantOf(caller))
        throw problems.notFound('Patient');
      await r.audit.record({
        tenantId: clinicId ?? unaffiliated,
        action: 'read',
        resourceType: 'consent',
        resourceId: params.patientId,
        subjectId: params.patientId,
      });
      return r.consents.of(params.patientId);
    });
    return { status: 200, body: { items: records.map(recordView) } };
  },
});

const withdrawConsentRoute = httpRoute({
  route: 'POST /v1/patients/{patientId}/consent-withdrawals',
  auth: ['patient', 'clinic_admin'],
  params: schemas.patientParams,
  body: schemas.withdrawConsentBody,
  idempotent: true,
  handle: async (request) => {
    const { body, params, caller, language } = request;
    const record = await inTransaction(async (r) => {
      const { channel, evidence, clinicId } = await channelOf(r, request);
      const withdrawn = await withdrawConsent(r, {
        patientId: params.patientId,
        purpose: body.purpose,
        recipient: body.recipient,
        channel,
        evidence,
        actor: actorOf(caller),
        now: Date.now(),
      });
      await audited(r, clinicId, withdrawn.id, params.patientId);
      return withdrawn;
    });
    return {
      status: 201,
      body: { ...recordView(record), effects: withdrawalEffects(record.purpose, language) },
    };
  },
});

export const consentsApi = operations({
  getConsentTexts,
  giveConsent: giveConsentRoute,
  listConsents,
  withdrawConsent: withdrawConsentRoute,
});
