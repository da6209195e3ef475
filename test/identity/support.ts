import { DateTime } from 'luxon';
import type { TestCloud } from '../support/test-cloud';

const everyDay = Object.fromEntries(
  ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from: '09:00', to: '17:00' }]]),
);

/** A doctor of clinic-1 in Moscow, an hour's video visits every day; its id, service and a fresh start for each hold. */
export async function registerDoctor(cloud: TestCloud, admin: string) {
  const response = await cloud.request('POST', '/v1/doctors', {
    token: admin,
    body: {
      fullName: 'Анна Врачова',
      specialty: 'therapist',
      timeZone: 'Europe/Moscow',
      services: [{ name: 'Видеоконсультация', format: 'video', durationMinutes: 60, priceRub: 1000 }],
      schedule: { weekly: everyDay, minNoticeMinutes: 60, horizonDays: 30 },
    },
  });
  if (response.status !== 201) throw new Error(`doctor not registered: ${response.status}`);
  let taken = 0;
  return {
    doctorId: response.body.id as string,
    serviceId: response.body.services[0].id as string,
    /** Each call a slot nobody else has asked for: eight a day, from the day after tomorrow. */
    nextStart: () => {
      const day = DateTime.now()
        .setZone('Europe/Moscow')
        .plus({ days: 2 + Math.floor(taken / 8) });
      const start = day.startOf('day').set({ hour: 9 + (taken % 8) });
      taken++;
      return start.toUTC().toISO() as string;
    },
  };
}
