import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetQueueUrlCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iotEvent } from '../../local/cloud';
import { DevIdentity } from '../../local/dev-identity';
import { createGateway } from '../../local/gateway';
import { loadOperations } from '../../local/openapi-routes';
import {
  createBuckets,
  createQueues,
  type ProtocolServers,
  startProtocolServers,
} from '../../local/protocol-servers';
import { startQueueTrigger } from '../../local/queue-trigger';
import { startStorageTrigger } from '../../local/storage-trigger';
import { startTimerTrigger } from '../../local/timer-trigger';
import { projectRoot } from '../support/test-cloud';

const fixturesDir = join(import.meta.dirname, '../fixtures/yandex-events');

/** Objects whose keys are data (header names, claims…): only their value types are compared. */
const maps = new Set([
  'headers',
  'multiValueHeaders',
  'queryStringParameters',
  'multiValueQueryStringParameters',
  'pathParameters',
  'parameters',
  'multiValueParameters',
  'claims',
  'operationContext',
  'attributes',
  'message_attributes',
]);

/** The structure of a value: key names and JSON types, recursively. */
function shape(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.length ? [shape(value[0], key)] : [];
  if (value && typeof value === 'object') {
    if (maps.has(key)) return 'map';
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shape(v, k)]),
    );
  }
  return typeof value;
}

/** Produces the event each kind of trigger in the local cloud hands to a function. */
type Capture = () => Promise<unknown>;

describe('the local cloud hands functions exactly the Yandex Cloud event shapes', () => {
  let servers: ProtocolServers;
  const dir = mkdtempSync(join(tmpdir(), 'shapes-'));

  beforeAll(async () => {
    servers = await startProtocolServers({ dataDir: dir, port: 0 });
    await createQueues(servers.sqs, ['shapes']);
    await createBuckets(servers.s3, ['shapes']);
  });
  afterAll(() => servers.stop());

  const captures: Record<string, Capture> = {
    'http-gateway-1.0.json': async () => {
      const identity = await DevIdentity.load(join(dir, 'identity.json'));
      let captured: unknown;
      const gateway = createGateway(
        loadOperations(join(projectRoot, 'contracts/openapi.yaml')),
        identity,
        async (_fn, event) => {
          captured = event;
          return { statusCode: 200, body: '{}' };
        },
      );
      await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
      const token = await identity.issue({ role: 'doctor', tenant: 'clinic-1' });
      const port = (gateway.address() as AddressInfo).port;
      await fetch(`http://127.0.0.1:${port}/v1/patients/6f1c1f2e-3a2b-4c5d-8e9f-0a1b2c3d4e5f?a=1&a=2`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      gateway.close();
      return captured;
    },
    'message-queue.json': async () => {
      const { QueueUrl } = await servers.sqs.send(new GetQueueUrlCommand({ QueueName: 'shapes' }));
      await servers.sqs.send(
        new SendMessageCommand({
          QueueUrl,
          MessageBody: '{"orderId":42}',
          MessageAttributes: { tenant: { DataType: 'String', StringValue: 'acme' } },
        }),
      );
      return new Promise((resolve) => {
        const trigger = startQueueTrigger({
          sqs: servers.sqs,
          queue: 'shapes',
          batch: 1,
          cutoff: 0,
          invoke: async (event) => {
            void trigger.stop();
            resolve(event);
          },
          onError: () => undefined,
        });
      });
    },
    'object-storage.json': async () =>
      new Promise((resolve) => {
        const trigger = startStorageTrigger({
          s3: servers.s3,
          bucket: 'shapes',
          events: ['create.object'],
          statePath: join(dir, 'storage-state.json'),
          pollMs: 100,
          invoke: async (event) => {
            void trigger.stop();
            resolve(event);
          },
          onError: () => undefined,
        });
        void servers.s3.send(new PutObjectCommand({ Bucket: 'shapes', Key: 'in/readings.csv', Body: 'a,b' }));
      }),
    'iot-core.json': async () => iotEvent('are1111111111111111', { t: 21 }),
    'timer.json': async () => {
      let captured: unknown;
      const timer = startTimerTrigger({
        name: 'shapes',
        expression: '0 * ? * * *',
        payload: 'nightly',
        scheduled: false,
        invoke: async (event) => {
          captured = event;
        },
        onError: () => undefined,
      });
      await timer.fire();
      return captured;
    },
  };

  const fixtures = readdirSync(fixturesDir).filter((f) => f.endsWith('.json'));

  it('has a capture for every fixture', () => {
    expect(fixtures.sort()).toEqual(Object.keys(captures).sort());
  });

  it.each(fixtures)('%s', async (fixture) => {
    // Prepare
    const expected = JSON.parse(readFileSync(join(fixturesDir, fixture), 'utf8')).event;
    // Act
    const actual = await captures[fixture]?.();
    // Assess
    expect(shape(actual)).toEqual(shape(expected));
  });
});
