import { describe, expect, it } from 'vitest';
import { confirmHold, holdSlot } from '../../modules/booking/appointments';
import { type Doctor, defaultSchedule } from '../../modules/booking/domain/doctor';
import { linkRooms } from '../../modules/booking/video-rooms';
import { clockedStore } from '../support/clocked-store';

const monday9 = Date.UTC(2026, 11, 7, 6, 0); // 09:00 in Moscow

function setUp() {
  let now = Date.UTC(2026, 11, 1);
  const { store } = clockedStore('holds', () => now);
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
    schedule: { ...defaultSchedule, weekly: { '1': [{ from: '09:00', to: '12:00' }] } },
    createdAt: now,
    updatedAt: now,
  };
  const hold = (patientId: string) =>
    store.transaction((r) =>
      holdSlot(
        r,
        {
          doctorId: doctor.id,
          serviceId: doctor.services[0]?.id as string,
          start: monday9,
          patientId,
          patientTimeZone: 'Europe/Moscow',
        },
        { now, holdMinutes: 5, correlationId: 'test' },
      ),
    );
  return { store, doctor, hold, advance: (ms: number) => (now += ms), now: () => now };
}

describe('holds', () => {
  it('free the slot by themselves when they expire, and then cannot be confirmed', async () => {
    // Prepare
    const { store, doctor, hold, advance, now } = setUp();
    await store.transaction((r) => r.doctors.create(doctor));
    const first = await hold('patient-a');
    // Act: while the hold lives the slot is taken; six minutes later it is free again
    const whileHeld = hold('patient-b');
    await expect(whileHeld).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    advance(6 * 60_000);
    const second = await hold('patient-b');
    const lateConfirm = store.transaction(async (r) =>
      confirmHold(r, first, {
        now: now(),
        correlationId: 'test',
        video: linkRooms('https://video.example.ru'),
      }),
    );
    // Assess
    expect(second.status).toBe('held');
    await expect(lateConfirm).rejects.toMatchObject({ code: 'HOLD_EXPIRED' });
  });

  it('a live hold confirms into a booking that no longer expires', async () => {
    const { store, doctor, hold, advance, now } = setUp();
    await store.transaction((r) => r.doctors.create(doctor));
    const held = await hold('patient-a');
    advance(60_000);
    const booked = await store.transaction((r) =>
      confirmHold(r, held, {
        now: now(),
        correlationId: 'test',
        video: linkRooms('https://video.example.ru'),
      }),
    );
    advance(24 * 3_600_000);
    await expect(hold('patient-b')).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    expect(booked).toMatchObject({ status: 'booked', holdExpiresAt: null });
  });
});
