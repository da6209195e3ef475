import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentingPatient } from '../support/consents';
import { inDays, today } from '../support/sponsors';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const hour = 3_600_000;

describe('"a doctor now" from the duty roster', () => {
  let cloud: TestCloud;
  let admin: string;

  const as = (token: string) => ({
    get: (path: string) => cloud.request('GET', path, { token }),
    post: (path: string, body?: unknown) => cloud.request('POST', path, { token, ...(body ? { body } : {}) }),
  });
  const patient = () => consentingPatient(cloud, crypto.randomUUID());
  /** A doctor with no weekly hours at all: only the roster makes them available. */
  const rosterOnlyDoctor = async (specialty: string, token = admin) => {
    const created = await as(token).post('/v1/doctors', {
      fullName: 'Дежурный Врач',
      specialty,
      timeZone: 'Asia/Yekaterinburg',
      services: [{ name: 'Срочная видеоконсультация', format: 'video', durationMinutes: 20, priceRub: 900 }],
      schedule: { weekly: {}, bufferAfterMinutes: 5 },
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const putOnDuty = (doctorId: string, from = Date.now() - hour, to = Date.now() + 4 * hour) =>
    as(admin).post('/v1/duty-shifts', {
      doctorId,
      start: new Date(from).toISOString(),
      end: new Date(to).toISOString(),
    });

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
  });
  afterAll(() => cloud.stop());

  it('holds the next minutes of a doctor on duty, outside their weekly hours, and books it on confirmation', async () => {
    // Prepare
    const doctorId = await rosterOnlyDoctor('pediatrician');
    expect((await putOnDuty(doctorId)).status).toBe(201);
    const token = await patient();
    const before = Date.now();
    // Act
    const held = await as(token).post('/v1/urgent-holds', {
      specialty: 'pediatrician',
      timeZone: 'Europe/Samara',
    });
    const booked = await as(token).post(`/v1/appointments/${held.body.id}/confirm`);
    // Assess: within the next 5-minute cell, with that doctor, shown in the patient's zone
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({ doctorId, urgent: true, status: 'held', format: 'video' });
    const start = Date.parse(held.body.start);
    expect(start).toBeGreaterThanOrEqual(before);
    expect(start - before).toBeLessThanOrEqual(5 * 60_000);
    expect(held.body.patientLocalStart).toMatch(/\+04:00$/);
    expect(booked.status).toBe(200);
    expect(booked.body).toMatchObject({ status: 'booked', urgent: true });
    expect(booked.body.videoLink).toMatch(/^https:\/\//);
  });

  it('gives each doctor on duty one urgent visit at a time and says NO_DOCTOR_ON_DUTY when all are busy', async () => {
    // Prepare: two neurologists on duty
    const doctors = [await rosterOnlyDoctor('neurologist'), await rosterOnlyDoctor('neurologist')];
    for (const doctorId of doctors) expect((await putOnDuty(doctorId)).status).toBe(201);
    // Act: three patients at once
    const results = await Promise.all(
      [1, 2, 3].map(async () => as(await patient()).post('/v1/urgent-holds', { specialty: 'neurologist' })),
    );
    // Assess
    const won = results.filter((r) => r.status === 201);
    expect(won.map((r) => r.body.doctorId).sort()).toEqual([...doctors].sort());
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.map((r) => [r.status, r.body.code])).toEqual([[409, 'NO_DOCTOR_ON_DUTY']]);
  });

  it('does not use a doctor whose shift ends before the visit would', async () => {
    // Prepare: the shift ends in 10 minutes, the visit lasts 20
    const doctorId = await rosterOnlyDoctor('dermatologist');
    expect((await putOnDuty(doctorId, Date.now() - hour, Date.now() + 10 * 60_000)).status).toBe(201);
    // Act
    const held = await as(await patient()).post('/v1/urgent-holds', { specialty: 'dermatologist' });
    // Assess
    expect(held.status).toBe(409);
    expect(held.body.code).toBe('NO_DOCTOR_ON_DUTY');
  });

  it('refuses a shift that ends before it starts, lasts over a day, or names another clinic’s doctor, and records none', async () => {
    // Prepare
    const doctorId = await rosterOnlyDoctor('urologist');
    const otherAdmin = await cloud.token('clinic_admin', { tenant: 'clinic-2', subject: 'admin-2' });
    const otherDoctor = await rosterOnlyDoctor('urologist', otherAdmin);
    const now = Date.now();
    // Act
    const backwards = await putOnDuty(doctorId, now + 2 * hour, now + hour);
    const tooLong = await putOnDuty(doctorId, now, now + 25 * hour);
    const foreign = await putOnDuty(otherDoctor);
    const listed = await as(admin).get(
      `/v1/duty-shifts?${new URLSearchParams({ from: new Date(now - 2 * hour).toISOString(), to: new Date(now + 2 * hour).toISOString() })}`,
    );
    // Assess
    expect([backwards.status, backwards.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect([tooLong.status, tooLong.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'DOCTOR_NOT_FOUND']);
    expect(listed.status).toBe(200);
    expect(listed.body.items.filter((s: { doctorId: string }) => s.doctorId === doctorId)).toEqual([]);
    const held = await as(await patient()).post('/v1/urgent-holds', { specialty: 'urologist' });
    expect(held.body.code).toBe('NO_DOCTOR_ON_DUTY');
  });

  it('lets a patient neither move an urgent visit nor book one for someone else', async () => {
    // Prepare
    const doctorId = await rosterOnlyDoctor('ent');
    await putOnDuty(doctorId);
    const token = await patient();
    const held = await as(token).post('/v1/urgent-holds', { specialty: 'ent' });
    await as(token).post(`/v1/appointments/${held.body.id}/confirm`);
    // Act
    const moved = await as(token).post(`/v1/appointments/${held.body.id}/reschedule`, {
      start: DateTime.now().plus({ days: 2 }).startOf('hour').toUTC().toISO(),
    });
    const forOther = await as(token).post('/v1/urgent-holds', {
      specialty: 'ent',
      patientId: 'someone-else',
    });
    // Assess
    expect([moved.status, moved.body.code]).toEqual([409, 'URGENT_NOT_MOVABLE']);
    expect(forOther.status).toBe(403);
  });

  it('charges an urgent visit to a policy only when its product includes the doctor on duty', async () => {
    // Prepare: a product without the doctor on duty, a policy of it linked to a patient
    const doctorId = await rosterOnlyDoctor('therapist');
    await putOnDuty(doctorId);
    const insurer = await cloud.token('insurer', { tenant: 'insurer-1', subject: 'insurer-api' });
    const product = await as(insurer).post('/v1/insurance-products', {
      name: 'Без дежурного врача',
      consultationsPerYear: 5,
      specialties: ['therapist'],
      dutyDoctor: false,
    });
    const number = `П-${crypto.randomUUID().slice(0, 8)}`;
    const policy = await as(insurer).post('/v1/policies', {
      productId: product.body.id,
      number,
      holderBirthDate: '1985-03-14',
      startsOn: today(),
      endsOn: inDays(300),
    });
    const subject = crypto.randomUUID();
    const token = await consentingPatient(cloud, subject);
    await as(token).post('/v1/coverage', {
      policy: { insurerId: 'insurer-1', number, birthDate: '1985-03-14' },
    });
    // Act
    const sponsored = await as(token).post('/v1/urgent-holds', {
      specialty: 'therapist',
      payer: { type: 'policy', policyId: policy.body.id },
    });
    const selfPaid = await as(token).post('/v1/urgent-holds', { specialty: 'therapist' });
    // Assess: refused as not covered, and the doctor stays free for the self-paid visit
    expect([sponsored.status, sponsored.body.code]).toEqual([422, 'NO_COVERAGE']);
    expect(selfPaid.status).toBe(201);
    expect(selfPaid.body).toMatchObject({ doctorId, payerType: 'self' });
  });
});
