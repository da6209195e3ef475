import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../platform/services';
import { consentingPatient } from '../support/consents';
import { completeVisit, inDays, registerDoctor, slotStarts, today } from '../support/sponsors';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

describe('employers buy psychology sessions for their staff', () => {
  let cloud: TestCloud;
  let hr: string;
  let psychologist: { doctorId: string; serviceId: string };

  const as = (token: string) => ({
    get: (path: string) => cloud.request('GET', path, { token }),
    post: (path: string, body?: unknown) => cloud.request('POST', path, { token, ...(body ? { body } : {}) }),
  });
  const newContract = async (terms: Record<string, unknown> = {}) => {
    const created = await as(hr).post('/v1/corporate-contracts', {
      companyName: 'ООО «Ромашка»',
      startsOn: today(),
      endsOn: inDays(300),
      companySessions: 20,
      sessionsPerEmployee: 3,
      ...terms,
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  /** Enrols `count` employees, each activates their code and has one session, done. */
  const employeesWhoUsedIt = async (contractId: string, count: number, day: number) => {
    const refs = Array.from({ length: count }, (_, i) => ({ employeeRef: `T-${day}-${i}` }));
    const enrolled = await as(hr).post(`/v1/corporate-contracts/${contractId}/employees`, {
      employees: refs,
    });
    const starts = slotStarts(day, count);
    const patientIds: string[] = [];
    for (const [i, item] of (enrolled.body.items as { activationCode: string }[]).entries()) {
      const patientId = crypto.randomUUID();
      const token = await consentingPatient(cloud, patientId);
      await as(token).post('/v1/coverage', { activationCode: item.activationCode });
      const held = await as(token).post('/v1/holds', {
        ...psychologist,
        start: starts[i],
        payer: { type: 'corporate', contractId },
      });
      await as(token).post(`/v1/appointments/${held.body.id}/confirm`);
      await completeVisit(held.body.id);
      patientIds.push(patientId);
    }
    return patientIds;
  };

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    hr = await cloud.token('hr', { tenant: 'employer-1', subject: 'hr-1' });
    psychologist = await registerDoctor(cloud, admin, 'psychologist');
  });
  afterAll(() => cloud.stop());

  it('enrols employees by reference, and an activated employee is no longer known to the employer', async () => {
    // Prepare
    const contractId = await newContract();
    const employee = crypto.randomUUID();
    const token = await consentingPatient(cloud, employee);
    const colleague = await consentingPatient(cloud, crypto.randomUUID());
    // Act
    const enrolled = await as(hr).post(`/v1/corporate-contracts/${contractId}/employees`, {
      employees: [
        { employeeRef: 'T-001' },
        { employeeRef: 'T-002' },
        { employeeRef: '=cmd|x' },
        { employeeRef: 't-001' },
      ],
    });
    const code = enrolled.body.items[0].activationCode as string;
    const activated = await as(token).post('/v1/coverage', { activationCode: code.toLowerCase() });
    const reused = await as(colleague).post('/v1/coverage', { activationCode: code });
    const again = await as(token).post('/v1/coverage', {
      activationCode: enrolled.body.items[1].activationCode,
    });
    // Assess
    expect(enrolled.body.items.map((i: { status: string }) => i.status)).toEqual([
      'enrolled',
      'enrolled',
      'rejected',
      'already_enrolled',
    ]);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(activated.body).toMatchObject({
      type: 'corporate',
      id: contractId,
      sponsorName: 'ООО «Ромашка»',
      left: 3,
    });
    expect([reused.status, reused.body.code]).toEqual([404, 'COVERAGE_NOT_FOUND']);
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_ENROLLED']);
    const { store } = await getServices();
    const rows = await store.transaction((r) => r.employers.enrolments(contractId));
    expect(rows.map((e) => [e.employeeRef, e.status, e.patientId]).sort()).toEqual([
      [null, 'activated', employee],
      ['T-002', 'pending', null],
    ]);
  });

  it('shows the employer aggregates only, suppressing every figure about fewer than 5 people', async () => {
    // Prepare: 3 employees used a session each
    const contractId = await newContract();
    const patientIds = await employeesWhoUsedIt(contractId, 3, 3);
    // Act
    const usage = await as(hr).get(`/v1/corporate-contracts/${contractId}/usage`);
    const report = await as(hr).post('/v1/sponsor-reports', { contractId });
    const bytes = new Uint8Array(await (await fetch(report.body.url)).arrayBuffer());
    const csv = new TextDecoder().decode(bytes);
    // Assess
    expect(usage.body).toMatchObject({
      contractId,
      enrolled: 3,
      totalPeople: null,
      sessionsUsed: null,
      sessionsGranted: 20,
      sessionsLeft: null,
    });
    expect(usage.body.cells.length).toBeGreaterThan(0);
    for (const cell of usage.body.cells) expect(cell).toMatchObject({ people: null, sessions: null });
    expect(report.status).toBe(201);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.split('\r\n')[0]).toBe('month;format;people;sessions');
    expect(csv).toContain('total;all;suppressed;suppressed');
    expect(csv).toContain('left;all;;suppressed');
    for (const text of [JSON.stringify(usage.body), csv]) {
      for (const id of patientIds) expect(text).not.toContain(id);
      expect(text).not.toMatch(/T-3-\d/);
    }
  });

  it('suppresses the sessions left while one person has a session reserved, as reports do', async () => {
    // Prepare: one employee holds a session for a visit to come, none used yet
    const contractId = await newContract({ companySessions: 6, sessionsPerEmployee: undefined });
    const enrolled = await as(hr).post(`/v1/corporate-contracts/${contractId}/employees`, {
      employees: [{ employeeRef: 'R-1' }],
    });
    const token = await consentingPatient(cloud, crypto.randomUUID());
    await as(token).post('/v1/coverage', { activationCode: enrolled.body.items[0].activationCode });
    const held = await as(token).post('/v1/holds', {
      ...psychologist,
      start: slotStarts(5, 1)[0],
      payer: { type: 'corporate', contractId },
    });
    // Act
    const usage = await as(hr).get(`/v1/corporate-contracts/${contractId}/usage`);
    // Assess: 5 of 6 left would tell the employer one person booked
    expect(held.status).toBe(201);
    expect(usage.body).toMatchObject({ totalPeople: 0, sessionsGranted: 6, sessionsLeft: null });
  });

  it('shows the figures once five or more people are behind them', async () => {
    // Prepare: 6 employees, one session each, in the same month and format
    const contractId = await newContract({ companySessions: 10, sessionsPerEmployee: undefined });
    await employeesWhoUsedIt(contractId, 6, 4);
    // Act
    const usage = await as(hr).get(`/v1/corporate-contracts/${contractId}/usage`);
    // Assess
    expect(usage.body).toMatchObject({
      totalPeople: 6,
      sessionsUsed: 6,
      sessionsGranted: 10,
      sessionsLeft: 4,
    });
    expect(usage.body.cells).toEqual([expect.objectContaining({ format: 'video', people: 6, sessions: 6 })]);
  });

  it('keeps each employer to its own contracts and refuses bad terms', async () => {
    // Prepare
    const contractId = await newContract();
    const otherHr = await cloud.token('hr', { tenant: 'employer-2', subject: 'hr-2' });
    // Act
    const responses = [
      await as(otherHr).get(`/v1/corporate-contracts/${contractId}`),
      await as(otherHr).get(`/v1/corporate-contracts/${contractId}/usage`),
      await as(otherHr).post(`/v1/corporate-contracts/${contractId}/employees`, {
        employees: [{ employeeRef: 'X' }],
      }),
      await as(otherHr).post('/v1/sponsor-reports', { contractId }),
      await as(hr).post('/v1/corporate-contracts', {
        companyName: 'Без пула',
        startsOn: today(),
        endsOn: inDays(10),
      }),
      await as(hr).post('/v1/sponsor-reports', {}),
    ];
    // Assess
    expect(responses.map((r) => [r.status, r.body.code])).toEqual([
      [404, 'CONTRACT_NOT_FOUND'],
      [404, 'CONTRACT_NOT_FOUND'],
      [404, 'CONTRACT_NOT_FOUND'],
      [404, 'CONTRACT_NOT_FOUND'],
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
    ]);
    const { store } = await getServices();
    expect(await store.transaction((r) => r.employers.enrolments(contractId))).toEqual([]);
  });
});
