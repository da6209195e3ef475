import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { later } from '../support/clock';
import { invokeAsGateway } from '../support/invoke-later';
import { registerDoctor } from '../support/sponsors';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const week = 7 * 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * A post-knee-replacement plan through the running local cloud: sessions over simulated weeks
 * (the clock moved with `later`), a safety stop that tells the clinician, measures scored and
 * trended, the review queue and a versioned change; then the refusals, each with its code.
 */
describe('rehabilitation at home, end to end', () => {
  let cloud: TestCloud;
  let admin: string;
  let doctor: string;
  let doctorId: string;
  let patient: string;
  let patientId: string;
  const doctorsPhone = '+79990000777';
  const base = () => `/v1/patients/${patientId}/rehabilitation`;

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    admin = await cloud.token('clinic_admin', { tenant: 'clinic-r', subject: 'admin-r' });
    ({ doctorId } = await registerDoctor(cloud, admin, 'therapist'));
    doctor = await cloud.token('doctor', { tenant: 'clinic-r', subject: doctorId });
    await cloud.request('PUT', '/v1/me/notification-settings', {
      token: doctor,
      body: { phone: doctorsPhone, channels: ['sms'], language: 'ru', timeZone: 'Europe/Moscow' },
    });
    const registered = await cloud.request('POST', '/v1/patients', {
      token: admin,
      body: { fullName: 'Иван Коленный', phone: '+79160007001', birthDate: '1958-03-01' },
    });
    patientId = registered.body.id;
    patient = await cloud.token('patient', { subject: patientId });
  }, 60_000);
  afterAll(() => cloud?.stop());

  const callLater = (
    who: { role: 'patient' | 'doctor'; subject: string; tenant?: string },
    operationId: string,
    method: string,
    path: string,
    body?: unknown,
  ) =>
    invokeAsGateway(cloud, 'rehabilitation', who, {
      operationId,
      method,
      path,
      ...(path.includes(patientId) ? { params: { patientId } } : {}),
      body,
    });

  const doSession = async (token = patient) => {
    const started = await cloud.request('POST', `${base()}/sessions`, {
      token,
      body: { preCheck: { systolic: 128, diastolic: 78, heartRate: 72, spo2: 97, symptoms: [] } },
    });
    const done = await cloud.request('POST', `${base()}/sessions/current/completion`, {
      token,
      body: { exercises: [{ exerciseId: 'quad_sets', sets: 3, reps: 10 }], rpe: 12, pain: 3 },
    });
    return { started, done };
  };

  it('runs a post-knee plan: sessions over weeks, a safety stop, measures trended, queue, versions', async () => {
    // Prepare: the doctor starts a plan from the knee template
    const plan = await cloud.request('POST', `${base()}/plan`, {
      token: doctor,
      body: {
        templateId: 'knee_replacement_12w',
        startsOn: today(),
        sessionsPerWeek: 3,
        intensity: { age: 67 },
      },
    });
    // Act: week 1, three sessions done and a baseline walk and knee score
    const week1 = [await doSession(), await doSession(), await doSession()];
    const walk1 = await cloud.request('POST', `${base()}/measures`, {
      token: doctor,
      body: {
        measure: 'six_minute_walk',
        value: 300,
        subject: { age: 67, sex: 'male', heightCm: 178, weightKg: 84 },
      },
    });
    const knee1 = await cloud.request('POST', `${base()}/measures`, {
      token: patient,
      body: { measure: 'oxford_knee_score', items: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2] },
    });
    // week 2: one session, then a pre-check with SpO2 88 % stops
    const stopped = await later(week + 3_600_000, async () => {
      const asPatient = { role: 'patient' as const, subject: patientId };
      await callLater(asPatient, 'startRehabSession', 'POST', `${base()}/sessions`, {
        preCheck: { systolic: 128, diastolic: 78, heartRate: 72, spo2: 97, symptoms: [] },
      });
      await callLater(asPatient, 'completeRehabSession', 'POST', `${base()}/sessions/current/completion`, {
        exercises: [{ exerciseId: 'quad_sets', sets: 3, reps: 10 }],
        rpe: 12,
        pain: 3,
      });
      return callLater(asPatient, 'startRehabSession', 'POST', `${base()}/sessions`, {
        preCheck: { systolic: 210, diastolic: 120, heartRate: 80, spo2: 88, symptoms: [] },
      });
    });
    // week 3: adherence judged (week 2 had 1 of 3), measures again: walk better, knee worse
    const { walk2, knee2, queue, progress } = await later(2 * week + 3_600_000, async () => {
      await cloud.fireTimer('rehabilitation-adherence');
      const asDoctor = { role: 'doctor' as const, subject: doctorId, tenant: 'clinic-r' };
      const asPatient = { role: 'patient' as const, subject: patientId };
      const walk2 = await callLater(asDoctor, 'recordRehabMeasure', 'POST', `${base()}/measures`, {
        measure: 'six_minute_walk',
        value: 360,
        subject: { age: 67, sex: 'male', heightCm: 178, weightKg: 84 },
      });
      const knee2 = await callLater(asPatient, 'recordRehabMeasure', 'POST', `${base()}/measures`, {
        measure: 'oxford_knee_score',
        items: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      });
      const queue = await callLater(
        asDoctor,
        'listRehabReviewQueue',
        'GET',
        '/v1/rehabilitation/review-queue',
      );
      const progress = await callLater(asDoctor, 'getRehabProgress', 'GET', `${base()}/progress`);
      return { walk2, knee2, queue, progress };
    });
    const changed = await cloud.request('POST', `${base()}/plan/changes`, {
      token: doctor,
      body: { reason: 'Падение приверженности: 2 занятия в неделю', sessionsPerWeek: 2 },
    });
    const read = await cloud.request('GET', `${base()}/plan`, { token: patient });
    // Assess
    expect(plan.status).toBe(201);
    expect(plan.body).toMatchObject({
      version: 1,
      doctorId,
      condition: 'knee_replacement',
      sessionsPerWeek: 3,
    });
    expect(plan.body.intensity.rpe).toEqual({ from: 11, to: 13 });
    expect(week1.map((s) => [s.started.status, s.done.body.status])).toEqual(
      Array(3).fill([201, 'completed']),
    );
    expect(stopped.status).toBe(201);
    expect(stopped.body.status).toBe('stopped');
    expect(stopped.body.stop.findings.map((f: { reason: string }) => f.reason)).toEqual([
      'rest_blood_pressure_high',
      'low_oxygen',
    ]);
    expect(stopped.body.stop.instructions.ru).toMatch(/103 или 112/);
    expect(walk1.body).toMatchObject({ score: 300, band: 'below_normal' });
    expect(walk1.body.detail.predicted).toBeCloseTo(7.57 * 178 - 5.02 * 67 - 1.76 * 84 - 309, 0);
    expect([knee1.body.score, knee2.body.score, knee2.body.worsened, walk2.body.worsened]).toEqual([
      24,
      12,
      true,
      false,
    ]);
    const trends = Object.fromEntries(
      progress.body.measures.map((m: { measure: string; direction: string }) => [m.measure, m.direction]),
    );
    expect(trends).toEqual({ six_minute_walk: 'improving', oxford_knee_score: 'worsening' });
    expect(progress.body.weeks.slice(0, 2)).toEqual([
      { week: 1, planned: 3, done: 3, stopped: 0 },
      { week: 2, planned: 3, done: 1, stopped: 1 },
    ]);
    // The hourly judge and the measure write their items at nearly the same moment: order aside
    expect(queue.body.items.map((i: { reason: string }) => i.reason).sort()).toEqual([
      'adherence_drop',
      'safety_stop',
      'worsening',
    ]);
    expect(changed.body).toMatchObject({ version: 2, sessionsPerWeek: 2 });
    expect(read.body.versions).toMatchObject([
      { version: 1, changedBy: doctorId, changedByRole: 'doctor', sessionsPerWeek: 3 },
      {
        version: 2,
        changedBy: doctorId,
        reason: 'Падение приверженности: 2 занятия в неделю',
        sessionsPerWeek: 2,
      },
    ]);
  }, 90_000);

  it('refuses bad input with specific codes and changes nothing', async () => {
    // Prepare: a second patient of the clinic with a plan made by the admin, and one of another clinic
    const second = await cloud.request('POST', '/v1/patients', {
      token: admin,
      body: { fullName: 'Анна Вторая', phone: '+79160007002' },
    });
    const otherAdmin = await cloud.token('clinic_admin', { tenant: 'clinic-x', subject: 'admin-x' });
    const secondBase = `/v1/patients/${second.body.id}/rehabilitation`;
    // Act
    const noClinician = await cloud.request('POST', `${secondBase}/plan`, {
      token: admin,
      body: {
        templateId: 'cardiac_12w',
        startsOn: today(),
        intensity: { age: 55, betaBlocker: true, restingHeartRate: 64 },
      },
    });
    const withClinician = await cloud.request('POST', `${secondBase}/plan`, {
      token: admin,
      body: {
        templateId: 'cardiac_12w',
        doctorId,
        startsOn: today(),
        intensity: { age: 55, betaBlocker: true, restingHeartRate: 64 },
      },
    });
    const anotherPatientsPlan = await cloud.request('POST', `${secondBase}/sessions`, {
      token: patient,
      body: { preCheck: { symptoms: [] } },
    });
    const otherClinic = await cloud.request('GET', `${secondBase}/plan`, { token: otherAdmin });
    const impossibleSpo2 = await cloud.request('POST', `${base()}/sessions`, {
      token: patient,
      body: { preCheck: { spo2: 130, symptoms: [] } },
    });
    const inverted = await cloud.request('POST', `${base()}/sessions`, {
      token: patient,
      body: { preCheck: { systolic: 80, diastolic: 120, symptoms: [] } },
    });
    const badKnee = await cloud.request('POST', `${base()}/measures`, {
      token: patient,
      body: { measure: 'oxford_knee_score', items: [5, 5, 5] },
    });
    const emptyChange = await cloud.request('POST', `${base()}/plan/changes`, {
      token: doctor,
      body: { reason: 'нет' },
    });
    // Assess: HRmax 164 − 0.7×55 = 125.5 ≈ 126; 64 + 0.4×62 ≈ 89, 64 + 0.6×62 ≈ 101
    expect([noClinician.status, noClinician.body.code]).toEqual([422, 'REHAB_CLINICIAN_REQUIRED']);
    expect(withClinician.status).toBe(201);
    expect(withClinician.body.intensity.heartRate).toMatchObject({
      method: 'brawner_beta_blocker',
      from: 89,
      to: 101,
    });
    expect([anotherPatientsPlan.status, anotherPatientsPlan.body.code]).toEqual([404, 'NOT_FOUND']);
    expect(otherClinic.status).toBe(404);
    expect([impossibleSpo2.status, impossibleSpo2.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect([inverted.status, inverted.body.code]).toEqual([422, 'REHAB_VITALS_IMPOSSIBLE']);
    expect([badKnee.status, badKnee.body.code]).toEqual([422, 'REHAB_MEASURE_INVALID']);
    expect([emptyChange.status, emptyChange.body.code]).toEqual([422, 'REHAB_CHANGE_EMPTY']);
  }, 60_000);

  it('stops a back-pain session on saddle numbness as an emergency, triage reading it with the back pain', async () => {
    // Prepare: a patient of the clinic on the chronic low back pain template
    const registered = await cloud.request('POST', '/v1/patients', {
      token: admin,
      body: { fullName: 'Пётр Спинов', phone: '+79160007003' },
    });
    const backBase = `/v1/patients/${registered.body.id}/rehabilitation`;
    const backPatient = await cloud.token('patient', { subject: registered.body.id });
    const plan = await cloud.request('POST', `${backBase}/plan`, {
      token: doctor,
      body: { templateId: 'low_back_pain_8w', startsOn: today(), intensity: { age: 45 } },
    });
    // Act
    const session = await cloud.request('POST', `${backBase}/sessions`, {
      token: backPatient,
      body: { preCheck: { systolic: 125, diastolic: 80, symptoms: ['saddle_numbness'] } },
    });
    // Assess
    expect(plan.body.today.map((e: { exerciseId: string }) => e.exerciseId)).toEqual([
      'pelvic_tilt',
      'bridge',
      'walking',
    ]);
    expect(session.body.status).toBe('stopped');
    expect(session.body.stop).toMatchObject({ emergency: true, disposition: 'emergency' });
    expect(session.body.stop.instructions.ru).toMatch(
      /^Немедленно прекратите занятие. Позвоните 103 или 112/,
    );
  }, 60_000);
});
