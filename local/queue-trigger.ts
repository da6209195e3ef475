import { createHash } from 'node:crypto';
import {
  DeleteMessageBatchCommand,
  GetQueueUrlCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { MessageQueueEvent } from '../platform/yandex';

export interface QueueTriggerOptions {
  sqs: SQSClient;
  queue: string;
  /** Messages per invocation (Yandex: 1-1000). */
  batch: number;
  /** Seconds to wait for a batch to fill (Yandex: 0-60). */
  cutoff: number;
  invoke: (event: MessageQueueEvent) => Promise<unknown>;
  onError: (error: unknown) => void;
}

/**
 * A Message Queue trigger: collects up to `batch` messages or waits `cutoff` seconds,
 * calls the function once with Yandex's event, and deletes the batch only if the call
 * succeeded; otherwise the messages return to the queue after its visibility timeout.
 */
export function startQueueTrigger(options: QueueTriggerOptions): { stop(): Promise<void> } {
  let running = true;
  const loop = (async () => {
    const { QueueUrl } = await options.sqs.send(new GetQueueUrlCommand({ QueueName: options.queue }));
    while (running) {
      try {
        const messages = await collect(options, QueueUrl as string, () => running);
        if (!messages.length) continue;
        await options.invoke(toEvent(options.queue, messages));
        // The SQS API deletes at most 10 messages per call.
        for (let i = 0; i < messages.length; i += 10) {
          await options.sqs.send(
            new DeleteMessageBatchCommand({
              QueueUrl,
              Entries: messages
                .slice(i, i + 10)
                .map((m, j) => ({ Id: String(j), ReceiptHandle: m.ReceiptHandle })),
            }),
          );
        }
      } catch (error) {
        options.onError(error);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop.catch(() => undefined);
    },
  };
}

async function collect(
  options: QueueTriggerOptions,
  queueUrl: string,
  running: () => boolean,
): Promise<Message[]> {
  const messages: Message[] = [];
  let firstAt: number | undefined;
  while (running() && messages.length < options.batch) {
    const waited = firstAt === undefined ? 0 : (Date.now() - firstAt) / 1000;
    if (firstAt !== undefined && waited >= options.cutoff) break;
    const { Messages = [] } = await options.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: Math.min(10, options.batch - messages.length),
        WaitTimeSeconds: 1,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['All'],
      }),
    );
    if (Messages.length && firstAt === undefined) firstAt = Date.now();
    messages.push(...Messages);
    if (firstAt === undefined) return messages;
  }
  return messages;
}

function toEvent(queue: string, messages: Message[]): MessageQueueEvent {
  return {
    messages: messages.map((m) => {
      const messageAttributes = Object.fromEntries(
        Object.entries(m.MessageAttributes ?? {}).map(([name, value]) => [
          name,
          { dataType: value.DataType ?? 'String', stringValue: value.StringValue ?? '' },
        ]),
      );
      return {
        event_metadata: {
          event_id: crypto.randomUUID(),
          event_type: 'yandex.cloud.events.messagequeue.QueueMessage' as const,
          created_at: new Date().toISOString(),
          cloud_id: 'local',
          folder_id: 'local',
        },
        details: {
          queue_id: `yrn:yc:ymq:ru-central1:local:${queue}`,
          message: {
            message_id: m.MessageId ?? '',
            md5_of_body:
              m.MD5OfBody ??
              createHash('md5')
                .update(m.Body ?? '')
                .digest('hex'),
            body: m.Body ?? '',
            attributes: Object.fromEntries(
              Object.entries(m.Attributes ?? {}).map(([k, v]) => [k, String(v)]),
            ),
            message_attributes: messageAttributes,
            md5_of_message_attributes: m.MD5OfMessageAttributes ?? '',
          },
        },
      };
    }),
  };
}
