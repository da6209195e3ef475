import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { later } from '../support/clock';
import { eventually } from '../support/eventually';
import { minutesAgo, readingsSteps } from '../support/readings';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

describe('a critical blood pressure reading on the local cloud', () => {
  let cloud: TestCloud;
  let steps: ReturnType<typeof readingsSteps>;
  const doctorPhone = '+79990001001';
  const dutyPhone = '+79990001002';

  beforeAll(async () => {
    // The SLA as configured (10 minutes): the tests move the clock past it instead of waiting.
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0', ESCALATION_SLA_MINUTES: '10' } });
    steps = readingsSteps(cloud);
    await cloud.request('PUT', '/v1/on-call/contacts', {
      token: await steps.admin(),
      body: {
        duty: { phone: dutyPhone, channels: ['sms'] },
        admins: { phone: '+79990001003', channels: ['sms'] },
      },
    });
    await cloud.request('PUT', '/v1/me/notification-settings', {
      token: await steps.doctor(),
      body: { phone: doctorPhone, channels: ['sms'] },
    });
  });
  afterAll(() => cloud.stop());

  /** Relays the outbox until `phone` has `count` messages in the capture. */
  const messagesTo = (phone: string, count: number) =>
    eventually(
      async () => {
        await cloud.fireTimer('outbox-relay');
        const outbox = await cloud.devRequest('GET', '/v1/dev/outbox');
        return outbox.body.items.filter((m: { address: string }) => m.address === phone) as {
          body: string;
        }[];
      },
      (found) => found.length >= count,
      20_000,
    );

  const criticalReading = async (deviceId: string) => {
    const patient = await steps.patient();
    await steps.bind(deviceId, patient.id);
    await cloud.request('PUT', `/v1/patients/${patient.id}/reading-targets`, {
      token: await steps.doctor(),
      body: { systolic: { high: 135 } },
    });
    await cloud.request('POST', '/v1/readings', {
      token: patient.token,
      body: {
        deviceId,
        items: [{ type: 'blood_pressure', measuredAt: minutesAgo(2), systolic: 205, diastolic: 125 }],
      },
    });
    return patient;
  };

  it('notifies the patient’s doctor at once and, unacknowledged past the SLA, the on-call clinician', async () => {
    // Act
    await criticalReading('cuff-esc-1');
    const toDoctor = await messagesTo(doctorPhone, 1);
    await later(11 * 60_000, () => cloud.fireTimer('escalation-watch'));
    const toDuty = await messagesTo(dutyPhone, 1);
    // Assess: urgent, with a reference, never the value
    expect(toDoctor?.[0]?.body).toMatch(
      /^Показатели пациента требуют немедленной реакции врача\. Найдите его в приложении по коду, свяжитесь с ним и подтвердите получение \(код [0-9a-f]{8}\)\.$/,
    );
    expect(toDuty).toHaveLength(1);
  });

  it('stops escalating once the doctor acknowledges the alert', async () => {
    // Prepare
    const patient = await criticalReading('cuff-esc-2');
    await messagesTo(doctorPhone, 2);
    const dutyBefore = (await messagesTo(dutyPhone, 0))?.length ?? 0;
    const [alert] = (
      await cloud.request('GET', `/v1/patients/${patient.id}/reading-alerts`, { token: await steps.doctor() })
    ).body.items;
    // Act
    const acknowledged = await cloud.request('POST', `/v1/alerts/${alert.id}/ack`, {
      token: await steps.doctor(),
    });
    await later(11 * 60_000, () => cloud.fireTimer('escalation-watch'));
    const escalation = await cloud.request('GET', `/v1/escalations/${alert.id}`, {
      token: await steps.doctor(),
    });
    // Assess
    expect(acknowledged.body.status).toBe('acknowledged');
    expect(escalation.body).toMatchObject({
      kind: 'reading_alert',
      level: 0,
      acknowledgedBy: 'doctor-clinic-1',
    });
    expect((await messagesTo(dutyPhone, 0))?.length).toBe(dutyBefore);
  });
});
