import { RuleBroken } from '../../../platform/rule-broken';
export type AppointmentStatus = 'held' | 'pending_payment' | 'booked' | 'cancelled' | 'completed' | 'no_show';
export type ConsultationFormat = 'video' | 'chat' | 'async';
/** 323-FZ art. 36.2: diagnosis and treatment remotely only after an in-person visit to that clinic. */
export type ConsultationType = 'follow_up' | 'informational';
/** What a hold asks for; left out, the consultation type follows from an in-person visit. */
export type VisitKind = ConsultationType;
/** Who pays: the patient, or a sponsor (insurance policy, employer's programme) through the ledger. */
export type PayerType = 'self' | 'policy' | 'corporate';

export interface Appointment {
  id: string;
  clinicId: string;
  doctorId: string;
  patientId: string;
  /** Where the patient is: reminders and views show times here. */
  patientTimeZone: string;
  /**
   * The doctor's zone (fixed when the doctor is created), so a view needs no second read; null
   * only on a row an older version wrote while migration 016 was being rolled out.
   */
  doctorTimeZone: string | null;
  serviceId: string;
  format: ConsultationFormat;
  start: number;
  end: number;
  /** The cells the appointment claims (itself plus buffers). */
  blockStart: number;
  blockEnd: number;
  status: AppointmentStatus;
  /** Until when a hold waits for confirmation, or a confirmed self-paid visit for its payment. */
  holdExpiresAt: number | null;
  payerType: PayerType;
  /** The service's price when it was held: what a self-paying patient is charged. */
  priceKopecks: number;
  /** A visit for "a doctor now", taken from the duty roster rather than the doctor's schedule. */
  urgent: boolean;
  consultationType: ConsultationType;
  lateCancellation: boolean;
  videoLink: string | null;
  createdAt: number;
  updatedAt: number;
}

export const rules = {
  slotTaken: () => new RuleBroken('SLOT_TAKEN', 409, 'This time is no longer free. Choose another slot.'),
  holdExpired: () =>
    new RuleBroken('HOLD_EXPIRED', 409, 'The hold on this slot expired. Search for slots again.'),
  notOffered: () =>
    new RuleBroken(
      'SLOT_NOT_OFFERED',
      422,
      "The start time is not one of the doctor's slots for this service.",
    ),
  inPersonVisitRequired: () =>
    new RuleBroken(
      'IN_PERSON_VISIT_REQUIRED',
      422,
      'A follow-up consultation needs an in-person visit to this clinic first (323-FZ art. 36.2).',
    ),
  inPast: () => new RuleBroken('SLOT_IN_PAST', 422, 'The slot starts in the past.'),
  visitInFuture: () =>
    new RuleBroken('VISIT_IN_FUTURE', 422, 'An in-person visit is recorded once it has happened, not ahead.'),
  shiftOverlaps: () =>
    new RuleBroken('SHIFT_OVERLAPS', 409, 'This doctor already has a duty shift overlapping this one.'),
  tooSoon: (minutes: number) =>
    new RuleBroken('SLOT_TOO_SOON', 422, `Slots must be booked at least ${minutes} minutes ahead.`),
  beyondHorizon: (days: number) =>
    new RuleBroken('SLOT_BEYOND_HORIZON', 422, `Slots can be booked at most ${days} days ahead.`),
  wrongStatus: (status: AppointmentStatus, action: string) =>
    new RuleBroken('APPOINTMENT_STATE', 409, `A ${status} appointment cannot be ${action}.`),
  urgentFixed: () =>
    new RuleBroken(
      'URGENT_NOT_MOVABLE',
      409,
      'A visit with the doctor on duty cannot be moved. Cancel it and book a slot instead.',
    ),
  noDoctorOnDuty: () =>
    new RuleBroken(
      'NO_DOCTOR_ON_DUTY',
      409,
      'No doctor on duty is free right now. Try again in a few minutes or book a slot.',
    ),
  tooEarlyToClose: () =>
    new RuleBroken(
      'APPOINTMENT_NOT_STARTED',
      409,
      'An appointment can be completed or marked no-show only after it starts.',
    ),
};

/** A hold (or an unpaid confirmation) whose time ran out is as good as gone: its cells are free for others. */
export function isLiveHold(appointment: Appointment, now: number): boolean {
  return (
    (appointment.status === 'held' || appointment.status === 'pending_payment') &&
    (appointment.holdExpiresAt ?? 0) > now
  );
}

/** A self-paying patient pays before the visit is booked, when the service has a price. */
export function needsPayment(appointment: Appointment): boolean {
  return appointment.payerType === 'self' && appointment.priceKopecks > 0;
}

/** Cancelling inside the cancellation notice is allowed but recorded as late (sponsors may forfeit it). */
export function isLateCancellation(appointment: Appointment, now: number, noticeMinutes: number): boolean {
  return appointment.status === 'booked' && appointment.start - now < noticeMinutes * 60_000;
}

export function assertBookable(
  start: number,
  now: number,
  minNoticeMinutes: number,
  horizonDays: number,
): void {
  if (start <= now) throw rules.inPast();
  if (start < now + minNoticeMinutes * 60_000) throw rules.tooSoon(minNoticeMinutes);
  if (start > now + horizonDays * 86_400_000) throw rules.beyondHorizon(horizonDays);
}

/** Russia's easternmost zone: no clinic's today is later than Kamchatka's. */
const easternmostZone = 'Asia/Kamchatka';
const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: easternmostZone });

/** The latest day an in-person visit can have happened on at `now`, anywhere in Russia (YYYY-MM-DD). */
export function latestVisitDay(now: number): string {
  return dateFormat.format(now);
}
