import { describe, expect, it } from 'vitest';
import { captureChannel } from '../../modules/notifications/channels/capture';
import { type Channel, PermanentFailure } from '../../modules/notifications/channels/port';
import { deliver } from '../../modules/notifications/deliver';
import { clockedStore } from '../support/clocked-store';

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

const refusing: Channel = {
  name: 'telegram',
  send: async () => {
    throw new PermanentFailure('bot blocked');
  },
};

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
    const status = await store.transaction(async (r) =>
      deliver(r, booked('u-1'), {
        now: noon,
        channels: { sms: captureChannel('sms', r.capturedMessages) },
        hourlyLimit: 5,
      }),
    );
    const [sent] = await store.transaction((r) => r.capturedMessages.latest(1));
    // Assess: 07:30 UTC is 14:30 in Novosibirsk
    expect(status).toBe('sent');
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
    const status = await store.transaction(async (r) =>
      deliver(r, booked('u-2'), {
        now: noon,
        channels: { telegram: refusing, sms: captureChannel('sms', r.capturedMessages) },
        hourlyLimit: 5,
      }),
    );
    const records = await store.transaction((r) => r.notifications.forRecipient('u-2'));
    expect(status).toBe('sent');
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
    const status = await store.transaction(async (r) =>
      deliver(r, booked('u-4'), {
        now: noon,
        channels: { push: captureChannel('push', r.capturedMessages) },
        hourlyLimit: 5,
      }),
    );
    const [sent] = await store.transaction((r) => r.capturedMessages.latest(1));
    expect(status).toBe('sent');
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
    const send = (now: number) =>
      store.transaction(async (r) => {
        setNow(now);
        return deliver(r, booked('u-3'), {
          now,
          channels: { sms: captureChannel('sms', r.capturedMessages) },
          hourlyLimit: 2,
        });
      });
    const atNight = await send(night);
    const deferred = await store.transaction((r) =>
      r.deferredNotifications.due(Date.UTC(2026, 11, 2, 5), 10),
    );
    const daytime = [await send(noon), await send(noon + 1), await send(noon + 2)];
    expect(atNight).toBe('deferred');
    // Quiet hours end at 08:00 Moscow = 05:00 UTC
    expect(deferred.map((d) => new Date(d.sendAfter).toISOString())).toEqual(['2026-12-02T05:00:00.000Z']);
    expect(daytime).toEqual(['sent', 'sent', 'rate_limited']);
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
    const [registered, unknown] = await store.transaction(async (r) => {
      const channels = { sms: captureChannel('sms', r.capturedMessages) };
      return [
        await deliver(r, booked('p-9'), { now: noon, channels, hourlyLimit: 5 }),
        await deliver(r, booked('nobody'), { now: noon, channels, hourlyLimit: 5 }),
      ];
    });
    expect([registered, unknown]).toEqual(['sent', 'no_contact']);
  });
});
