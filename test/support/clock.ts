import { vi } from 'vitest';

/**
 * Runs `work` as if `ms` had passed: the local cloud runs its functions in this process, so
 * moving this process's clock moves theirs. Nothing waits; the clock keeps ticking meanwhile.
 */
export async function later<T>(ms: number, work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, now: Date.now() + ms });
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
}
