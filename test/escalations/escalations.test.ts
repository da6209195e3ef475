import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { later } from '../support/clock';
import { eventually } from '../support/eventually';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

describe('crisis escalation on the local cloud', () => {
  let cloud: TestCloud;
  let admin: string;
  beforeAll(async () => {
    // The SLA as configured (10 minutes): the tests move the clock past it instead of waiting.
    cloud = await startTestCloud({
      env: { RELAY_MAX_RUN_SECONDS: '0', ESCALATION_SLA_MINUTES: '10', CRISIS_DUTY_TENANT: 'clinic-7' },
    });
    admin = await cloud.token('clinic_admin', { tenant: 'clinic-7' });
    await cloud.request('PUT', '/v1/on-call/contacts', {
      token: admin,
      body: {
        duty: { phone: '+79990000001', channels: ['sms'] },
        admins: { phone: '+79990000002', channels: ['sms'] },
      },
    });
  });
  afterAll(() => cloud.stop());

  const crisis = async (tenant?: string) => {
    const patient = await cloud.token('patient', {
      ...(tenant ? { tenant } : {}),
      subject: crypto.randomUUID(),
    });
    await cloud.request('POST', '/v1/triage/intake', {
      token: patient,
      body: { phq9: [0, 0, 0, 0, 0, 0, 0, 0, 2] },
    });
    await cloud.fireTimer('outbox-relay');
  };
  const smsTo = (phone: string, count: number) =>
    eventually(
      async () =>
        (await cloud.devRequest('GET', '/v1/dev/outbox')).body.items.filter(
          (m: { address: string }) => m.address === phone,
        ) as { body: string }[],
      (found) => found.length >= count,
    );

  it('tells the on-call clinician at once and, unacknowledged past the SLA, the clinic admins', async () => {
    // Act
    await crisis('clinic-7');
    const toDuty = await smsTo('+79990000001', 1);
    await later(11 * 60_000, () => cloud.fireTimer('escalation-watch'));
    const toAdmins = await smsTo('+79990000002', 1);
    // Assess: urgent, with a reference, and nothing about the patient's answers
    expect(toDuty).toHaveLength(1);
    expect(toDuty[0]?.body).toMatch(/^Пациенту нужна срочная помощь специалиста\..*\(код [0-9a-f]{8}\)\.$/);
    expect(toAdmins).toHaveLength(1);
  });

  it('stops when someone acknowledges, and records each step', async () => {
    // Prepare
    const doctor = await cloud.token('doctor', { tenant: 'clinic-7', subject: 'doctor-on-call' });
    const before = (await smsTo('+79990000002', 0)).length;
    await crisis('clinic-7');
    const [toDuty] = await smsTo('+79990000001', 2);
    const ref = toDuty?.body.match(/код ([0-9a-f]{8})/)?.[1];
    // Act: find the escalation by its reference among the doctor's pending ones and acknowledge it
    const { store } = await import('../../platform/services').then((m) => m.getServices());
    const pending = await store.database.transaction((t) =>
      t.find('escalations', { where: { tenant_id: 'clinic-7' } }),
    );
    const escalation = pending.find((row) => String(row.id).startsWith(ref ?? '-'));
    const acknowledged = await cloud.request('POST', `/v1/escalations/${escalation?.id}/ack`, {
      token: doctor,
    });
    await later(11 * 60_000, () => cloud.fireTimer('escalation-watch'));
    const stranger = await cloud.token('doctor', { tenant: 'clinic-8' });
    const hidden = await cloud.request('GET', `/v1/escalations/${escalation?.id}`, { token: stranger });
    // Assess
    expect(acknowledged.body).toMatchObject({ acknowledgedBy: 'doctor-on-call', level: 0 });
    expect(acknowledged.body.steps).toEqual([
      expect.objectContaining({ level: 0, recipientId: 'duty:clinic-7', status: 'sent' }),
    ]);
    expect((await smsTo('+79990000002', 0)).length).toBe(before);
    expect(hidden.status).toBe(404);
  });

  it('gives the crisis of a patient who belongs to no clinic to the configured duty clinic', async () => {
    const before = (await smsTo('+79990000001', 0)).length;
    await crisis();
    const toDuty = await smsTo('+79990000001', before + 1);
    expect(toDuty.length).toBe(before + 1);
  });
});
