import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsents } from '../support/consents';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

describe('asynchronous consultations through the local gateway', () => {
  let cloud: TestCloud;
  let admin: string;
  let doctorId: string;
  let doctor: string;
  let patientId: string;
  let patient: string;

  const open = (body: Record<string, unknown>) =>
    cloud.request('POST', '/v1/consultations', { token: admin, body });
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();

  beforeAll(async () => {
    cloud = await startTestCloud();
    admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    const created = await cloud.request('POST', '/v1/doctors', {
      token: admin,
      body: {
        fullName: 'Кардиолог',
        specialty: 'cardiologist',
        timeZone: 'Europe/Moscow',
        services: [{ name: 'Переписка', format: 'async', durationMinutes: 30, priceRub: 3000 }],
      },
    });
    doctorId = created.body.id;
    doctor = await cloud.token('doctor', { tenant: 'clinic-1', subject: doctorId });
    const registered = await cloud.request('POST', '/v1/patients', {
      token: admin,
      body: { fullName: 'Пётр Иванов', phone: `+7916${String(Date.now()).slice(-7)}` },
    });
    patientId = registered.body.id;
    await giveConsents(cloud, patientId);
    patient = await cloud.token('patient', { subject: patientId });
  });
  afterAll(() => cloud.stop());

  it('carries a patient’s message with an attachment to the doctor, encrypted at rest and audited', async () => {
    // Prepare
    const contract = await open({
      doctorId,
      patientId,
      startsAt: iso(now - 3_600_000),
      endsAt: iso(now + 90 * 86_400_000),
    });
    const path = `/v1/consultations/${contract.body.id}`;
    const upload = await cloud.request('POST', `${path}/attachments`, {
      token: patient,
      body: { name: 'ecg.pdf', contentType: 'application/pdf' },
    });
    const put = await fetch(upload.body.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/pdf' },
      body: '%PDF-1.4 test ecg',
    });
    // Act
    const posted = await cloud.request('POST', `${path}/messages`, {
      token: patient,
      body: {
        body: 'Давление 160/100 третий день, прикладываю ЭКГ',
        attachments: [{ key: upload.body.key, name: 'ecg.pdf', contentType: 'application/pdf' }],
      },
    });
    const thread = await cloud.request('GET', path, { token: doctor });
    const file = await fetch(thread.body.messages[0].attachments[0].url);
    const audit = await cloud.request('GET', `/v1/audit-events?resourceId=${contract.body.id}`, {
      token: admin,
    });
    // Assess
    expect(contract.status).toBe(201);
    expect(put.status).toBe(200);
    expect(posted.status).toBe(201);
    expect(posted.body.answerDueAt).not.toBeNull();
    expect(thread.body.messages).toHaveLength(1);
    expect(thread.body.messages[0]).toMatchObject({
      authorRole: 'patient',
      body: 'Давление 160/100 третий день, прикладываю ЭКГ',
    });
    expect(await file.text()).toBe('%PDF-1.4 test ecg');
    expect(
      audit.body.items.map((e: { actorRole: string; action: string }) => `${e.actorRole}:${e.action}`),
    ).toEqual(['doctor:read', 'patient:create', 'patient:create']); // newest first: message, upload link
    const db = new DatabaseSync(join(cloud.dataDir, 'telemed.sqlite'), { readOnly: true });
    const stored = JSON.stringify(db.prepare('SELECT body FROM consultation_messages').all());
    db.close();
    expect(stored).not.toContain('Давление');
  });

  it('clears the answer deadline when the doctor answers', async () => {
    const contract = await open({
      doctorId,
      patientId,
      startsAt: iso(now - 3_600_000),
      endsAt: iso(now + 86_400_000),
      responseHours: 4,
    });
    const path = `/v1/consultations/${contract.body.id}`;
    await cloud.request('POST', `${path}/messages`, { token: patient, body: { body: 'Вопрос' } });
    const answer = await cloud.request('POST', `${path}/messages`, {
      token: doctor,
      body: { body: 'Ответ' },
    });
    const thread = await cloud.request('GET', path, { token: patient });
    expect(answer.status).toBe(201);
    expect(thread.body.messages.map((m: { answerDueAt: string | null }) => m.answerDueAt)).toEqual([
      null,
      null,
    ]);
  });

  it('refuses messages outside the period and rates an ended consultation exactly once', async () => {
    const ended = await open({
      doctorId,
      patientId,
      startsAt: iso(now - 10 * 86_400_000),
      endsAt: iso(now - 86_400_000),
    });
    const running = await open({
      doctorId,
      patientId,
      startsAt: iso(now - 86_400_000),
      endsAt: iso(now + 86_400_000),
    });
    const late = await cloud.request('POST', `/v1/consultations/${ended.body.id}/messages`, {
      token: patient,
      body: { body: 'x' },
    });
    const rated = await cloud.request('POST', `/v1/consultations/${ended.body.id}/rating`, {
      token: patient,
      body: { score: 5, comment: 'Спасибо' },
    });
    const again = await cloud.request('POST', `/v1/consultations/${ended.body.id}/rating`, {
      token: patient,
      body: { score: 1 },
    });
    const early = await cloud.request('POST', `/v1/consultations/${running.body.id}/rating`, {
      token: patient,
      body: { score: 4 },
    });
    expect(late).toMatchObject({ status: 409, body: { code: 'CONTRACT_NOT_ACTIVE' } });
    expect(rated).toMatchObject({ status: 200, body: { rating: 5 } });
    expect(again).toMatchObject({ status: 409, body: { code: 'ALREADY_RATED' } });
    expect(early).toMatchObject({ status: 409, body: { code: 'CONTRACT_NOT_ENDED' } });
  });

  it('keeps the thread to its patient, its doctor and the clinic, and refuses foreign attachments', async () => {
    const contract = await open({
      doctorId,
      patientId,
      startsAt: iso(now - 3_600_000),
      endsAt: iso(now + 86_400_000),
    });
    const path = `/v1/consultations/${contract.body.id}`;
    const stranger = await cloud.token('patient', { subject: crypto.randomUUID() });
    const otherAdmin = await cloud.token('clinic_admin', { tenant: 'clinic-2' });
    const insurer = await cloud.token('insurer', { tenant: 'ins-1' });
    expect((await cloud.request('GET', path, { token: stranger })).status).toBe(404);
    expect((await cloud.request('GET', path, { token: otherAdmin })).status).toBe(404);
    expect((await cloud.request('GET', path, { token: insurer })).status).toBe(403);
    expect((await cloud.request('GET', path, { token: admin })).status).toBe(200);
    const adminWrites = await cloud.request('POST', `${path}/messages`, {
      token: admin,
      body: { body: 'x' },
    });
    expect(adminWrites.status).toBe(403);
    const foreign = await cloud.request('POST', `${path}/messages`, {
      token: patient,
      body: {
        body: 'x',
        attachments: [{ key: 'consultations/other/file', name: 'f', contentType: 'text/plain' }],
      },
    });
    expect(foreign).toMatchObject({ status: 422, body: { code: 'ATTACHMENT_NOT_FOUND' } });
  });

  it('lists a doctor’s and a patient’s own contracts, and nobody else’s', async () => {
    // Prepare: a contract of this doctor and patient, and one of another doctor
    const ours = await open({ doctorId, patientId, startsAt: iso(now), endsAt: iso(now + 86_400_000) });
    const other = await cloud.request('POST', '/v1/doctors', {
      token: admin,
      body: {
        fullName: 'Другой врач',
        specialty: 'therapist',
        timeZone: 'Europe/Moscow',
        services: [{ name: 'Переписка', format: 'async', durationMinutes: 30, priceRub: 1000 }],
      },
    });
    const theirs = await open({
      doctorId: other.body.id,
      patientId,
      startsAt: iso(now),
      endsAt: iso(now + 1000),
    });
    // Act
    const doctorsList = await cloud.request('GET', '/v1/consultations', { token: doctor });
    const patientsList = await cloud.request('GET', '/v1/consultations', { token: patient });
    const stranger = await cloud.request('GET', '/v1/consultations', {
      token: await cloud.token('patient', { subject: crypto.randomUUID() }),
    });
    const asAdmin = await cloud.request('GET', '/v1/consultations', { token: admin });
    // Assess
    const ids = (list: { body: { items: { id: string }[] } }) => list.body.items.map((c) => c.id);
    expect(ids(doctorsList)).toContain(ours.body.id);
    expect(ids(doctorsList)).not.toContain(theirs.body.id);
    expect(ids(patientsList)).toEqual(expect.arrayContaining([ours.body.id, theirs.body.id]));
    expect(stranger.body.items).toEqual([]);
    expect(asAdmin.status).toBe(403);
  });

  it('refuses a contract for a patient who is not the clinic’s, changing nothing', async () => {
    // Prepare: a patient of clinic-2, and someone who is nobody's patient
    const otherAdmin = await cloud.token('clinic_admin', { tenant: 'clinic-2' });
    const theirs = await cloud.request('POST', '/v1/patients', {
      token: otherAdmin,
      body: { fullName: 'Чужой Пациент', phone: `+7915${String(Date.now()).slice(-7)}` },
    });
    const period = { startsAt: iso(now), endsAt: iso(now + 86_400_000) };
    // Act
    const otherClinics = await open({ doctorId, patientId: theirs.body.id, ...period });
    const nobody = await open({ doctorId, patientId: crypto.randomUUID(), ...period });
    // Assess
    expect(otherClinics).toMatchObject({ status: 422, body: { code: 'PATIENT_NOT_FOUND' } });
    expect(nobody).toMatchObject({ status: 422, body: { code: 'PATIENT_NOT_FOUND' } });
  });

  it('refuses a contract with a doctor of another clinic or a period that ends before it starts', async () => {
    const otherAdmin = await cloud.token('clinic_admin', { tenant: 'clinic-2' });
    const foreignDoctor = await cloud.request('POST', '/v1/consultations', {
      token: otherAdmin,
      body: { doctorId, patientId, startsAt: iso(now), endsAt: iso(now + 1000) },
    });
    const backwards = await open({ doctorId, patientId, startsAt: iso(now), endsAt: iso(now - 1000) });
    expect(foreignDoctor).toMatchObject({ status: 404, body: { code: 'DOCTOR_NOT_FOUND' } });
    expect(backwards).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });
});
