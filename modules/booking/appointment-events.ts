import { createEvent, type Envelope } from '../../events/envelope';
import type { Appointment } from './domain/appointment';
import {
  appointmentBookedV1,
  appointmentCancelledV1,
  appointmentCompletedV1,
  appointmentHeldV1,
  appointmentNoShowV1,
  appointmentReminderDueV1,
  appointmentRescheduledV1,
} from './events/appointment.v1';

const definitions = {
  held: appointmentHeldV1,
  booked: appointmentBookedV1,
  cancelled: appointmentCancelledV1,
  rescheduled: appointmentRescheduledV1,
  completed: appointmentCompletedV1,
  no_show: appointmentNoShowV1,
  reminder_due: appointmentReminderDueV1,
};

/** The outbox entry (queue and envelope) announcing a change to an appointment. */
export function appointmentEvent(
  change: keyof typeof definitions,
  appointment: Appointment,
  correlationId: string,
  extra: Record<string, unknown> = {},
): [string, Envelope] {
  const definition = definitions[change];
  const data = {
    appointmentId: appointment.id,
    patientId: appointment.patientId,
    doctorId: appointment.doctorId,
    clinicId: appointment.clinicId,
    start: new Date(appointment.start).toISOString(),
    end: new Date(appointment.end).toISOString(),
    format: appointment.format,
    consultationType: appointment.consultationType,
    ...extra,
  };
  const event = createEvent(definition as typeof appointmentHeldV1, data, {
    correlationId,
    tenant: appointment.clinicId,
  });
  return [definition.queue, event];
}
