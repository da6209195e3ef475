import * as z from 'zod';
import type { components } from '../../contracts/generated/api';
import type { AssertTrue, Equivalent } from '../../platform/contract-types';
import { isSnils } from './domain/snils';

export const doctorParams = z.object({ doctorId: z.uuid() });

/** A doctor's SNILS, as the clinic's records hold it: used for the look-up, never stored. */
export const registerCheckBody = z.strictObject({
  snils: z
    .string()
    .regex(/^\d{11}$/, '11 digits')
    .refine(isSnils, 'the check digits do not match: not a SNILS'),
});

export type IdentityRequestsMatchContract = [
  AssertTrue<Equivalent<z.input<typeof registerCheckBody>, components['schemas']['RegisterCheckRequest']>>,
];
