import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../platform/services';
import { later } from '../support/clock';
import { consentingPatient } from '../support/consents';
import { eventually } from '../support/eventually';
import { moscow, registerDoctor } from '../support/sponsors';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const minute = 60_000;
const hhmm = (ms: number) => DateTime.fromMillis(ms, { zone: moscow }).toFormat('HH:mm');

/**
 * A patient asks for quiet until a quarter of an hour before their visit. What happened meanwhile
 * goes out when the quiet ends, as it is true then: the booking that stands, a reminder no longer
 * "in an hour", the cancellation of another visit, and not the booking that was cancelled.
 * Through the running local cloud to the captured SMS; the clock is moved, not waited for.
 */
describe('journey: quiet hours hold messages back, and what goes out afterwards is still true', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
  });
  afterAll(() => cloud.stop());

  it('sends the standing booking and a reworded reminder, drops the cancelled booking, keeps the cancellation', async () => {
    // Prepare: a doctor free all day; a visit in about 90 minutes and another after it
    const admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    const doctor = await registerDoctor(cloud, admin, 'therapist');
    const patientId = crypto.randomUUID();
    const patient = await consentingPatient(cloud, patientId);
    const phone = `+7912${String(Date.now()).slice(-7)}`;
    const start = Math.ceil((Date.now() + 90 * minute) / (10 * minute)) * 10 * minute;
    const quietEnds = start - 15 * minute;
    await cloud.request('PUT', '/v1/me/notification-settings', {
      token: patient,
      body: {
        phone,
        timeZone: moscow,
        quietHours: { from: hhmm(Date.now() - 60 * minute), to: hhmm(quietEnds) },
        channels: ['sms'],
      },
    });
    const book = async (at: number) => {
      const held = await cloud.request('POST', '/v1/holds', {
        token: patient,
        body: { ...doctor, start: new Date(at).toISOString(), timeZone: moscow },
      });
      await cloud.request('POST', `/v1/appointments/${held.body.id}/confirm`, { token: patient });
      return held.body.id as string;
    };
    await book(start);
    const second = await book(start + 30 * minute);
    // Act: both bookings come during the quiet, the second is cancelled, the 1-hour reminder falls due;
    // then the quiet ends
    await cloud.request('POST', `/v1/appointments/${second}/cancel`, { token: patient });
    await later(start - 60 * minute + 30_000 - Date.now(), () => cloud.fireTimer('reminders'));
    await cloud.fireTimer('outbox-relay');
    await eventually(
      () => cloud.request('GET', `/v1/appointments/${second}`, { token: patient }),
      (read) => read.body.status === 'cancelled',
    );
    // The consumer holds back all four while it is quiet (two bookings, a cancellation, a reminder)
    const { store } = await getServices();
    await eventually(
      () =>
        store.database.transaction((t) =>
          t.find('notifications', { where: { recipient_id: patientId, status: 'deferred' } }),
        ),
      (held) => held.length >= 4,
    );
    const duringQuiet = await smsTo(phone);
    await later(quietEnds + minute - Date.now(), () => cloud.fireTimer('deferred-notifications'));
    const after = await smsTo(phone);
    // Assess
    const at = (ms: number) =>
      DateTime.fromMillis(ms, { zone: moscow }).setLocale('ru').toFormat("d MMMM, HH:mm '('ZZZZ')'");
    expect(duringQuiet).toEqual([]);
    expect(after.sort()).toEqual(
      [
        `Вы записаны на консультацию ${at(start)} (видео).`,
        `Напоминаем: у вас консультация ${at(start)} (видео).`,
        `Консультация ${at(start + 30 * minute)} отменена.`,
      ].sort(),
    );
  });

  const smsTo = async (phone: string) =>
    ((await cloud.devRequest('GET', '/v1/dev/outbox')).body.items as { address: string; body: string }[])
      .filter((m) => m.address === phone)
      .map((m) => m.body);
});
