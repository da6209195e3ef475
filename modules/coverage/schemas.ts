import * as z from 'zod';
import type { components } from '../../contracts/generated/api';
import type { AssertTrue, Equivalent } from '../../platform/contract-types';
import { format, specialties } from '../booking';

const date = z.iso.date();
const specialty = z.enum(specialties);
const formats = z.array(format).min(1).max(3).default(['video', 'chat', 'async']);
const maxTermMs = 366 * 86_400_000;

/** A term is checked once its dates are dates: a date that is not one is reported once, as such. */
const whenValid = { when: (payload: z.core.ParsePayload) => payload.issues.length === 0 };

/** A term of at most a year, its last day included. */
const term = <S extends z.ZodType<{ startsOn: string; endsOn: string }>>(schema: S) =>
  schema
    .refine((t) => t.endsOn >= t.startsOn, {
      message: 'the term must end after it starts',
      path: ['endsOn'],
      ...whenValid,
    })
    .refine((t) => Date.parse(t.endsOn) - Date.parse(t.startsOn) < maxTermMs, {
      message: 'a term lasts at most a year',
      path: ['endsOn'],
      ...whenValid,
    });

export const productBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    consultationsPerYear: z.number().int().min(1).max(1000),
    specialties: z.array(specialty).min(1).max(specialties.length),
    specialtyLimits: z
      .array(z.strictObject({ specialty, consultations: z.number().int().min(0).max(1000) }))
      .max(specialties.length)
      .default([]),
    formats,
    dutyDoctor: z.boolean().default(false),
    waitingMinutes: z.number().int().min(1).max(10_080).optional(),
    forfeitLateCancellation: z.boolean().default(true),
    forfeitNoShow: z.boolean().default(true),
  })
  .refine((p) => p.specialtyLimits.every((l) => p.specialties.includes(l.specialty)), {
    message: 'a limit is only for a covered specialty',
    path: ['specialtyLimits'],
  });

const policyNumber = z
  .string()
  .regex(/^[A-Za-z0-9А-Яа-яЁё/. -]{1,64}$/, 'letters, digits, spaces and / . - (at most 64)');

const policyFields = { number: policyNumber, holderBirthDate: date, startsOn: date, endsOn: date };

export const issuePolicyBody = term(z.strictObject({ productId: z.uuid(), ...policyFields }));

export const renewPolicyBody = z.strictObject({ endsOn: date });

/**
 * A row of an insurer's policy file: the fields of the single-policy calls, for the upload's
 * product. Cells an action does not read are ignored.
 */
export const policyChange = z.discriminatedUnion('action', [
  term(z.object({ action: z.literal('create'), ...policyFields })),
  z.object({ action: z.literal('renew'), number: policyNumber, endsOn: date }),
  z.object({ action: z.literal('cancel'), number: policyNumber }),
]);

export const contractBody = term(
  z.strictObject({
    companyName: z.string().trim().min(1).max(300),
    startsOn: date,
    endsOn: date,
    companySessions: z.number().int().min(1).max(1_000_000).optional(),
    sessionsPerEmployee: z.number().int().min(1).max(1000).optional(),
    specialties: z.array(specialty).min(1).max(specialties.length).default(['psychologist']),
    formats,
    forfeitLateCancellation: z.boolean().default(true),
    forfeitNoShow: z.boolean().default(true),
  }),
).refine((c) => c.companySessions !== undefined || c.sessionsPerEmployee !== undefined, {
  message: 'give companySessions, sessionsPerEmployee or both',
  path: ['companySessions'],
});

/** References are checked one by one (per-item results), so only their size is bounded here. */
export const enrolBody = z.strictObject({
  employees: z
    .array(z.strictObject({ employeeRef: z.string().max(200) }))
    .min(1)
    .max(1000),
});

export const linkBody = z.union([
  z.strictObject({
    policy: z.strictObject({ insurerId: z.string().min(1).max(128), number: policyNumber, birthDate: date }),
  }),
  z.strictObject({ activationCode: z.string().min(4).max(32) }),
]);

export const policyParams = z.object({ policyId: z.uuid() });
export const contractParams = z.object({ contractId: z.uuid() });
export const uploadParams = z.object({ contractId: z.uuid(), uploadId: z.uuid() });
export const productParams = z.object({ productId: z.uuid() });
export const policyUploadParams = z.object({ productId: z.uuid(), uploadId: z.uuid() });

type Schemas = components['schemas'];
export type CoverageRequestsMatchContract = [
  AssertTrue<Equivalent<z.input<typeof productBody>, Schemas['InsuranceProductRequest']>>,
  AssertTrue<Equivalent<z.input<typeof issuePolicyBody>, Schemas['IssuePolicy']>>,
  AssertTrue<Equivalent<z.input<typeof renewPolicyBody>, Schemas['RenewPolicy']>>,
  AssertTrue<Equivalent<z.input<typeof contractBody>, Schemas['CorporateContractRequest']>>,
  AssertTrue<Equivalent<z.input<typeof enrolBody>, Schemas['EnrolEmployees']>>,
  AssertTrue<Equivalent<z.input<typeof linkBody>, Schemas['LinkCoverage']>>,
];
