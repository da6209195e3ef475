import * as z from 'zod/mini';
import type { ProviderVerification } from './assurance';
import { isSnils, snilsDigits } from './snils';

/** Whose verification claims count: the operator's list (settings.ts). */
export interface Trust {
  /** Token issuers (`iss`) allowed to assert a verified identity. */
  issuers: readonly string[];
  /** Accepted trust frameworks, each with the assurance level it must state (null: any). */
  frameworks: ReadonlyMap<string, string | null>;
}

const text = z.string().check(z.minLength(1), z.maxLength(255));
/**
 * One `verified_claims` element of OpenID Connect for Identity Assurance 1.0: what the provider
 * verified (`claims`) and how (`verification`). Evidence details are not read: the trust
 * framework and level say what the provider stands for.
 */
const verifiedClaims = z.object({
  verification: z.object({
    trust_framework: text,
    assurance_level: z.optional(text),
    time: z.optional(z.iso.datetime({ offset: true })),
    txn: z.optional(text),
  }),
  claims: z.record(text, z.unknown()),
});

/** What a token's verified claims establish, once the issuer and the framework are trusted. */
export interface TokenVerification {
  verification: Omit<ProviderVerification, 'recordedAt'>;
  /** The verified SNILS, only to look a doctor up in the register; it is never stored. */
  snils: string | null;
}

/**
 * Maps the `verified_claims` of a token (an object or an array of them, as the spec allows; a
 * JSON string when a gateway passes claims as text) to a verification, or undefined when the
 * issuer is not trusted, no element is of an accepted framework and level, or the shape is wrong.
 * A verification time in the future is refused as a forgery would be.
 */
export function verificationFromToken(
  issuer: string | undefined,
  claims: unknown,
  trust: Trust,
  now: number,
): TokenVerification | undefined {
  if (!issuer || !trust.issuers.includes(issuer) || claims === undefined) return undefined;
  for (const element of elementsOf(claims)) {
    const parsed = verifiedClaims.safeParse(element);
    if (!parsed.success) continue;
    const { verification, claims: verified } = parsed.data;
    if (!trust.frameworks.has(verification.trust_framework)) continue;
    const level = trust.frameworks.get(verification.trust_framework);
    if (level && verification.assurance_level !== level) continue;
    const time = verification.time ? Date.parse(verification.time) : now;
    if (time > now + 60_000) continue;
    const snils =
      typeof verified.snils === 'string' && isSnils(verified.snils) ? snilsDigits(verified.snils) : null;
    return {
      verification: {
        issuer,
        trustFramework: verification.trust_framework,
        assuranceLevel: verification.assurance_level ?? null,
        verifiedAt: time,
        transaction: verification.txn ?? null,
        claims: Object.keys(verified).sort(),
      },
      snils,
    };
  }
  return undefined;
}

function elementsOf(claims: unknown): unknown[] {
  let value = claims;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return [];
    }
  }
  return Array.isArray(value) ? value : [value];
}
