import { describe, expect, it } from 'vitest';
import { clockedStore } from '../support/clocked-store';

describe('Idempotency-Key records', () => {
  it('make a retry wait while the first call runs, and let it take over a call that died', async () => {
    // Prepare
    let now = Date.UTC(2026, 11, 1);
    const { database, store } = clockedStore('idem', () => now);
    const claim = () => store.transaction((r) => r.idempotencyKeys.claim('user:POST /v1/x', 'key-1', 'hash'));
    // Act
    const first = await claim();
    now += 10_000;
    const whileRunning = await claim();
    now += 5 * 60_000;
    const afterItDied = await claim();
    const withOtherBody = await store.transaction((r) =>
      r.idempotencyKeys.claim('user:POST /v1/x', 'key-1', 'other'),
    );
    // Assess
    expect([first.outcome, whileRunning.outcome, afterItDied.outcome, withOtherBody.outcome]).toEqual([
      'claimed',
      'in_progress',
      'claimed',
      'mismatch',
    ]);
    await database.close();
  });
});
