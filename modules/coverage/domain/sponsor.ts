import type { ConsultationFormat, Specialty } from '../../booking';

/** An insurer's telemedicine product: what each of its policies entitles the holder to. */
export interface Product {
  id: string;
  insurerId: string;
  name: string;
  consultationsPerYear: number;
  /** Tighter yearly limits for some specialties, within the overall number. */
  specialtyLimits: Partial<Record<Specialty, number>>;
  specialties: Specialty[];
  formats: ConsultationFormat[];
  dutyDoctor: boolean;
  /** The promised longest wait for a consultation; informational, not enforced here. */
  waitingMinutes: number | null;
  forfeitLateCancellation: boolean;
  forfeitNoShow: boolean;
  createdAt: number;
}

/** One span of time a policy is in force; each has its own allowance. */
export interface Period {
  startsAt: number;
  endsAt: number;
}

export interface Policy {
  id: string;
  insurerId: string;
  productId: string;
  number: string;
  holderBirthDate: string;
  patientId: string | null;
  status: 'active' | 'cancelled';
  periods: Period[];
  createdAt: number;
  updatedAt: number;
}

/** An employer's psychology package: a session pool for the company and/or each employee. */
export interface CorporateContract {
  id: string;
  employerId: string;
  companyName: string;
  startsAt: number;
  endsAt: number;
  companySessions: number | null;
  sessionsPerEmployee: number | null;
  specialties: Specialty[];
  formats: ConsultationFormat[];
  forfeitLateCancellation: boolean;
  forfeitNoShow: boolean;
  status: 'active' | 'cancelled';
  createdAt: number;
}

export interface Enrolment {
  contractId: string;
  refHash: string;
  id: string;
  employerId: string;
  /** The employer's own reference (a personnel number); erased at activation. */
  employeeRef: string | null;
  codeHash: string;
  uploadId: string | null;
  status: 'pending' | 'activated';
  patientId: string | null;
  createdAt: number;
  activatedAt: number | null;
}

export type VisitStatus = 'reserved' | 'consumed' | 'released' | 'forfeited';

/** A visit a sponsor pays for, with the terms that settle it, captured when it was reserved. */
export interface SponsoredVisit {
  appointmentId: string;
  payerType: 'policy' | 'corporate';
  /** The policy or contract. */
  payerId: string;
  /** The insurer or employer. */
  tenantId: string;
  accountIds: string[];
  patientId: string;
  clinicId: string;
  specialty: Specialty;
  format: ConsultationFormat;
  serviceName: string;
  priceKopecks: number;
  start: number;
  forfeitLateCancellation: boolean;
  forfeitNoShow: boolean;
  status: VisitStatus;
  createdAt: number;
  settledAt: number | null;
}

export const accountIds = {
  policyPeriod: (policyId: string, period: number) => `policy:${policyId}:${period}`,
  policySpecialty: (policyId: string, period: number, specialty: Specialty) =>
    `policy:${policyId}:${period}:${specialty}`,
  companyPool: (contractId: string) => `contract:${contractId}`,
  employee: (contractId: string, enrolmentId: string) => `contract:${contractId}:employee:${enrolmentId}`,
};
