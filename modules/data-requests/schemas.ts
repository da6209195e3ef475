import * as z from 'zod';
import type { components } from '../../contracts/generated/api';
import type { AssertTrue, Equivalent } from '../../platform/contract-types';

export const patientParams = z.object({ patientId: z.string().min(1).max(128) });
export const exportParams = patientParams.extend({ exportId: z.uuid() });
export const erasureParams = patientParams.extend({ erasureId: z.uuid() });
export const decisionParams = z.object({ erasureId: z.uuid() });

export const historyQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const queueQuery = z.object({
  status: z.enum(['pending', 'done', 'refused']).default('pending'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const erasureDecisionBody = z.strictObject({
  decision: z.enum(['erase', 'refuse']),
  /** Why a request is refused: the patient reads it. */
  reason: z.string().trim().min(1).max(2_000).optional(),
});

export type ErasureDecisionMatchesContract = AssertTrue<
  Equivalent<z.input<typeof erasureDecisionBody>, components['schemas']['ErasureDecision']>
>;
