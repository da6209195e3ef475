import type { Repositories } from '../../platform/store';
import { UniqueConflict } from '../../storage/errors';
import { endOfDay, startOfDay } from './domain/dates';
import { sponsorRules } from './domain/errors';
import { accountIds, type Policy, type Product } from './domain/sponsor';
import { currentBalance } from './ledger';

export async function createProduct(
  repos: Repositories,
  insurerId: string,
  input: Omit<Product, 'id' | 'insurerId' | 'createdAt'>,
  now: number,
): Promise<Product> {
  const product: Product = { ...input, id: crypto.randomUUID(), insurerId, createdAt: now };
  await repos.insurers.addProduct(product);
  return product;
}

/** Each period of a policy gets its own allowance: overall, and per limited specialty. */
async function openPeriod(
  repos: Repositories,
  policy: Policy,
  product: Product,
  period: number,
  now: number,
) {
  const owner = { ownerId: policy.id, tenantId: policy.insurerId };
  await repos.entitlements.open(
    { ...owner, id: accountIds.policyPeriod(policy.id, period), granted: product.consultationsPerYear },
    now,
  );
  for (const [specialty, limit] of Object.entries(product.specialtyLimits)) {
    const id = accountIds.policySpecialty(policy.id, period, specialty as keyof Product['specialtyLimits']);
    await repos.entitlements.open({ ...owner, id, granted: limit }, now);
  }
}

export async function issuePolicy(
  repos: Repositories,
  insurerId: string,
  input: { productId: string; number: string; holderBirthDate: string; startsOn: string; endsOn: string },
  now: number,
): Promise<Policy> {
  const product = await repos.insurers.product(input.productId);
  if (product?.insurerId !== insurerId) throw sponsorRules.productNotFound();
  const policy: Policy = {
    id: crypto.randomUUID(),
    insurerId,
    productId: product.id,
    number: input.number,
    holderBirthDate: input.holderBirthDate,
    patientId: null,
    status: 'active',
    periods: [{ startsAt: startOfDay(input.startsOn), endsAt: endOfDay(input.endsOn) }],
    createdAt: now,
    updatedAt: now,
  };
  try {
    await repos.insurers.addPolicy(policy);
  } catch (error) {
    if (error instanceof UniqueConflict) throw sponsorRules.policyNumberTaken();
    throw error;
  }
  await openPeriod(repos, policy, product, 0, now);
  return policy;
}

/** A renewal is a new period from the end of the last one, with a fresh allowance. */
export async function renewPolicy(repos: Repositories, policy: Policy, endsOn: string, now: number) {
  if (policy.status === 'cancelled') throw sponsorRules.policyCancelled();
  const last = policy.periods.at(-1) as Policy['periods'][number];
  const endsAt = endOfDay(endsOn);
  if (endsAt <= last.endsAt) throw sponsorRules.renewalBeforeEnd();
  const renewed: Policy = {
    ...policy,
    periods: [...policy.periods, { startsAt: last.endsAt, endsAt }],
    updatedAt: now,
  };
  await repos.insurers.updatePolicy(renewed);
  const product = (await repos.insurers.product(policy.productId)) as Product;
  await openPeriod(repos, renewed, product, renewed.periods.length - 1, now);
  return renewed;
}

/** Visits already booked stay covered; no new one is. */
export async function cancelPolicy(repos: Repositories, policy: Policy, now: number): Promise<Policy> {
  if (policy.status === 'cancelled') return policy;
  const cancelled: Policy = { ...policy, status: 'cancelled', updatedAt: now };
  await repos.insurers.updatePolicy(cancelled);
  return cancelled;
}

/** What is left of a policy's allowances, period by period: overall and per limited specialty. */
export async function policyBalances(repos: Repositories, policy: Policy, now: number) {
  const product = (await repos.insurers.product(policy.productId)) as Product;
  const limited = Object.keys(product.specialtyLimits) as (keyof Product['specialtyLimits'])[];
  const periods = [];
  for (const [index, period] of policy.periods.entries()) {
    const scopes: [string, string][] = [
      ['overall', accountIds.policyPeriod(policy.id, index)],
      ...limited.map((s): [string, string] => [s, accountIds.policySpecialty(policy.id, index, s)]),
    ];
    const balances = [];
    for (const [scope, id] of scopes) balances.push({ scope, ...(await currentBalance(repos, id, now)) });
    periods.push({ ...period, balances });
  }
  return periods;
}

/** A patient proves a policy is theirs with its number and the holder's date of birth. */
export async function linkPolicy(
  repos: Repositories,
  patientId: string,
  input: { insurerId: string; number: string; birthDate: string },
  now: number,
): Promise<Policy> {
  const policy = await repos.insurers.policyByNumber(input.insurerId, input.number);
  if (!policy || policy.holderBirthDate !== input.birthDate) throw sponsorRules.coverageNotFound();
  if (policy.patientId === patientId) return policy;
  // Another person's policy looks like no policy: a distinct answer would confirm the birth date.
  if (policy.patientId !== null) throw sponsorRules.coverageNotFound();
  if (policy.status === 'cancelled') throw sponsorRules.coverageEnded();
  const linked: Policy = { ...policy, patientId, updatedAt: now };
  await repos.insurers.updatePolicy(linked);
  return linked;
}
