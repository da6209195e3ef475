import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountIds } from '../../modules/coverage/domain/sponsor';
import { getServices } from '../../platform/services';
import { consentingPatient } from '../support/consents';
import { inDays, registerDoctor, slotStarts, today } from '../support/sponsors';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

describe('moving a visit a policy pays for', () => {
  let cloud: TestCloud;
  let doctor: { doctorId: string; serviceId: string };
  let patient: string;
  let policyId: string;
  let insurer: string;

  const as = (token: string) => ({
    get: (path: string) => cloud.request('GET', path, { token }),
    post: (path: string, body?: unknown) => cloud.request('POST', path, { token, ...(body ? { body } : {}) }),
  });
  const balance = async (period = 0) => {
    const { store } = await getServices();
    return store.transaction((r) => r.entitlements.account(accountIds.policyPeriod(policyId, period)));
  };

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    insurer = await cloud.token('insurer', { tenant: 'insurer-1', subject: 'insurer-api' });
    doctor = await registerDoctor(cloud, admin, 'therapist');
    const product = await as(insurer).post('/v1/insurance-products', {
      name: 'Короткий полис',
      consultationsPerYear: 3,
      specialties: ['therapist'],
    });
    // The policy is in force for the next 3 days only.
    const number = `П-${crypto.randomUUID().slice(0, 8)}`;
    const policy = await as(insurer).post('/v1/policies', {
      productId: product.body.id,
      number,
      holderBirthDate: '1990-01-01',
      startsOn: today(),
      endsOn: inDays(3),
    });
    policyId = policy.body.id;
    patient = await consentingPatient(cloud, crypto.randomUUID());
    const link = await as(patient).post('/v1/coverage', {
      policy: { insurerId: 'insurer-1', number, birthDate: '1990-01-01' },
    });
    expect(link.status).toBe(201);
  });
  afterAll(() => cloud.stop());

  it('refuses to move it past the end of the policy with POLICY_EXPIRED and changes nothing', async () => {
    // Prepare: a booked visit tomorrow, paid by the policy
    const [tomorrow] = slotStarts(1, 1, 60);
    const [afterEnd] = slotStarts(6, 1, 60);
    const held = await as(patient).post('/v1/holds', {
      ...doctor,
      start: tomorrow,
      payer: { type: 'policy', policyId },
    });
    await as(patient).post(`/v1/appointments/${held.body.id}/confirm`);
    const before = await balance();
    // Act
    const moved = await as(patient).post(`/v1/appointments/${held.body.id}/reschedule`, { start: afterEnd });
    // Assess
    expect([moved.status, moved.body.code]).toEqual([422, 'POLICY_EXPIRED']);
    const after = await as(patient).get(`/v1/appointments/${held.body.id}`);
    expect(after.body).toMatchObject({ status: 'booked', start: tomorrow });
    expect(await balance()).toEqual(before);
  });

  it('moves it inside the policy period, keeping its one reserved unit', async () => {
    // Prepare
    const [first] = slotStarts(1, 1, 80);
    const [later] = slotStarts(2, 1, 80);
    const held = await as(patient).post('/v1/holds', {
      ...doctor,
      start: first,
      payer: { type: 'policy', policyId },
    });
    await as(patient).post(`/v1/appointments/${held.body.id}/confirm`);
    const before = await balance();
    // Act
    const moved = await as(patient).post(`/v1/appointments/${held.body.id}/reschedule`, { start: later });
    // Assess: the register shows the new date; the balance is as it was
    expect(moved.status).toBe(200);
    expect(moved.body.start).toBe(later);
    const { store } = await getServices();
    const visit = await store.transaction((r) => r.entitlements.visit(held.body.id));
    expect(visit?.start).toBe(Date.parse(later as string));
    expect(await balance()).toEqual(before);
  });

  it('moves the reserved unit into the renewed period when the visit moves there', async () => {
    // Prepare: a visit in the first period, then the policy renewed for a week more
    const [inFirst] = slotStarts(1, 1, 100);
    const [inSecond] = slotStarts(6, 1, 100);
    const held = await as(patient).post('/v1/holds', {
      ...doctor,
      start: inFirst,
      payer: { type: 'policy', policyId },
    });
    await as(patient).post(`/v1/appointments/${held.body.id}/confirm`);
    const renewed = await as(insurer).post(`/v1/policies/${policyId}/renew`, { endsOn: inDays(10) });
    expect(renewed.status).toBe(200);
    const [firstBefore, secondBefore] = [await balance(0), await balance(1)];
    // Act
    const moved = await as(patient).post(`/v1/appointments/${held.body.id}/reschedule`, { start: inSecond });
    // Assess: one unit less reserved in the first period, one more in the second
    expect(moved.status).toBe(200);
    expect((await balance(0))?.reserved).toBe((firstBefore?.reserved as number) - 1);
    expect((await balance(1))?.reserved).toBe((secondBefore?.reserved as number) + 1);
    const { store } = await getServices();
    const visit = await store.transaction((r) => r.entitlements.visit(held.body.id));
    expect(visit?.accountIds).toEqual([accountIds.policyPeriod(policyId, 1)]);
  });
});
