import { describe, expect, it } from 'vitest';
import {
  cancelAppointment,
  confirmHold,
  holdSlot,
  rescheduleAppointment,
} from '../../modules/booking/appointments';
import { type Doctor, defaultSchedule } from '../../modules/booking/domain/doctor';
import { sendDueReminders } from '../../modules/booking/due-reminders';
import { linkRooms } from '../../modules/booking/video-rooms';
import { clockedStore } from '../support/clocked-store';

const hour = 3_600_000;
const video = linkRooms('https://video.example.ru');

async function setUp() {
  let now = Date.UTC(2026, 11, 1, 6); // Tuesday 09:00 in Moscow
  const { store } = clockedStore('reminders', () => now);
  const doctor: Doctor = {
    id: crypto.randomUUID(),
    clinicId: 'clinic-1',
    fullName: 'Doctor',
    specialty: 'therapist',
    languages: ['ru'],
    timeZone: 'Europe/Moscow',
    services: [
      { id: crypto.randomUUID(), name: 'Video', format: 'video', durationMinutes: 30, priceRub: 100 },
    ],
    schedule: { ...defaultSchedule, weekly: { '3': [{ from: '10:00', to: '14:00' }] } },
    createdAt: now,
    updatedAt: now,
  };
  await store.transaction((r) => r.doctors.create(doctor));
  const book = (start: number) =>
    store.transaction(async (r) => {
      const held = await holdSlot(
        r,
        {
          doctorId: doctor.id,
          serviceId: doctor.services[0]?.id as string,
          start,
          patientId: 'p-1',
          patientTimeZone: 'Asia/Omsk',
        },
        { now, holdMinutes: 5, correlationId: 'c' },
      );
      return confirmHold(r, held, { now, correlationId: 'c', video });
    });
  const run = () =>
    store.transaction((r) =>
      sendDueReminders(r, { now, lookbackMs: 10 * 60_000, correlationId: 'c', limit: 100 }),
    );
  const reminders = async () =>
    (await store.transaction((r) => r.outbox.pending(100)))
      .filter((e) => e.eventType === 'appointment.reminder_due.v1')
      .map(
        (e) =>
          JSON.parse(e.body).data as {
            appointmentId: string;
            kind: string;
            start: string;
            patientTimeZone: string;
          },
      );
  return { store, book, run, reminders, setNow: (ms: number) => (now = ms), now: () => now };
}

const wednesday11 = Date.UTC(2026, 11, 2, 8); // 11:00 in Moscow

describe('appointment reminders', () => {
  it('go out 24 h and 1 h before, once each even when the timer fires twice', async () => {
    // Prepare
    const { book, run, reminders, setNow } = await setUp();
    const appointment = await book(wednesday11);
    // Act
    setNow(wednesday11 - 24 * hour - 60_000);
    const early = await run();
    setNow(wednesday11 - 24 * hour + 60_000);
    const dayBefore = [await run(), await run()];
    setNow(wednesday11 - hour + 60_000);
    const hourBefore = [await run(), await run()];
    // Assess
    expect(early).toBe(0);
    expect(dayBefore).toEqual([1, 0]);
    expect(hourBefore).toEqual([1, 0]);
    const sent = await reminders();
    expect(sent.map((r) => r.kind)).toEqual(['24h', '1h']);
    expect(sent[0]).toMatchObject({ appointmentId: appointment.id, patientTimeZone: 'Asia/Omsk' });
  });

  it('never go out for a cancelled appointment, and follow a moved one to its new time', async () => {
    // Prepare
    const { store, book, run, reminders, setNow, now } = await setUp();
    const cancelled = await book(wednesday11);
    const moved = await book(wednesday11 + hour);
    await store.transaction(async (r) => {
      await cancelAppointment(r, cancelled, {
        now: now(),
        correlationId: 'c',
        by: 'patient',
      });
      await rescheduleAppointment(r, moved, wednesday11 + 2 * hour, { now: now(), correlationId: 'c' });
    });
    // Act: the moments the old times would have been reminded, then the new one
    setNow(wednesday11 - hour + 60_000);
    const atCancelledTime = await run();
    setNow(wednesday11 + 60_000);
    const atOldTime = await run();
    setNow(wednesday11 + hour + 60_000);
    const atNewTime = await run();
    // Assess
    expect([atCancelledTime, atOldTime]).toEqual([0, 0]);
    expect(atNewTime).toBe(1);
    expect((await reminders()).map((r) => [r.appointmentId, r.start])).toEqual([
      [moved.id, new Date(wednesday11 + 2 * hour).toISOString()],
    ]);
  });
});
