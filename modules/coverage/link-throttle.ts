import { createHash } from 'node:crypto';
import { unaffiliated } from '../../platform/identity';
import { Problem } from '../../platform/problem';
import { RuleBroken } from '../../platform/rule-broken';
import { inTransaction } from '../../platform/services';
import { afterFailure, lockedUntil, type ThrottleRules } from './domain/link-throttle';
import { coverageSettings } from './settings';

/** The keys a link attempt counts against: the caller always, and the policy it names. */
export function attemptKeys(patientId: string, policy?: { insurerId: string; number: string }): string[] {
  const keys = [`patient:${patientId}`];
  // Hashed: the table needs no policy number in clear.
  if (policy)
    keys.push(`policy:${createHash('sha256').update(`${policy.insurerId}\n${policy.number}`).digest('hex')}`);
  return keys;
}

function rules(): ThrottleRules {
  const settings = coverageSettings();
  return {
    maxFailures: settings.LINK_MAX_FAILURES,
    windowMs: settings.LINK_WINDOW_MINUTES * 60_000,
    lockoutMs: settings.LINK_LOCKOUT_MINUTES * 60_000,
  };
}

const locked = (until: number) =>
  new Problem(
    429,
    'LINK_LOCKED',
    'Too many attempts',
    `Too many details did not match. Try again after ${new Date(until).toISOString()}, or ask your insurer or employer.`,
  );

/**
 * Runs a coverage link unless one of its keys is locked. A miss (`COVERAGE_NOT_FOUND`) is counted
 * against every key in a transaction of its own, since the link's own rolls back; reaching the
 * limit locks the keys and leaves an audit entry for the operator.
 */
export async function throttledLink<T>(keys: string[], now: number, link: () => Promise<T>): Promise<T> {
  const until = await inTransaction(async (r) => {
    const times = await Promise.all(keys.map(async (key) => lockedUntil(await r.linkAttempts.get(key), now)));
    return Math.max(0, ...times.map((t) => t ?? 0));
  });
  if (until > now) throw locked(until);
  try {
    const linked = await link();
    await inTransaction(async (r) => {
      for (const key of keys) await r.linkAttempts.clear(key);
    });
    return linked;
  } catch (error) {
    if (error instanceof RuleBroken && error.code === 'COVERAGE_NOT_FOUND') await countMiss(keys, now);
    throw error;
  }
}

async function countMiss(keys: string[], now: number): Promise<void> {
  await inTransaction(async (r) => {
    for (const key of keys) {
      const before = await r.linkAttempts.get(key);
      const after = afterFailure(before, now, rules());
      await r.linkAttempts.save(key, after);
      if (after.lockedUntil !== null && !lockedUntil(before, now))
        await r.audit.record({
          tenantId: unaffiliated,
          action: 'update',
          resourceType: 'coverage_link_lockout',
          resourceId: key,
        });
    }
  });
}
