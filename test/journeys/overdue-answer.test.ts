import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { later } from '../support/clock';
import { giveConsents } from '../support/consents';
import { eventually } from '../support/eventually';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/**
 * A patient's written question goes unanswered past the contract's deadline: the clinic admin
 * gets an SMS to hurry the doctor. Through the running local cloud, from the first request to
 * the message captured for the admin's phone; the clock is moved, not waited for.
 */
describe('journey: an unanswered question reaches the clinic admin', () => {
  let cloud: TestCloud;
  const adminsPhone = '+79990000301';
  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
  });
  afterAll(() => cloud.stop());

  const smsTo = (phone: string) =>
    cloud
      .devRequest('GET', '/v1/dev/outbox')
      .then((r) => (r.body.items as { address: string; body: string }[]).filter((m) => m.address === phone));

  it('sends the admin one SMS once the answer is overdue, and none before', async () => {
    // Prepare: a clinic with its admins' phone, a doctor, a 24-hour contract and the patient's question
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    await cloud.request('PUT', '/v1/on-call/contacts', {
      token: admin,
      body: {
        duty: { phone: '+79990000300', channels: ['sms'] },
        admins: { phone: adminsPhone, channels: ['sms'] },
      },
    });
    const doctor = await cloud.request('POST', '/v1/doctors', {
      token: admin,
      body: {
        fullName: 'Кардиолог',
        specialty: 'cardiologist',
        timeZone: 'Europe/Moscow',
        services: [{ name: 'Переписка', format: 'async', durationMinutes: 30, priceRub: 3000 }],
      },
    });
    const registered = await cloud.request('POST', '/v1/patients', {
      token: admin,
      body: { fullName: 'Анна Ждущая', phone: `+7917${String(Date.now()).slice(-7)}` },
    });
    const patientId = registered.body.id;
    await giveConsents(cloud, patientId);
    const contract = await cloud.request('POST', '/v1/consultations', {
      token: admin,
      body: {
        doctorId: doctor.body.id,
        patientId,
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        endsAt: new Date(Date.now() + 90 * 86_400_000).toISOString(),
        responseHours: 24,
      },
    });
    const patient = await cloud.token('patient', { subject: patientId });
    const asked = await cloud.request('POST', `/v1/consultations/${contract.body.id}/messages`, {
      token: patient,
      body: { body: 'Можно ли принимать препарат вечером?', attachments: [] },
    });
    // Act: the watch an hour before the deadline, then a day later
    await later(23 * 3_600_000, () => cloud.fireTimer('sla-watch'));
    await cloud.fireTimer('outbox-relay');
    const early = await smsTo(adminsPhone);
    await later(25 * 3_600_000, () => cloud.fireTimer('sla-watch'));
    await cloud.fireTimer('outbox-relay');
    const overdue = await eventually(
      () => smsTo(adminsPhone),
      (found) => found.length > 0,
    );
    // Assess
    expect(asked.status).toBe(201);
    expect(early).toEqual([]);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.body).toMatch(/^Пациент ждёт ответа врача дольше положенного \(срок истёк .+\)\.$/);
  });
});
