import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../platform/services';
import { later } from '../support/clock';
import { eventually } from '../support/eventually';
import { registerDoctor, slotStarts } from '../support/sponsors';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

interface Sms {
  address: string;
  body: string;
}

/**
 * Issue 23's consent journey on the local cloud: an app patient registers, is refused a booking
 * until they give the consents it needs, books; withdraws the notifications consent, and from
 * then on their phone gets no reminder, but still hears that the clinic cancelled the visit.
 */
describe('journey: an app patient’s consents decide what they may book and what reaches their phone', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
  });
  afterAll(() => cloud.stop());

  const smsTo = async (phone: string) => {
    await cloud.fireTimer('outbox-relay');
    return ((await cloud.devRequest('GET', '/v1/dev/outbox')).body.items as Sms[]).filter(
      (m) => m.address === phone,
    );
  };

  it('refuses a hold until the consents are given, then books; after withdrawing notifications only the cancellation arrives', async () => {
    // Prepare: a clinic's doctor, and a person with the app who is nobody's patient yet
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    const doctor = await registerDoctor(cloud, admin, 'therapist');
    const patientId = crypto.randomUUID();
    const patient = await cloud.token('patient', { subject: patientId });
    const phone = `+7916${String(Date.now()).slice(-7)}`;
    const [start] = slotStarts(3, 1, 70) as [string];
    const hold = () =>
      cloud.request('POST', '/v1/holds', {
        token: patient,
        body: { ...doctor, start, timeZone: 'Europe/Moscow' },
      });

    // Act: register, try to book, read the texts and consent to each, book
    const registered = await cloud.request('POST', '/v1/me/registration', {
      token: patient,
      body: { clinicId: 'clinic-1', fullName: 'Анна Приложенская', phone },
    });
    const refused = await hold();
    const texts = (await cloud.request('GET', '/v1/consent-texts')).body.items as {
      purpose: string;
      version: string;
      text: string;
      sha256: string;
    }[];
    const given = [];
    for (const purpose of refused.body.missingPurposes as string[]) {
      const text = texts.find((t) => t.purpose === purpose);
      given.push(
        await cloud.request('POST', `/v1/patients/${patientId}/consents`, {
          token: patient,
          body: { purpose, version: text?.version },
          headers: { 'User-Agent': 'TelemedApp/1.0' },
        }),
      );
    }
    const held = await hold();
    const confirmed = await cloud.request('POST', `/v1/appointments/${held.body.id}/confirm`, {
      token: patient,
    });
    const booked = await eventually(
      () => smsTo(phone),
      (found) => found.some((m) => m.body.startsWith('Вы записаны')),
    );

    // Assess: refused with the purposes listed; each consent kept with the version and hash of the text read
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ id: patientId, clinicId: 'clinic-1', phone });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.code).toBe('CONSENT_REQUIRED');
    expect(refused.body.missingPurposes).toEqual(['personal_data', 'health_data', 'telemedicine']);
    for (const [i, consent] of given.entries()) {
      const text = texts.find((t) => t.purpose === consent.body.purpose);
      expect(consent.status).toBe(201);
      expect(consent.body).toMatchObject({
        purpose: refused.body.missingPurposes[i],
        action: 'given',
        version: text?.version,
        textSha256: createHash('sha256').update(String(text?.text)).digest('hex'),
        language: 'ru',
        channel: 'app',
        evidence: { userAgent: 'TelemedApp/1.0', ip: expect.any(String) },
      });
    }
    expect(held.status).toBe(201);
    expect(confirmed.body.status).toBe('booked');
    expect(booked.filter((m) => m.body.startsWith('Вы записаны'))).toHaveLength(1);

    // Act: consent to notifications, then withdraw it
    const notifications = texts.find((t) => t.purpose === 'notifications');
    await cloud.request('POST', `/v1/patients/${patientId}/consents`, {
      token: patient,
      body: { purpose: 'notifications', version: notifications?.version },
    });
    const withdrawn = await cloud.request('POST', `/v1/patients/${patientId}/consent-withdrawals`, {
      token: patient,
      body: { purpose: 'notifications' },
    });
    // Assess: the answer says what stops, what still comes and what is kept
    expect(withdrawn.status).toBe(201);
    expect(withdrawn.body).toMatchObject({ purpose: 'notifications', action: 'withdrawn', channel: 'app' });
    expect(withdrawn.body.effects.stopsNow.join(' ')).toContain('Напоминания');
    expect(withdrawn.body.effects.continues.join(' ')).toContain('отмене визита');
    expect(withdrawn.body.effects.kept.length).toBeGreaterThan(0);

    // Act: the day before, the reminder falls due; then the clinic cancels the visit
    const startMs = Date.parse(start);
    await later(startMs - 24 * 3_600_000 + 30_000 - Date.now(), () => cloud.fireTimer('reminders'));
    await cloud.fireTimer('outbox-relay');
    const { store } = await getServices();
    const reminderDecided = await eventually(
      () => store.transaction((r) => r.notifications.forRecipient(patientId)),
      (found) => found.some((n) => n.template.startsWith('appointment.reminder')),
    );
    const cancelled = await cloud.request('POST', `/v1/appointments/${held.body.id}/cancel`, {
      token: admin,
    });
    const received = await eventually(
      () => smsTo(phone),
      (found) => found.some((m) => m.body.includes('отменена')),
    );

    // Assess: since the withdrawal, no reminder reached the phone; the cancellation did
    expect(reminderDecided.find((n) => n.template.startsWith('appointment.reminder'))?.status).toBe(
      'withdrawn',
    );
    expect(cancelled.status).toBe(200);
    expect(received.filter((m) => m.body.startsWith('Завтра'))).toEqual([]);
    expect(received.filter((m) => m.body.includes('отменена'))).toHaveLength(1);
  });
});
