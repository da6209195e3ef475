import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../platform/services';
import { minutesAgo, readingsSteps } from '../support/readings';
import { projectRoot, startTestCloud, type TestCloud } from '../support/test-cloud';

const sample = (file: string) =>
  JSON.parse(readFileSync(resolve(projectRoot, 'test/fixtures/fhir', file), 'utf8'));

describe('device readings through the local gateway', () => {
  let cloud: TestCloud;
  let steps: ReturnType<typeof readingsSteps>;

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    steps = readingsSteps(cloud);
  });
  afterAll(() => cloud.stop());

  const send = (token: string, body: unknown, query = '', headers: Record<string, string> = {}) =>
    cloud.request('POST', `/v1/readings${query}`, { token, body, headers });
  const series = (token: string, patientId: string, query: Record<string, string>, headers = {}) =>
    cloud.request('GET', `/v1/patients/${patientId}/readings?${new URLSearchParams(query)}`, {
      token,
      headers,
    });
  const storedCount = async () => {
    const { store } = await getServices();
    const rows = await store.database.transaction((t) => t.find('readings', {}));
    return rows.length;
  };

  it('stores the valid items of a batch in canonical units and refuses each bad one with its reason', async () => {
    // Prepare
    const patient = await steps.patient();
    await steps.bind('cuff-a1', patient.id);
    const at = minutesAgo(30);
    // Act
    const sent = await send(patient.token, {
      deviceId: 'cuff-a1',
      items: [
        { type: 'blood_pressure', measuredAt: at, systolic: 128, diastolic: 82, pulse: 71 },
        {
          type: 'glucose',
          measuredAt: at,
          value: 99,
          unit: 'mg/dL',
          mealContext: 'fasting',
          note: 'после еды',
        },
        { type: 'spo2', measuredAt: at, value: 130, unit: '%' },
        { type: 'heart_rate', measuredAt: minutesAgo(-60), value: 70 },
        { type: 'temperature', measuredAt: at, value: 36.6, unit: 'K' },
        { type: 'blood_pressure', measuredAt: at, systolic: 128, diastolic: 82, pulse: 71 },
      ],
    });
    const glucose = await series(patient.token, patient.id, {
      type: 'glucose',
      from: minutesAgo(60),
      to: minutesAgo(0),
    });
    // Assess
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ accepted: 2, duplicates: 1, rejected: 3 });
    expect(sent.body.items.map((i: { status: string; reason?: string }) => i.reason ?? i.status)).toEqual([
      'accepted',
      'accepted',
      'implausible_value',
      'future_timestamp',
      'unsupported_unit',
      'duplicate',
    ]);
    expect(glucose.body).toMatchObject({ unit: 'mmol/L', ucum: 'mmol/L', loinc: '14743-9' });
    expect(glucose.body.points).toEqual([
      {
        measuredAt: new Date(at).toISOString(),
        deviceId: 'cuff-a1',
        value: 5.495,
        mealContext: 'fasting',
        original: { value: 99, unit: 'mg/dL' },
      },
    ]);
  });

  it('seals the free-text note at rest', async () => {
    const patient = await steps.patient();
    await steps.bind('scale-n1', patient.id);
    await send(patient.token, {
      deviceId: 'scale-n1',
      items: [{ type: 'weight', measuredAt: minutesAgo(5), value: 81.2, note: 'отёки на ногах' }],
    });
    const { store } = await getServices();
    const [row] = await store.database.transaction((t) =>
      t.find('readings', { where: { device_id: 'scale-n1' } }),
    );
    expect(row?.value_milli).toBe(81_200);
    expect(JSON.stringify(row)).not.toContain('отёки');
    expect(row?.note).toMatchObject({ v: 1, ct: expect.any(String) });
  });

  it('refuses readings from an unknown device, from one unbound at the time, and from another patient’s', async () => {
    // Prepare
    const owner = await steps.patient();
    const other = await steps.patient();
    await steps.bind('cuff-b1', owner.id, minutesAgo(600), minutesAgo(120));
    await steps.bind('cuff-b2', owner.id);
    const service = await steps.service();
    const item = (deviceId: string, minutes: number) => ({
      deviceId,
      type: 'heart_rate',
      measuredAt: minutesAgo(minutes),
      value: 64,
    });
    // Act
    const byService = await send(service, {
      items: [item('cuff-b1', 300), item('cuff-b1', 60), item('never-registered', 60)],
    });
    const byStranger = await send(other.token, { items: [item('cuff-b2', 10)] });
    // Assess
    expect(
      byService.body.items.map((i: { reason?: string; status: string }) => i.reason ?? i.status),
    ).toEqual(['accepted', 'device_unbound', 'device_unknown']);
    expect(byService.body.items[1].detail).toContain('bound to no patient');
    expect(byStranger.body.items[0]).toMatchObject({ status: 'rejected', reason: 'device_not_yours' });
  });

  it('stores a reading delivered twice once, and refuses another value under the same device, type and time', async () => {
    const patient = await steps.patient();
    await steps.bind('cuff-c1', patient.id);
    const batch = {
      deviceId: 'cuff-c1',
      items: [1, 2, 3].map((n) => ({
        type: 'blood_pressure',
        measuredAt: minutesAgo(n * 10),
        systolic: 120 + n,
        diastolic: 80,
      })),
    };
    const first = await send(patient.token, batch);
    const before = await storedCount();
    const again = await send(patient.token, batch);
    const changed = await send(patient.token, {
      deviceId: 'cuff-c1',
      items: [{ ...batch.items[0], systolic: 150 }],
    });
    expect(first.body.accepted).toBe(3);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 3, rejected: 0 });
    expect(changed.body.items[0]).toMatchObject({ status: 'rejected', reason: 'conflicting_duplicate' });
    expect(await storedCount()).toBe(before);
  });

  it('takes a PHD gateway Bundle as application/fhir+json: readings from its bundled device, the clock record refused', async () => {
    // Prepare: the sample's times moved to the last hour (live readings may be at most a year old)
    const patient = await steps.patient();
    await steps.bind('phd-001', patient.id);
    const bundle = sample('phd-ig/bundle-example-1.json');
    for (const entry of bundle.entry)
      if (entry.resource.effectiveDateTime) entry.resource.effectiveDateTime = minutesAgo(15);
    const service = await steps.service();
    // Act
    const sent = await cloud.request('POST', '/v1/readings', {
      token: service,
      rawBody: JSON.stringify(bundle),
      headers: { 'Content-Type': 'application/fhir+json' },
    });
    const spo2 = await series(patient.token, patient.id, {
      type: 'spo2',
      from: minutesAgo(60),
      to: minutesAgo(0),
    });
    // Assess
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ accepted: 2, rejected: 1 });
    expect(sent.body.items[0]).toMatchObject({ ref: 'cts-001', reason: 'not_a_measurement' });
    expect(spo2.body.points.map((p: { value: number }) => p.value)).toEqual([98]);
  });

  it('names the device of a FHIR Observation without one from the query, and refuses a cancelled one with its reason', async () => {
    const patient = await steps.patient();
    await steps.bind('scale-f1', patient.id);
    const weight = { ...sample('observation-example.json'), effectiveDateTime: minutesAgo(20) };
    const cancelled = sample('observation-example-bloodpressure-cancel.json');
    const stored = await send(patient.token, weight, '?deviceId=scale-f1');
    const refused = await send(patient.token, cancelled, '?deviceId=scale-f1');
    expect(stored.body.items[0]).toMatchObject({ ref: 'example', status: 'accepted' });
    expect(refused.body.items[0]).toMatchObject({ ref: 'blood-pressure-cancel', reason: 'cancelled' });
    const read = await series(patient.token, patient.id, {
      type: 'weight',
      from: minutesAgo(60),
      to: minutesAgo(0),
    });
    expect(read.body.points[0]).toMatchObject({ value: 83.915, original: { value: 185, unit: '[lb_av]' } });
  });

  it('refuses bad input with problem+json and a stable code, and stores nothing', async () => {
    const patient = await steps.patient();
    await steps.bind('cuff-d1', patient.id);
    const before = await storedCount();
    const item = { type: 'heart_rate', measuredAt: minutesAgo(1), value: 70 };
    const cases: [
      string,
      Promise<{ status: number; headers: Headers; body: { code: string } }>,
      number,
      string,
    ][] = [
      [
        'not JSON',
        cloud.request('POST', '/v1/readings', {
          token: patient.token,
          rawBody: '{"items": [',
          headers: { 'Content-Type': 'application/json' },
        }),
        400,
        'MALFORMED_JSON',
      ],
      [
        'over 1,000 items',
        send(patient.token, { deviceId: 'cuff-d1', items: Array.from({ length: 1001 }, () => item) }),
        400,
        'VALIDATION_FAILED',
      ],
      ['no items', send(patient.token, { deviceId: 'cuff-d1', items: [] }), 400, 'VALIDATION_FAILED'],
      [
        'unknown field',
        send(patient.token, { deviceId: 'cuff-d1', items: [item], patientId: 'x' }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'JSON sent as text',
        cloud.request('POST', '/v1/readings', {
          token: patient.token,
          rawBody: JSON.stringify({ deviceId: 'cuff-d1', items: [item] }),
          headers: { 'Content-Type': 'text/plain' },
        }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [
        'a sponsor',
        send(await cloud.token('insurer', { tenant: 'ins-1' }), { deviceId: 'cuff-d1', items: [item] }),
        403,
        'FORBIDDEN',
      ],
      [
        'bad device id',
        cloud.request('POST', '/v1/devices', { token: patient.token, body: { deviceId: 'a b/c' } }),
        400,
        'VALIDATION_FAILED',
      ],
    ];
    for (const [name, call, status, code] of cases) {
      const response = await call;
      expect({ name, status: response.status, code: response.body.code }).toEqual({ name, status, code });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await storedCount()).toBe(before);
  });

  it('refuses a second binding that overlaps the first', async () => {
    const patient = await steps.patient();
    const other = await steps.patient();
    await steps.bind('cuff-e1', patient.id, '2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z');
    const overlapping = await cloud.request('POST', '/v1/devices', {
      token: await steps.admin(),
      body: { deviceId: 'cuff-e1', patientId: other.id, validFrom: '2026-05-01T00:00:00Z' },
    });
    const after = await cloud.request('POST', '/v1/devices', {
      token: await steps.admin(),
      body: { deviceId: 'cuff-e1', patientId: other.id, validFrom: '2026-06-01T00:00:00Z' },
    });
    expect(overlapping).toMatchObject({ status: 409, body: { code: 'BINDING_OVERLAPS' } });
    expect(after.status).toBe(201);
  });
});
