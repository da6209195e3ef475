import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueueUrlCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../events/envelope';
import { createQueues, type ProtocolServers, startProtocolServers } from '../../local/protocol-servers';
import { startQueueTrigger } from '../../local/queue-trigger';
import { patientRegisteredV1 } from '../../modules/patients/events/patient-registered.v1';
import type { BatchReport } from '../../platform/queue-consumer';
import type { FunctionContext, MessageQueueEvent } from '../../platform/yandex';

const context: FunctionContext = {
  requestId: 'test',
  functionName: 'test',
  functionVersion: 'test',
  memoryLimitInMB: '128',
  getRemainingTimeInMillis: () => 10_000,
};

describe('queue consumer on a real queue (fauxqs) and database (SQLite)', () => {
  let servers: ProtocolServers;
  let effects: string[];
  let failuresLeft: number;
  let consumer: (event: MessageQueueEvent, context: FunctionContext) => Promise<BatchReport>;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'consumer-'));
    servers = await startProtocolServers({ dataDir: dir, port: 0 });
    await createQueues(servers.sqs, ['work']);
    Object.assign(process.env, {
      APP_ENV: 'test',
      LOG_LEVEL: 'silent',
      DB_DRIVER: 'sqlite',
      SQLITE_PATH: join(dir, 'db.sqlite'),
      KMS_DRIVER: 'keyring',
      KEYRING_PATH: join(dir, 'keyring.json'),
      QUEUE_ENDPOINT: servers.endpoint,
      QUEUE_MAX_ATTEMPTS: '3',
      QUEUE_RETRY_DELAY_SECONDS: '0',
    });
    const { queueConsumer } = await import('../../platform/queue-consumer');
    const { claimEffect, defineEffect } = await import('../../platform/effects');
    // The effect outside the database, performed after commit as every consumer's must be.
    const recordEffect = defineEffect<string, void>({
      kind: 'test-effect',
      perform: async (eventId) => void effects.push(eventId),
    });
    consumer = queueConsumer({
      name: 'test-consumer',
      events: [patientRegisteredV1],
      handle: async (event, repos) => {
        if (event.data.clinicId === 'always-fails') throw new Error('downstream refused');
        if (failuresLeft-- > 0) throw new Error('transient failure');
        await claimEffect(repos, recordEffect, { key: 'effect', payload: event.id });
      },
    });
  });
  afterAll(() => servers.stop());

  const url = async (queue: string) =>
    (await servers.sqs.send(new GetQueueUrlCommand({ QueueName: queue }))).QueueUrl as string;
  const send = async (body: string) =>
    servers.sqs.send(new SendMessageCommand({ QueueUrl: await url('work'), MessageBody: body }));
  const event = (clinicId: string) =>
    createEvent(
      patientRegisteredV1,
      { patientId: crypto.randomUUID(), clinicId },
      { correlationId: 'c', tenant: clinicId },
    );

  /** Runs the queue's trigger until `done` says every expected outcome happened. */
  async function drain(done: (reports: BatchReport[]) => boolean): Promise<BatchReport[]> {
    const reports: BatchReport[] = [];
    const trigger = startQueueTrigger({
      sqs: servers.sqs,
      queue: 'work',
      batch: 10,
      cutoff: 1,
      invoke: async (e) => reports.push(await consumer(e, context)),
      onError: () => undefined,
    });
    const until = Date.now() + 20_000;
    while (!done(reports) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    await trigger.stop();
    return reports;
  }
  const outcomes = (reports: BatchReport[]) => reports.flatMap((r) => r.outcomes.map((o) => o.outcome));

  it('applies a message redelivered after success only once', async () => {
    // Prepare
    effects = [];
    failuresLeft = 0;
    const body = JSON.stringify(event('clinic-1'));
    // Act: the same message arrives twice (a queue redelivery)
    await send(body);
    await send(body);
    const reports = await drain((r) => outcomes(r).length >= 2);
    // Assess
    expect(outcomes(reports).sort()).toEqual(['duplicate', 'processed']);
    expect(effects).toHaveLength(1);
  });

  it('retries a failing message with an attempt counter and applies it once it succeeds', async () => {
    effects = [];
    failuresLeft = 1;
    await send(JSON.stringify(event('clinic-1')));
    const reports = await drain((r) => outcomes(r).includes('processed'));
    expect(outcomes(reports)).toEqual(['retried', 'processed']);
    expect(effects).toHaveLength(1);
  });

  it('moves a message that failed 3 times to the dead-letter queue with its attempt history', async () => {
    // Prepare
    effects = [];
    const failing = event('always-fails');
    // Act
    await send(JSON.stringify(failing));
    const reports = await drain((r) => outcomes(r).includes('dead_lettered'));
    const { Messages = [] } = await servers.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: await url('work-dlq'),
        MessageAttributeNames: ['All'],
        WaitTimeSeconds: 1,
      }),
    );
    // Assess
    expect(outcomes(reports)).toEqual(['retried', 'retried', 'dead_lettered']);
    const dead = Messages.find((m) => JSON.parse(m.Body ?? '{}').id === failing.id);
    expect(dead?.MessageAttributes?.attempt?.StringValue).toBe('3');
    const history = JSON.parse(dead?.MessageAttributes?.attempt_history?.StringValue ?? '[]');
    expect(history.map((h: { attempt: number; error: string }) => [h.attempt, h.error])).toEqual([
      [1, 'downstream refused'],
      [2, 'downstream refused'],
      [3, 'downstream refused'],
    ]);
    expect(effects).toHaveLength(0);
  });

  it('sends a message that is not a valid event straight to the dead-letter queue', async () => {
    await send('{"not":"an event"}');
    const reports = await drain((r) => outcomes(r).includes('dead_lettered'));
    expect(outcomes(reports)).toEqual(['dead_lettered']);
  });

  it('stops taking messages when time runs short and hands the rest back untried, applied later once each', async () => {
    // Prepare: a batch of three, and an invocation with time for one message only
    effects = [];
    failuresLeft = 0;
    const batch = [event('clinic-1'), event('clinic-1'), event('clinic-1')];
    let remaining = 3_500;
    const shortOfTime: FunctionContext = { ...context, getRemainingTimeInMillis: () => (remaining -= 400) };
    const yandexEvent = {
      messages: batch.map((e, i) => ({
        event_metadata: {
          event_id: `m-${i}`,
          event_type: 'yandex.cloud.events.messagequeue.QueueMessage',
          created_at: '',
          cloud_id: 'local',
          folder_id: 'local',
        },
        details: {
          queue_id: 'yrn:yc:ymq:ru-central1:local:work',
          message: {
            message_id: `m-${i}`,
            md5_of_body: '',
            body: JSON.stringify(e),
            attributes: {},
            message_attributes: {},
            md5_of_message_attributes: '',
          },
        },
      })),
    } as MessageQueueEvent;
    // Act
    const report = await consumer(yandexEvent, shortOfTime);
    const later = await drain((r) => outcomes(r).filter((o) => o === 'processed').length >= 2);
    // Assess: the handed-back ones came back with no attempt counted, and each applied once
    expect(report.outcomes.map((o) => o.outcome)).toEqual(['processed', 'handed_back', 'handed_back']);
    expect(outcomes(later)).toEqual(['processed', 'processed']);
    expect(effects.sort()).toEqual(batch.map((e) => e.id).sort());
  });
});
