import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

describe('doctors reviewing triage decisions', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(() => cloud.stop());

  const triage = async (tenant: string) => {
    const patient = await cloud.token('patient', { tenant, subject: crypto.randomUUID() });
    const response = await cloud.request('POST', '/v1/triage', {
      token: patient,
      body: { age: 34, complaint: 'Кашель и насморк три дня, температура 37.4' },
    });
    return response.body as { triageId: string; disposition: string };
  };

  it('records a doctor’s final disposition once and counts agreement for the clinic, without patient data', async () => {
    // Prepare
    const decision = await triage('clinic-1');
    const doctor = await cloud.token('doctor', { tenant: 'clinic-1' });
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-1' });
    // Act
    const reviewed = await cloud.request('POST', `/v1/triage/${decision.triageId}/review`, {
      token: doctor,
      body: {
        finalDisposition: 'consultation_24',
        finalSpecialty: 'therapist',
        note: 'ОРВИ, но пациент из группы риска',
      },
    });
    const again = await cloud.request('POST', `/v1/triage/${decision.triageId}/review`, {
      token: doctor,
      body: { finalDisposition: 'consultation' },
    });
    const agreement = await cloud.request('GET', '/v1/triage/review-agreement', { token: admin });
    // Assess
    expect(reviewed).toMatchObject({
      status: 201,
      body: { systemDisposition: decision.disposition, finalDisposition: 'consultation_24' },
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'ALREADY_REVIEWED' } });
    expect(agreement.body.items).toEqual([
      expect.objectContaining({
        systemDisposition: decision.disposition,
        finalDisposition: 'consultation_24',
        count: 1,
      }),
    ]);
    expect(JSON.stringify(agreement.body)).not.toContain('ОРВИ');
  });

  it('keeps another clinic’s doctor away from a decision and refuses an unknown disposition', async () => {
    const decision = await triage('clinic-1');
    const stranger = await cloud.token('doctor', { tenant: 'clinic-2' });
    const doctor = await cloud.token('doctor', { tenant: 'clinic-1' });
    const foreign = await cloud.request('POST', `/v1/triage/${decision.triageId}/review`, {
      token: stranger,
      body: { finalDisposition: 'self_care' },
    });
    const invalid = await cloud.request('POST', `/v1/triage/${decision.triageId}/review`, {
      token: doctor,
      body: { finalDisposition: 'maybe' },
    });
    expect(foreign.status).toBe(404);
    expect(invalid).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });
});
