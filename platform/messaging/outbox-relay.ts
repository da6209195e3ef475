import type { Logger } from '../logger';
import type { Store } from '../store';
import type { Queues } from './queues';

export interface RelayResult {
  published: number;
  failed: number;
}

/**
 * Publishes committed outbox entries in the order they were committed, at least once:
 * an entry is marked sent only after its queue accepted it, so a crash in between
 * publishes it again (consumers dedupe on event id). A failure of the queue stops the run,
 * so no later entry overtakes an earlier one; an entry the queue refuses for what it is (its
 * text, its size) is quarantined with the reason instead, and the others keep flowing.
 */
export async function relayOutbox(
  store: Store,
  queues: Queues,
  logger: Logger,
  options: { batchSize?: number; deadline?: number } = {},
): Promise<RelayResult> {
  const batchSize = options.batchSize ?? 100;
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  let published = 0;
  // At least one batch per run, then more while time allows.
  for (;;) {
    const batch = await store.transaction((r) => r.outbox.pending(batchSize), { readOnly: true });
    for (const entry of batch) {
      try {
        await queues.send(entry.queue, entry.body, { attributes: { event_type: entry.eventType } });
      } catch (error) {
        if (refusedForItself(error)) {
          // Sending it again would be refused again, forever, and hold back every event after it.
          await store.transaction((r) => r.outbox.quarantine(entry, (error as Error).message));
          logger.error(
            { err: error, eventId: entry.eventId, queue: entry.queue },
            'outbox entry quarantined',
          );
          continue;
        }
        logger.error({ err: error, eventId: entry.eventId, queue: entry.queue }, 'outbox publish failed');
        return { published, failed: 1 };
      }
      await store.transaction((r) => r.outbox.markSent(entry.id));
      published++;
    }
    if (batch.length < batchSize || Date.now() >= deadline) break;
  }
  if (published) logger.info({ published }, 'outbox relayed');
  return { published, failed: 0 };
}

/** The queue's verdict on this message itself, not on the queue or the network (SQS error names). */
function refusedForItself(error: unknown): boolean {
  const name = (error as { name?: string; Code?: string }).name ?? '';
  return (
    ['InvalidMessageContents', 'MessageTooLong'].includes(name) ||
    /InvalidMessageContents/.test(String(error))
  );
}
