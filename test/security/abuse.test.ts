import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentingPatient } from '../support/consents';
import { completeVisit, inDays, registerDoctor, slotStarts, today } from '../support/sponsors';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/** Where guessing or hoarding pays, and where one identity could pass for another. */
describe('abuse resistance through the local gateway', () => {
  let cloud: TestCloud;
  let admin: string;
  let insurer: string;
  const as = (token: string) => ({
    post: (path: string, body?: unknown, headers?: Record<string, string>) =>
      cloud.request('POST', path, { token, ...(body ? { body } : {}), ...(headers ? { headers } : {}) }),
    get: (path: string) => cloud.request('GET', path, { token }),
  });
  const issuePolicy = async (productId: string, number: string) =>
    as(insurer).post('/v1/policies', {
      productId,
      number,
      holderBirthDate: '1980-05-17',
      startsOn: today(),
      endsOn: inDays(300),
    });

  beforeAll(async () => {
    cloud = await startTestCloud({
      env: { RELAY_MAX_RUN_SECONDS: '0', MAX_OPEN_HOLDS: '2', MAX_VISITS_PER_DOCTOR_PER_DAY: '2' },
    });
    admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    insurer = await cloud.token('insurer', { tenant: 'insurer-1', subject: 'insurer-api' });
  });
  afterAll(() => cloud.stop());

  it('lets one patient hold 2 of a doctor’s 12 consecutive slots, not all of them', async () => {
    // Prepare
    const doctor = await registerDoctor(cloud, admin, 'therapist');
    const patient = await consentingPatient(cloud, crypto.randomUUID());
    // Act
    const answers = [];
    for (const start of slotStarts(4, 12))
      answers.push(await as(patient).post('/v1/holds', { ...doctor, start }));
    // Assess
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
    expect(new Set(answers.slice(2).map((a) => `${a.status} ${a.body.code}`))).toEqual(
      new Set(['409 HOLD_LIMIT_REACHED']),
    );
  });

  it('books at most 2 visits of one patient with one doctor on one day, confirmed or not', async () => {
    // Prepare: two visits confirmed, so no hold is open any more
    const doctor = await registerDoctor(cloud, admin, 'therapist');
    const patient = await consentingPatient(cloud, crypto.randomUUID());
    const [a, b, c] = slotStarts(5, 3) as [string, string, string];
    for (const start of [a, b]) {
      const held = await as(patient).post('/v1/holds', { ...doctor, start });
      await as(patient).post(`/v1/appointments/${held.body.id}/confirm`);
    }
    // Act
    const third = await as(patient).post('/v1/holds', { ...doctor, start: c });
    // Assess
    expect([third.status, third.body.code]).toEqual([409, 'DAILY_VISIT_LIMIT_REACHED']);
  });

  it('answers a wrong birth date and another person’s policy alike, and locks after 5 misses with an audit entry', async () => {
    // Prepare: one policy linked by its holder, one not linked yet
    const product = await as(insurer).post('/v1/insurance-products', {
      name: 'Телемедицина',
      consultationsPerYear: 5,
      specialties: ['therapist'],
    });
    await issuePolicy(product.body.id, 'ТМ-ОРАКУЛ-1');
    await issuePolicy(product.body.id, 'ТМ-ОРАКУЛ-2');
    const holder = await consentingPatient(cloud, crypto.randomUUID());
    const guesser = await consentingPatient(cloud, crypto.randomUUID());
    const other = await consentingPatient(cloud, crypto.randomUUID());
    const link = (token: string, number: string, birthDate: string) =>
      as(token).post('/v1/coverage', { policy: { insurerId: 'insurer-1', number, birthDate } });
    expect((await link(holder, 'ТМ-ОРАКУЛ-1', '1980-05-17')).status).toBe(201);
    // Act
    const linkedElsewhere = await link(other, 'ТМ-ОРАКУЛ-1', '1980-05-17');
    const wrongDate = await link(guesser, 'ТМ-ОРАКУЛ-2', '1980-01-01');
    for (const day of ['02', '03', '04', '05']) await link(guesser, 'ТМ-ОРАКУЛ-2', `1980-01-${day}`);
    const rightDateLocked = await link(guesser, 'ТМ-ОРАКУЛ-2', '1980-05-17');
    const holderElsewhere = await link(holder, 'ТМ-ОРАКУЛ-2', '1980-05-17');
    const db = new DatabaseSync(join(cloud.dataDir, 'telemed.sqlite'), { readOnly: true });
    const lockouts = db
      .prepare("SELECT tenant_id, actor FROM audit_log WHERE resource_type = 'coverage_link_lockout'")
      .all();
    db.close();
    // Assess
    expect([linkedElsewhere.status, linkedElsewhere.body.code]).toEqual([404, 'COVERAGE_NOT_FOUND']);
    expect([wrongDate.status, wrongDate.body.code]).toEqual([404, 'COVERAGE_NOT_FOUND']);
    expect(linkedElsewhere.body.detail).toBe(wrongDate.body.detail);
    expect([rightDateLocked.status, rightDateLocked.body.code]).toEqual([429, 'LINK_LOCKED']);
    // The policy itself is locked too, for whoever tries next
    expect([holderElsewhere.status, holderElsewhere.body.code]).toEqual([429, 'LINK_LOCKED']);
    // The lock of the guesser and of the policy, each recorded once, under no clinic
    expect(lockouts).toHaveLength(2);
    expect(new Set(lockouts.map((row) => row.tenant_id))).toEqual(new Set(['unaffiliated']));
  });

  it('never replays a stored response to a token with the same subject but another clinic', async () => {
    // Prepare: clinic A's admin registers a patient under an idempotency key
    const key = crypto.randomUUID();
    const adminA = await cloud.token('clinic_admin', { tenant: 'clinic-a', subject: 'shared-sub' });
    const adminB = await cloud.token('clinic_admin', { tenant: 'clinic-b', subject: 'shared-sub' });
    const body = { fullName: 'Мария Повторова', phone: '+79160008001', medicalNotes: 'аллергия' };
    const first = await as(adminA).post('/v1/patients', body, { 'Idempotency-Key': key });
    // Act
    const replayed = await as(adminB).post('/v1/patients', body, { 'Idempotency-Key': key });
    // Assess: B gets a record of its own, never A's
    expect(first.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBeNull();
    expect(replayed.body.id).not.toBe(first.body.id);
    expect(JSON.stringify(replayed.body)).not.toContain('clinic-a');
  });

  it('shows an insurer a psychiatry visit under a policy as a month and a cost only, in usage and register', async () => {
    // Prepare: a consumed visit with a psychiatrist and one with a therapist
    const product = await as(insurer).post('/v1/insurance-products', {
      name: 'Здоровье',
      consultationsPerYear: 5,
      specialties: ['psychiatrist', 'therapist'],
    });
    const policy = await issuePolicy(product.body.id, 'ТМ-ЧУВСТВ-1');
    const patient = await consentingPatient(cloud, crypto.randomUUID());
    await as(patient).post('/v1/coverage', {
      policy: { insurerId: 'insurer-1', number: 'ТМ-ЧУВСТВ-1', birthDate: '1980-05-17' },
    });
    const [first, second] = slotStarts(2, 2, 30) as [string, string];
    for (const [specialty, start] of [
      ['psychiatrist', first],
      ['therapist', second],
    ] as const) {
      const doctor = await registerDoctor(cloud, admin, specialty);
      const payer = { type: 'policy', policyId: policy.body.id };
      const held = await as(patient).post('/v1/holds', { ...doctor, start, payer });
      await as(patient).post(`/v1/appointments/${held.body.id}/confirm`);
      await completeVisit(held.body.id);
    }
    // Act
    const usage = await as(insurer).get(`/v1/policies/${policy.body.id}/usage`);
    // Assess
    const visits = usage.body.visits as Record<string, unknown>[];
    expect(visits.map((v) => v.specialty ?? 'protected').sort()).toEqual(['protected', 'therapist']);
    const shielded = visits.find((v) => v.protected);
    expect(shielded && Object.keys(shielded).sort()).toEqual(['costRub', 'month', 'protected', 'status']);
    expect(JSON.stringify(usage.body)).not.toContain('psychiatr');
  });
});
