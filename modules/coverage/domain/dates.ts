import { DateTime } from 'luxon';

/** Policy and contract dates are calendar days in Moscow time, as Russian insurers' registers write them. */
export const sponsorZone = 'Europe/Moscow';

export const startOfDay = (date: string) => DateTime.fromISO(date, { zone: sponsorZone }).toMillis();

/** An inclusive last day ends where the next day starts. */
export const endOfDay = (date: string) =>
  DateTime.fromISO(date, { zone: sponsorZone }).plus({ days: 1 }).toMillis();

export const calendarDate = (ms: number) =>
  DateTime.fromMillis(ms, { zone: sponsorZone }).toISODate() as string;

export const lastDate = (endsAt: number) => calendarDate(endsAt - 1);

export const calendarMonth = (ms: number) =>
  DateTime.fromMillis(ms, { zone: sponsorZone }).toFormat('yyyy-MM');
