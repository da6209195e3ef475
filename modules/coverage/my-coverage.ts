import type { Repositories } from '../../platform/store';
import { lastDate } from './domain/dates';
import { accountIds, type CorporateContract, type Product } from './domain/sponsor';
import { currentBalance } from './ledger';

/** The patient's own policies and programmes still in force, with what is left now. */
export async function myCoverage(repos: Repositories, patientId: string, now: number) {
  const items = [];
  for (const policy of await repos.insurers.policiesOfPatient(patientId)) {
    const last = policy.periods.at(-1);
    if (policy.status !== 'active' || !last || last.endsAt <= now) continue;
    const product = (await repos.insurers.product(policy.productId)) as Product;
    // The period in force now; for a policy that starts later, its first.
    const current = policy.periods.findIndex((p) => now < p.endsAt);
    const { left } = await currentBalance(repos, accountIds.policyPeriod(policy.id, current), now);
    items.push({
      type: 'policy' as const,
      id: policy.id,
      sponsorName: product.name,
      endsOn: lastDate(last.endsAt),
      left,
    });
  }
  for (const enrolment of await repos.employers.enrolmentsOfPatient(patientId)) {
    const contract = (await repos.employers.contract(enrolment.contractId)) as CorporateContract;
    if (contract.status !== 'active' || contract.endsAt <= now) continue;
    const accounts = [
      ...(contract.companySessions !== null ? [accountIds.companyPool(contract.id)] : []),
      ...(contract.sessionsPerEmployee !== null ? [accountIds.employee(contract.id, enrolment.id)] : []),
    ];
    const lefts = [];
    for (const id of accounts) lefts.push((await currentBalance(repos, id, now)).left);
    items.push({
      type: 'corporate' as const,
      id: contract.id,
      sponsorName: contract.companyName,
      endsOn: lastDate(contract.endsAt),
      left: Math.min(...lefts),
    });
  }
  return items;
}
