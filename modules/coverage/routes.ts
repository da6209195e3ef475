import { httpRoute } from '../../platform/http';
import type { Caller } from '../../platform/identity';
import { operations } from '../../platform/operations';
import { Problem, problems } from '../../platform/problem';
import { getServices, inTransaction } from '../../platform/services';
import type { Repositories } from '../../platform/store';
import type { Specialty } from '../booking';
import { activate, contractUsage, createContract, enrol } from './corporate';
import { sponsorRules } from './domain/errors';
import { isBilled, visitForSponsor } from './domain/sponsor-visibility';
import { enrolmentUploadKeys, policyUploadKeys } from './domain/uploads';
import { attemptKeys, throttledLink } from './link-throttle';
import { myCoverage } from './my-coverage';
import { cancelPolicy, createProduct, issuePolicy, linkPolicy, renewPolicy } from './policies';
import * as schemas from './schemas';
import { coverageSettings, sensitiveSpecialties } from './settings';
import { contractView, policyView, productView } from './views';

/** Upload and download links live for a quarter of an hour. */
const linkSeconds = 15 * 60;

/** Every sponsor route acts for the tenant its token names, and sees nothing of another's. */
function tenant(caller: Caller): string {
  const id = caller.role === 'insurer' ? caller.insurerId : caller.employerId;
  if (!id) throw problems.forbidden('Your token names no insurer or employer.');
  return id;
}

async function ownPolicy(r: Repositories, caller: Caller, policyId: string) {
  const policy = await r.insurers.policy(policyId);
  if (policy?.insurerId !== tenant(caller)) throw sponsorRules.policyNotFound();
  return policy;
}

async function ownProduct(r: Repositories, caller: Caller, productId: string) {
  const product = await r.insurers.product(productId);
  if (product?.insurerId !== tenant(caller)) throw sponsorRules.productNotFound(404);
  return product;
}

async function ownContract(r: Repositories, caller: Caller, contractId: string) {
  const contract = await r.employers.contract(contractId);
  if (contract?.employerId !== tenant(caller)) throw sponsorRules.contractNotFound();
  return contract;
}

/** A presigned PUT for a sponsor's CSV; the enrollment-import trigger takes the file from there. */
async function uploadLink(uploadId: string, key: string) {
  const { objects } = await getServices();
  const uploadUrl = await objects.uploadUrl(coverageSettings().SPONSOR_BUCKET, key, 'text/csv', linkSeconds);
  return {
    status: 201,
    body: { uploadId, uploadUrl, contentType: 'text/csv', expiresInSeconds: linkSeconds },
  };
}

/** A link to a file an import wrote, once it is done. */
async function outputLink(run: { status: string }, key: string) {
  const { objects } = await getServices();
  return run.status === 'done'
    ? objects.downloadUrl(coverageSettings().SPONSOR_BUCKET, key, linkSeconds, {
        fileName: key.slice(key.lastIndexOf('/') + 1),
        contentType: 'text/csv; charset=utf-8',
      })
    : null;
}

const createInsuranceProduct = httpRoute({
  route: 'POST /v1/insurance-products',
  auth: ['insurer'],
  body: schemas.productBody,
  idempotent: true,
  handle: async ({ body, caller }) => {
    const { specialtyLimits, waitingMinutes, ...terms } = body;
    const product = await inTransaction((r) =>
      createProduct(
        r,
        tenant(caller),
        {
          ...terms,
          waitingMinutes: waitingMinutes ?? null,
          specialtyLimits: Object.fromEntries(
            specialtyLimits.map((l) => [l.specialty, l.consultations]),
          ) as Partial<Record<Specialty, number>>,
        },
        Date.now(),
      ),
    );
    return { status: 201, body: productView(product) };
  },
});

const issue = httpRoute({
  route: 'POST /v1/policies',
  auth: ['insurer'],
  body: schemas.issuePolicyBody,
  idempotent: true,
  handle: async ({ body, caller }) => {
    const now = Date.now();
    const view = await inTransaction(async (r) =>
      policyView(r, await issuePolicy(r, tenant(caller), body, now), now),
    );
    return { status: 201, body: view, headers: { Location: `/v1/policies/${view.id}` } };
  },
});

const getPolicy = httpRoute({
  route: 'GET /v1/policies/{policyId}',
  auth: ['insurer'],
  params: schemas.policyParams,
  handle: async ({ params, caller }) => {
    const now = Date.now();
    const body = await inTransaction(async (r) =>
      policyView(r, await ownPolicy(r, caller, params.policyId), now),
    );
    return { status: 200, body };
  },
});

const renew = httpRoute({
  route: 'POST /v1/policies/{policyId}/renew',
  auth: ['insurer'],
  params: schemas.policyParams,
  body: schemas.renewPolicyBody,
  idempotent: true,
  handle: async ({ params, body, caller }) => {
    const now = Date.now();
    const view = await inTransaction(async (r) => {
      const renewed = await renewPolicy(r, await ownPolicy(r, caller, params.policyId), body.endsOn, now);
      return policyView(r, renewed, now);
    });
    return { status: 200, body: view };
  },
});

const cancel = httpRoute({
  route: 'POST /v1/policies/{policyId}/cancel',
  auth: ['insurer'],
  params: schemas.policyParams,
  handle: async ({ params, caller }) => {
    const now = Date.now();
    const view = await inTransaction(async (r) =>
      policyView(r, await cancelPolicy(r, await ownPolicy(r, caller, params.policyId), now), now),
    );
    return { status: 200, body: view };
  },
});

const policyUsage = httpRoute({
  route: 'GET /v1/policies/{policyId}/usage',
  auth: ['insurer'],
  params: schemas.policyParams,
  handle: async ({ params, caller }) => {
    const body = await inTransaction(async (r) => {
      const policy = await ownPolicy(r, caller, params.policyId);
      const visits = await r.entitlements.visitsOfPayer(policy.id);
      const sensitive = sensitiveSpecialties();
      const shown = visits.filter(isBilled).map((visit) => visitForSponsor(visit, sensitive));
      return { policyId: policy.id, number: policy.number, visits: shown };
    });
    return { status: 200, body };
  },
});

const createPolicyUpload = httpRoute({
  route: 'POST /v1/insurance-products/{productId}/policy-uploads',
  auth: ['insurer'],
  params: schemas.productParams,
  idempotent: true,
  handle: async ({ params, caller }) => {
    const uploadId = crypto.randomUUID();
    const product = await inTransaction(async (r) => {
      const own = await ownProduct(r, caller, params.productId);
      await r.insurers.addImport({
        id: uploadId,
        productId: own.id,
        insurerId: own.insurerId,
        status: 'pending',
        totalRows: 0,
        created: 0,
        renewed: 0,
        cancelled: 0,
        unchanged: 0,
        rejected: 0,
        error: null,
        createdAt: Date.now(),
        claimedAt: null,
        finishedAt: null,
      });
      return own;
    });
    return uploadLink(uploadId, policyUploadKeys(product.insurerId, product.id, uploadId).input);
  },
});

const getPolicyUpload = httpRoute({
  route: 'GET /v1/insurance-products/{productId}/policy-uploads/{uploadId}',
  auth: ['insurer'],
  params: schemas.policyUploadParams,
  handle: async ({ params, caller }) => {
    const run = await inTransaction(async (r) => {
      const product = await ownProduct(r, caller, params.productId);
      const found = await r.insurers.import(params.uploadId);
      if (found?.productId !== product.id) throw problems.notFound('Upload');
      return found;
    });
    const { id, status, error, totalRows, created, renewed, cancelled, unchanged, rejected } = run;
    return {
      status: 200,
      body: {
        uploadId: id,
        status,
        ...(error ? { error } : {}),
        totalRows,
        created,
        renewed,
        cancelled,
        unchanged,
        rejected,
        resultUrl: await outputLink(run, policyUploadKeys(run.insurerId, run.productId, id).result),
      },
    };
  },
});

const createCorporateContract = httpRoute({
  route: 'POST /v1/corporate-contracts',
  auth: ['hr'],
  body: schemas.contractBody,
  idempotent: true,
  handle: async ({ body, caller }) => {
    const contract = await inTransaction((r) =>
      createContract(
        r,
        tenant(caller),
        {
          ...body,
          companySessions: body.companySessions ?? null,
          sessionsPerEmployee: body.sessionsPerEmployee ?? null,
        },
        Date.now(),
      ),
    );
    return { status: 201, body: contractView(contract) };
  },
});

const getContract = httpRoute({
  route: 'GET /v1/corporate-contracts/{contractId}',
  auth: ['hr'],
  params: schemas.contractParams,
  handle: async ({ params, caller }) => {
    const contract = await inTransaction((r) => ownContract(r, caller, params.contractId));
    return { status: 200, body: contractView(contract) };
  },
});

const enrolEmployees = httpRoute({
  route: 'POST /v1/corporate-contracts/{contractId}/employees',
  auth: ['hr'],
  params: schemas.contractParams,
  body: schemas.enrolBody,
  handle: async ({ params, body, caller }) => {
    const now = Date.now();
    const items = await inTransaction(async (r) => {
      const contract = await ownContract(r, caller, params.contractId);
      if (contract.status === 'cancelled' || contract.endsAt <= now) throw sponsorRules.coverageEnded();
      const results = [];
      for (const { employeeRef } of body.employees) {
        const outcome = await enrol(r, contract, employeeRef, now);
        results.push({
          employeeRef,
          status: outcome.status,
          ...(outcome.status === 'enrolled' ? { activationCode: outcome.code } : {}),
          ...(outcome.status === 'rejected' ? { reason: outcome.reason } : {}),
        });
      }
      return results;
    });
    return { status: 200, body: { items } };
  },
});

const createUpload = httpRoute({
  route: 'POST /v1/corporate-contracts/{contractId}/enrolment-uploads',
  auth: ['hr'],
  params: schemas.contractParams,
  handle: async ({ params, caller }) => {
    const now = Date.now();
    const uploadId = crypto.randomUUID();
    await inTransaction(async (r) => {
      const contract = await ownContract(r, caller, params.contractId);
      if (contract.status === 'cancelled' || contract.endsAt <= now) throw sponsorRules.coverageEnded();
      await r.employers.addImport({
        id: uploadId,
        contractId: contract.id,
        employerId: contract.employerId,
        status: 'pending',
        totalRows: 0,
        enrolled: 0,
        alreadyEnrolled: 0,
        rejected: 0,
        error: null,
        createdAt: now,
        claimedAt: null,
        finishedAt: null,
      });
    });
    return uploadLink(uploadId, enrolmentUploadKeys(tenant(caller), params.contractId, uploadId).input);
  },
});

const getUpload = httpRoute({
  route: 'GET /v1/corporate-contracts/{contractId}/enrolment-uploads/{uploadId}',
  auth: ['hr'],
  params: schemas.uploadParams,
  handle: async ({ params, caller }) => {
    const run = await inTransaction(async (r) => {
      const contract = await ownContract(r, caller, params.contractId);
      const found = await r.employers.import(params.uploadId);
      if (found?.contractId !== contract.id) throw problems.notFound('Upload');
      return found;
    });
    const keys = enrolmentUploadKeys(run.employerId, run.contractId, run.id);
    return {
      status: 200,
      body: {
        uploadId: run.id,
        status: run.status,
        ...(run.error ? { error: run.error } : {}),
        totalRows: run.totalRows,
        enrolled: run.enrolled,
        alreadyEnrolled: run.alreadyEnrolled,
        rejected: run.rejected,
        resultUrl: await outputLink(run, keys.result),
        codesUrl: await outputLink(run, keys.codes),
      },
    };
  },
});

const corporateUsage = httpRoute({
  route: 'GET /v1/corporate-contracts/{contractId}/usage',
  auth: ['hr'],
  params: schemas.contractParams,
  handle: async ({ params, caller }) => {
    const body = await inTransaction(async (r) => {
      const contract = await ownContract(r, caller, params.contractId);
      return { contractId: contract.id, ...(await contractUsage(r, contract, Date.now())) };
    });
    return { status: 200, body };
  },
});

const listCoverage = httpRoute({
  route: 'GET /v1/coverage',
  auth: ['patient'],
  handle: async ({ caller }) => {
    const items = await inTransaction((r) => myCoverage(r, caller.subject, Date.now()));
    return { status: 200, body: { items } };
  },
});

const linkCoverage = httpRoute({
  route: 'POST /v1/coverage',
  auth: ['patient'],
  body: schemas.linkBody,
  idempotent: true,
  handle: async ({ body, caller }) => {
    const now = Date.now();
    const keys = attemptKeys(caller.subject, 'policy' in body ? body.policy : undefined);
    const id = await throttledLink(keys, now, () =>
      inTransaction(async (r) =>
        'policy' in body
          ? (await linkPolicy(r, caller.subject, body.policy, now)).id
          : (await activate(r, caller.subject, body.activationCode, now)).contract.id,
      ),
    );
    const items = await inTransaction((r) => myCoverage(r, caller.subject, now));
    const linked = items.find((item) => item.id === id);
    if (!linked) throw new Problem(409, 'COVERAGE_ENDED', 'Refused', 'This coverage is no longer in force.');
    return { status: 201, body: linked };
  },
});

export const coverageApi = operations({
  createInsuranceProduct,
  issuePolicy: issue,
  getPolicy,
  renewPolicy: renew,
  cancelPolicy: cancel,
  getPolicyUsage: policyUsage,
  createPolicyUpload,
  getPolicyUpload,
  createCorporateContract,
  getCorporateContract: getContract,
  enrolEmployees,
  createEnrolmentUpload: createUpload,
  getEnrolmentUpload: getUpload,
  getCorporateUsage: corporateUsage,
  listCoverage,
  linkCoverage,
});
