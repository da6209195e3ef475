import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../platform/services';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

describe('triage through the local gateway', () => {
  let cloud: TestCloud;
  let patient: string;
  const patientId = crypto.randomUUID();

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    patient = await cloud.token('patient', { subject: patientId, tenant: 'clinic-1' });
  });
  afterAll(() => cloud.stop());

  const assess = (body: unknown, headers: Record<string, string> = {}, token = patient) =>
    cloud.request('POST', '/v1/triage', { token, body, headers });
  const sqliteRow = (id: string) => {
    const db = new DatabaseSync(process.env.SQLITE_PATH as string, { readOnly: true });
    try {
      return db.prepare('SELECT * FROM triage_decisions WHERE id = ?').get(id);
    } finally {
      db.close();
    }
  };

  it('answers an emergency in Russian with the call-now instruction and stores the inputs encrypted', async () => {
    // Prepare
    const complaint = 'Давящая боль за грудиной уже 30 минут, отдаёт в левую руку, холодный пот';
    // Act
    const response = await assess({ age: 61, sex: 'male', complaint });
    const row = sqliteRow(response.body.triageId);
    const { store } = await getServices();
    const stored = await store.transaction((r) => r.triageDecisions.get(response.body.triageId));
    const audit = await store.transaction((r) => r.audit.forResource('clinic-1', response.body.triageId));
    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      disposition: 'emergency_ambulance',
      specialty: 'cardiologist',
      language: 'ru',
      ruleSetVersion: 'triage-rules/2.0.0',
      booking: { allowed: false, withinHours: null },
      crisis: null,
    });
    expect(response.body.instructions[0]).toBe('Позвоните 103 или 112 прямо сейчас.');
    expect(response.body.redFlags[0]).toMatchObject({ id: 'chest_pain_acs.high_risk' });
    expect(row).toMatchObject({
      disposition: 'emergency_ambulance',
      rule_set_version: 'triage-rules/2.0.0',
      patient_id: patientId,
    });
    expect(JSON.stringify(row)).not.toContain('грудиной');
    expect(JSON.stringify(row)).not.toContain('chest_pain_acs');
    expect(stored?.inputs).toMatchObject({ complaint, age: 61 });
    expect(audit.map((entry) => `${entry.actor}:${entry.action}:${entry.resourceType}`)).toEqual([
      `${patientId}:create:triage_decision`,
    ]);
  });

  it('answers in the language of Accept-Language, and a body language wins over it', async () => {
    const byHeader = await assess(
      { age: 30, complaint: 'Насморк и чихание два дня' },
      { 'Accept-Language': 'en-GB,en;q=0.9,ru;q=0.5' },
    );
    const byBody = await assess(
      { age: 30, complaint: 'Насморк и чихание два дня', language: 'ru' },
      { 'Accept-Language': 'en' },
    );
    expect(byHeader.body).toMatchObject({ language: 'en', disposition: 'self_care' });
    expect(byHeader.body.instructions[0]).toMatch(/^You can look after yourself/);
    expect(byBody.body.language).toBe('ru');
  });

  it('refuses bad input with problem+json and a stable code, storing nothing', async () => {
    const before = await countDecisions();
    const cases = [
      { body: { age: -1, complaint: 'кашель' } },
      { body: { age: 30, complaint: 'x'.repeat(2001) } },
      { body: { age: 30, complaint: 'кашель', symptoms: [{ code: 'not_a_symptom' }] } },
      { body: { age: 30, complaint: 'кашель', answers: { not_a_question: true } } },
      { body: { age: 30, complaint: 'кашель', vitals: { systolic: 80, diastolic: 120 } } },
      { body: { age: 30, complaint: 'кашель', vitals: { spo2: 20 } } },
      { body: { age: 30 } },
    ];
    for (const c of cases) {
      const response = await assess(c.body);
      expect(response.status, JSON.stringify(c.body).slice(0, 80)).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
    const malformed = await cloud.request('POST', '/v1/triage', {
      token: patient,
      rawBody: '{"age": ',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(malformed.body.code).toBe('MALFORMED_JSON');
    expect(await countDecisions()).toBe(before);
  });

  it('lets patients and services triage, nobody else, and a patient only for themself', async () => {
    const doctor = await cloud.token('doctor', { tenant: 'clinic-1' });
    const service = await cloud.token('service', { tenant: 'clinic-1' });
    const body = { age: 30, complaint: 'кашель' };
    expect((await assess(body, {}, doctor)).body.code).toBe('FORBIDDEN');
    expect((await cloud.request('POST', '/v1/triage', { body })).body.code).toBe('UNAUTHENTICATED');
    expect((await assess({ ...body, patientId: crypto.randomUUID() })).body.code).toBe('FORBIDDEN');
    expect((await assess({ ...body, patientId: crypto.randomUUID() }, {}, service)).status).toBe(200);
  });

  it('takes PHQ-9 item 9 above zero to the crisis path: hotlines at once and an ids-only event for the crisis queue', async () => {
    // Act
    const response = await cloud.request('POST', '/v1/triage/intake', {
      token: patient,
      body: { phq9: [0, 0, 0, 0, 0, 0, 0, 0, 1], gad7: [1, 1, 0, 0, 0, 0, 0] },
    });
    // The escalations function consumes the crisis queue, so the event is read where it was committed.
    const { store } = await getServices();
    const entry = (await store.transaction((r) => r.outbox.pending(100))).find(
      (e) => e.eventType === 'crisis.detected.v1',
    );
    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      phq9: { total: 1, band: 'minimal', item9: 1 },
      gad7: { total: 2, band: 'minimal' },
      disposition: 'consultation_24',
      booking: { allowed: true, withinHours: 24 },
    });
    expect(response.body.crisis.lines.map((line: { phone: string }) => line.phone)).toContain(
      '8-800-2000-122',
    );
    expect(entry?.queue).toBe('crisis');
    const event = JSON.parse(entry?.body ?? '{}');
    expect(event).toMatchObject({ type: 'crisis.detected.v1', tenant: 'clinic-1' });
    expect(event.data).toEqual({ triageId: response.body.triageId, patientId });
  });

  it('carries red-flag screening questions when unsure and settles them on a second call with the answers', async () => {
    // Prepare
    const body = { age: 30, complaint: 'насморк второй день, и ещё зюзюкает' };
    const first = await assess(body);
    const answers = Object.fromEntries(first.body.redFlagQuestions.map((q: { id: string }) => [q.id, false]));
    // Act
    const second = await assess({ ...body, answers });
    const raised = await assess({ ...body, answers: { 'redflag.cannot_speak_breathless': true } });
    const unknown = await assess({ ...body, answers: { 'redflag.not_a_question': true } });
    // Assess
    expect(first.status).toBe(200);
    expect(first.body.disposition).toBe('consultation');
    expect(first.body.redFlagQuestions[0]).toMatchObject({
      id: expect.stringMatching(/^redflag\./),
      text: { ru: expect.any(String), en: expect.any(String) },
    });
    expect(second.body.disposition).toBe('self_care');
    expect(raised.body.disposition).toBe('emergency_ambulance');
    expect(unknown.status).toBe(400);
  });

  it('puts a suicidal free-text complaint on the crisis path with its severity and an ids-only event', async () => {
    // Act
    const response = await assess({
      age: 24,
      complaint: 'I want to end it all, I have been stockpiling pills',
    });
    const { store } = await getServices();
    const entry = (await store.transaction((r) => r.outbox.pending(100))).find(
      (e) =>
        e.eventType === 'crisis.detected.v1' && JSON.parse(e.body).data.triageId === response.body.triageId,
    );
    // Assess
    expect(response.status).toBe(200);
    expect(response.body.disposition).toBe('emergency_ambulance');
    expect(response.body.crisis.severity).toBe('plan');
    expect(JSON.parse(entry?.body ?? '{}').data).toEqual({ triageId: response.body.triageId, patientId });
  });

  it('refuses an intake without answers or with the wrong number of items', async () => {
    for (const body of [{}, { phq9: [0, 0, 0] }, { gad7: [0, 0, 0, 0, 0, 0, 4] }]) {
      const response = await cloud.request('POST', '/v1/triage/intake', { token: patient, body });
      expect(response).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    }
  });

  async function countDecisions() {
    const db = new DatabaseSync(process.env.SQLITE_PATH as string, { readOnly: true });
    try {
      return Number((db.prepare('SELECT COUNT(*) AS n FROM triage_decisions').get() as { n: number }).n);
    } finally {
      db.close();
    }
  }
});
