import * as z from 'zod';
import type { components } from '../../contracts/generated/api';
import type { AssertTrue, Equivalent } from '../../platform/contract-types';
import { unaffiliated } from '../../platform/identity';
import { roles } from '../../platform/roles';

export const registerPatientBody = z.strictObject({
  fullName: z.string().trim().min(1).max(300),
  phone: z.string().regex(/^\+7\d{10}$/, 'a Russian mobile number in E.164 form, e.g. +79161234567'),
  birthDate: z.iso.date().optional(),
  medicalNotes: z.string().max(10_000).optional(),
});

/** A clinic id as tokens carry it, never a tenant the system keeps for itself (platform/identity.ts). */
export const registerSelfBody = registerPatientBody.omit({ medicalNotes: true }).extend({
  clinicId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'a clinic id, e.g. clinic-1')
    .refine((id) => ![unaffiliated, ...roles].includes(id.toLowerCase()), 'a clinic id'),
});

export const patientParams = z.object({ patientId: z.uuid() });

export type RegisterPatientMatchesContract = AssertTrue<
  Equivalent<z.input<typeof registerPatientBody>, components['schemas']['RegisterPatient']>
>;
export type RegisterSelfMatchesContract = AssertTrue<
  Equivalent<z.input<typeof registerSelfBody>, components['schemas']['RegisterSelf']>
>;
