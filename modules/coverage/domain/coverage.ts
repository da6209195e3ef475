import { PayerRefused, type Visit } from '../../booking';
import { accountIds, type CorporateContract, type Enrolment, type Policy, type Product } from './sponsor';

export const refusals = {
  noCoverage: (detail: string) => new PayerRefused('NO_COVERAGE', 422, detail),
  limitReached: () =>
    new PayerRefused('LIMIT_REACHED', 409, 'The consultations this coverage pays for are used up.'),
  specialtyNotCovered: () =>
    new PayerRefused('SPECIALTY_NOT_COVERED', 422, "This doctor's specialty is not covered."),
  expired: (detail: string) => new PayerRefused('POLICY_EXPIRED', 422, detail),
};

/** After the term a visit is refused as expired; before it, as not yet covered. */
function checkTerm(startsAt: number, endsAt: number, visitStart: number): void {
  if (visitStart >= endsAt) throw refusals.expired('The coverage ends before this visit.');
  if (visitStart < startsAt) throw refusals.noCoverage('The coverage is not yet in force on that date.');
}

function checkScope(scope: Pick<Product, 'specialties' | 'formats'>, visit: Visit): void {
  if (!scope.specialties.includes(visit.specialty)) throw refusals.specialtyNotCovered();
  if (!scope.formats.includes(visit.appointment.format))
    throw refusals.noCoverage(`The ${visit.appointment.format} format is not covered.`);
}

/** What a visit on the patient's own policy draws on: the period's allowance and a limited specialty's. */
export function policyAccounts(policy: Policy, product: Product, visit: Visit): string[] {
  if (policy.status === 'cancelled') throw refusals.expired('The policy was cancelled.');
  const start = visit.appointment.start;
  const period = policy.periods.findIndex((p) => p.startsAt <= start && start < p.endsAt);
  if (period < 0) {
    const last = policy.periods.at(-1);
    if (!last || start >= last.endsAt) throw refusals.expired('The policy ends before this visit.');
    throw refusals.noCoverage('The policy is not in force on that date.');
  }
  checkScope(product, visit);
  if (visit.appointment.urgent && !product.dutyDoctor)
    throw refusals.noCoverage('The policy does not include the doctor on duty.');
  const accounts = [accountIds.policyPeriod(policy.id, period)];
  if (product.specialtyLimits[visit.specialty] !== undefined)
    accounts.push(accountIds.policySpecialty(policy.id, period, visit.specialty));
  return accounts;
}

/** The accounts an activated employee's visit draws on: the company pool and/or their own sessions. */
export function contractAccounts(contract: CorporateContract, enrolment: Enrolment, visit: Visit): string[] {
  if (contract.status === 'cancelled') throw refusals.expired('The programme was cancelled.');
  checkTerm(contract.startsAt, contract.endsAt, visit.appointment.start);
  checkScope(contract, visit);
  const accounts: string[] = [];
  if (contract.companySessions !== null) accounts.push(accountIds.companyPool(contract.id));
  if (contract.sessionsPerEmployee !== null) accounts.push(accountIds.employee(contract.id, enrolment.id));
  return accounts;
}
