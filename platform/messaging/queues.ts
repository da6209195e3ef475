/** Sending to a message queue by name; Yandex Message Queue in the cloud, fauxqs or LocalStack locally. */
export interface Queues {
  send(queue: string, body: string, options?: SendOptions): Promise<void>;
  /**
   * Sends up to 10 messages in one call (the Message Queue batch limit), answering per message;
   * throws only when the call itself failed (the queue unreachable, the batch refused whole).
   */
  sendBatch(queue: string, messages: BatchMessage[]): Promise<BatchOutcome[]>;
  /** Resolves when the queue service answers; for health checks. */
  ping(): Promise<void>;
}

export interface BatchMessage {
  id: string;
  body: string;
  attributes?: Record<string, string>;
}

/** `refused`: the queue will never take this message as it is (its text, its size). */
export type BatchOutcome =
  | { id: string; sent: true }
  | { id: string; sent: false; refused: boolean; reason: string };

export interface SendOptions {
  delaySeconds?: number;
  attributes?: Record<string, string>;
}

/** Dead-letter queue of a queue, by naming convention (infra/ and the local cloud create both). */
export const deadLetterQueueOf = (queue: string) => `${queue}-dlq`;
