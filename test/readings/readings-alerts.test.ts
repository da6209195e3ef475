import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../platform/services';
import { eventually } from '../support/eventually';
import { minutesAgo, readingsSteps } from '../support/readings';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

interface AlertView {
  id: string;
  type: string;
  rule: string;
  direction: string;
  status: string;
}

describe('alerts on readings: outbox → readings queue → readings-alerts', () => {
  let cloud: TestCloud;
  let steps: ReturnType<typeof readingsSteps>;
  let doctor: string;

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    steps = readingsSteps(cloud);
    doctor = await steps.doctor();
  });
  afterAll(() => cloud.stop());

  const bp = (minutes: number, systolic: number, diastolic = 80) => ({
    type: 'blood_pressure',
    measuredAt: minutesAgo(minutes),
    systolic,
    diastolic,
  });
  let batches = 0;
  /** Sends a batch and lets the relay publish it, so the consumer evaluates it. */
  const send = async (token: string, deviceId: string, items: unknown[]) => {
    const sent = await cloud.request('POST', '/v1/readings', { token, body: { deviceId, items } });
    expect(sent.body.accepted).toBe(items.length);
    batches++;
    await cloud.fireTimer('outbox-relay');
  };
  const alerts = async (patientId: string): Promise<AlertView[]> =>
    (await cloud.request('GET', `/v1/patients/${patientId}/reading-alerts`, { token: doctor })).body.items;
  /** The alerts once the consumer has evaluated every batch sent so far. */
  const settled = async (patientId: string) => {
    const { store } = await getServices();
    const evaluated = async () => {
      const done = await store.database.transaction((t) =>
        t.find('processed_events', { where: { consumer: 'readings-alerts' } }),
      );
      return done.length >= batches ? true : undefined;
    };
    expect(await eventually(evaluated)).toBe(true);
    return alerts(patientId);
  };

  it('raises one alert for a sustained high blood pressure, not one per reading, and no second while it lasts', async () => {
    // Prepare
    const patient = await steps.patient('1970-03-01');
    await steps.bind('cuff-s1', patient.id);
    // Act: 3 of the last 5 at or above 140, then five more high readings in a later batch
    await send(patient.token, 'cuff-s1', [
      bp(300, 128),
      bp(290, 145),
      bp(280, 132),
      bp(270, 150),
      bp(260, 148),
    ]);
    const first = await settled(patient.id);
    await send(patient.token, 'cuff-s1', [
      bp(250, 151),
      bp(240, 149),
      bp(230, 152),
      bp(220, 147),
      bp(210, 155),
    ]);
    const later = await settled(patient.id);
    // Assess
    expect(first.map((a) => `${a.rule}:${a.direction}`)).toEqual(['sustained:high']);
    expect(later).toHaveLength(1);
  });

  it('raises one critical alert at once for a single dangerous value', async () => {
    const patient = await steps.patient();
    await steps.bind('oxi-c1', patient.id);
    await send(patient.token, 'oxi-c1', [
      { type: 'spo2', measuredAt: minutesAgo(10), value: 97 },
      { type: 'spo2', measuredAt: minutesAgo(5), value: 86 },
    ]);
    const raised = await settled(patient.id);
    expect(raised.map((a) => `${a.type}:${a.rule}:${a.direction}`)).toEqual(['spo2:critical:low']);
  });

  it("uses the doctor's personal target instead of the age band's default", async () => {
    // Prepare: 135/80 is below the adult default of 140, above this patient's target of 130
    const patient = await steps.patient('1960-01-01');
    await steps.bind('cuff-t1', patient.id);
    const set = await cloud.request('PUT', `/v1/patients/${patient.id}/reading-targets`, {
      token: doctor,
      body: { systolic: { high: 130 } },
    });
    const otherClinic = await cloud.request('PUT', `/v1/patients/${patient.id}/reading-targets`, {
      token: await steps.doctor('clinic-2'),
      body: { systolic: { high: 200 } },
    });
    // Act
    await send(patient.token, 'cuff-t1', [bp(40, 135), bp(30, 136), bp(20, 134)]);
    const raised = await settled(patient.id);
    // Assess
    expect(set.status).toBe(200);
    expect(otherClinic.status).toBe(404);
    expect(raised.map((a) => a.rule)).toEqual(['sustained']);
  });

  it('lets the doctor acknowledge an alert, once; a doctor of another clinic cannot', async () => {
    const patient = await steps.patient();
    await steps.bind('therm-a1', patient.id);
    await send(patient.token, 'therm-a1', [
      { type: 'temperature', measuredAt: minutesAgo(3), value: 105.8, unit: '[degF]' },
    ]);
    const [alert] = await settled(patient.id);
    const foreign = await cloud.request('POST', `/v1/alerts/${alert?.id}/ack`, {
      token: await steps.doctor('clinic-2'),
    });
    const acked = await cloud.request('POST', `/v1/alerts/${alert?.id}/ack`, { token: doctor });
    const again = await cloud.request('POST', `/v1/alerts/${alert?.id}/ack`, { token: doctor });
    expect(alert).toMatchObject({ type: 'temperature', rule: 'critical', direction: 'high', status: 'open' });
    expect(foreign.status).toBe(404);
    expect(acked.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'doctor-clinic-1' });
    expect(again.body.acknowledgedAt).toBe(acked.body.acknowledgedAt);
  });

  it('raises nothing for an imported history, however high', async () => {
    const patient = await steps.patient();
    await steps.bind('cuff-h1', patient.id);
    await send(patient.token, 'cuff-h1', [bp(3 * 24 * 60, 210, 125), bp(3 * 24 * 60 - 5, 205, 121)]);
    expect(await settled(patient.id)).toEqual([]);
  });
});
