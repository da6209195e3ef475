import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startFauxqs } from 'fauxqs';
import { deadLetterQueueOf } from '../platform/messaging/queues';

export interface ProtocolServers {
  /** SQS, S3 and SNS endpoint: fauxqs in-process, or LocalStack. */
  endpoint: string;
  kind: 'fauxqs' | 'localstack';
  sqs: SQSClient;
  s3: S3Client;
  stop(): Promise<void>;
}

/** After this many receives without a delete the queue itself dead-letters a message: a backstop behind the consumer's own retries. */
const maxReceiveCount = 10;

export async function startProtocolServers(options: {
  dataDir: string;
  port: number;
  localstackEndpoint?: string;
  /** Keep queues and objects on disk across restarts (default); false keeps them in memory. */
  durable?: boolean;
}): Promise<ProtocolServers> {
  let endpoint: string;
  let stop = async () => {};
  let kind: ProtocolServers['kind'];
  if (options.localstackEndpoint) {
    endpoint = options.localstackEndpoint;
    kind = 'localstack';
  } else {
    const server = await startFauxqs({
      port: options.port,
      logger: false,
      ...(options.durable === false ? {} : { dataDir: join(options.dataDir, 'fauxqs') }),
    });
    endpoint = `http://127.0.0.1:${server.port}`;
    stop = () => server.stop();
    kind = 'fauxqs';
  }
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const sqs = new SQSClient({ region: 'ru-central1', endpoint, credentials });
  const s3 = new S3Client({ region: 'ru-central1', endpoint, credentials, forcePathStyle: true });
  return {
    endpoint,
    kind,
    sqs,
    s3,
    stop: async () => {
      sqs.destroy();
      s3.destroy();
      await stop();
    },
  };
}

/** Creates each queue with its dead-letter queue and redrive policy, as infra/ does in the cloud. */
export async function createQueues(sqs: SQSClient, names: string[]): Promise<void> {
  for (const name of names) {
    const dlq = await sqs.send(new CreateQueueCommand({ QueueName: deadLetterQueueOf(name) }));
    const attributes = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    await sqs.send(
      new CreateQueueCommand({
        QueueName: name,
        Attributes: {
          VisibilityTimeout: '60',
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: attributes.Attributes?.QueueArn,
            maxReceiveCount,
          }),
        },
      }),
    );
  }
}

export async function createBuckets(s3: S3Client, names: string[]): Promise<void> {
  for (const name of names) {
    try {
      await s3.send(new CreateBucketCommand({ Bucket: name }));
    } catch (error) {
      const code = (error as { name?: string }).name;
      if (code !== 'BucketAlreadyOwnedByYou' && code !== 'BucketAlreadyExists') throw error;
    }
  }
}
