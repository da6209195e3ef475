import { GetObjectCommand } from '@aws-sdk/client-s3';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEntry, available, emptyBalance } from '../../modules/coverage/domain/ledger';
import { accountIds } from '../../modules/coverage/domain/sponsor';
import { getServices } from '../../platform/services';
import { consentingPatient } from '../support/consents';
import { completeVisit, inDays, moscow, registerDoctor, slotStarts, today } from '../support/sponsors';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

describe('insurers and employers pay for consultations', () => {
  let cloud: TestCloud;
  let admin: string;
  let insurer: string;
  let therapist: { doctorId: string; serviceId: string };
  let psychologist: { doctorId: string; serviceId: string };
  let productId: string;

  const as = (token: string) => ({
    get: (path: string) => cloud.request('GET', path, { token }),
    post: (path: string, body?: unknown) => cloud.request('POST', path, { token, ...(body ? { body } : {}) }),
  });
  const newPatient = async () => {
    const id = crypto.randomUUID();
    return { id, token: await consentingPatient(cloud, id) };
  };
  /** Issues a policy of `product` and links it to a new patient; returns both. */
  const insuredPatient = async (product = productId, number = `П-${crypto.randomUUID().slice(0, 8)}`) => {
    const policy = await as(insurer).post('/v1/policies', {
      productId: product,
      number,
      holderBirthDate: '1985-03-14',
      startsOn: today(),
      endsOn: inDays(300),
    });
    const patient = await newPatient();
    const link = await as(patient.token).post('/v1/coverage', {
      policy: { insurerId: 'insurer-1', number, birthDate: '1985-03-14' },
    });
    expect(link.status).toBe(201);
    return { policyId: policy.body.id as string, patient };
  };
  const hold = (token: string, doctor: typeof therapist, start: string, payer?: unknown) =>
    as(token).post('/v1/holds', { ...doctor, start, ...(payer ? { payer } : {}) });

  beforeAll(async () => {
    // The ledger's limits are under test here; one patient's holds are capped in booking-holds.test.ts.
    cloud = await startTestCloud({
      env: { RELAY_MAX_RUN_SECONDS: '0', MAX_OPEN_HOLDS: '20', MAX_VISITS_PER_DOCTOR_PER_DAY: '20' },
    });
    admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    insurer = await cloud.token('insurer', { tenant: 'insurer-1', subject: 'insurer-api' });
    therapist = await registerDoctor(cloud, admin, 'therapist');
    psychologist = await registerDoctor(cloud, admin, 'psychologist');
    const product = await as(insurer).post('/v1/insurance-products', {
      name: 'Телемедицина Базовый',
      consultationsPerYear: 5,
      specialties: ['therapist', 'pediatrician'],
      specialtyLimits: [{ specialty: 'pediatrician', consultations: 2 }],
      dutyDoctor: true,
      waitingMinutes: 60,
    });
    expect(product.status).toBe(201);
    productId = product.body.id;
  });
  afterAll(() => cloud.stop());

  it('lets exactly 3 of 100 concurrent bookings on a policy with 3 consultations left succeed; the rest get LIMIT_REACHED', async () => {
    // Prepare: 5 a year, 2 already booked
    const { policyId, patient } = await insuredPatient();
    const payer = { type: 'policy', policyId };
    const [first, second, ...starts] = slotStarts(3, 102);
    for (const start of [first, second]) {
      const held = await hold(patient.token, therapist, start as string, payer);
      await as(patient.token).post(`/v1/appointments/${held.body.id}/confirm`);
    }
    // Act
    const results = await Promise.all(starts.map((start) => hold(patient.token, therapist, start, payer)));
    // Assess
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409 && r.body.code === 'LIMIT_REACHED')).toHaveLength(97);
    const { store } = await getServices();
    const { account, entries } = await store.transaction(async (r) => {
      const id = accountIds.policyPeriod(policyId, 0);
      return { account: await r.entitlements.account(id), entries: await r.entitlements.entries(id) };
    });
    const replayed = entries.reduce((balance, e) => applyEntry(balance, e.kind, e.units), emptyBalance);
    expect(replayed).toEqual({ granted: 5, reserved: 5, consumed: 0, forfeited: 0 });
    expect(account).toMatchObject({ ...replayed, entries: entries.length });
    expect(available(replayed)).toBe(0);
    const policy = await as(insurer).get(`/v1/policies/${policyId}`);
    expect(policy.body.periods[0].balances[0]).toMatchObject({ scope: 'overall', reserved: 5, left: 0 });
    const mine = await as(patient.token).get('/v1/coverage');
    expect(mine.body.items).toEqual([expect.objectContaining({ type: 'policy', id: policyId, left: 0 })]);
  });

  it('refuses what the coverage does not pay for with a stable code, and takes neither slot nor unit', async () => {
    // Prepare
    const { policyId, patient } = await insuredPatient();
    const stranger = await newPatient();
    const cancelled = await insuredPatient();
    await as(insurer).post(`/v1/policies/${cancelled.policyId}/cancel`);
    const [a, b, c, d, e] = slotStarts(4, 5);
    const policy = (id: string) => ({ type: 'policy', policyId: id });
    // Act
    const outcomes = [
      await hold(stranger.token, therapist, a as string, policy(policyId)),
      await hold(patient.token, psychologist, b as string, policy(policyId)),
      await hold(cancelled.patient.token, therapist, c as string, policy(cancelled.policyId)),
      await hold(patient.token, therapist, d as string, {
        type: 'corporate',
        contractId: crypto.randomUUID(),
      }),
      await hold(patient.token, therapist, e as string, { type: 'policy' }),
    ];
    // Assess
    expect(outcomes.map((r) => [r.status, r.body.code])).toEqual([
      [422, 'NO_COVERAGE'],
      [422, 'SPECIALTY_NOT_COVERED'],
      [422, 'POLICY_EXPIRED'],
      [422, 'NO_COVERAGE'],
      [400, 'VALIDATION_FAILED'],
    ]);
    for (const who of [patient, stranger, cancelled.patient]) {
      expect((await as(who.token).get('/v1/appointments')).body.items).toEqual([]);
    }
    const after = await as(insurer).get(`/v1/policies/${policyId}`);
    expect(after.body.periods[0].balances[0]).toMatchObject({ reserved: 0, left: 5 });
    // The slots are still free: the patient books them paying themself
    expect((await hold(patient.token, therapist, a as string)).status).toBe(201);
  });

  it('applies a tighter specialty limit within the overall one', async () => {
    // Prepare: pediatrician visits are limited to 2 of the 5
    const pediatrician = await registerDoctor(cloud, admin, 'pediatrician');
    const { policyId, patient } = await insuredPatient();
    const starts = slotStarts(5, 4);
    // Act
    const results = [];
    for (const start of starts)
      results.push(await hold(patient.token, pediatrician, start, { type: 'policy', policyId }));
    // Assess
    expect(results.map((r) => r.body.code ?? r.status)).toEqual([201, 201, 'LIMIT_REACHED', 'LIMIT_REACHED']);
    const policy = await as(insurer).get(`/v1/policies/${policyId}`);
    expect(policy.body.periods[0].balances).toEqual([
      expect.objectContaining({ scope: 'overall', reserved: 2, left: 3 }),
      expect.objectContaining({ scope: 'pediatrician', reserved: 2, left: 0 }),
    ]);
  });

  it('lets an insurer issue, renew, cancel and read its own policies only, and refuses bad input changing nothing', async () => {
    // Prepare
    const other = await cloud.token('insurer', { tenant: 'insurer-2', subject: 'other-api' });
    const { policyId, patient } = await insuredPatient(productId, 'П-ПОВТОР-1');
    const [start] = slotStarts(6, 1);
    const held = await hold(patient.token, therapist, start as string, { type: 'policy', policyId });
    await as(patient.token).post(`/v1/appointments/${held.body.id}/confirm`);
    await completeVisit(held.body.id);
    // Act
    const renewed = await as(insurer).post(`/v1/policies/${policyId}/renew`, { endsOn: inDays(600) });
    const usage = await as(insurer).get(`/v1/policies/${policyId}/usage`);
    const refusals = [
      await as(other).get(`/v1/policies/${policyId}`),
      await as(other).post(`/v1/policies/${policyId}/cancel`),
      await as(insurer).post('/v1/policies', {
        productId,
        number: 'П-ПОВТОР-1',
        holderBirthDate: '1985-03-14',
        startsOn: today(),
        endsOn: inDays(30),
      }),
      await as(insurer).post('/v1/policies', {
        productId,
        number: 'П-НОВЫЙ',
        holderBirthDate: '1985-03-14',
        startsOn: inDays(30),
        endsOn: today(),
      }),
      await as(other).post('/v1/policies', {
        productId,
        number: 'П-ЧУЖОЙ',
        holderBirthDate: '1985-03-14',
        startsOn: today(),
        endsOn: inDays(30),
      }),
      await as(insurer).post(`/v1/policies/${policyId}/renew`, { endsOn: inDays(100) }),
    ];
    const cancelled = await as(insurer).post(`/v1/policies/${policyId}/cancel`);
    // Assess
    expect(renewed.body.periods).toHaveLength(2);
    expect(renewed.body.periods[0].balances[0]).toMatchObject({ consumed: 1, left: 4 });
    expect(renewed.body.periods[1]).toMatchObject({ startsOn: inDays(301), endsOn: inDays(600) });
    expect(renewed.body.periods[1].balances[0]).toMatchObject({ granted: 5, left: 5 });
    const visitDay = DateTime.fromISO(start as string).setZone(moscow);
    expect(usage.body.visits).toEqual([
      {
        month: visitDay.toFormat('yyyy-MM'),
        date: visitDay.toISODate(),
        service: 'Видеоконсультация',
        specialty: 'therapist',
        clinicId: 'clinic-1',
        costRub: 1500,
        status: 'consumed',
        protected: false,
      },
    ]);
    expect(refusals.map((r) => [r.status, r.body.code])).toEqual([
      [404, 'POLICY_NOT_FOUND'],
      [404, 'POLICY_NOT_FOUND'],
      [409, 'POLICY_NUMBER_TAKEN'],
      [400, 'VALIDATION_FAILED'],
      [422, 'PRODUCT_NOT_FOUND'],
      [422, 'RENEWAL_TOO_SHORT'],
    ]);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await as(patient.token).get('/v1/coverage')).body.items).toEqual([]);
  });

  it('hands the insurer a register of rendered services per policy, with nothing clinical in it', async () => {
    // Prepare: one visit took place, another is only booked
    const { policyId, patient } = await insuredPatient(productId, 'П-РЕЕСТР-1');
    const [done, booked] = slotStarts(7, 2) as [string, string];
    for (const start of [done, booked]) {
      const held = await hold(patient.token, therapist, start, { type: 'policy', policyId });
      await as(patient.token).post(`/v1/appointments/${held.body.id}/confirm`);
      if (start === done) await completeVisit(held.body.id);
    }
    const visitDay = DateTime.fromISO(done).setZone(moscow);
    // Act
    const report = await as(insurer).post('/v1/sponsor-reports', { month: visitDay.toFormat('yyyy-MM') });
    const csv = await (await fetch(report.body.url)).text();
    // Assess
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('policy_number;date;service;specialty;clinic;cost_rub');
    expect(lines.filter((line) => line.startsWith('П-РЕЕСТР-1;'))).toEqual([
      `П-РЕЕСТР-1;${visitDay.toISODate()};Видеоконсультация;therapist;clinic-1;1500.00`,
    ]);
    expect(csv).not.toContain(patient.id);
  });

  it('stores last month’s registers in the bucket when the monthly timer fires', async () => {
    // Prepare
    const month = DateTime.now().setZone(moscow).minus({ months: 1 }).toFormat('yyyy-MM');
    // Act
    await cloud.fireTimer('sponsor-reports');
    // Assess
    const stored = await cloud.servers.s3.send(
      new GetObjectCommand({
        Bucket: 'telemed-sponsor-files',
        Key: `reports/insurer/insurer-1/${month}.csv`,
      }),
    );
    expect(await stored.Body?.transformToString()).toContain(
      'policy_number;date;service;specialty;clinic;cost_rub',
    );
  });
});
