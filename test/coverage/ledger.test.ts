import { afterAll, describe, expect, it } from 'vitest';
import {
  cancelAppointment,
  closeAppointment,
  confirmHold,
  holdSlot,
} from '../../modules/booking/appointments';
import type { Appointment } from '../../modules/booking/domain/appointment';
import { type Doctor, defaultSchedule } from '../../modules/booking/domain/doctor';
import type { Payer } from '../../modules/booking/payers';
import { linkRooms } from '../../modules/booking/video-rooms';
import { applyEntry, available, emptyBalance } from '../../modules/coverage/domain/ledger';
import { accountIds, type Product } from '../../modules/coverage/domain/sponsor';
import { sponsorPayers as payers } from '../../modules/coverage/payers';
import { cancelPolicy, createProduct, issuePolicy, linkPolicy } from '../../modules/coverage/policies';
import { clockedStore } from '../support/clocked-store';

// The ledger's rules are under test here, not the cap on one patient's visits a day (booking-holds.test.ts).
process.env.MAX_VISITS_PER_DOCTOR_PER_DAY = '20';
afterAll(() => {
  delete process.env.MAX_VISITS_PER_DOCTOR_PER_DAY;
});

const minute = 60_000;
/** Monday 7 December 2026, 09:00 in Moscow; the clock starts a week earlier. */
const monday9 = Date.UTC(2026, 11, 7, 6, 0);
const patientId = 'patient-1';

type Terms = Omit<Product, 'id' | 'insurerId' | 'createdAt'>;
const terms: Terms = {
  name: 'Телемедицина Базовый',
  consultationsPerYear: 10,
  specialtyLimits: {},
  specialties: ['therapist'],
  formats: ['video', 'chat', 'async'],
  dutyDoctor: false,
  waitingMinutes: null,
  forfeitLateCancellation: true,
  forfeitNoShow: false,
};

async function setUp(product: Partial<Terms> = {}, doctorSpecialty: Doctor['specialty'] = 'therapist') {
  let now = Date.UTC(2026, 10, 30);
  const clock = () => now;
  const { store } = clockedStore('ledger', clock);
  const doctor: Doctor = {
    id: crypto.randomUUID(),
    clinicId: 'clinic-1',
    fullName: 'Doctor',
    specialty: doctorSpecialty,
    languages: ['ru'],
    timeZone: 'Europe/Moscow',
    services: [
      { id: crypto.randomUUID(), name: 'Видео', format: 'video', durationMinutes: 30, priceRub: 1200 },
    ],
    schedule: { ...defaultSchedule, weekly: { '1': [{ from: '09:00', to: '12:00' }] } },
    createdAt: now,
    updatedAt: now,
  };
  const policy = await store.transaction(async (r) => {
    await r.doctors.create(doctor);
    const created = await createProduct(r, 'insurer-1', { ...terms, ...product }, now);
    await issuePolicy(
      r,
      'insurer-1',
      {
        productId: created.id,
        number: 'ПОЛИС-001',
        holderBirthDate: '1990-05-01',
        startsOn: '2026-11-01',
        endsOn: '2027-10-31',
      },
      now,
    );
    return linkPolicy(
      r,
      patientId,
      { insurerId: 'insurer-1', number: 'ПОЛИС-001', birthDate: '1990-05-01' },
      now,
    );
  });
  const payer: Payer = { type: 'policy', policyId: policy.id };
  const hold = (start: number, who = patientId) =>
    store.transaction((r) =>
      holdSlot(
        r,
        {
          doctorId: doctor.id,
          serviceId: doctor.services[0]?.id as string,
          start,
          patientId: who,
          patientTimeZone: 'Europe/Moscow',
          payer,
        },
        { now, holdMinutes: 5, correlationId: 'test', payers },
      ),
    );
  const book = async (start: number) => {
    const held = await hold(start);
    return store.transaction((r) =>
      confirmHold(r, held, {
        now,
        correlationId: 'test',
        video: linkRooms('https://video.example.ru'),
        payers,
      }),
    );
  };
  const by = 'patient' as const;
  const cancel = (a: Appointment) =>
    store.transaction((r) => cancelAppointment(r, a, { now, correlationId: 'test', by, payers }));
  const close = (a: Appointment, outcome: 'completed' | 'no_show') =>
    store.transaction((r) => closeAppointment(r, a, outcome, { now, correlationId: 'test', payers }));
  const account = accountIds.policyPeriod(policy.id, 0);
  const ledger = () =>
    store.transaction(async (r) => ({
      balance: await r.entitlements.account(account),
      entries: await r.entitlements.entries(account),
    }));
  return {
    store,
    policy,
    hold,
    book,
    cancel,
    close,
    ledger,
    advance: (ms: number) => (now += ms),
    setNow: (ms: number) => (now = ms),
  };
}

describe('the entitlement ledger', () => {
  it('gives a lapsed hold’s unit to the next booking and records the release', async () => {
    // Prepare: one consultation a year
    const { hold, advance, ledger } = await setUp({ consultationsPerYear: 1 });
    await hold(monday9);
    // Act
    const whileHeld = hold(monday9 + 30 * minute);
    await expect(whileHeld).rejects.toMatchObject({ code: 'LIMIT_REACHED' });
    advance(6 * minute);
    const afterLapse = await hold(monday9 + 30 * minute);
    // Assess
    expect(afterLapse.status).toBe('held');
    const { balance, entries } = await ledger();
    expect(entries.map((e) => [e.kind, e.units, e.reason])).toEqual([
      ['grant', 1, null],
      ['reserve', 1, null],
      ['release', 1, 'hold_expired'],
      ['reserve', 1, null],
    ]);
    expect(balance).toMatchObject({ granted: 1, reserved: 1, consumed: 0, forfeited: 0 });
  });

  it('consumes on completion, releases on timely cancellation and follows the product for late ones and no-shows', async () => {
    // Prepare: late cancellations are forfeited, no-shows are not
    const { book, cancel, close, ledger, setNow } = await setUp();
    const completed = await book(monday9);
    const cancelledEarly = await book(monday9 + 30 * minute);
    const cancelledLate = await book(monday9 + 60 * minute);
    const missed = await book(monday9 + 90 * minute);
    // Act
    await cancel(cancelledEarly);
    setNow(monday9 - 60 * minute);
    await cancel(cancelledLate);
    setNow(monday9 + 3 * 60 * minute);
    await close(completed, 'completed');
    await close(missed, 'no_show');
    // Assess
    const { balance, entries } = await ledger();
    const settled = entries.filter((e) => e.kind !== 'grant' && e.kind !== 'reserve');
    expect(settled.map((e) => [e.appointmentId, e.kind])).toEqual([
      [cancelledEarly.id, 'release'],
      [cancelledLate.id, 'forfeit'],
      [completed.id, 'consume'],
      [missed.id, 'release'],
    ]);
    expect(balance).toMatchObject({ granted: 10, reserved: 0, consumed: 1, forfeited: 1 });
    // Replaying the append-only ledger gives the stored balance
    const replayed = entries.reduce((b, e) => applyEntry(b, e.kind, e.units), emptyBalance);
    expect(replayed).toEqual({ granted: 10, reserved: 0, consumed: 1, forfeited: 1 });
    expect(available(replayed)).toBe(8);
  });

  it('refuses, and reserves nothing, when the policy does not cover the visit', async () => {
    // Prepare
    const psychologist = await setUp({}, 'psychologist');
    const expiring = await setUp();
    const cancelled = await setUp();
    await cancelled.store.transaction(async (r) => cancelPolicy(r, cancelled.policy, Date.now()));
    // Act + Assess
    await expect(psychologist.hold(monday9)).rejects.toMatchObject({ code: 'SPECIALTY_NOT_COVERED' });
    await expect(psychologist.hold(monday9, 'someone-else')).rejects.toMatchObject({ code: 'NO_COVERAGE' });
    await expect(cancelled.hold(monday9)).rejects.toMatchObject({ code: 'POLICY_EXPIRED' });
    expiring.setNow(Date.UTC(2027, 9, 20));
    await expect(expiring.hold(Date.UTC(2027, 10, 1, 6, 0))).rejects.toMatchObject({
      code: 'POLICY_EXPIRED',
    });
    for (const { ledger } of [psychologist, cancelled, expiring]) {
      expect((await ledger()).entries.map((e) => e.kind)).toEqual(['grant']);
    }
  });
});
