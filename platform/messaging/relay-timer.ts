import { setTimeout as sleep } from 'node:timers/promises';
import { config } from '../config';
import { invocationLogger } from '../invocation';
import { withInvocation } from '../runtime';
import { getServices } from '../services';
import type { FunctionContext, TimerEvent } from '../yandex';
import { relayOutbox } from './outbox-relay';

/** Leave this much of the function's time for the last publish and its mark. */
const safetyMarginMs = 5_000;
const pollMs = 1_000;

/**
 * Timer trigger (every minute, the finest Yandex cron allows). One run keeps polling
 * the outbox until shortly before its timeout, so events leave within about a second
 * rather than waiting for the next minute.
 */
export const outboxRelayTimer = withInvocation(
  'outbox-relay',
  () => undefined,
  async (_event: TimerEvent, context: FunctionContext) => {
    const logger = invocationLogger();
    const { store, queues } = await getServices();
    // Re-read each round: the remaining time is the runtime's to shorten (the local cloud does on shutdown).
    const runUntil = Date.now() + config().RELAY_MAX_RUN_SECONDS * 1000;
    const deadline = () =>
      Math.min(runUntil, Date.now() + context.getRemainingTimeInMillis() - safetyMarginMs);
    let published = 0;
    let failed = 0;
    do {
      const result = await relayOutbox(store, queues, logger, { deadline: deadline() });
      published += result.published;
      failed += result.failed;
      // Only an empty outbox is waited on: under load the next round starts at once, so an event
      // waits for the relay at most one poll when things are quiet, and never a poll behind a batch.
      if (result.published > 0) continue;
      if (Date.now() + pollMs >= deadline()) break;
      await sleep(pollMs);
    } while (Date.now() < deadline());
    return { published, failed };
  },
);
