/** Sending to a message queue by name; Yandex Message Queue in the cloud, fauxqs or LocalStack locally. */
export interface Queues {
  send(queue: string, body: string, options?: SendOptions): Promise<void>;
  /** Resolves when the queue service answers; for health checks. */
  ping(): Promise<void>;
}

export interface SendOptions {
  delaySeconds?: number;
  attributes?: Record<string, string>;
}

/** Dead-letter queue of a queue, by naming convention (infra/ and the local cloud create both). */
export const deadLetterQueueOf = (queue: string) => `${queue}-dlq`;
