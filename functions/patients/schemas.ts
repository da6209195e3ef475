import { z } from 'zod';

export const registerPatientBody = z.strictObject({
  fullName: z.string().trim().min(1).max(300),
  phone: z.string().regex(/^\+7\d{10}$/, 'a Russian mobile number in E.164 form, e.g. +79161234567'),
  birthDate: z.iso.date().optional(),
  medicalNotes: z.string().max(10_000).optional(),
});

export const patientParams = z.object({ patientId: z.uuid() });
