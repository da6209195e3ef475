import * as z from 'zod';
import type { components } from '../../contracts/generated/api';
import type { AssertTrue, Equivalent } from '../../platform/contract-types';

export const registerPatientBody = z.strictObject({
  fullName: z.string().trim().min(1).max(300),
  phone: z.string().regex(/^\+7\d{10}$/, 'a Russian mobile number in E.164 form, e.g. +79161234567'),
  birthDate: z.iso.date().optional(),
  medicalNotes: z.string().max(10_000).optional(),
});

export const patientParams = z.object({ patientId: z.uuid() });

export type RegisterPatientMatchesContract = AssertTrue<
  Equivalent<z.input<typeof registerPatientBody>, components['schemas']['RegisterPatient']>
>;
