import { DateTime } from 'luxon';
import { closeAppointment } from '../../modules/booking/appointments';
import { sponsorPayers } from '../../modules/coverage/payers';
import { getServices } from '../../platform/services';
import type { TestCloud } from './test-cloud';

export const moscow = 'Europe/Moscow';
export const today = () => DateTime.now().setZone(moscow).toISODate() as string;
export const inDays = (days: number) => DateTime.now().setZone(moscow).plus({ days }).toISODate() as string;

/** Starts of `count` consecutive 10-minute slots from midnight (Moscow), `days` ahead. */
export function slotStarts(days: number, count: number, from = 0): string[] {
  const midnight = DateTime.now().setZone(moscow).plus({ days }).startOf('day');
  return Array.from(
    { length: count },
    (_, i) =>
      midnight
        .plus({ minutes: 10 * (from + i) })
        .toUTC()
        .toISO() as string,
  );
}

/** A clinic doctor who sees patients around the clock in 10-minute video visits. */
export async function registerDoctor(cloud: TestCloud, admin: string, specialty: string) {
  const everyDay = Object.fromEntries(
    ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
  );
  const created = await cloud.request('POST', '/v1/doctors', {
    token: admin,
    body: {
      fullName: 'Анна Докторова',
      specialty,
      timeZone: moscow,
      services: [{ name: 'Видеоконсультация', format: 'video', durationMinutes: 10, priceRub: 1500 }],
      schedule: { weekly: everyDay, minNoticeMinutes: 0, horizonDays: 30, cancellationNoticeMinutes: 60 },
    },
  });
  if (created.status !== 201) throw new Error(`doctor not registered: ${JSON.stringify(created.body)}`);
  return { doctorId: created.body.id as string, serviceId: created.body.services[0].id as string };
}

/** The doctor closes the visit once it has taken place: the clock is moved past its start. */
export async function completeVisit(appointmentId: string, outcome: 'completed' | 'no_show' = 'completed') {
  const { store } = await getServices();
  await store.transaction(async (r) => {
    const appointment = await r.appointments.get(appointmentId);
    if (!appointment) throw new Error('no such appointment');
    await closeAppointment(r, appointment, outcome, {
      now: appointment.end + 60_000,
      correlationId: 'test',
      payers: sponsorPayers,
    });
  });
}
