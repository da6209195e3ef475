import type * as z from 'zod';
import { RuleBroken } from '../../platform/rule-broken';
import type { Repositories } from '../../platform/store';
import { endOfDay, startOfDay } from './domain/dates';
import { sponsorRules } from './domain/errors';
import type { Policy, Product } from './domain/sponsor';
import { cancelPolicy, issuePolicy, renewPolicy } from './policies';
import type { policyChange } from './schemas';

/** One row of an insurer's policy file: create, renew or cancel a policy of the upload's product. */
export type PolicyChange = z.output<typeof policyChange>;

export type PolicyChangeOutcome =
  | { status: 'created' | 'renewed' | 'cancelled' | 'unchanged' }
  | { status: 'rejected'; reason: string };

/**
 * Applies one change through the same functions as the single-policy calls. A change already
 * made (the same file uploaded again) leaves the policy `unchanged`. A broken rule rejects the
 * row alone: every rule is checked before anything is written.
 */
export async function applyPolicyChange(
  repos: Repositories,
  product: Product,
  change: PolicyChange,
  now: number,
): Promise<PolicyChangeOutcome> {
  try {
    const policy = await repos.insurers.policyByNumber(product.insurerId, change.number);
    if (change.action === 'create') return await create(repos, product, policy, change, now);
    if (!policy) throw sponsorRules.policyNotFound();
    if (policy.productId !== product.id)
      return { status: 'rejected', reason: 'The policy is of another product.' };
    if (change.action === 'cancel') {
      if (policy.status === 'cancelled') return { status: 'unchanged' };
      await cancelPolicy(repos, policy, now);
      return { status: 'cancelled' };
    }
    if (policy.periods.some((p) => p.endsAt === endOfDay(change.endsOn))) return { status: 'unchanged' };
    await renewPolicy(repos, policy, change.endsOn, now);
    return { status: 'renewed' };
  } catch (error) {
    if (error instanceof RuleBroken) return { status: 'rejected', reason: error.message };
    throw error;
  }
}

/** A number already issued is the same policy again only with the same product, holder and first term. */
async function create(
  repos: Repositories,
  product: Product,
  existing: Policy | undefined,
  change: Extract<PolicyChange, { action: 'create' }>,
  now: number,
): Promise<PolicyChangeOutcome> {
  const { action: _, ...terms } = change;
  if (!existing) {
    await issuePolicy(repos, product.insurerId, { productId: product.id, ...terms }, now);
    return { status: 'created' };
  }
  const [first] = existing.periods;
  const same =
    existing.productId === product.id &&
    existing.holderBirthDate === terms.holderBirthDate &&
    first?.startsAt === startOfDay(terms.startsOn) &&
    first.endsAt === endOfDay(terms.endsOn);
  if (!same) throw sponsorRules.policyNumberTaken();
  return { status: 'unchanged' };
}
