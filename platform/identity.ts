import * as z from 'zod/mini';
import { problems } from './problem';
import { type Role, roles } from './roles';

/**
 * The caller as the JWT claims describe them. In Yandex Cloud the API Gateway's JWT
 * authorizer verifies the token and passes the claims in
 * `requestContext.authorizer.jwt.claims`; the local gateway does the same with jose.
 */
export interface Caller {
  /** The identity provider that issued the token (`iss`); a subject is unique only within it. */
  issuer?: string;
  subject: string;
  role: Role;
  clinicId?: string;
  insurerId?: string;
  employerId?: string;
  /**
   * The token's `verified_claims` (OpenID Connect for Identity Assurance), as the issuer sent
   * them and unread here: whether they count depends on the issuer and the operator's trust
   * (modules/identity), never on the token alone.
   */
  verifiedClaims?: unknown;
}

/**
 * The tenant of a patient who belongs to no clinic (an app user, a chatbot user, an employee on a
 * psychology package): their records are kept under it, and their crises go to the duty clinic.
 * No token can name it (see `tenantId`), so no clinic can read what is filed under it.
 */
export const unaffiliated = 'unaffiliated';

/** Tenant ids a token may carry: plain identifiers, never one the system keeps for itself. */
const reservedTenants: readonly string[] = [unaffiliated, ...roles];
const tenantId = z.string().check(
  z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/),
  z.refine((id) => !reservedTenants.includes(id.toLowerCase())),
);

/** What a token's lifetime may be, and how far the issuer's clock may run ahead of ours. */
export const tokenRules = { maxAgeSeconds: 24 * 3600, clockSkewSeconds: 60 } as const;

const text = z.string().check(z.minLength(1), z.maxLength(255));
/**
 * A subject is a person. Messages to a clinic's groups are addressed `duty:<clinic>` and
 * `clinic_admin:<clinic>`; a token whose `sub` spelled one would receive the group's messages.
 */
const subject = text.check(z.refine((sub) => !/^(duty|clinic_admin):/i.test(sub)));
const epochSeconds = z.union([z.number(), z.string().check(z.regex(/^\d+$/))]);
// zod's small build: every function reads claims, and the health check loads nothing else of zod.
const claimsSchema = z.object({
  iss: z.optional(text),
  sub: subject,
  role: z.enum(roles),
  exp: epochSeconds,
  iat: epochSeconds,
  clinic_id: z.optional(tenantId),
  insurer_id: z.optional(tenantId),
  employer_id: z.optional(tenantId),
  verified_claims: z.optional(z.unknown()),
});

/**
 * The caller from the claims API Gateway's JWT authorizer passed on. The gateway checks the
 * signature, issuer and audience; the times are checked here too, because the authorizer
 * accepts a token without `exp` and one issued in the future.
 */
export function callerFromClaims(claims: unknown, now = Date.now()): Caller {
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success)
    throw problems.unauthenticated('The token carries no valid subject, role, tenant and times.');
  const c = parsed.data;
  const seconds = Math.floor(now / 1000);
  const [issuedAt, expires] = [Number(c.iat), Number(c.exp)];
  if (expires <= seconds - tokenRules.clockSkewSeconds)
    throw problems.unauthenticated('The token has expired.');
  if (issuedAt > seconds + tokenRules.clockSkewSeconds)
    throw problems.unauthenticated('The token was issued in the future.');
  if (expires - issuedAt > tokenRules.maxAgeSeconds || seconds - issuedAt > tokenRules.maxAgeSeconds)
    throw problems.unauthenticated('The token lives longer than the system accepts; ask for a new one.');
  return {
    ...(c.iss ? { issuer: c.iss } : {}),
    subject: c.sub,
    role: c.role,
    ...(c.clinic_id ? { clinicId: c.clinic_id } : {}),
    ...(c.insurer_id ? { insurerId: c.insurer_id } : {}),
    ...(c.employer_id ? { employerId: c.employer_id } : {}),
    ...(c.verified_claims !== undefined ? { verifiedClaims: c.verified_claims } : {}),
  };
}

export function requireRole(caller: Caller, allowed: readonly Role[]): void {
  if (!allowed.includes(caller.role)) throw problems.forbidden();
}

/** The tenant a caller acts for; every read and write is scoped to it. */
export function tenantOf(caller: Caller): string | undefined {
  switch (caller.role) {
    case 'doctor':
    case 'clinic_admin':
      return caller.clinicId;
    case 'insurer':
      return caller.insurerId;
    case 'hr':
      return caller.employerId;
    default:
      return caller.clinicId;
  }
}

/** Which tenant claim a role carries, used by the token tool. */
export function tenantClaimFor(role: Role): 'clinic_id' | 'insurer_id' | 'employer_id' {
  if (role === 'insurer') return 'insurer_id';
  if (role === 'hr') return 'employer_id';
  return 'clinic_id';
}
