import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { later } from '../support/clock';
import { giveConsents } from '../support/consents';
import { eventually } from '../support/eventually';
import { registerDoctor, slotStarts } from '../support/sponsors';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/**
 * A patient of a clinic books through the app from Novosibirsk: the SMS that confirms it shows
 * the time where they are, not Moscow's. Through the running local cloud to the captured SMS.
 */
describe('journey: an app booking confirmed by SMS in the patient’s zone', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
  });
  afterAll(() => cloud.stop());

  it('sends the booked patient an SMS, and the day before a reminder, with the visit’s time in Novosibirsk', async () => {
    // Prepare: a doctor in Moscow, a registered patient with a phone, booking in Asia/Novosibirsk
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    const doctor = await registerDoctor(cloud, admin, 'therapist');
    const phone = `+7913${String(Date.now()).slice(-7)}`;
    const registered = await cloud.request('POST', '/v1/patients', {
      token: admin,
      body: { fullName: 'Ольга Сибирская', phone },
    });
    await giveConsents(cloud, registered.body.id);
    const patient = await cloud.token('patient', { subject: registered.body.id });
    const [start] = slotStarts(3, 1, 70);
    // Act
    const held = await cloud.request('POST', '/v1/holds', {
      token: patient,
      body: { ...doctor, start, timeZone: 'Asia/Novosibirsk' },
    });
    const confirmed = await cloud.request('POST', `/v1/appointments/${held.body.id}/confirm`, {
      token: patient,
    });
    await cloud.fireTimer('outbox-relay');
    const sms = await eventually(
      async () =>
        (
          (await cloud.devRequest('GET', '/v1/dev/outbox')).body.items as { address: string; body: string }[]
        ).filter((m) => m.address === phone && m.body.startsWith('Вы записаны')),
      (found) => found.length > 0,
    );
    const startMs = Date.parse(start as string);
    await later(startMs - 24 * 3_600_000 + 30_000 - Date.now(), () => cloud.fireTimer('reminders'));
    await cloud.fireTimer('outbox-relay');
    const reminder = await eventually(
      async () =>
        (
          (await cloud.devRequest('GET', '/v1/dev/outbox')).body.items as { address: string; body: string }[]
        ).filter((m) => m.address === phone && m.body.startsWith('Завтра')),
      (found) => found.length > 0,
    );
    // Assess
    const local = DateTime.fromISO(start as string, { zone: 'Asia/Novosibirsk' }).setLocale('ru');
    expect(confirmed.body.status).toBe('booked');
    expect(sms).toHaveLength(1);
    expect(sms[0]?.body).toBe(
      `Вы записаны на консультацию ${local.toFormat("d MMMM, HH:mm '('ZZZZ')'")} (видео).`,
    );
    expect(reminder).toHaveLength(1);
    expect(reminder[0]?.body).toContain(local.toFormat('HH:mm'));
  });
});
