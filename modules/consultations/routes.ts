import { type ApiRequest, httpRoute } from '../../platform/http';
import { tenantOf } from '../../platform/identity';
import { operations } from '../../platform/operations';
import { Problem, problems } from '../../platform/problem';
import { getServices, inTransaction } from '../../platform/services';
import type { Repositories } from '../../platform/store';
import { requireConsents, requiredFor } from '../consents';
import { authorIn, canSeeContract } from './access';
import {
  type Attachment,
  attachmentPrefix,
  type Contract,
  consultationRules,
  isAcceptableFile,
  isAttachmentOf,
  type Message,
} from './domain/contract';
import * as schemas from './schemas';
import { consultationsSettings } from './settings';
import { postMessage, rateContract } from './use-cases';

/** Links to files live for a quarter of an hour: enough to upload or open one, not to share it around. */
const linkSeconds = 15 * 60;

/** The contract the caller may see; any other looks missing. */
async function visibleContract(
  repos: Repositories,
  request: ApiRequest<unknown, { contractId: string }, unknown>,
) {
  const contract = await repos.consultations.getContract(request.params.contractId);
  if (!contract || !canSeeContract(request.caller, contract)) throw problems.notFound('Consultation');
  return contract;
}

function contractView(contract: Contract) {
  return {
    id: contract.id,
    clinicId: contract.clinicId,
    doctorId: contract.doctorId,
    patientId: contract.patientId,
    startsAt: new Date(contract.startsAt).toISOString(),
    endsAt: new Date(contract.endsAt).toISOString(),
    responseHours: contract.responseHours,
    rating: contract.rating,
  };
}

async function messageView(message: Message) {
  const { objects } = await getServices();
  return {
    id: message.id,
    sentAt: new Date(message.sentAt).toISOString(),
    authorRole: message.authorRole,
    authorId: message.authorId,
    body: message.body,
    answerDueAt: message.answerDueAt === null ? null : new Date(message.answerDueAt).toISOString(),
    attachments: await Promise.all(
      message.attachments.map(async (a) => ({
        ...a,
        url: await objects.downloadUrl(consultationsSettings().ATTACHMENTS_BUCKET, a.key, linkSeconds, {
          fileName: a.name,
          contentType: a.contentType,
        }),
      })),
    ),
  };
}

const audit = (r: Repositories, contract: Contract, action: 'read' | 'create') =>
  r.audit.record({
    tenantId: contract.clinicId,
    action,
    resourceType: 'consultation',
    resourceId: contract.id,
    subjectId: contract.patientId,
  });

const openContract = httpRoute({
  route: 'POST /v1/consultations',
  auth: ['clinic_admin'],
  body: schemas.openContractBody,
  idempotent: true,
  handle: async ({ body, caller }) => {
    const clinicId = tenantOf(caller);
    if (!clinicId) throw problems.forbidden('Your token names no clinic.');
    const contract = await inTransaction(async (r) => {
      const doctor = await r.doctors.get(body.doctorId);
      if (!doctor || doctor.clinicId !== clinicId) {
        throw new Problem(404, 'DOCTOR_NOT_FOUND', 'Not found', 'Doctor was not found in your clinic.');
      }
      // Only a patient of this clinic: another clinic's patient (or none) must not be written to.
      if ((await r.patients.clinicOf(body.patientId)) !== clinicId) throw consultationRules.patientNotFound();
      await requireConsents(r, body.patientId, requiredFor.consultation);
      const created: Contract = {
        id: crypto.randomUUID(),
        clinicId,
        doctorId: doctor.id,
        patientId: body.patientId,
        startsAt: Date.parse(body.startsAt),
        endsAt: Date.parse(body.endsAt),
        responseHours: body.responseHours,
        rating: null,
        createdAt: Date.now(),
      };
      await r.consultations.createContract(created);
      return created;
    });
    return {
      status: 201,
      body: contractView(contract),
      headers: { Location: `/v1/consultations/${contract.id}` },
    };
  },
});

const listContracts = httpRoute({
  route: 'GET /v1/consultations',
  auth: ['patient', 'doctor'],
  query: schemas.contractListQuery,
  handle: async ({ caller, query }) => {
    // Each sees their own: a doctor the contracts they answer in, a patient theirs.
    const who = caller.role === 'doctor' ? { doctorId: caller.subject } : { patientId: caller.subject };
    const contracts = await inTransaction((r) => r.consultations.contractsOf(who, query.limit));
    return { status: 200, body: { items: contracts.map(contractView) } };
  },
});

const getThread = httpRoute({
  route: 'GET /v1/consultations/{contractId}',
  healthData: true,
  auth: ['patient', 'doctor', 'clinic_admin'],
  params: schemas.contractParams,
  handle: async (request) => {
    const { contract, messages } = await inTransaction(async (r) => {
      const found = await visibleContract(r, request);
      await audit(r, found, 'read');
      return { contract: found, messages: await r.consultations.thread(found.id) };
    });
    return {
      status: 200,
      body: { ...contractView(contract), messages: await Promise.all(messages.map(messageView)) },
    };
  },
});

/**
 * Each attachment is a file uploaded through this consultation's own link, stored with the type it
 * declares (one of the allowed) and within the size limit: a link alone binds neither everywhere.
 */
async function checkUploaded(contractId: string, attachments: Attachment[]): Promise<void> {
  const { objects } = await getServices();
  for (const attachment of attachments) {
    if (!isAttachmentOf(contractId, attachment.key)) throw consultationRules.foreignAttachment();
    const stored = await objects.describe(consultationsSettings().ATTACHMENTS_BUCKET, attachment.key);
    if (!stored) throw consultationRules.foreignAttachment();
    if (!isAcceptableFile(attachment.contentType, stored)) throw consultationRules.attachmentRefused();
  }
}

const addMessage = httpRoute({
  route: 'POST /v1/consultations/{contractId}/messages',
  healthData: true,
  auth: ['patient', 'doctor'],
  params: schemas.contractParams,
  body: schemas.postMessageBody,
  idempotent: true,
  handle: async (request) => {
    await checkUploaded(request.params.contractId, request.body.attachments);
    const message = await inTransaction(async (r) => {
      const contract = await visibleContract(r, request);
      const author = authorIn(request.caller, contract);
      if (!author) throw problems.forbidden('Only the patient and the doctor write in this consultation.');
      await audit(r, contract, 'create');
      return postMessage(r, contract, author, request.body, {
        now: Date.now(),
        correlationId: request.correlationId,
      });
    });
    return { status: 201, body: await messageView(message) };
  },
});

const uploadAttachment = httpRoute({
  route: 'POST /v1/consultations/{contractId}/attachments',
  healthData: true,
  auth: ['patient', 'doctor'],
  params: schemas.contractParams,
  body: schemas.attachmentUploadBody,
  handle: async (request) => {
    const contract = await inTransaction(async (r) => {
      const found = await visibleContract(r, request);
      if (!authorIn(request.caller, found)) throw problems.forbidden();
      await audit(r, found, 'create');
      return found;
    });
    const key = `${attachmentPrefix(contract.id)}${crypto.randomUUID()}`;
    const { objects } = await getServices();
    const uploadUrl = await objects.uploadUrl(
      consultationsSettings().ATTACHMENTS_BUCKET,
      key,
      request.body.contentType,
      linkSeconds,
    );
    return {
      status: 201,
      body: {
        key,
        name: request.body.name,
        contentType: request.body.contentType,
        uploadUrl,
        expiresInSeconds: linkSeconds,
      },
    };
  },
});

const rate = httpRoute({
  route: 'POST /v1/consultations/{contractId}/rating',
  auth: ['patient'],
  params: schemas.contractParams,
  body: schemas.rateBody,
  idempotent: true,
  handle: async (request) => {
    const contract = await inTransaction(async (r) => {
      const found = await visibleContract(r, request);
      await rateContract(
        r,
        found,
        { score: request.body.score, comment: request.body.comment ?? null },
        Date.now(),
      );
      return { ...found, rating: request.body.score };
    });
    return { status: 200, body: contractView(contract) };
  },
});

export const consultationsApi = operations({
  listConsultations: listContracts,
  openConsultation: openContract,
  getConsultation: getThread,
  postConsultationMessage: addMessage,
  uploadConsultationAttachment: uploadAttachment,
  rateConsultation: rate,
});
