import { RuleBroken } from '../../../platform/rule-broken';
import type { Appointment } from './appointment';

/** How much of a doctor's time one patient may take at once (booking settings). */
export interface HoldLimits {
  /** Holds still waiting for confirmation, across all doctors. */
  openHolds: number;
  /** Held or booked visits with one doctor starting on one day of the doctor's calendar. */
  visitsPerDoctorPerDay: number;
}

export const holdLimitRules = {
  tooManyHolds: (limit: number) =>
    new RuleBroken(
      'HOLD_LIMIT_REACHED',
      409,
      `You already hold ${limit} slot(s) waiting for confirmation. Confirm or cancel one first.`,
    ),
  tooManyVisitsThatDay: (limit: number) =>
    new RuleBroken(
      'DAILY_VISIT_LIMIT_REACHED',
      409,
      `You already have ${limit} visit(s) with this doctor that day.`,
    ),
};

const taking = new Set(['held', 'pending_payment', 'booked']);

/**
 * Whether a new hold keeps within the limits, given the patient's appointments (newest first):
 * without them one patient could hold every slot of a doctor and keep others out.
 */
export function checkHoldLimits(
  patientAppointments: readonly Appointment[],
  wanted: { doctorId: string; start: number; doctorTimeZone: string },
  limits: HoldLimits,
  now: number,
): void {
  const open = patientAppointments.filter(
    (a) => a.status === 'held' && a.holdExpiresAt !== null && a.holdExpiresAt > now,
  );
  if (open.length >= limits.openHolds) throw holdLimitRules.tooManyHolds(limits.openHolds);
  const day = calendarDay(wanted.start, wanted.doctorTimeZone);
  const sameDay = patientAppointments.filter(
    (a) =>
      a.doctorId === wanted.doctorId &&
      taking.has(a.status) &&
      (a.status !== 'held' || (a.holdExpiresAt ?? 0) > now) &&
      calendarDay(a.start, wanted.doctorTimeZone) === day,
  );
  if (sameDay.length >= limits.visitsPerDoctorPerDay)
    throw holdLimitRules.tooManyVisitsThatDay(limits.visitsPerDoctorPerDay);
}

function calendarDay(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(ms);
}
