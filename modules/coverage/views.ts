import type { Repositories } from '../../platform/store';
import { calendarDate, lastDate } from './domain/dates';
import type { CorporateContract, Policy, Product } from './domain/sponsor';
import { policyBalances } from './policies';

/** Sponsor views carry no person's name and nothing clinical. */
export function productView(product: Product) {
  return {
    id: product.id,
    insurerId: product.insurerId,
    name: product.name,
    consultationsPerYear: product.consultationsPerYear,
    specialties: product.specialties,
    specialtyLimits: Object.entries(product.specialtyLimits).map(([specialty, consultations]) => ({
      specialty,
      consultations,
    })),
    formats: product.formats,
    dutyDoctor: product.dutyDoctor,
    waitingMinutes: product.waitingMinutes,
    forfeitLateCancellation: product.forfeitLateCancellation,
    forfeitNoShow: product.forfeitNoShow,
  };
}

export async function policyView(repos: Repositories, policy: Policy, now: number) {
  const periods = await policyBalances(repos, policy, now);
  return {
    id: policy.id,
    insurerId: policy.insurerId,
    productId: policy.productId,
    number: policy.number,
    status: policy.status,
    linked: policy.patientId !== null,
    periods: periods.map((p) => ({
      startsOn: calendarDate(p.startsAt),
      endsOn: lastDate(p.endsAt),
      balances: p.balances,
    })),
  };
}

export function contractView(contract: CorporateContract) {
  return {
    id: contract.id,
    employerId: contract.employerId,
    companyName: contract.companyName,
    startsOn: calendarDate(contract.startsAt),
    endsOn: lastDate(contract.endsAt),
    companySessions: contract.companySessions,
    sessionsPerEmployee: contract.sessionsPerEmployee,
    specialties: contract.specialties,
    formats: contract.formats,
    status: contract.status,
  };
}
