import {
  GetQueueUrlCommand,
  ListQueuesCommand,
  type MessageAttributeValue,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { BatchMessage, BatchOutcome, Queues, SendOptions } from './queues';

/** Entry error codes that say the message itself is unacceptable, so resending cannot help. */
const refusedCodes = new Set(['InvalidMessageContents', 'MessageTooLong', 'InvalidParameterValue']);

export interface SqsSettings {
  endpoint: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

/**
 * Message Queue through the SQS API (AWS JSON protocol, see README "Message Queue
 * protocol"). Queue URLs are looked up by name once: Yandex URLs carry an id that
 * cannot be constructed.
 */
export class SqsQueues implements Queues {
  private readonly client: SQSClient;
  private readonly urls = new Map<string, Promise<string>>();

  constructor(settings: SqsSettings) {
    this.client = new SQSClient({
      region: 'ru-central1',
      endpoint: settings.endpoint,
      credentials: {
        accessKeyId: settings.accessKeyId ?? 'local',
        secretAccessKey: settings.secretAccessKey ?? 'local',
      },
    });
  }

  async send(queue: string, body: string, options: SendOptions = {}): Promise<void> {
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: await this.url(queue),
        MessageBody: body,
        ...(options.delaySeconds ? { DelaySeconds: Math.min(900, Math.round(options.delaySeconds)) } : {}),
        ...messageAttributes(options.attributes),
      }),
    );
  }

  async sendBatch(queue: string, messages: BatchMessage[]): Promise<BatchOutcome[]> {
    const answer = await this.client.send(
      new SendMessageBatchCommand({
        QueueUrl: await this.url(queue),
        Entries: messages.map((m) => ({ Id: m.id, MessageBody: m.body, ...messageAttributes(m.attributes) })),
      }),
    );
    const sent = new Set((answer.Successful ?? []).map((entry) => entry.Id));
    const failed = new Map((answer.Failed ?? []).map((entry) => [entry.Id, entry]));
    return messages.map((m): BatchOutcome => {
      if (sent.has(m.id)) return { id: m.id, sent: true };
      const failure = failed.get(m.id);
      return {
        id: m.id,
        sent: false,
        refused: Boolean(failure?.SenderFault && refusedCodes.has(failure.Code ?? '')),
        reason: failure ? `${failure.Code}: ${failure.Message ?? ''}` : 'not in the answer',
      };
    });
  }

  async ping(): Promise<void> {
    await this.client.send(new ListQueuesCommand({ MaxResults: 1 }));
  }

  private url(queue: string): Promise<string> {
    let url = this.urls.get(queue);
    if (!url) {
      url = this.client.send(new GetQueueUrlCommand({ QueueName: queue })).then((r) => {
        if (!r.QueueUrl) throw new Error(`Queue ${queue} not found`);
        return r.QueueUrl;
      });
      url.catch(() => this.urls.delete(queue));
      this.urls.set(queue, url);
    }
    return url;
  }
}

function messageAttributes(attributes: Record<string, string> = {}): {
  MessageAttributes?: Record<string, MessageAttributeValue>;
} {
  const entries = Object.entries(attributes);
  if (!entries.length) return {};
  return {
    MessageAttributes: Object.fromEntries(
      entries.map(([name, value]) => [name, { DataType: 'String', StringValue: value }]),
    ),
  };
}
