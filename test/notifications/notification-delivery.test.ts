import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { type DeliveryContext, deliver } from '../../modules/notifications/deliver';
import { withEffects } from '../../platform/effects';
import { type Environment, withEnvironment } from '../../platform/environment';
import type { Repositories, Store } from '../../platform/store';
import { clockedStore } from '../support/clocked-store';

/** What the function's configuration needs besides the channels' own settings. */
const local: Environment = { APP_ENV: 'test', DB_DRIVER: 'sqlite', KMS_DRIVER: 'keyring' };

/** Decides in one transaction and sends after its commit, as the consumer and the timers do. */
const decideAndSend = (
  store: Store,
  decide: (r: Repositories, context: DeliveryContext) => Promise<string>,
  context: DeliveryContext,
  env: Environment = local, // the local capture's channels
) => withEnvironment(env, () => withEffects(store, `test:${crypto.randomUUID()}`, (r) => decide(r, context)));

/**
 * The cloud's channels against one local HTTP server: a Bot API that refuses every chat (403,
 * the user blocked the bot) and a Notification Service (SNS API) that takes every SMS.
 */
async function refusingTelegramAndSns() {
  const published: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.url?.startsWith('/bot')) {
        response
          .writeHead(403)
          .end('{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked"}');
        return;
      }
      published.push(new URLSearchParams(body).get('PhoneNumber') ?? '');
      response
        .writeHead(200, { 'Content-Type': 'text/xml' })
        .end(
          '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>',
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const env: Environment = {
    ...local,
    NOTIFY_DRIVER: 'cloud',
    SNS_ENDPOINT: root,
    TELEGRAM_API_ROOT: root,
    TELEGRAM_BOT_TOKEN: '123456:abcdefghijklmnopqrstuvwxyz0123456789',
    ACCESS_KEY_ID: 'local',
    SECRET_ACCESS_KEY: 'local',
  };
  return { env, published, close: () => server.close() };
}

const noon = Date.UTC(2026, 11, 1, 9); // 12:00 in Moscow, 16:00 in Novosibirsk

function setUp() {
  // The store's clock is the delivery's: the hourly limit counts records by their time.
  let clock = noon;
  const { store } = clockedStore('deliver', () => clock);
  const booked = (recipientId: string) => ({
    recipientId,
    template: 'appointment.booked',
    variables: { at: '2026-12-02T07:30:00.000Z', format: 'video' },
    tenantId: 'clinic-1',
    sourceEventId: crypto.randomUUID(),
  });
  return { store, booked, setNow: (ms: number) => (clock = ms) };
}

describe('delivering a notification', () => {
  it('sends through the first consented channel, in the recipient’s zone and language', async () => {
    // Prepare
    const { store, booked } = setUp();
    await store.transaction((r) =>
      r.notificationContacts.save({
        userId: 'u-1',
        phone: '+79160000001',
        email: null,
        telegramChatId: null,
        pushEndpoint: null,
        language: 'ru',
        timeZone: 'Asia/Novosibirsk',
        quietHours: null,
        channels: ['sms'],
      }),
    );
    // Act
    const status = await decideAndSend(store, (r, c) => deliver(r, booked('u-1'), c), {
      now: noon,
      hourlyLimit: 5,
    });
    const [sent] = await store.transaction((r) => r.capturedMessages.latest(1));
    const [record] = await store.transaction((r) => r.notifications.forRecipient('u-1'));
    // Assess: 07:30 UTC is 14:30 in Novosibirsk; queued in the transaction, sent after it
    expect(status).toBe('queued');
    expect(record).toMatchObject({ channel: 'sms', status: 'sent' });
    expect(sent).toMatchObject({ channel: 'sms', address: '+79160000001' });
    expect(sent?.body).toBe('Вы записаны на консультацию 2 декабря, 14:30 (GMT+7) (видео).');
  });

  it('falls back to the next channel when one fails for good, and records both outcomes', async () => {
    const { store, booked } = setUp();
    await store.transaction((r) =>
      r.notificationContacts.save({
        userId: 'u-2',
        phone: '+79160000002',
        email: null,
        telegramChatId: '12345',
        pushEndpoint: null,
        language: 'en',
        timeZone: 'Europe/Moscow',
        quietHours: null,
        channels: ['telegram', 'sms'],
      }),
    );
    const cloud = await refusingTelegramAndSns();
    await decideAndSend(
      store,
      (r, c) => deliver(r, booked('u-2'), c),
      { now: noon, hourlyLimit: 5 },
      cloud.env,
    );
    cloud.close();
    const records = await store.transaction((r) => r.notifications.forRecipient('u-2'));
    expect(cloud.published).toEqual(['+79160000002']);
    expect(records.map((n) => `${n.channel}:${n.status}`).sort()).toEqual(['sms:sent', 'telegram:failed']);
  });

  it('reaches an app by push at the platform endpoint it registered', async () => {
    const { store, booked } = setUp();
    await store.transaction((r) =>
      r.notificationContacts.save({
        userId: 'u-4',
        phone: null,
        email: null,
        telegramChatId: null,
        pushEndpoint: 'arn:aws:sns::b1g:endpoint/GCM/telemed/abc',
        language: 'en',
        timeZone: 'Europe/Moscow',
        quietHours: null,
        channels: ['push', 'sms'],
      }),
    );
    await decideAndSend(store, (r, c) => deliver(r, booked('u-4'), c), { now: noon, hourlyLimit: 5 });
    const [sent] = await store.transaction((r) => r.capturedMessages.latest(1));
    expect(sent).toMatchObject({ channel: 'push', address: 'arn:aws:sns::b1g:endpoint/GCM/telemed/abc' });
  });

  it('holds a message during quiet hours and drops one over the hourly limit', async () => {
    const { store, booked, setNow } = setUp();
    await store.transaction((r) =>
      r.notificationContacts.save({
        userId: 'u-3',
        phone: '+79160000003',
        email: null,
        telegramChatId: null,
        pushEndpoint: null,
        language: 'ru',
        timeZone: 'Europe/Moscow',
        quietHours: { from: '22:00', to: '08:00' },
        channels: ['sms'],
      }),
    );
    const night = Date.UTC(2026, 11, 1, 20); // 23:00 in Moscow
    const send = (now: number) => {
      setNow(now);
      return decideAndSend(store, (r, c) => deliver(r, booked('u-3'), c), { now, hourlyLimit: 2 });
    };
    const atNight = await send(night);
    const deferred = await store.transaction((r) =>
      r.deferredNotifications.due(Date.UTC(2026, 11, 2, 5), 10),
    );
    const daytime = [await send(noon), await send(noon + 1), await send(noon + 2)];
    expect(atNight).toBe('deferred');
    // Quiet hours end at 08:00 Moscow = 05:00 UTC
    expect(deferred.map((d) => new Date(d.sendAfter).toISOString())).toEqual(['2026-12-02T05:00:00.000Z']);
    expect(daytime).toEqual(['queued', 'queued', 'rate_limited']);
  });

  it('reaches a patient with no settings by SMS to the phone on their record, and records when nobody can be reached', async () => {
    const { store, booked } = setUp();
    await store.transaction((r) =>
      r.patients.create({
        id: 'p-9',
        clinicId: 'c',
        fullName: 'A',
        phone: '+79160000009',
        birthDate: null,
        medicalNotes: null,
      }),
    );
    const [registered, unknown] = await decideAndSend(
      store,
      async (r, c) => [await deliver(r, booked('p-9'), c), await deliver(r, booked('nobody'), c)].join(),
      { now: noon, hourlyLimit: 5 },
    ).then((both) => both.split(','));
    const [sent] = await store.transaction((r) => r.capturedMessages.latest(1));
    expect([registered, unknown]).toEqual(['queued', 'no_contact']);
    expect(sent).toMatchObject({ channel: 'sms', address: '+79160000009' });
  });
});
