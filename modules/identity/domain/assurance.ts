import { RuleBroken } from '../../../platform/rule-broken';

/** Who an assurance is about: the two kinds of participant a telemedicine visit identifies. */
export type PartyKind = 'patient' | 'doctor';

export type AssuranceLevel = 'unverified' | 'verified';

/**
 * A person's identity as a state identity provider verified it, recorded once from the first
 * token of a trusted issuer that carried it. No personal identifier is kept: the claim names say
 * what was verified, the transaction reference lets the provider's own records be found.
 */
export interface ProviderVerification {
  /** The token issuer that asserted it (the OIDC provider in front of ESIA). */
  issuer: string;
  /** `verification.trust_framework`, e.g. `ru_esia`. */
  trustFramework: string;
  /** `verification.assurance_level`, e.g. ESIA's `confirmed` account. */
  assuranceLevel: string | null;
  /** When the provider verified the person (`verification.time`), else when we first saw it. */
  verifiedAt: number;
  /** `verification.txn`: the provider's reference to its verification, for audits and disputes. */
  transaction: string | null;
  /** The names of the claims the provider verified (`given_name`, `snils`, …), never their values. */
  claims: string[];
  recordedAt: number;
}

/** A doctor looked up in the federal register of medical workers (ФРМР). */
export interface RegisterCheck {
  register: string;
  /** Whether the register holds the doctor as a working medical worker. */
  found: boolean;
  /** The register's own id of the person, when found. */
  entryId: string | null;
  checkedAt: number;
}

export interface Assurance {
  kind: PartyKind;
  id: string;
  level: AssuranceLevel;
  verification: ProviderVerification | null;
  /** Doctors only. */
  register: RegisterCheck | null;
}

/**
 * A patient is verified once a state identity provider verified them. A doctor is verified once
 * the federal register holds them: the register is keyed by the SNILS a state provider verified
 * (see README "Identity assurance").
 */
export function levelOf(
  kind: PartyKind,
  verification: ProviderVerification | null,
  register: RegisterCheck | null,
): AssuranceLevel {
  if (kind === 'patient') return verification ? 'verified' : 'unverified';
  return register?.found ? 'verified' : 'unverified';
}

export const identityRules = {
  registerUnavailable: () =>
    new RuleBroken(
      'REGISTER_UNAVAILABLE',
      409,
      'The federal register of medical workers cannot be asked now; nothing was recorded. Try again later.',
    ),
  /** Order 965n (now 193n): a remote follow-up needs both participants identified. */
  notVerified: (who: PartyKind[]) =>
    new RuleBroken(
      'IDENTITY_NOT_VERIFIED',
      422,
      `A follow-up consultation needs identified participants; not verified: ${who.join(', ')}. ` +
        'The patient verifies by signing in through ESIA (Gosuslugi); the doctor must be in the federal register of medical workers.',
      { unverified: who },
    ),
};
