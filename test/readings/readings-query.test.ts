import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readingsSteps } from '../support/readings';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

describe("a patient's readings for doctors", () => {
  let cloud: TestCloud;
  let steps: ReturnType<typeof readingsSteps>;
  let patient: { id: string; token: string };
  // Two hours of 15-minute readings ending at the last full hour (bucketing is UTC, epoch-aligned).
  const end = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  const start = end - 2 * 3_600_000;
  const window = {
    type: 'blood_pressure',
    from: new Date(start).toISOString(),
    to: new Date(end).toISOString(),
  };
  const path = () => `/v1/patients/${patient.id}/readings`;

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    steps = readingsSteps(cloud);
    patient = await steps.patient();
    await steps.bind('cuff-q1', patient.id);
    const items = Array.from({ length: 8 }, (_, i) => ({
      type: 'blood_pressure',
      measuredAt: new Date(start + i * 15 * 60_000).toISOString(),
      systolic: 120 + i,
      diastolic: 70 + i,
      pulse: 60,
    }));
    const sent = await cloud.request('POST', '/v1/readings', {
      token: patient.token,
      body: { deviceId: 'cuff-q1', items },
    });
    expect(sent.body.accepted).toBe(8);
  });
  afterAll(() => cloud.stop());

  const get = async (token: string, query: Record<string, string>, headers: Record<string, string> = {}) =>
    cloud.request('GET', `${path()}?${new URLSearchParams(query)}`, { token, headers });

  it('downsamples a series to min, max and mean per bucket', async () => {
    const hourly = await get(await steps.doctor(), { ...window, bucket: '1h' });
    expect(hourly.status).toBe(200);
    expect(hourly.body.buckets).toEqual([
      {
        start: new Date(start).toISOString(),
        count: 4,
        value: { min: 120, max: 123, avg: 121.5 },
        diastolic: { min: 70, max: 73, avg: 71.5 },
      },
      {
        start: new Date(start + 3_600_000).toISOString(),
        count: 4,
        value: { min: 124, max: 127, avg: 125.5 },
        diastolic: { min: 74, max: 77, avg: 75.5 },
      },
    ]);
  });

  it('answers with FHIR Observations (LOINC, UCUM) when asked for application/fhir+json', async () => {
    const fhir = await get(await steps.doctor(), window, { Accept: 'application/fhir+json' });
    expect(fhir.headers.get('content-type')).toContain('application/fhir+json');
    expect(fhir.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 8 });
    const first = fhir.body.entry[0].resource;
    expect(first.code.coding[0]).toMatchObject({ system: 'http://loinc.org', code: '85354-9' });
    expect(first.subject.reference).toBe(`Patient/${patient.id}`);
    expect(
      first.component.map((c: { code: { coding: { code: string }[] }; valueQuantity: unknown }) => [
        c.code.coding[0]?.code,
        c.valueQuantity,
      ]),
    ).toEqual([
      ['8480-6', { value: 120, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' }],
      ['8462-4', { value: 70, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' }],
      ['8867-4', { value: 60, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' }],
    ]);
  });

  it("shows readings to the patient and their clinic's doctors only; sponsors and admins never", async () => {
    const cases: [string, string, number][] = [
      ['the patient', patient.token, 200],
      ["a doctor of the patient's clinic", await steps.doctor('clinic-1'), 200],
      ['a doctor of another clinic', await steps.doctor('clinic-2'), 404],
      ['another patient', await cloud.token('patient', { subject: crypto.randomUUID() }), 404],
      ['the clinic admin', await steps.admin(), 403],
      ['an insurer', await cloud.token('insurer', { tenant: 'ins-1' }), 403],
      ['an employer', await cloud.token('hr', { tenant: 'emp-1' }), 403],
    ];
    for (const [who, token, status] of cases) {
      expect({ who, status: (await get(token, window)).status }).toEqual({ who, status });
    }
    // A patient registered elsewhere has no record here: no doctor here sees them.
    const elsewhere = crypto.randomUUID();
    const response = await cloud.request(
      'GET',
      `/v1/patients/${elsewhere}/readings?${new URLSearchParams(window)}`,
      { token: await steps.doctor() },
    );
    expect(response.status).toBe(404);
  });

  it('refuses a malformed query with problem+json', async () => {
    const doctor = await steps.doctor();
    const cases: Record<string, string>[] = [
      { ...window, type: 'cholesterol' },
      { ...window, to: window.from },
      { ...window, bucket: '7m' },
      { ...window, from: '2020-01-01T00:00:00Z' },
    ];
    for (const query of cases) {
      const response = await get(doctor, query);
      expect({ query, status: response.status, code: response.body.code }).toEqual({
        query,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });
});
