import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../platform/services';
import { consentingPatient } from '../support/consents';
import { eventually } from '../support/eventually';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const everyDay = (from: string, to: string) =>
  Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from, to }]]));

/** A day at least two days ahead, in a zone, at midnight: far enough from "now" for notice rules. */
const dayAhead = (zone: string, days = 2) => DateTime.now().setZone(zone).plus({ days }).startOf('day');

describe('booking through the local gateway', () => {
  let cloud: TestCloud;
  let admin: string;
  let doctorId: string;
  let serviceId: string;
  const vladivostok = 'Asia/Vladivostok';
  const kaliningrad = 'Europe/Kaliningrad';

  const registerDoctor = async (body: Record<string, unknown>, token = admin) =>
    cloud.request('POST', '/v1/doctors', { token, body });
  const slots = async (query: Record<string, string>, token: string) =>
    cloud.request('GET', `/v1/slots?${new URLSearchParams(query)}`, { token });
  const hold = (token: string, body: Record<string, unknown>) =>
    cloud.request('POST', '/v1/holds', { token, body });
  const patientToken = (subject = crypto.randomUUID()) => consentingPatient(cloud, subject);

  beforeAll(async () => {
    cloud = await startTestCloud({ env: { RELAY_MAX_RUN_SECONDS: '0' } });
    admin = await cloud.token('clinic_admin', { tenant: 'clinic-1', subject: 'admin-1' });
    const doctor = await registerDoctor({
      fullName: 'Ирина Смирнова',
      specialty: 'therapist',
      timeZone: vladivostok,
      services: [{ name: 'Видеоконсультация', format: 'video', durationMinutes: 30, priceRub: 1500 }],
      schedule: {
        weekly: everyDay('09:00', '12:00'),
        bufferAfterMinutes: 10,
        minNoticeMinutes: 60,
        horizonDays: 30,
      },
    });
    expect(doctor.status).toBe(201);
    doctorId = doctor.body.id;
    serviceId = doctor.body.services[0].id;
  });
  afterAll(() => cloud.stop());

  it('shows the same slot at the right local time to a doctor in Vladivostok and a patient in Kaliningrad', async () => {
    // Prepare
    const day = dayAhead(vladivostok);
    const patient = await patientToken();
    // Act
    const found = await slots(
      { doctorId, from: day.toISO() as string, to: day.plus({ days: 1 }).toISO() as string, tz: kaliningrad },
      patient,
    );
    // Assess: 09:00 in Vladivostok (UTC+10) is 23:00 UTC and 01:00 in Kaliningrad (UTC+2), the day after
    expect(found.status).toBe(200);
    const first = found.body.items[0];
    expect(first.doctorLocalStart).toBe(`${day.toISODate()}T09:00:00+10:00`);
    expect(first.start).toBe(day.set({ hour: 9 }).toUTC().toISO());
    expect(first.localStart).toBe(`${day.set({ hour: 9 }).setZone(kaliningrad).toISODate()}T01:00:00+02:00`);
    // 30-minute slots, each followed by a 10-minute buffer, between 09:00 and 12:00
    expect(
      found.body.items.map((s: { doctorLocalStart: string }) => s.doctorLocalStart.slice(11, 16)),
    ).toEqual(['09:00', '09:40', '10:20', '11:00']);
  });

  it('takes booked time and its buffer out of the search, and honours date overrides and hours across midnight', async () => {
    // Prepare: a night doctor working 22:00-24:00 every day, with a closed day and a short day
    const day = dayAhead('Europe/Moscow', 3);
    const night = await registerDoctor({
      fullName: 'Ночной Дежурный',
      specialty: 'pediatrician',
      timeZone: 'Europe/Moscow',
      services: [{ name: 'Чат', format: 'chat', durationMinutes: 60, priceRub: 900 }],
      schedule: {
        weekly: everyDay('22:00', '24:00'),
        overrides: {
          [day.plus({ days: 1 }).toISODate() as string]: [],
          [day.plus({ days: 2 }).toISODate() as string]: [{ from: '23:00', to: '24:00' }],
        },
        minNoticeMinutes: 0,
      },
    });
    const patient = await patientToken();
    const window = { doctorId: night.body.id, tz: 'Asia/Yekaterinburg' };
    // Act
    const found = await slots(
      { ...window, from: day.toISO() as string, to: day.plus({ days: 3 }).toISO() as string },
      patient,
    );
    // Assess
    const starts = found.body.items.map((s: { doctorLocalStart: string }) => s.doctorLocalStart.slice(0, 16));
    expect(starts).toEqual([
      `${day.toISODate()}T22:00`,
      `${day.toISODate()}T23:00`,
      `${day.plus({ days: 2 }).toISODate()}T23:00`,
    ]);
    // 23:00 Moscow is 01:00 the next day in Yekaterinburg (UTC+5)
    expect(found.body.items[1].localStart).toBe(`${day.plus({ days: 1 }).toISODate()}T01:00:00+05:00`);

    // Act: book 22:00 and search again
    const held = await hold(patient, {
      doctorId: night.body.id,
      serviceId: night.body.services[0].id,
      start: found.body.items[0].start,
    });
    const after = await slots(
      { ...window, from: day.toISO() as string, to: day.plus({ days: 1 }).toISO() as string },
      patient,
    );
    // Assess
    expect(held.status).toBe(201);
    expect(
      after.body.items.map((s: { doctorLocalStart: string }) => s.doctorLocalStart.slice(11, 16)),
    ).toEqual(['23:00']);
  });

  it('lets exactly one of 200 concurrent holds on one slot succeed; the rest get 409 SLOT_TAKEN', async () => {
    // Prepare
    const start = dayAhead(vladivostok, 4).set({ hour: 10, minute: 20 }).toUTC().toISO() as string;
    const patients = await Promise.all(Array.from({ length: 200 }, () => patientToken()));
    // Act
    const results = await Promise.all(patients.map((p) => hold(p, { doctorId, serviceId, start })));
    // Assess
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.body.code === 'SLOT_TAKEN')).toHaveLength(199);
  });

  it('books, reschedules as one step, and refuses to reschedule into a taken slot without changing anything', async () => {
    // Prepare
    const day = dayAhead(vladivostok, 5);
    const at = (hour: number, minute = 0) => day.set({ hour, minute }).toUTC().toISO() as string;
    const alice = await patientToken();
    const bob = await patientToken();
    const held = await hold(alice, { doctorId, serviceId, start: at(9), timeZone: kaliningrad });
    const confirmed = await cloud.request('POST', `/v1/appointments/${held.body.id}/confirm`, {
      token: alice,
    });
    const bobs = await hold(bob, { doctorId, serviceId, start: at(10, 20) });
    // Act
    const intoTaken = await cloud.request('POST', `/v1/appointments/${held.body.id}/reschedule`, {
      token: alice,
      body: { start: at(10, 20) },
    });
    const unchanged = await cloud.request('GET', `/v1/appointments/${held.body.id}`, { token: alice });
    const moved = await cloud.request('POST', `/v1/appointments/${held.body.id}/reschedule`, {
      token: alice,
      body: { start: at(9, 40) },
    });
    // Assess
    expect(confirmed.body).toMatchObject({ status: 'booked', patientTimeZone: kaliningrad });
    expect(confirmed.body.videoLink).toMatch(/^https:\/\/video\./);
    expect(bobs.status).toBe(201);
    expect(intoTaken).toMatchObject({ status: 409, body: { code: 'SLOT_TAKEN' } });
    expect(unchanged.body.start).toBe(at(9));
    expect(moved.body).toMatchObject({ status: 'booked', start: at(9, 40) });
    // The old 09:00 slot is free again, the new one is not offered
    const free = await slots(
      { doctorId, from: day.toISO() as string, to: day.plus({ days: 1 }).toISO() as string },
      alice,
    );
    const offered = free.body.items.map((s: { start: string }) => s.start);
    expect(offered).toContain(at(9));
    expect(offered).not.toContain(at(9, 40));
  });

  it('tells the patient about a booking through the outbox and the notifications queue, once', async () => {
    // Prepare
    const patientId = crypto.randomUUID();
    const token = await patientToken(patientId);
    const held = await hold(token, {
      doctorId,
      serviceId,
      start: dayAhead(vladivostok, 9).set({ hour: 9 }).toUTC().toISO(),
    });
    await cloud.request('POST', `/v1/appointments/${held.body.id}/confirm`, { token });
    // Act
    await cloud.fireTimer('outbox-relay');
    const { store } = await getServices();
    const sent = await eventually(
      () => store.transaction((r) => r.notifications.forRecipient(patientId)),
      (found) => found.length > 0,
    );
    // Assess: the hold sends nothing, the booking one message
    expect(sent.map((n) => n.template)).toEqual(['appointment.booked']);
  });

  it('treats the same Idempotency-Key on another appointment as another request', async () => {
    // Prepare: two held appointments of one patient
    const token = await patientToken();
    const day = dayAhead(vladivostok, 10);
    const first = await hold(token, { doctorId, serviceId, start: day.set({ hour: 9 }).toUTC().toISO() });
    const second = await hold(token, {
      doctorId,
      serviceId,
      start: day.set({ hour: 10, minute: 20 }).toUTC().toISO(),
    });
    const key = crypto.randomUUID();
    // Act: a client reuses its key (empty bodies both times)
    const cancelFirst = await cloud.request('POST', `/v1/appointments/${first.body.id}/cancel`, {
      token,
      headers: { 'Idempotency-Key': key },
    });
    const cancelSecond = await cloud.request('POST', `/v1/appointments/${second.body.id}/cancel`, {
      token,
      headers: { 'Idempotency-Key': key },
    });
    // Assess: the second is not a replay of the first
    expect(cancelFirst.body).toMatchObject({ id: first.body.id, status: 'cancelled' });
    expect(cancelSecond).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });

  it('keeps each appointment to its patient, its doctor and its clinic', async () => {
    // Prepare
    const owner = crypto.randomUUID();
    const ownerToken = await patientToken(owner);
    const held = await hold(ownerToken, {
      doctorId,
      serviceId,
      start: dayAhead(vladivostok, 6).set({ hour: 11 }).toUTC().toISO(),
    });
    const path = `/v1/appointments/${held.body.id}`;
    const stranger = await patientToken();
    const ownDoctor = await cloud.token('doctor', { tenant: 'clinic-1', subject: doctorId });
    const otherDoctor = await cloud.token('doctor', { tenant: 'clinic-1', subject: crypto.randomUUID() });
    const otherAdmin = await cloud.token('clinic_admin', { tenant: 'clinic-2' });
    // Act + Assess
    expect((await cloud.request('GET', path, { token: stranger })).status).toBe(404);
    expect((await cloud.request('POST', `${path}/cancel`, { token: stranger })).status).toBe(404);
    expect(
      (
        await cloud.request('POST', `${path}/reschedule`, {
          token: stranger,
          body: { start: held.body.start },
        })
      ).status,
    ).toBe(404);
    expect((await cloud.request('GET', path, { token: otherDoctor })).status).toBe(404);
    expect((await cloud.request('GET', path, { token: otherAdmin })).status).toBe(404);
    expect((await cloud.request('GET', path, { token: ownDoctor })).status).toBe(200);
    expect((await cloud.request('GET', path, { token: admin })).status).toBe(200);
    const mine = await cloud.request('GET', '/v1/appointments', { token: ownerToken });
    const theirs = await cloud.request('GET', '/v1/appointments', { token: stranger });
    expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([held.body.id]);
    expect(theirs.body.items).toEqual([]);
    const doctorsList = await cloud.request('GET', '/v1/appointments', { token: otherDoctor });
    expect(doctorsList.body.items).toEqual([]);
  });

  it('marks a consultation informational after an in-person visit too, while neither participant is identified', async () => {
    const patientId = crypto.randomUUID();
    const token = await patientToken(patientId);
    const day = dayAhead(vladivostok, 7);
    const before = await hold(token, { doctorId, serviceId, start: day.set({ hour: 9 }).toUTC().toISO() });
    const visit = await cloud.request('POST', '/v1/in-person-visits', {
      token: admin,
      body: { patientId, visitedOn: '2026-10-01' },
    });
    const after = await hold(token, {
      doctorId,
      serviceId,
      start: day.set({ hour: 10, minute: 20 }).toUTC().toISO(),
    });
    expect(before.body).toMatchObject({ consultationType: 'informational' });
    expect(before.body.consultationNotice).toContain('36.2');
    expect(visit.status).toBe(201);
    // A follow-up also needs both identified (test/identity): unasked, the visit stays informational
    expect(after.body.consultationType).toBe('informational');
  });

  it('records a cancellation inside the cancellation notice as late, and one made in time as not', async () => {
    // Prepare: a doctor who takes bookings at short notice but wants a day's notice of cancellation
    const quick = await registerDoctor({
      fullName: 'Быстрый Приём',
      specialty: 'dermatologist',
      timeZone: 'Europe/Moscow',
      services: [{ name: 'Чат', format: 'chat', durationMinutes: 30, priceRub: 500 }],
      schedule: {
        weekly: everyDay('00:00', '24:00'),
        minNoticeMinutes: 0,
        cancellationNoticeMinutes: 24 * 60,
      },
    });
    const token = await patientToken();
    const book = async (from: DateTime) => {
      const found = await slots(
        {
          doctorId: quick.body.id,
          from: from.toISO() as string,
          to: from.plus({ hours: 2 }).toISO() as string,
        },
        token,
      );
      const held = await hold(token, {
        doctorId: quick.body.id,
        serviceId: quick.body.services[0].id,
        start: found.body.items[0].start,
      });
      await cloud.request('POST', `/v1/appointments/${held.body.id}/confirm`, { token });
      return held.body.id as string;
    };
    const soon = await book(DateTime.now().plus({ hours: 3 }));
    const later = await book(DateTime.now().plus({ days: 3 }));
    // Act
    const late = await cloud.request('POST', `/v1/appointments/${soon}/cancel`, { token });
    const inTime = await cloud.request('POST', `/v1/appointments/${later}/cancel`, { token });
    // Assess
    expect(late.body).toMatchObject({ status: 'cancelled', lateCancellation: true });
    expect(inTime.body).toMatchObject({ status: 'cancelled', lateCancellation: false });
  });

  it('refuses bad input with a specific 4xx and changes nothing', async () => {
    const token = await patientToken();
    const future = dayAhead(vladivostok, 8).set({ hour: 9 }).toUTC().toISO() as string;
    const cases: [string, Promise<{ status: number; body: { code: string } }>, number, string][] = [
      [
        'unknown doctor',
        hold(token, { doctorId: crypto.randomUUID(), serviceId, start: future }),
        404,
        'DOCTOR_NOT_FOUND',
      ],
      [
        'unknown service',
        hold(token, { doctorId, serviceId: crypto.randomUUID(), start: future }),
        422,
        'SERVICE_NOT_FOUND',
      ],
      [
        'slot in the past',
        hold(token, { doctorId, serviceId, start: '2020-01-01T00:00:00Z' }),
        422,
        'SLOT_IN_PAST',
      ],
      [
        'start not on the grid',
        hold(token, {
          doctorId,
          serviceId,
          start: dayAhead(vladivostok, 8).set({ hour: 9, minute: 5 }).toUTC().toISO(),
        }),
        422,
        'SLOT_NOT_OFFERED',
      ],
      [
        'malformed id',
        hold(token, { doctorId: 'not-a-uuid', serviceId, start: future }),
        400,
        'VALIDATION_FAILED',
      ],
      ['wrong types', hold(token, { doctorId, serviceId, start: 12345 }), 400, 'VALIDATION_FAILED'],
      [
        'end before start',
        slots({ doctorId, from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' }, token),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'unknown time zone',
        slots(
          { doctorId, from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z', tz: 'Mars/Olympus' },
          token,
        ),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'doctor with an impossible schedule',
        registerDoctor({
          fullName: 'X',
          specialty: 'therapist',
          timeZone: 'Europe/Moscow',
          services: [{ name: 'x', format: 'chat', durationMinutes: 30, priceRub: 1 }],
          schedule: { weekly: { '1': [{ from: '18:00', to: '09:00' }] } },
        }),
        400,
        'VALIDATION_FAILED',
      ],
    ];
    for (const [name, response, status, code] of cases) {
      const { status: actual, body } = await response;
      expect([name, actual, body.code]).toEqual([name, status, code]);
    }
    const appointments = await cloud.request('GET', '/v1/appointments', { token });
    expect(appointments.body.items).toEqual([]);
  });

  it('lets exactly one of 200 concurrent reschedules into one free slot succeed; the others keep their time', async () => {
    // Prepare: 200 patients each booked with a round-the-clock doctor, and one free slot
    const busy = await registerDoctor({
      fullName: 'Круглосуточный Врач',
      specialty: 'therapist',
      timeZone: 'Europe/Moscow',
      services: [{ name: 'Чат', format: 'chat', durationMinutes: 10, priceRub: 500 }],
      schedule: { weekly: everyDay('00:00', '24:00'), minNoticeMinutes: 0 },
    });
    const day = dayAhead('Europe/Moscow', 6);
    const at = (slot: number) =>
      day
        .plus({ minutes: 10 * slot })
        .toUTC()
        .toISO() as string;
    const booked = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const token = await patientToken();
        const held = await hold(token, {
          doctorId: busy.body.id,
          serviceId: busy.body.services[0].id,
          start: at(i),
        });
        await cloud.request('POST', `/v1/appointments/${held.body.id}/confirm`, { token });
        return { token, id: held.body.id as string, start: at(i) };
      }),
    );
    const target = at(500);
    // Act
    const results = await Promise.all(
      booked.map((b) =>
        cloud.request('POST', `/v1/appointments/${b.id}/reschedule`, {
          token: b.token,
          body: { start: target },
        }),
      ),
    );
    // Assess: one moved; every other answer is SLOT_TAKEN and its appointment kept its own time
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.body.code === 'SLOT_TAKEN')).toHaveLength(199);
    const after = await Promise.all(
      booked.map((b) => cloud.request('GET', `/v1/appointments/${b.id}`, { token: b.token })),
    );
    const starts = after.map((r) => r.body.start);
    expect(starts.filter((s) => s === target)).toHaveLength(1);
    expect(after.filter((r, i) => r.body.start === booked[i]?.start)).toHaveLength(199);
  });
});
