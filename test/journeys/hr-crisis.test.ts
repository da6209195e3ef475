import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { inDays, today } from '../support/sponsors';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/**
 * An employee on their employer's psychology package answers the intake with thoughts of
 * self-harm (PHQ-9 item 9): they see crisis lines at once, the duty clinic's on-call clinician
 * gets an SMS with only a reference, and the employer learns nothing. Through the running local
 * cloud to the SMS captured for the on-call phone.
 */
describe('journey: a crisis in an employee’s intake reaches the on-call clinician, never the employer', () => {
  let cloud: TestCloud;
  const onCall = '+79990000401';
  beforeAll(async () => {
    // Employees belong to no clinic: their crises go to the duty clinic's on-call clinician.
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0', CRISIS_DUTY_TENANT: 'clinic-9' } });
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-9', subject: 'admin-9' });
    await cloud.request('PUT', '/v1/on-call/contacts', {
      token: admin,
      body: {
        duty: { phone: onCall, channels: ['sms'] },
        admins: { phone: '+79990000402', channels: ['sms'] },
      },
    });
  });
  afterAll(() => cloud.stop());

  it('shows the employee crisis lines, tells the on-call clinician by reference, and shows the employer nothing', async () => {
    // Prepare: the employer's package and an employee who activated their code
    const hr = await cloud.token('hr', { tenant: 'employer-9', subject: 'hr-9' });
    const contract = await cloud.request('POST', '/v1/corporate-contracts', {
      token: hr,
      body: { companyName: 'ООО «Вектор»', startsOn: today(), endsOn: inDays(300), sessionsPerEmployee: 4 },
    });
    const enrolled = await cloud.request('POST', `/v1/corporate-contracts/${contract.body.id}/employees`, {
      token: hr,
      body: { employees: [{ employeeRef: 'V-17' }] },
    });
    const employeeId = crypto.randomUUID();
    const employee = await cloud.token('patient', { subject: employeeId });
    const activated = await cloud.request('POST', '/v1/coverage', {
      token: employee,
      body: { activationCode: enrolled.body.items[0].activationCode },
    });
    // Act
    const intake = await cloud.request('POST', '/v1/triage/intake', {
      token: employee,
      body: { phq9: [1, 1, 1, 0, 1, 1, 0, 0, 2], gad7: [1, 1, 1, 0, 0, 0, 0] },
    });
    await cloud.fireTimer('outbox-relay');
    const toOnCall = await eventually(
      async () =>
        (
          (await cloud.devRequest('GET', '/v1/dev/outbox')).body.items as { address: string; body: string }[]
        ).filter((m) => m.address === onCall),
      (found) => found.length > 0,
    );
    const usage = await cloud.request('GET', `/v1/corporate-contracts/${contract.body.id}/usage`, {
      token: hr,
    });
    // Assess
    expect(activated.status).toBe(201);
    expect(intake.body.crisis.lines.length).toBeGreaterThan(0);
    expect(toOnCall).toHaveLength(1);
    expect(toOnCall[0]?.body).toMatch(/^Пациенту нужна срочная помощь специалиста\..*\(код [0-9a-f]{8}\)\.$/);
    expect(toOnCall[0]?.body).not.toMatch(/PHQ|тревог|депресс|суицид/i);
    const seen = JSON.stringify(usage.body);
    expect(usage.status).toBe(200);
    for (const secret of [employeeId, intake.body.triageId, 'crisis', 'phq9', 'V-17'])
      expect(seen).not.toContain(secret);
  });
});
