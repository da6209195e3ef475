import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../events/envelope';
import { notificationRequestedV1 } from '../../modules/notifications/events/notification-requested.v1';
import { getServices } from '../../platform/services';
import { eventually } from '../support/eventually';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

describe('notifications on the local cloud', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
  });
  afterAll(() => cloud.stop());

  it('sends a registered patient a welcome SMS that a developer can read at /v1/dev/outbox', async () => {
    // Prepare
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-1' });
    await cloud.request('POST', '/v1/patients', {
      token: admin,
      body: { fullName: 'Мария Орлова', phone: '+79161112233', medicalNotes: 'бронхиальная астма' },
    });
    // Act
    await cloud.fireTimer('outbox-relay');
    const outbox = await eventually(
      () => cloud.devRequest('GET', '/v1/dev/outbox'),
      (found) => found.body.items.length > 0,
    );
    // Assess: the welcome goes to the phone on record and says nothing of the patient's health
    expect(outbox.body.items).toHaveLength(1);
    expect(outbox.body.items[0]).toMatchObject({ channel: 'sms', address: '+79161112233' });
    expect(outbox.body.items[0].body).toContain('Вы зарегистрированы');
    expect(JSON.stringify(outbox.body)).not.toContain('астма');
  });

  it('sends what another function asks for with notification.requested, and records a template nobody wrote as undeliverable', async () => {
    // Prepare
    const patient = await cloud.token('patient', { subject: 'patient-77' });
    await cloud.request('PUT', '/v1/me/notification-settings', {
      token: patient,
      body: { phone: '+79160000077', channels: ['sms'], timeZone: 'Asia/Vladivostok' },
    });
    const { store } = await getServices();
    const ask = (template: string) =>
      createEvent(
        notificationRequestedV1,
        { recipientId: 'patient-77', template, variables: { at: '2026-12-05T00:00:00Z', format: 'chat' } },
        { correlationId: 'test', tenant: 'clinic-1' },
      );
    // Act
    await store.transaction(async (r) => {
      await r.outbox.add(notificationRequestedV1.queue, ask('appointment.reminder_24h'));
      await r.outbox.add(notificationRequestedV1.queue, ask('no.such.template'));
    });
    await cloud.fireTimer('outbox-relay');
    const records = await eventually(
      () => store.transaction((r) => r.notifications.forRecipient('patient-77')),
      (found) => found.length >= 2,
    );
    const outbox = await cloud.devRequest('GET', '/v1/dev/outbox');
    // Assess: 00:00 UTC is 10:00 in Vladivostok
    expect(records.map((n) => `${n.template}:${n.status}`).sort()).toEqual([
      'appointment.reminder_24h:sent',
      'no.such.template:undeliverable',
    ]);
    expect(outbox.body.items.find((m: { address: string }) => m.address === '+79160000077')?.body).toBe(
      'Завтра в 5 декабря, 10:00 (GMT+10) у вас консультация (чат).',
    );
  });

  it('keeps each user’s own channels, consent and quiet hours, and refuses bad ones', async () => {
    const patient = await cloud.token('patient', { subject: 'patient-42' });
    const saved = await cloud.request('PUT', '/v1/me/notification-settings', {
      token: patient,
      body: {
        phone: '+79160000042',
        language: 'en',
        timeZone: 'Asia/Yakutsk',
        quietHours: { from: '23:00', to: '07:30' },
        channels: ['sms'],
      },
    });
    const read = await cloud.request('GET', '/v1/me/notification-settings', { token: patient });
    const bad = await cloud.request('PUT', '/v1/me/notification-settings', {
      token: patient,
      body: { channels: ['pigeon'], timeZone: 'Nowhere/City' },
    });
    expect(saved.status).toBe(200);
    expect(read.body).toMatchObject({
      userId: 'patient-42',
      timeZone: 'Asia/Yakutsk',
      channels: ['sms'],
      quietHours: { from: '23:00' },
    });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });
});
