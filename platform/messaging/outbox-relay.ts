import type { Logger } from '../logger';
import type { OutboxEntry } from '../repositories/outbox';
import type { Store } from '../store';
import type { BatchOutcome, Queues } from './queues';

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
    for (const chunk of sendingChunks(batch)) {
      const result = await publishChunk(store, queues, logger, chunk);
      published += result.published;
      if (result.failed) return { published, failed: 1 };
    }
    if (batch.length < batchSize || Date.now() >= deadline) break;
  }
  if (published) logger.info({ published }, 'outbox relayed');
  return { published, failed: 0 };
}

/** Message Queue's batch limits: 10 messages, 256 KB in all (reference/yandex-cloud.md §5). */
const maxBatchMessages = 10;
const maxBatchBytes = 256 * 1024;

/** Consecutive entries of one queue, in commit order, as few sends as the batch limits allow. */
function sendingChunks(entries: OutboxEntry[]): OutboxEntry[][] {
  const chunks: OutboxEntry[][] = [];
  let chunk: OutboxEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = Buffer.byteLength(entry.body);
    const fits =
      chunk.length < maxBatchMessages && chunk[0]?.queue === entry.queue && bytes + size <= maxBatchBytes;
    if (chunk.length && !fits) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(entry);
    bytes += size;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/**
 * One batch send; the entries the queue took leave the outbox in one transaction, those it
 * refused for what they are go to quarantine in the same one. Any other failure stops the run.
 */
async function publishChunk(
  store: Store,
  queues: Queues,
  logger: Logger,
  chunk: OutboxEntry[],
): Promise<{ published: number; failed: boolean }> {
  let outcomes: BatchOutcome[];
  try {
    outcomes = await queues.sendBatch(
      (chunk[0] as OutboxEntry).queue,
      chunk.map((entry, i) => ({
        id: String(i),
        body: entry.body,
        attributes: { event_type: entry.eventType },
      })),
    );
  } catch (error) {
    // The call refused whole for something in it: one at a time, so only that entry is set aside.
    if (refusedForItself(error)) return publishOneByOne(store, queues, logger, chunk);
    logger.error({ err: error, queue: chunk[0]?.queue }, 'outbox publish failed');
    return { published: 0, failed: true };
  }
  const outcomeOf = (i: number) => outcomes.find((o) => o.id === String(i));
  const refused = chunk.flatMap((entry, i) => {
    const outcome = outcomeOf(i);
    return outcome && !outcome.sent && outcome.refused ? [{ entry, reason: outcome.reason }] : [];
  });
  const sent = chunk.filter((_, i) => outcomeOf(i)?.sent);
  await store.transaction(async (r) => {
    for (const entry of sent) await r.outbox.markSent(entry.id);
    for (const { entry, reason } of refused) await r.outbox.quarantine(entry, reason);
  });
  for (const { entry, reason } of refused)
    logger.error({ reason, eventId: entry.eventId, queue: entry.queue }, 'outbox entry quarantined');
  const failed = sent.length + refused.length < chunk.length;
  if (failed) logger.error({ queue: chunk[0]?.queue }, 'outbox publish failed for some entries of a batch');
  return { published: sent.length, failed };
}

async function publishOneByOne(
  store: Store,
  queues: Queues,
  logger: Logger,
  chunk: OutboxEntry[],
): Promise<{ published: number; failed: boolean }> {
  let published = 0;
  for (const entry of chunk) {
    try {
      await queues.send(entry.queue, entry.body, { attributes: { event_type: entry.eventType } });
    } catch (error) {
      if (refusedForItself(error)) {
        // Sending it again would be refused again, forever, and hold back every event after it.
        await store.transaction((r) => r.outbox.quarantine(entry, (error as Error).message));
        logger.error({ err: error, eventId: entry.eventId, queue: entry.queue }, 'outbox entry quarantined');
        continue;
      }
      logger.error({ err: error, eventId: entry.eventId, queue: entry.queue }, 'outbox publish failed');
      return { published, failed: true };
    }
    await store.transaction((r) => r.outbox.markSent(entry.id));
    published++;
  }
  return { published, failed: false };
}

/** The queue's verdict on this message itself, not on the queue or the network (SQS error names). */
function refusedForItself(error: unknown): boolean {
  const name = (error as { name?: string; Code?: string }).name ?? '';
  return (
    ['InvalidMessageContents', 'MessageTooLong'].includes(name) ||
    /InvalidMessageContents/.test(String(error))
  );
}
