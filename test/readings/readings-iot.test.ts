import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutesAgo, readingsSteps } from '../support/readings';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

describe('readings from devices over MQTT (IoT Core trigger)', () => {
  let cloud: TestCloud;
  let steps: ReturnType<typeof readingsSteps>;
  beforeAll(async () => {
    cloud = await startTestCloud();
    steps = readingsSteps(cloud);
  });
  afterAll(() => cloud.stop());

  const series = async (patientId: string) =>
    (
      await cloud.request(
        'GET',
        `/v1/patients/${patientId}/readings?type=heart_rate&from=${minutesAgo(60)}&to=${new Date().toISOString()}`,
        { token: await steps.doctor() },
      )
    ).body;

  it('stores a bound device’s readings once, as the device IoT Core authenticated, whatever the payload claims', async () => {
    // Prepare
    const patient = await steps.patient();
    await steps.bind('iot-pulse-1', patient.id);
    const reading = {
      type: 'heart_rate',
      measuredAt: minutesAgo(3),
      value: 72,
      deviceId: 'someone-elses-device',
    };
    // Act: the same message delivered twice (the trigger retries)
    const first = await cloud.publishIot('iot-pulse-1', { items: [reading] });
    const again = await cloud.publishIot('iot-pulse-1', [reading]);
    const unreadable = await cloud.publishIot('iot-pulse-1', 'not json');
    const stored = await series(patient.id);
    // Assess
    expect(first).toMatchObject({ results: [{ deviceId: 'iot-pulse-1', accepted: 1, rejected: 0 }] });
    expect(again).toMatchObject({ results: [{ accepted: 0, duplicates: 1, rejected: 0 }] });
    expect(unreadable).toMatchObject({ results: [{ refused: 'payload_not_json' }] });
    expect(stored.points).toHaveLength(1);
    expect(JSON.stringify(stored.points[0])).toContain('72');
  });

  it('refuses readings from a device bound to nobody, with a reason', async () => {
    const outcome = await cloud.publishIot('iot-unbound', {
      type: 'heart_rate',
      measuredAt: minutesAgo(1),
      value: 80,
    });
    expect(outcome).toMatchObject({
      results: [{ accepted: 0, rejected: 1, refusals: [{ index: 0, reason: 'device_unknown' }] }],
    });
  });
});
