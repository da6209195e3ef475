import * as z from 'zod';
import type { components } from '../../contracts/generated/api';
import type { AssertTrue, Equivalent } from '../../platform/contract-types';

// A patient is whoever their token's subject names: an app patient's is not always a UUID.
export const patientParams = z.object({ patientId: z.string().min(1).max(128) });

// Purpose and version are plain strings here: an unknown one is refused by its own code
// (CONSENT_PURPOSE_UNKNOWN, CONSENT_VERSION_UNKNOWN), not as malformed JSON.
const purpose = z.string().min(1).max(64);
const recipient = z.string().regex(/^[a-z_]+:[A-Za-z0-9._-]{1,128}$/, 'kind:id, e.g. centre:centre-n');
const evidence = z.strictObject({
  /** The number of the signed paper form a clinic keeps. */
  formNumber: z.string().trim().min(1).max(64).optional(),
});

export const giveConsentBody = z.strictObject({
  purpose,
  version: z.string().min(1).max(64),
  language: z.enum(['ru', 'en']).optional(),
  recipient: recipient.optional(),
  evidence: evidence.optional(),
});

export const withdrawConsentBody = z.strictObject({
  purpose,
  recipient: recipient.optional(),
  evidence: evidence.optional(),
});

export type GiveConsentMatchesContract = AssertTrue<
  Equivalent<z.input<typeof giveConsentBody>, components['schemas']['GiveConsent']>
>;
export type WithdrawConsentMatchesContract = AssertTrue<
  Equivalent<z.input<typeof withdrawConsentBody>, components['schemas']['WithdrawConsent']>
>;
