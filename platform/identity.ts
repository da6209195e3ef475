import * as z from 'zod/mini';
import { problems } from './problem';
import { type Role, roles } from './roles';

/**
 * The caller as the JWT claims describe them. In Yandex Cloud the API Gateway's JWT
 * authorizer verifies the token and passes the claims in
 * `requestContext.authorizer.jwt.claims`; the local gateway does the same with jose.
 */
export interface Caller {
  subject: string;
  role: Role;
  clinicId?: string;
  insurerId?: string;
  employerId?: string;
}

const text = z.string().check(z.minLength(1));
// zod's small build: every function reads claims, and the health check loads nothing else of zod.
const claimsSchema = z.object({
  sub: text,
  role: z.enum(roles),
  clinic_id: z.optional(text),
  insurer_id: z.optional(text),
  employer_id: z.optional(text),
});

export function callerFromClaims(claims: unknown): Caller {
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) throw problems.unauthenticated('The token carries no valid subject and role.');
  const c = parsed.data;
  return {
    subject: c.sub,
    role: c.role,
    ...(c.clinic_id ? { clinicId: c.clinic_id } : {}),
    ...(c.insurer_id ? { insurerId: c.insurer_id } : {}),
    ...(c.employer_id ? { employerId: c.employer_id } : {}),
  };
}

export function requireRole(caller: Caller, allowed: readonly Role[]): void {
  if (!allowed.includes(caller.role)) throw problems.forbidden();
}

/**
 * The tenant of a patient who belongs to no clinic (an app user, a chatbot user, an employee on a
 * psychology package): their records are kept under it, and their crises go to the duty clinic.
 */
export const unaffiliated = 'unaffiliated';

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
