import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { later } from '../support/clock';
import { consentingPatient } from '../support/consents';
import { moscow, registerDoctor, slotStarts } from '../support/sponsors';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const hour = 3_600_000;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('booking records say what is true', () => {
  let cloud: TestCloud;
  let admin: string;
  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
  });
  afterAll(() => cloud.stop());

  it('refuses an in-person visit dated ahead, which would open follow-ups before anyone was seen', async () => {
    // Prepare
    const patientId = crypto.randomUUID();
    const visit = (visitedOn: string) =>
      cloud.request('POST', '/v1/in-person-visits', { token: admin, body: { patientId, visitedOn } });
    // Act
    const ahead = await visit(day(3));
    const yesterday = await visit(day(-1));
    // Assess
    expect([ahead.status, ahead.body.code]).toEqual([422, 'VISIT_IN_FUTURE']);
    expect(yesterday.status).toBe(201);
  });

  it('shows a hold past its expiry as expired', async () => {
    // Prepare
    const doctor = await registerDoctor(cloud, admin, 'therapist');
    const patient = await consentingPatient(cloud, crypto.randomUUID());
    const [start] = slotStarts(2, 1, 60);
    const held = await cloud.request('POST', '/v1/holds', {
      token: patient,
      body: { ...doctor, start, timeZone: moscow },
    });
    const read = () => cloud.request('GET', `/v1/appointments/${held.body.id}`, { token: patient });
    // Act
    const fresh = await read();
    const stale = await later(10 * 60_000, read);
    // Assess
    expect(fresh.body.status).toBe('held');
    expect(stale.body.status).toBe('expired');
  });

  it('replaces the whole schedule on PUT and answers with it as stored, so a field left out shows its default', async () => {
    // Prepare: a doctor whose schedule has buffers
    const created = await cloud.request('POST', '/v1/doctors', {
      token: admin,
      body: {
        fullName: 'Врач с перерывами',
        specialty: 'therapist',
        timeZone: moscow,
        services: [{ name: 'Видео', format: 'video', durationMinutes: 20, priceRub: 1000 }],
        schedule: { weekly: { '1': [{ from: '09:00', to: '13:00' }] }, bufferAfterMinutes: 10 },
      },
    });
    const put = (schedule: Record<string, unknown>) =>
      cloud.request('PUT', `/v1/doctors/${created.body.id}/schedule`, { token: admin, body: schedule });
    // Act: new hours without the buffer, then the schedule read back and sent whole with a change
    const replaced = await put({ weekly: { '2': [{ from: '10:00', to: '14:00' }] } });
    const kept = await put({ ...replaced.body.schedule, bufferAfterMinutes: 15 });
    // Assess
    expect(created.body.schedule.bufferAfterMinutes).toBe(10);
    expect(replaced.body.schedule).toMatchObject({
      weekly: { '2': [{ from: '10:00', to: '14:00' }] },
      bufferAfterMinutes: 0,
    });
    expect(kept.body.schedule).toMatchObject({
      weekly: { '2': [{ from: '10:00', to: '14:00' }] },
      bufferAfterMinutes: 15,
    });
  });

  it('refuses a duty shift overlapping another of the same doctor, and takes one that follows it', async () => {
    // Prepare
    const { doctorId } = await registerDoctor(cloud, admin, 'neurologist');
    const now = Date.now();
    const shift = (from: number, to: number) =>
      cloud.request('POST', '/v1/duty-shifts', {
        token: admin,
        body: { doctorId, start: new Date(from).toISOString(), end: new Date(to).toISOString() },
      });
    await shift(now + hour, now + 5 * hour);
    // Act
    const overlapping = await shift(now + 4 * hour, now + 8 * hour);
    const following = await shift(now + 5 * hour, now + 9 * hour);
    // Assess
    expect([overlapping.status, overlapping.body.code]).toEqual([409, 'SHIFT_OVERLAPS']);
    expect(following.status).toBe(201);
  });
});
