import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devVerifiedClaims } from '../../local/dev-identity';
import { giveConsents } from '../support/consents';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { registerDoctor } from './support';

describe('verified claims of an issuer the operator does not trust', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    // The gateway accepts the local provider's tokens, but only another issuer's claims verify
    cloud = await startTestCloud({ env: { IDENTITY_TRUSTED_ISSUERS: 'https://esia-bridge.example.ru' } });
  });
  afterAll(() => cloud.stop());

  it('verifies neither the patient nor the doctor, and a follow-up stays refused', async () => {
    // Prepare
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    const doctor = await registerDoctor(cloud, admin);
    const patientId = crypto.randomUUID();
    await cloud.request('POST', '/v1/in-person-visits', {
      token: admin,
      body: { patientId, visitedOn: '2026-10-01' },
    });
    await giveConsents(cloud, patientId);
    const patient = await cloud.identity.issue({
      role: 'patient',
      subject: patientId,
      verifiedClaims: devVerifiedClaims(),
    });
    const doctorToken = await cloud.identity.issue({
      role: 'doctor',
      subject: doctor.doctorId,
      tenant: 'clinic-1',
      verifiedClaims: devVerifiedClaims(),
    });
    // Act
    const patientLevel = await cloud.request('GET', '/v1/me/identity', { token: patient });
    const doctorLevel = await cloud.request('GET', '/v1/me/identity', { token: doctorToken });
    const held = await cloud.request('POST', '/v1/holds', {
      token: patient,
      body: {
        doctorId: doctor.doctorId,
        serviceId: doctor.serviceId,
        start: doctor.nextStart(),
        kind: 'follow_up',
      },
    });
    // Assess
    expect(patientLevel.body).toMatchObject({ level: 'unverified', verification: null });
    expect(doctorLevel.body).toMatchObject({ level: 'unverified', verification: null, register: null });
    expect(held.body).toMatchObject({ code: 'IDENTITY_NOT_VERIFIED', unverified: ['patient', 'doctor'] });
  });
});
