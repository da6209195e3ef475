import type { Envelope } from '../../events/envelope';
import { teleconsultationNotices } from '../teleconsultations/events';

/** Whom an event tells what, before any channel or language is chosen. */
export interface Intent {
  recipientId: string;
  template: string;
  /**
   * Raw values: `at` an ISO instant, `format` a consultation format; rendered per recipient.
   * `zone`, where known, is the zone the person booked in: times are shown in it unless the
   * recipient chose their own.
   */
  variables: Record<string, string>;
}

type Data = Record<string, unknown>;

const appointment = (template: string) => (d: Data) => ({
  recipientId: String(d.patientId),
  template,
  variables: {
    // Which visit: a message held back by quiet hours is checked against it when it is sent.
    appointmentId: String(d.appointmentId),
    at: String(d.start),
    format: String(d.format),
    ...(typeof d.patientTimeZone === 'string' ? { zone: d.patientTimeZone } : {}),
  },
});

const decisions: Record<string, (data: Data) => Intent> = {
  // Doctor-to-doctor teleconsultations say whom each step tells, beside their events.
  ...teleconsultationNotices,
  // Asked for by another function in so many words.
  'notification.requested.v1': (d) => ({
    recipientId: String(d.recipientId),
    template: String(d.template),
    variables: d.variables as Record<string, string>,
  }),
  'patient.registered.v1': (d) => ({
    recipientId: String(d.patientId),
    template: 'patient.welcome',
    variables: {},
  }),
  'appointment.booked.v1': appointment('appointment.booked'),
  'appointment.cancelled.v1': appointment('appointment.cancelled'),
  'appointment.rescheduled.v1': appointment('appointment.rescheduled'),
  'appointment.reminder_due.v1': (d) => {
    if (d.kind !== 'start') return appointment(`appointment.reminder_${d.kind}`)(d);
    // Minutes before the visit: the link to join it, where there is a video room.
    const starting = appointment(d.videoLink ? 'appointment.starting_video' : 'appointment.starting')(d);
    return d.videoLink
      ? { ...starting, variables: { ...starting.variables, link: String(d.videoLink) } }
      : starting;
  },
  'consultation.message_posted.v1': (d) => ({
    recipientId: String(d.recipientId),
    template: 'consultation.new_message',
    variables: {},
  }),
  // "Hurry the doctor": the clinic's admins are addressed as a group.
  'async_message.overdue.v1': (d) => ({
    recipientId: `clinic_admin:${d.clinicId}`,
    template: 'consultation.answer_overdue',
    variables: { at: String(d.dueAt) },
  }),
  // Money the provider will not return: an admin returns it by hand.
  'payment.refund_refused.v1': (d) => ({
    recipientId: `clinic_admin:${d.clinicId}`,
    template: 'payment.refund_refused',
    variables: {
      at: String(d.visitStart),
      amount: String(d.amountRub),
      ref: String(d.paymentId).slice(0, 8),
    },
  }),
};

/** What an event sends; undefined when it sends nothing (holds, completions, no-shows). */
export function decide(event: Envelope): Intent | undefined {
  return decisions[event.type]?.(event.data as Data);
}
