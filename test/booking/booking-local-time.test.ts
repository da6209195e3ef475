import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { holdSlot } from '../../modules/booking/appointments';
import { type Doctor, defaultSchedule } from '../../modules/booking/domain/doctor';
import { localIso } from '../../modules/booking/local-time';
import { clockedStore } from '../support/clocked-store';

const at = (iso: string) => Date.parse(iso);

describe('local times in views', () => {
  it('read as the wall clock of the zone, with its offset', () => {
    // Prepare: one instant, the slot of the Vladivostok and Kaliningrad acceptance case
    const start = at('2026-03-02T00:30:00Z');
    // Act
    const vladivostok = localIso(start, 'Asia/Vladivostok');
    const kaliningrad = localIso(start, 'Europe/Kaliningrad');
    // Assess: 10:30 the same day in the doctor's zone, 02:30 in the patient's
    expect(vladivostok).toBe('2026-03-02T10:30:00+10:00');
    expect(kaliningrad).toBe('2026-03-02T02:30:00+02:00');
  });

  it('print what luxon prints, across clock changes, odd offsets, midnight and milliseconds', () => {
    // Prepare: instants either side of Berlin's and New York's changes, a slot across midnight,
    // zones a quarter and half an hour off, west of Greenwich, and the fixed zone UTC
    const instants = [
      '2026-03-29T00:59:59Z',
      '2026-03-29T01:00:00Z',
      '2026-10-25T00:30:00Z',
      '2026-10-25T01:30:00Z',
      '2026-03-08T06:59:00Z',
      '2026-03-08T07:00:00Z',
      '2026-11-01T05:30:00Z',
      '2026-12-31T23:45:00Z',
      '2026-01-01T00:00:00.250Z',
      '2026-06-15T12:00:00.007Z',
    ].map(at);
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Europe/Moscow',
      'Asia/Kathmandu',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'America/St_Johns',
      'Europe/London',
      'UTC',
    ];
    for (const zone of zones) {
      for (const ms of instants) {
        // Act
        const ours = localIso(ms, zone);
        // Assess
        const luxons = DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });
        expect({ zone, ms, text: ours }).toEqual({ zone, ms, text: luxons });
      }
    }
  });

  it("show the doctor's zone for an appointment written before appointments carried it", async () => {
    // Prepare: a held visit with a doctor in Vladivostok, its zone then blanked as an older version left it
    const now = Date.UTC(2026, 2, 1);
    const { database, store } = clockedStore('doctor-zone', () => now);
    const doctor: Doctor = {
      id: crypto.randomUUID(),
      clinicId: 'clinic-1',
      fullName: 'Doctor',
      specialty: 'therapist',
      languages: ['ru'],
      timeZone: 'Asia/Vladivostok',
      services: [{ id: crypto.randomUUID(), name: 'Chat', format: 'chat', durationMinutes: 30, priceRub: 0 }],
      schedule: { ...defaultSchedule, weekly: { '1': [{ from: '09:00', to: '12:00' }] } },
      createdAt: now,
      updatedAt: now,
    };
    await store.transaction((r) => r.doctors.create(doctor));
    const held = await store.transaction((r) =>
      holdSlot(
        r,
        {
          doctorId: doctor.id,
          serviceId: doctor.services[0]?.id as string,
          start: at('2026-03-02T00:30:00Z'),
          patientId: 'patient-1',
          patientTimeZone: 'Europe/Kaliningrad',
        },
        { now, holdMinutes: 5, correlationId: 'test' },
      ),
    );
    await database.transaction((t) => t.update('appointments', { id: held.id }, { doctor_time_zone: null }));
    // The view's module reads the function's settings when loaded.
    Object.assign(process.env, { APP_ENV: 'test', DB_DRIVER: 'sqlite', KMS_DRIVER: 'keyring' });
    const { viewOf } = await import('../../modules/booking/appointment-view');
    // Act
    const view = await store.transaction(async (r) =>
      viewOf(r, (await r.appointments.get(held.id)) ?? held, 'en'),
    );
    // Assess: the zone comes from the doctor, and both local times are right
    expect(view).toMatchObject({
      doctorTimeZone: 'Asia/Vladivostok',
      doctorLocalStart: '2026-03-02T10:30:00+10:00',
      patientLocalStart: '2026-03-02T02:30:00+02:00',
    });
  });
});
