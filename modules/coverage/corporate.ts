import { RuleBroken } from '../../platform/rule-broken';
import type { Repositories } from '../../platform/store';
import { endOfDay, startOfDay } from './domain/dates';
import { codeHash, newActivationCode, refHash, refProblem } from './domain/enrolment';
import { sponsorRules } from './domain/errors';
import { accountIds, type CorporateContract, type Enrolment } from './domain/sponsor';
import { employerUsage } from './domain/usage';
import { currentBalance } from './ledger';

export async function createContract(
  repos: Repositories,
  employerId: string,
  input: Omit<CorporateContract, 'id' | 'employerId' | 'startsAt' | 'endsAt' | 'status' | 'createdAt'> & {
    startsOn: string;
    endsOn: string;
  },
  now: number,
): Promise<CorporateContract> {
  const { startsOn, endsOn, ...terms } = input;
  const contract: CorporateContract = {
    ...terms,
    id: crypto.randomUUID(),
    employerId,
    startsAt: startOfDay(startsOn),
    endsAt: endOfDay(endsOn),
    status: 'active',
    createdAt: now,
  };
  await repos.employers.addContract(contract);
  if (contract.companySessions !== null) {
    await repos.entitlements.open(
      {
        id: accountIds.companyPool(contract.id),
        ownerId: contract.id,
        tenantId: employerId,
        granted: contract.companySessions,
      },
      now,
    );
  }
  return contract;
}

export type EnrolOutcome =
  | { status: 'enrolled'; code: string }
  | { status: 'already_enrolled' }
  | { status: 'rejected'; reason: string };

/**
 * Enrols one employee by the employer's reference. Enrolling the same reference again
 * changes nothing, so a re-sent list or file is harmless. The code is returned once, for
 * the employer to hand over; only its hash is kept. An import retried after a crash
 * re-issues the codes of the rows it enrolled, since it never delivered them.
 */
export async function enrol(
  repos: Repositories,
  contract: CorporateContract,
  employeeRef: string,
  now: number,
  uploadId: string | null = null,
): Promise<EnrolOutcome> {
  const reason = refProblem(employeeRef);
  if (reason) return { status: 'rejected', reason };
  const hash = refHash(contract.id, employeeRef);
  const code = newActivationCode();
  const existing = await repos.employers.enrolment(contract.id, hash);
  if (existing) {
    if (uploadId === null || existing.uploadId !== uploadId || existing.status !== 'pending')
      return { status: 'already_enrolled' };
    await repos.employers.reissueCode(existing, codeHash(code));
    return { status: 'enrolled', code };
  }
  await repos.employers.addEnrolment({
    contractId: contract.id,
    refHash: hash,
    id: crypto.randomUUID(),
    employerId: contract.employerId,
    employeeRef: employeeRef.trim(),
    codeHash: codeHash(code),
    uploadId,
    status: 'pending',
    patientId: null,
    createdAt: now,
    activatedAt: null,
  });
  return { status: 'enrolled', code };
}

/** The employee activates their code; from then on the employer cannot tell who they are. */
export async function activate(
  repos: Repositories,
  patientId: string,
  code: string,
  now: number,
): Promise<{ contract: CorporateContract; enrolment: Enrolment }> {
  const enrolment = await repos.employers.enrolmentByCode(codeHash(code));
  if (!enrolment || (enrolment.status === 'activated' && enrolment.patientId !== patientId))
    throw sponsorRules.coverageNotFound();
  const contract = (await repos.employers.contract(enrolment.contractId)) as CorporateContract;
  if (enrolment.status === 'activated') return { contract, enrolment };
  if (contract.status === 'cancelled' || now >= contract.endsAt) throw sponsorRules.coverageEnded();
  const mine = await repos.employers.enrolmentsOfPatient(patientId);
  // Two codes for one person would double their sessions.
  if (mine.some((e) => e.contractId === contract.id))
    throw new RuleBroken('ALREADY_ENROLLED', 409, 'You already joined this programme.');
  const activated: Enrolment = {
    ...enrolment,
    status: 'activated',
    patientId,
    employeeRef: null,
    activatedAt: now,
  };
  await repos.employers.activate(activated);
  if (contract.sessionsPerEmployee !== null) {
    await repos.entitlements.open(
      {
        id: accountIds.employee(contract.id, enrolment.id),
        ownerId: contract.id,
        tenantId: contract.employerId,
        granted: contract.sessionsPerEmployee,
      },
      now,
    );
  }
  return { contract, enrolment: activated };
}

/** What an employer may know of a contract's use: aggregates only, small groups suppressed. */
export async function contractUsage(repos: Repositories, contract: CorporateContract, now: number) {
  const visits = await repos.entitlements.visitsOfPayer(contract.id);
  const used = visits.filter((v) => v.status === 'consumed' || v.status === 'forfeited');
  // Everyone whose session the pool no longer holds: used, forfeited, or reserved for a visit to come.
  const people = new Set(visits.filter((v) => v.status !== 'released').map((v) => v.patientId)).size;
  const enrolled = (await repos.employers.enrolments(contract.id)).length;
  return { enrolled, ...employerUsage(used, { ...(await poolOf(repos, contract, enrolled, now)), people }) };
}

/** The company pool; or, with per-employee sessions only, those of everyone enrolled, activated or not. */
async function poolOf(repos: Repositories, contract: CorporateContract, enrolled: number, now: number) {
  if (contract.companySessions !== null)
    return currentBalance(repos, accountIds.companyPool(contract.id), now);
  const granted = enrolled * (contract.sessionsPerEmployee ?? 0);
  let taken = 0;
  for (const account of await repos.entitlements.accountsOf(contract.id)) {
    const balance = await currentBalance(repos, account.id, now);
    taken += balance.granted - balance.left;
  }
  return { granted, left: granted - taken };
}
