import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueueUrlCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, type EventDefinition } from '../../events/envelope';
import { createQueues, type ProtocolServers, startProtocolServers } from '../../local/protocol-servers';
import { startQueueTrigger } from '../../local/queue-trigger';
import { notificationRequestedV1 } from '../../modules/notifications/events/notification-requested.v1';
import { crisisDetectedV1 } from '../../modules/triage/events';
import type { BatchReport, ConsumerSpec } from '../../platform/queue-consumer';
import type { Store } from '../../platform/store';
import type { FunctionContext, MessageQueueEvent } from '../../platform/yandex';
import { startSmsProvider } from '../support/sms-provider';

const context: FunctionContext = {
  requestId: 'test',
  functionName: 'test',
  functionVersion: 'test',
  memoryLimitInMB: '128',
  getRemainingTimeInMillis: () => 30_000,
};

/**
 * The consumers on a real queue (fauxqs) and database (an SQLite file that aborts the first
 * commit of every transaction and re-runs its callback, as YDB may), sending SMS to a provider
 * on a local port: each message a person should get reaches their phone once.
 */
describe('effects outside the database, under transactions that re-run', () => {
  let servers: ProtocolServers;
  let sms: Awaited<ReturnType<typeof startSmsProvider>>;
  let store: Store;
  type Handler = (event: MessageQueueEvent, context: FunctionContext) => Promise<BatchReport>;
  let notifications: Handler;
  let crisis: Handler;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'effects-once-'));
    servers = await startProtocolServers({ dataDir: dir, port: 0 });
    sms = await startSmsProvider();
    await createQueues(servers.sqs, ['notifications', 'crisis']);
    Object.assign(process.env, {
      APP_ENV: 'test',
      LOG_LEVEL: 'silent',
      DB_DRIVER: 'sqlite',
      SQLITE_PATH: join(dir, 'db.sqlite'),
      SQLITE_RERUN: '1',
      KMS_DRIVER: 'keyring',
      KEYRING_PATH: join(dir, 'keyring.json'),
      QUEUE_ENDPOINT: servers.endpoint,
      QUEUE_RETRY_DELAY_SECONDS: '0',
      NOTIFY_DRIVER: 'cloud',
      SNS_ENDPOINT: sms.endpoint,
      ACCESS_KEY_ID: 'local',
      SECRET_ACCESS_KEY: 'local',
      TELEGRAM_BOT_TOKEN: '123456:abcdefghijklmnopqrstuvwxyz0123456789',
      TELEGRAM_API_ROOT: sms.endpoint,
    });
    const { queueConsumer } = await import('../../platform/queue-consumer');
    const { notificationsConsumer } = await import('../../modules/notifications');
    const { crisisConsumer } = await import('../../modules/escalations/consumer');
    notifications = queueConsumer(notificationsConsumer as ConsumerSpec<EventDefinition>);
    crisis = queueConsumer(crisisConsumer as ConsumerSpec<EventDefinition>);
    store = (await (await import('../../platform/services')).getServices()).store;
  });
  afterAll(async () => {
    await servers.stop();
    await sms.stop();
  });

  const contact = (userId: string, phone: string) =>
    store.transaction((r) =>
      r.notificationContacts.save({
        userId,
        phone,
        email: null,
        telegramChatId: null,
        pushEndpoint: null,
        language: 'ru',
        timeZone: 'Europe/Moscow',
        quietHours: null,
        channels: ['sms'],
      }),
    );
  const send = async (queue: string, body: unknown) => {
    const { QueueUrl } = await servers.sqs.send(new GetQueueUrlCommand({ QueueName: queue }));
    await servers.sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify(body) }));
  };
  /** Runs the queue's trigger until `done`, or 15 s. */
  async function drain(queue: string, handler: Handler, done: () => boolean) {
    const trigger = startQueueTrigger({
      sqs: servers.sqs,
      queue,
      batch: 10,
      cutoff: 0,
      invoke: (e) => handler(e, context),
      onError: () => undefined,
    });
    const until = Date.now() + 15_000;
    while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500)); // room for a duplicate to show up
    await trigger.stop();
  }
  const requested = (recipientId: string, tenant = 'clinic-1') =>
    createEvent(
      notificationRequestedV1,
      { recipientId, template: 'appointment.cancelled', variables: { at: '2026-12-02T07:30:00.000Z' } },
      { correlationId: 'c', tenant },
    );

  it('sends an SMS once though the transaction that decided it ran twice', async () => {
    // Prepare
    await contact('patient-1', '+79990000101');
    // Act
    await send('notifications', requested('patient-1'));
    await drain('notifications', notifications, () => sms.to('+79990000101') > 0);
    // Assess: before effects moved after commit, each run of the callback sent it (2 here)
    expect(sms.to('+79990000101')).toBe(1);
    const [record] = await store.transaction((r) => r.notifications.forRecipient('patient-1'));
    expect(record).toMatchObject({ status: 'sent', channel: 'sms' });
  });

  it('calls the on-call clinician of a crisis once though the transaction ran twice', async () => {
    // Prepare
    await store.transaction((r) =>
      r.groupContacts.save('clinic-2', 'duty', {
        phone: '+79990000102',
        email: null,
        telegramChatId: null,
        channels: ['sms'],
      }),
    );
    const event = createEvent(
      crisisDetectedV1,
      { triageId: crypto.randomUUID(), patientId: null },
      { correlationId: 'c', tenant: 'clinic-2' },
    );
    // Act
    await send('crisis', event);
    await drain('crisis', crisis, () => sms.to('+79990000102') > 0);
    // Assess
    expect(sms.to('+79990000102')).toBe(1);
  });

  it('sends once a message whose provider was down for a while, on the queue’s retry', async () => {
    // Prepare
    await contact('patient-3', '+79990000103');
    sms.refuse(2);
    // Act
    await send('notifications', requested('patient-3'));
    await drain('notifications', notifications, () => sms.to('+79990000103') > 0);
    // Assess
    expect(sms.to('+79990000103')).toBe(1);
  });

  it('sends what a consumer that died after commit left pending, when the message comes again', async () => {
    // Prepare: the event applied and its SMS claimed, committed, then the process died before sending
    await contact('patient-4', '+79990000104');
    const event = requested('patient-4');
    const { notificationsConsumer } = await import('../../modules/notifications');
    await store.transaction(async (r) => {
      await r.processedEvents.claim('notifications', event.id);
      r.effects.useSource(`notifications:${event.id}`);
      await notificationsConsumer.handle(event as never, r, { info: () => undefined } as never);
    });
    // …and its hold ran out (the lease outlives a send, not a crash)
    await store.database.transaction((t) =>
      t.update(
        'effects',
        { source: `notifications:${event.id}`, key: 'patient-4:appointment.cancelled' },
        {
          lease_until: 0,
        },
      ),
    );
    expect(sms.to('+79990000104')).toBe(0);
    // Act: the queue delivers the message again
    await send('notifications', event);
    await drain('notifications', notifications, () => sms.to('+79990000104') > 0);
    // Assess
    expect(sms.to('+79990000104')).toBe(1);
  });
});
