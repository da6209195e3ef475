import * as z from 'zod';
import { defineEvent } from '../../../events/envelope';

/**
 * What every appointment event carries: ids, time and format. Never the specialty (a
 * psychology session must not be recognisable), never a complaint.
 */
const appointmentData = z.object({
  appointmentId: z.uuid(),
  patientId: z.string().min(1),
  doctorId: z.uuid(),
  clinicId: z.string().min(1),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  format: z.enum(['video', 'chat', 'async']),
  consultationType: z.enum(['follow_up', 'informational']),
});

const queue = 'notifications';

export const appointmentHeldV1 = defineEvent('appointment.held.v1', queue, appointmentData);
export const appointmentBookedV1 = defineEvent('appointment.booked.v1', queue, appointmentData);
export const appointmentCancelledV1 = defineEvent(
  'appointment.cancelled.v1',
  queue,
  appointmentData.extend({
    late: z.boolean(),
    /** `payment`: the provider reported the payment cancelled. */
    cancelledBy: z.enum(['patient', 'doctor', 'clinic_admin', 'service', 'payment']),
  }),
);
export const appointmentRescheduledV1 = defineEvent(
  'appointment.rescheduled.v1',
  queue,
  appointmentData.extend({ previousStart: z.iso.datetime(), previousEnd: z.iso.datetime() }),
);
export const appointmentCompletedV1 = defineEvent('appointment.completed.v1', queue, appointmentData);
export const appointmentNoShowV1 = defineEvent('appointment.no_show.v1', queue, appointmentData);
/**
 * A reminder is due; carries the patient's zone so the message shows their local time. `start`
 * is the last one, minutes before the visit, with the video room's link to join by.
 */
export const appointmentReminderDueV1 = defineEvent(
  'appointment.reminder_due.v1',
  queue,
  appointmentData.extend({
    kind: z.enum(['24h', '1h', 'start']),
    patientTimeZone: z.string().min(1),
    videoLink: z.url().max(500).nullable().optional(),
  }),
);

/** Every appointment event, for the catalog and for consumers that take them all. */
export const appointmentEventsV1 = [
  appointmentHeldV1,
  appointmentBookedV1,
  appointmentCancelledV1,
  appointmentRescheduledV1,
  appointmentCompletedV1,
  appointmentNoShowV1,
  appointmentReminderDueV1,
] as const;
