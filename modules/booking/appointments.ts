import { RuleBroken } from '../../platform/rule-broken';
import type { Repositories } from '../../platform/store';
import { participantsIdentified } from '../identity';
import { appointmentEvent } from './appointment-events';
import {
  type Appointment,
  assertBookable,
  isLateCancellation,
  isLiveHold,
  needsPayment,
  rules,
  type VisitKind,
} from './domain/appointment';
import type { Doctor, Service } from './domain/doctor';
import { checkHoldLimits } from './domain/hold-limits';
import { paymentDeadline, paymentGraceMinutes, refundedOnCancel } from './domain/payment';
import { type Interval, slotStep, workingIntervals } from './domain/schedule';
import { blockOf, isOffered } from './domain/slots';
import type { Payer, Payers } from './payers';
import { bookingSettings } from './settings';
import type { VideoRooms } from './video-rooms';

export interface Clock {
  now: number;
}

/** Who cancels: a person in one of these roles, or the payment provider reporting a cancelled payment. */
export type Canceller = 'patient' | 'doctor' | 'clinic_admin' | 'service' | 'payment';

/** What a request names and does not exist (or is not the caller's to see); a service of the doctor named in a body is a 422. */
export function notFound(what: 'Doctor' | 'Appointment' | 'Service' | 'Payment'): RuleBroken {
  return new RuleBroken(
    `${what.toUpperCase()}_NOT_FOUND`,
    what === 'Service' ? 422 : 404,
    `${what} was not found.`,
  );
}

/** The slot a patient asked for, checked against the doctor's schedule and the clock. */
function checkSlot(doctor: Doctor, serviceId: string, start: number, now: number) {
  const service = doctor.services.find((s) => s.id === serviceId);
  if (!service) throw notFound('Service');
  const { schedule } = doctor;
  assertBookable(start, now, schedule.minNoticeMinutes, schedule.horizonDays);
  const end = start + service.durationMinutes * 60_000;
  const intervals = workingIntervals(schedule, doctor.timeZone, start, end);
  if (!isOffered(intervals, service.durationMinutes, slotStep(schedule, service.durationMinutes), start)) {
    throw rules.notOffered();
  }
  const block = blockOf(start, end, schedule.bufferBeforeMinutes, schedule.bufferAfterMinutes);
  return { service, end, block };
}

/**
 * Holds a slot for the patient for a few minutes; two holds on one slot: exactly one wins (`SLOT_TAKEN`).
 * A sponsor's unit is reserved in the same transaction, so the slot and the unit are taken together or not at all.
 */
export async function holdSlot(
  repos: Repositories,
  request: {
    doctorId: string;
    serviceId: string;
    start: number;
    patientId: string;
    patientTimeZone: string;
    payer?: Payer;
    kind?: VisitKind | undefined;
  },
  context: HoldContext,
): Promise<Appointment> {
  const doctor = await repos.doctors.get(request.doctorId);
  if (!doctor) throw notFound('Doctor');
  const { service, end, block } = checkSlot(doctor, request.serviceId, request.start, context.now);
  return hold(repos, { ...request, doctor, service, end, block, urgent: false }, context);
}

export interface HoldContext {
  now: number;
  holdMinutes: number;
  correlationId: string;
  payers?: Payers;
}

/** Creates the held appointment: claims its cells, reserves the sponsor's unit, announces the hold. */
export async function hold(
  repos: Repositories,
  request: {
    doctor: Doctor;
    service: Service;
    start: number;
    end: number;
    block: Interval;
    urgent: boolean;
    patientId: string;
    patientTimeZone: string;
    payer?: Payer | undefined;
    kind?: VisitKind | undefined;
  },
  context: HoldContext,
): Promise<Appointment> {
  const { doctor, service, payer } = request;
  checkHoldLimits(
    await repos.appointments.forPatient(request.patientId),
    { doctorId: doctor.id, start: request.start, doctorTimeZone: doctor.timeZone },
    {
      openHolds: bookingSettings().MAX_OPEN_HOLDS,
      visitsPerDoctorPerDay: bookingSettings().MAX_VISITS_PER_DOCTOR_PER_DAY,
    },
    context.now,
  );
  const visited = await repos.inPersonVisits.any(doctor.clinicId, request.patientId);
  if (request.kind === 'follow_up' && !visited) throw rules.inPersonVisitRequired();
  // Unasked, a visit after an in-person one is a follow-up only between identified participants;
  // otherwise it stays informational rather than set a diagnosis or treatment remotely (order 965н/193н).
  const followUp =
    request.kind === 'informational'
      ? false
      : visited &&
        (request.kind === 'follow_up' ||
          (await participantsIdentified(repos, { patientId: request.patientId, doctorId: doctor.id })));
  const appointment: Appointment = {
    id: crypto.randomUUID(),
    clinicId: doctor.clinicId,
    doctorId: doctor.id,
    patientId: request.patientId,
    patientTimeZone: request.patientTimeZone,
    doctorTimeZone: doctor.timeZone,
    serviceId: service.id,
    format: service.format,
    start: request.start,
    end: request.end,
    blockStart: request.block.start,
    blockEnd: request.block.end,
    status: 'held',
    holdExpiresAt: context.now + context.holdMinutes * 60_000,
    payerType: payer?.type ?? 'self',
    priceKopecks: Math.round(service.priceRub * 100),
    urgent: request.urgent,
    consultationType: followUp ? 'follow_up' : 'informational',
    lateCancellation: false,
    videoLink: null,
    createdAt: context.now,
    updatedAt: context.now,
  };
  await repos.appointments.create(appointment);
  if (payer && payer.type !== 'self') {
    if (!context.payers) throw new Error('A sponsored hold needs the payers port');
    const visit = {
      appointment,
      specialty: doctor.specialty,
      serviceName: service.name,
      priceRub: service.priceRub,
    };
    await context.payers.reserve(repos, payer, visit, context.now);
  }
  await repos.outbox.add(...appointmentEvent('held', appointment, context.correlationId));
  return appointment;
}

/**
 * The patient confirms a live hold. A sponsored or free visit is booked at once; with a
 * payment provider configured, a self-paid one waits for its payment (`pending_payment`),
 * keeping its slot for `paymentMinutes`.
 */
export async function confirmHold(
  repos: Repositories,
  appointment: Appointment,
  context: {
    now: number;
    correlationId: string;
    video: VideoRooms;
    payers?: Payers;
    /** Present when self-paying patients pay through a provider. */
    paymentMinutes?: number;
  },
): Promise<Appointment> {
  if (appointment.status !== 'held') throw rules.wrongStatus(appointment.status, 'confirmed');
  if (!isLiveHold(appointment, context.now) || !(await repos.appointments.ownsBlock(appointment))) {
    throw rules.holdExpired();
  }
  if (context.paymentMinutes && needsPayment(appointment)) {
    return awaitPayment(repos, appointment, context.now, context.paymentMinutes);
  }
  await context.payers?.keep(repos, appointment);
  return book(repos, appointment, context);
}

async function awaitPayment(
  repos: Repositories,
  appointment: Appointment,
  now: number,
  minutes: number,
): Promise<Appointment> {
  const payBy = paymentDeadline(now, appointment.start, minutes);
  const pending: Appointment = {
    ...appointment,
    status: 'pending_payment',
    holdExpiresAt: payBy,
    updatedAt: now,
  };
  await repos.appointments.setBlockExpiry(pending, payBy + paymentGraceMinutes * 60_000);
  await repos.appointments.save(pending);
  await repos.payments.create({
    id: crypto.randomUUID(),
    appointmentId: appointment.id,
    patientId: appointment.patientId,
    amountKopecks: appointment.priceKopecks,
    status: 'awaiting',
    providerPaymentId: null,
    refundRefusals: 0,
    createdAt: now,
    updatedAt: now,
  });
  return pending;
}

/** The slot becomes the patient's for good: no expiry, a video room, `appointment.booked`. */
export async function book(
  repos: Repositories,
  appointment: Appointment,
  context: { now: number; correlationId: string; video: VideoRooms },
): Promise<Appointment> {
  const booked: Appointment = {
    ...appointment,
    status: 'booked',
    holdExpiresAt: null,
    videoLink: appointment.format === 'video' ? context.video.roomFor(appointment.id) : null,
    updatedAt: context.now,
  };
  await repos.appointments.setBlockExpiry(booked, null);
  await repos.appointments.save(booked);
  await repos.outbox.add(...appointmentEvent('booked', booked, context.correlationId));
  return booked;
}

export async function cancelAppointment(
  repos: Repositories,
  appointment: Appointment,
  context: { now: number; correlationId: string; by: Canceller; payers?: Payers },
): Promise<Appointment> {
  if (!['held', 'pending_payment', 'booked'].includes(appointment.status)) {
    throw rules.wrongStatus(appointment.status, 'cancelled');
  }
  const doctor = await repos.doctors.get(appointment.doctorId);
  const late = isLateCancellation(appointment, context.now, doctor?.schedule.cancellationNoticeMinutes ?? 0);
  const cancelled: Appointment = {
    ...appointment,
    status: 'cancelled',
    lateCancellation: late,
    updatedAt: context.now,
  };
  await repos.appointments.releaseBlock(appointment);
  await context.payers?.settle(repos, appointment, late ? 'cancelled_late' : 'cancelled', context.now);
  const payment = appointment.status === 'booked' && (await repos.payments.ofAppointment(appointment.id));
  if (payment && payment.status === 'succeeded' && refundedOnCancel(context.by, late)) {
    await repos.payments.update(payment.id, { status: 'refund_due' }, context.now);
  }
  await repos.appointments.save(cancelled);
  await repos.outbox.add(
    ...appointmentEvent('cancelled', cancelled, context.correlationId, {
      late,
      cancelledBy: context.by,
    }),
  );
  return cancelled;
}

/** Moves a booked appointment in one step: the new time is claimed and the old freed, or nothing changes. */
export async function rescheduleAppointment(
  repos: Repositories,
  appointment: Appointment,
  start: number,
  context: { now: number; correlationId: string; payers?: Payers },
): Promise<Appointment> {
  if (appointment.status !== 'booked') throw rules.wrongStatus(appointment.status, 'rescheduled');
  if (appointment.urgent) throw rules.urgentFixed();
  const doctor = await repos.doctors.get(appointment.doctorId);
  if (!doctor) throw notFound('Doctor');
  const { end, block } = checkSlot(doctor, appointment.serviceId, start, context.now);
  // Free the old time first: the new one may overlap it. A conflict rolls both back.
  await repos.appointments.releaseBlock(appointment);
  await repos.appointments.claim(doctor.id, appointment.id, block, null);
  const moved: Appointment = {
    ...appointment,
    start,
    end,
    blockStart: block.start,
    blockEnd: block.end,
    updatedAt: context.now,
  };
  // The sponsor re-checks the new date: a policy may not cover it, or another period pays for it.
  await context.payers?.move(repos, moved, context.now);
  await repos.appointments.save(moved);
  await repos.outbox.add(
    ...appointmentEvent('rescheduled', moved, context.correlationId, {
      previousStart: new Date(appointment.start).toISOString(),
      previousEnd: new Date(appointment.end).toISOString(),
    }),
  );
  return moved;
}

/** The doctor closes an appointment once it has started: completed, or the patient did not come. */
export async function closeAppointment(
  repos: Repositories,
  appointment: Appointment,
  outcome: 'completed' | 'no_show',
  context: { now: number; correlationId: string; payers?: Payers },
): Promise<Appointment> {
  if (appointment.status !== 'booked')
    throw rules.wrongStatus(appointment.status, outcome === 'completed' ? 'completed' : 'marked no-show');
  if (context.now < appointment.start) throw rules.tooEarlyToClose();
  const closed: Appointment = { ...appointment, status: outcome, updatedAt: context.now };
  await context.payers?.settle(repos, appointment, outcome, context.now);
  await repos.appointments.save(closed);
  await repos.outbox.add(...appointmentEvent(outcome, closed, context.correlationId));
  return closed;
}
