import { RuleBroken } from '../../../platform/rule-broken';
/** A sponsor API request that breaks a rule: a stable code, a status and a message for people. */
export const sponsorRules = {
  /** 404 when the product is the resource asked for, 422 when a request body names it. */
  productNotFound: (status: 404 | 422 = 422) =>
    new RuleBroken('PRODUCT_NOT_FOUND', status, 'You have no product with this id.'),
  policyNotFound: () => new RuleBroken('POLICY_NOT_FOUND', 404, 'Policy was not found.'),
  policyNumberTaken: () =>
    new RuleBroken('POLICY_NUMBER_TAKEN', 409, 'You already issued a policy with this number.'),
  policyCancelled: () => new RuleBroken('POLICY_CANCELLED', 409, 'The policy is cancelled.'),
  renewalBeforeEnd: () =>
    new RuleBroken('RENEWAL_TOO_SHORT', 422, 'A renewal must end after the current period.'),
  contractNotFound: () => new RuleBroken('CONTRACT_NOT_FOUND', 404, 'Contract was not found.'),
  coverageNotFound: () =>
    new RuleBroken('COVERAGE_NOT_FOUND', 404, 'Nothing matches these details; check them and retry.'),
  coverageEnded: () => new RuleBroken('COVERAGE_ENDED', 409, 'This coverage is no longer in force.'),
};
