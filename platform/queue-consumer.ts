import type * as z from 'zod';
import type { Envelope, EventDefinition } from '../events/envelope';
import { InvalidEvent, parseEvent } from '../events/parse';
import { config } from './config';
import { performEffects, resumeEffects } from './effects';
import { invocationLogger } from './invocation';
import type { Logger } from './logger';
import { deadLetterQueueOf } from './messaging/queues';
import { withInvocation } from './runtime';
import { getServices } from './services';
import type { Repositories } from './store';
import { type FunctionContext, type MessageQueueEvent, type QueueMessage, queueNameFromYrn } from './yandex';

export interface ConsumerSpec<TDef extends EventDefinition> {
  /** Names the consumer in dedupe records and logs; keep it stable. */
  name: string;
  events: readonly TDef[];
  /**
   * Applies one event inside the transaction that also records it as processed. It may be run
   * more than once (YDB re-runs a transaction on abort), so it touches nothing outside the
   * database: it claims effects (platform/effects.ts), which the kit performs after commit.
   */
  handle(
    event: Envelope<z.infer<TDef['data']>> & { type: TDef['type'] },
    repos: Repositories,
    logger: Logger,
  ): Promise<void>;
}

export interface AttemptRecord {
  attempt: number;
  at: string;
  error: string;
}

export type Outcome = 'processed' | 'duplicate' | 'retried' | 'dead_lettered' | 'handed_back';

export interface BatchReport {
  outcomes: { messageId: string; eventId?: string; outcome: Outcome }[];
}

/** Declares a consumer: which events it accepts and what it does with each (see events/registry.ts). */
export function defineConsumer<TDef extends EventDefinition>(spec: ConsumerSpec<TDef>): ConsumerSpec<TDef> {
  return spec;
}

/** Time kept back at the end of an invocation for handing the untaken messages back. */
const handBackReserveMs = 3_000;

/**
 * A Message Queue trigger handler. Yandex triggers have no partial batch failure and no
 * receipt handle, so each message is handled on its own: applied once (deduped on event
 * id in the same transaction as its effect), or re-sent with an attempt counter and a
 * growing delay, or sent to the dead-letter queue with its attempt history. The batch
 * throws, and is redelivered whole, only when a failed message cannot be re-sent.
 *
 * It takes no message it may not finish: when the time left is short of the slowest message
 * so far plus a reserve, the rest are sent back to their queue as they came (same attempt
 * count) and the call returns, so Yandex deletes the batch. Throwing instead would redeliver
 * the whole batch after the visibility timeout: nothing lost either (the processed ones are
 * deduped), but every message waits, and the processed ones are read again.
 */
export function queueConsumer<TDef extends EventDefinition>(spec: ConsumerSpec<TDef>) {
  const consume = async (event: MessageQueueEvent, context: FunctionContext): Promise<BatchReport> => {
    const outcomes: BatchReport['outcomes'] = [];
    let slowestMs = 0;
    for (const [i, message] of event.messages.entries()) {
      if (context.getRemainingTimeInMillis() < handBackReserveMs + 2 * slowestMs) {
        outcomes.push(...(await handBack(event.messages.slice(i))));
        invocationLogger().warn(
          { consumer: spec.name, handedBack: event.messages.length - i },
          'time short: rest of the batch handed back',
        );
        break;
      }
      const started = Date.now();
      const queue = queueNameFromYrn(message.details.queue_id);
      outcomes.push(await consumeOne(spec, queue, message.details.message));
      slowestMs = Math.max(slowestMs, Date.now() - started);
    }
    return { outcomes };
  };
  const handler = withInvocation(spec.name, correlationIdOf, consume);
  // What it accepts stays readable on the handler: the event registry is checked against it.
  return Object.assign(handler, { consumer: spec as ConsumerSpec<EventDefinition> });
}

async function consumeOne<TDef extends EventDefinition>(
  spec: ConsumerSpec<TDef>,
  queue: string,
  message: QueueMessage,
): Promise<BatchReport['outcomes'][number]> {
  const logger = invocationLogger().child({
    consumer: spec.name,
    messageId: message.message_id,
  });
  const history = attemptHistory(message);
  const base = { messageId: message.message_id };
  let event: ReturnType<typeof parseEvent<TDef>>;
  try {
    event = parseEvent(message.body, spec.events);
  } catch (error) {
    if (!(error instanceof InvalidEvent)) throw error;
    // Retrying cannot fix a malformed message; keep it in the dead-letter queue for a human.
    await deadLetter(queue, message, [...history, record(history.length + 1, error)]);
    logger.warn({ outcome: 'dead_lettered', reason: error.message }, 'message rejected');
    return { ...base, outcome: 'dead_lettered' };
  }
  const eventLogger = logger.child({ eventId: event.id, eventType: event.type });
  const { store } = await getServices();
  const source = `${spec.name}:${event.id}`;
  try {
    const { applied, claims } = await store.transaction(async (repos) => {
      if (!(await repos.processedEvents.claim(spec.name, event.id))) return { applied: false, claims: [] };
      repos.effects.useSource(source);
      await spec.handle(event, repos, eventLogger);
      return { applied: true, claims: repos.effects.claimed() };
    });
    // After commit only: a transaction re-run never performs the claims of the attempt it undid.
    if (applied) await performEffects(store, claims);
    // A redelivery (after a crash, or a failed send's retry) performs what is still pending.
    else await resumeEffects(store, source);
    const outcome: Outcome = applied ? 'processed' : 'duplicate';
    eventLogger.info({ outcome, attempt: history.length + 1 }, 'event consumed');
    return { ...base, eventId: event.id, outcome };
  } catch (error) {
    const attempts = [...history, record(history.length + 1, error)];
    const { QUEUE_MAX_ATTEMPTS, QUEUE_RETRY_DELAY_SECONDS } = config();
    if (attempts.length >= QUEUE_MAX_ATTEMPTS) {
      await deadLetter(queue, message, attempts);
      eventLogger.error(
        { outcome: 'dead_lettered', attempts: attempts.length, err: error },
        'event failed for good',
      );
      return { ...base, eventId: event.id, outcome: 'dead_lettered' };
    }
    const delaySeconds = Math.min(900, QUEUE_RETRY_DELAY_SECONDS * 2 ** (attempts.length - 1));
    const { queues } = await getServices();
    await queues.send(queue, message.body, { delaySeconds, attributes: attemptAttributes(attempts) });
    eventLogger.warn(
      { outcome: 'retried', attempt: attempts.length, delaySeconds, err: error },
      'event will be retried',
    );
    return { ...base, eventId: event.id, outcome: 'retried' };
  }
}

/** Back to their queues as they came, attempt history unchanged: they were not tried. */
async function handBack(messages: MessageQueueEvent['messages']): Promise<BatchReport['outcomes']> {
  const { queues } = await getServices();
  return Promise.all(
    messages.map(async ({ details }) => {
      const attributes = Object.fromEntries(
        Object.entries(details.message.message_attributes ?? {}).flatMap(([name, value]) =>
          value.stringValue === undefined ? [] : [[name, value.stringValue]],
        ),
      );
      await queues.send(queueNameFromYrn(details.queue_id), details.message.body, { attributes });
      return { messageId: details.message.message_id, outcome: 'handed_back' as const };
    }),
  );
}

async function deadLetter(queue: string, message: QueueMessage, attempts: AttemptRecord[]): Promise<void> {
  const { queues } = await getServices();
  await queues.send(deadLetterQueueOf(queue), message.body, {
    attributes: { ...attemptAttributes(attempts), source_queue: queue },
  });
}

function record(attempt: number, error: unknown): AttemptRecord {
  return {
    attempt,
    at: new Date().toISOString(),
    error: String((error as Error)?.message ?? error).slice(0, 500),
  };
}

function attemptAttributes(attempts: AttemptRecord[]): Record<string, string> {
  return { attempt: String(attempts.length), attempt_history: JSON.stringify(attempts) };
}

function attemptHistory(message: QueueMessage): AttemptRecord[] {
  const raw = message.message_attributes?.attempt_history?.stringValue;
  if (!raw) return [];
  try {
    return JSON.parse(raw) as AttemptRecord[];
  } catch {
    return [];
  }
}

function correlationIdOf(event: MessageQueueEvent): string | undefined {
  const body = event.messages[0]?.details.message.body;
  try {
    return body ? (JSON.parse(body) as { correlationId?: string }).correlationId : undefined;
  } catch {
    return undefined;
  }
}
