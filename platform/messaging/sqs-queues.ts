import { GetQueueUrlCommand, ListQueuesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Queues, SendOptions } from './queues';

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
    const attributes = Object.entries(options.attributes ?? {});
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: await this.url(queue),
        MessageBody: body,
        ...(options.delaySeconds ? { DelaySeconds: Math.min(900, Math.round(options.delaySeconds)) } : {}),
        ...(attributes.length
          ? {
              MessageAttributes: Object.fromEntries(
                attributes.map(([name, value]) => [name, { DataType: 'String', StringValue: value }]),
              ),
            }
          : {}),
      }),
    );
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
