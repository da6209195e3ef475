import type { Repositories } from '../../platform/store';
import type { Outcome, Payers, Sponsor, Visit } from '../booking';
import { rules } from '../booking';
import { contractAccounts, policyAccounts, refusals } from './domain/coverage';
import type { Settlement } from './domain/ledger';
import type { SponsoredVisit } from './domain/sponsor';
import { reserveUnits, settleVisit } from './ledger';

type Terms = Pick<
  SponsoredVisit,
  'payerType' | 'payerId' | 'tenantId' | 'accountIds' | 'forfeitLateCancellation' | 'forfeitNoShow'
>;

async function policyTerms(repos: Repositories, policyId: string, visit: Visit): Promise<Terms> {
  const policy = await repos.insurers.policy(policyId);
  const product = policy && (await repos.insurers.product(policy.productId));
  // Someone else's policy looks like no policy at all.
  if (!policy || !product || policy.patientId !== visit.appointment.patientId)
    throw refusals.noCoverage('You have no policy with this id.');
  return {
    payerType: 'policy',
    payerId: policy.id,
    tenantId: policy.insurerId,
    accountIds: policyAccounts(policy, product, visit),
    forfeitLateCancellation: product.forfeitLateCancellation,
    forfeitNoShow: product.forfeitNoShow,
  };
}

async function contractTerms(repos: Repositories, contractId: string, visit: Visit): Promise<Terms> {
  const contract = await repos.employers.contract(contractId);
  const enrolment = (await repos.employers.enrolmentsOfPatient(visit.appointment.patientId)).find(
    (e) => e.contractId === contractId && e.status === 'activated',
  );
  if (!contract || !enrolment) throw refusals.noCoverage('You are not enrolled in this programme.');
  return {
    payerType: 'corporate',
    payerId: contract.id,
    tenantId: contract.employerId,
    accountIds: contractAccounts(contract, enrolment, visit),
    forfeitLateCancellation: contract.forfeitLateCancellation,
    forfeitNoShow: contract.forfeitNoShow,
  };
}

function settlementFor(visit: SponsoredVisit, outcome: Outcome): Settlement {
  switch (outcome) {
    case 'completed':
      return 'consume';
    case 'cancelled':
      return 'release';
    case 'cancelled_late':
      return visit.forfeitLateCancellation ? 'forfeit' : 'release';
    case 'no_show':
      return visit.forfeitNoShow ? 'forfeit' : 'release';
  }
}

function termsOf(repos: Repositories, sponsor: Sponsor, visit: Visit): Promise<Terms> {
  return sponsor.type === 'policy'
    ? policyTerms(repos, sponsor.policyId, visit)
    : contractTerms(repos, sponsor.contractId, visit);
}

/** Booking's `Payers` port, over the entitlement ledger. */
export const sponsorPayers: Payers = {
  async reserve(repos: Repositories, sponsor: Sponsor, visit: Visit, now: number) {
    const terms = await termsOf(repos, sponsor, visit);
    const { appointment } = visit;
    await reserveUnits(repos, terms.accountIds, appointment.id, appointment.holdExpiresAt, now);
    await repos.entitlements.addVisit({
      ...terms,
      appointmentId: appointment.id,
      patientId: appointment.patientId,
      clinicId: appointment.clinicId,
      specialty: visit.specialty,
      format: appointment.format,
      serviceName: visit.serviceName,
      priceKopecks: Math.round(visit.priceRub * 100),
      start: appointment.start,
      status: 'reserved',
      createdAt: now,
      settledAt: null,
    });
  },

  async keep(repos, appointment) {
    // A self-paid hold reserved nothing, so there is nothing to look up. Holds last minutes, so
    // none predates migration 013, which reads older rows as self-paid. move() must still look.
    if (appointment.payerType === 'self') return;
    const visit = await repos.entitlements.visit(appointment.id);
    if (!visit) return;
    // A reservation released as lapsed (by a clock a little ahead of ours) cannot be kept.
    if (visit.status !== 'reserved') throw rules.holdExpired();
    for (const accountId of visit.accountIds) {
      if (!(await repos.entitlements.keep(accountId, appointment.id))) throw rules.holdExpired();
    }
  },

  async move(repos, moved, now) {
    const visit = await repos.entitlements.visit(moved.id);
    if (visit?.status !== 'reserved') return;
    const sponsor: Sponsor =
      visit.payerType === 'policy'
        ? { type: 'policy', policyId: visit.payerId }
        : { type: 'corporate', contractId: visit.payerId };
    const { accountIds } = await termsOf(repos, sponsor, {
      appointment: moved,
      specialty: visit.specialty,
      serviceName: visit.serviceName,
      priceRub: visit.priceKopecks / 100,
    });
    if (accountIds.join() !== visit.accountIds.join()) {
      // Into another period of the policy: the unit moves with the visit, if that period has one left.
      for (const accountId of visit.accountIds)
        await repos.entitlements.settle(accountId, moved.id, 'release', 'rescheduled', now);
      await reserveUnits(repos, accountIds, moved.id, null, now);
    }
    await repos.entitlements.moveVisit(moved.id, moved.start, accountIds);
  },

  async settle(repos, appointment, outcome, now) {
    const visit = await repos.entitlements.visit(appointment.id);
    if (!visit) return;
    await settleVisit(repos, appointment.id, settlementFor(visit, outcome), outcome, now);
  },
};
