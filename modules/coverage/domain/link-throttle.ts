/**
 * Failed attempts to link coverage, per caller and per policy. A policy is linked by its number
 * and the holder's date of birth, and an enrolment by a short code: both can be guessed, so
 * after a few misses in a window the key is locked for a while.
 */
export interface LinkAttempts {
  failures: number;
  windowStart: number;
  lockedUntil: number | null;
}

export interface ThrottleRules {
  maxFailures: number;
  windowMs: number;
  lockoutMs: number;
}

export function lockedUntil(attempts: LinkAttempts | undefined, now: number): number | null {
  return attempts?.lockedUntil && attempts.lockedUntil > now ? attempts.lockedUntil : null;
}

/** The attempts after one more miss: a new window when the last one is over, a lock at the limit. */
export function afterFailure(
  attempts: LinkAttempts | undefined,
  now: number,
  rules: ThrottleRules,
): LinkAttempts {
  const current =
    attempts && now - attempts.windowStart < rules.windowMs
      ? attempts
      : { failures: 0, windowStart: now, lockedUntil: null };
  const failures = current.failures + 1;
  return {
    failures,
    windowStart: current.windowStart,
    lockedUntil: failures >= rules.maxFailures ? now + rules.lockoutMs : current.lockedUntil,
  };
}
