import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

describe('patients through the local gateway', () => {
  let cloud: TestCloud;
  let admin: string;

  beforeAll(async () => {
    cloud = await startTestCloud();
    admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
  });
  afterAll(() => cloud.stop());

  const register = (body: unknown, headers: Record<string, string> = {}, token = admin) =>
    cloud.request('POST', '/v1/patients', { token, body, headers });

  it('registers a patient and lets staff of the clinic read the record, leaving an audit row naming the reader', async () => {
    // Prepare
    const created = await register({
      fullName: 'Анна Иванова',
      phone: '+79160000001',
      medicalNotes: 'астма',
    });
    const doctor = await cloud.token('doctor', { tenant: 'clinic-1', subject: 'doctor-7' });
    // Act
    const read = await cloud.request('GET', `/v1/patients/${created.body.id}`, { token: doctor });
    const audit = await cloud.request('GET', `/v1/audit-events?resourceId=${created.body.id}`, {
      token: admin,
    });
    // Assess
    expect(created.status).toBe(201);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      fullName: 'Анна Иванова',
      medicalNotes: 'астма',
      clinicId: 'clinic-1',
    });
    expect(audit.body.items.map((e: { actor: string; action: string }) => `${e.actor}:${e.action}`)).toEqual([
      'doctor-7:read',
      'admin-1:create',
    ]);
    expect(audit.body.items[0]).toMatchObject({ actorRole: 'doctor', route: 'GET /v1/patients/{patientId}' });
  });

  it('lets a patient read their own record and nobody else’s', async () => {
    const created = await register({ fullName: 'Пётр Сидоров', phone: '+79160000002' });
    const self = await cloud.token('patient', { subject: created.body.id });
    const stranger = await cloud.token('patient', { subject: crypto.randomUUID() });
    const otherClinic = await cloud.token('doctor', { tenant: 'clinic-2' });
    const insurer = await cloud.token('insurer', { tenant: 'insurer-1' });

    const own = await cloud.request('GET', `/v1/patients/${created.body.id}`, { token: self });
    const theirs = await cloud.request('GET', `/v1/patients/${created.body.id}`, { token: stranger });
    const foreignDoctor = await cloud.request('GET', `/v1/patients/${created.body.id}`, {
      token: otherClinic,
    });
    const sponsor = await cloud.request('GET', `/v1/patients/${created.body.id}`, { token: insurer });

    expect(own.status).toBe(200);
    expect(theirs.status).toBe(404);
    expect(foreignDoctor.status).toBe(404);
    expect(sponsor).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });

  it('refuses bad input with problem+json and a stable code, changing nothing', async () => {
    const cases = [
      { body: { fullName: 'X', phone: '8-916-000' }, code: 'VALIDATION_FAILED', status: 400 },
      { body: { fullName: 'X', phone: '+79160000003', extra: true }, code: 'VALIDATION_FAILED', status: 400 },
      { rawBody: '{"fullName": ', code: 'MALFORMED_JSON', status: 400 },
    ];
    for (const c of cases) {
      const response = await cloud.request('POST', '/v1/patients', {
        token: admin,
        ...(c.body
          ? { body: c.body }
          : { rawBody: c.rawBody, headers: { 'Content-Type': 'application/json' } }),
      });
      expect(response.status).toBe(c.status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe(c.code);
    }
    const audit = await cloud.request('GET', '/v1/audit-events', { token: admin });
    expect(audit.body.items.filter((e: { action: string }) => e.action === 'create')).toHaveLength(2);
  });

  it('refuses a body over API Gateway’s 2.5 MB limit with 413', async () => {
    const huge = await cloud.request('POST', '/v1/patients', {
      token: admin,
      body: { fullName: 'x'.repeat(3 * 1024 * 1024), phone: '+79160000010' },
    });
    expect(huge).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers 401 without a valid token and 403 for a role the route does not allow', async () => {
    const anonymous = await cloud.request('POST', '/v1/patients', {
      body: { fullName: 'X', phone: '+79160000004' },
    });
    const forged = await cloud.request('GET', '/v1/audit-events', { token: `${admin}x` });
    const patient = await cloud.token('patient');
    const wrongRole = await register({ fullName: 'X', phone: '+79160000004' }, {}, patient);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    expect(forged.status).toBe(401);
    expect(wrongRole).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });

  it('reports a duplicate phone in the clinic as a 409 PATIENT_EXISTS', async () => {
    await register({ fullName: 'A', phone: '+79160000005' });
    const second = await register({ fullName: 'B', phone: '+79160000005' });
    expect(second).toMatchObject({ status: 409, body: { code: 'PATIENT_EXISTS' } });
  });

  it('replays a POST retried with the same Idempotency-Key and refuses the key with another body', async () => {
    // Prepare
    const key = crypto.randomUUID();
    const body = { fullName: 'Idem Potent', phone: '+79160000006' };
    // Act
    const first = await register(body, { 'Idempotency-Key': key });
    const retry = await register(body, { 'Idempotency-Key': key });
    const reused = await register({ ...body, fullName: 'Someone Else' }, { 'Idempotency-Key': key });
    // Assess
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(reused).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });

  it('keeps the audit log to the admin’s own clinic and away from sponsors', async () => {
    const otherAdmin = await cloud.token('clinic_admin', { tenant: 'clinic-9' });
    const hr = await cloud.token('hr', { tenant: 'employer-1' });
    const foreign = await cloud.request('GET', '/v1/audit-events', { token: otherAdmin });
    const sponsor = await cloud.request('GET', '/v1/audit-events', { token: hr });
    expect(foreign.body.items).toEqual([]);
    expect(sponsor.status).toBe(403);
  });
});
