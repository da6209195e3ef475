import type { Envelope } from '../../events/envelope';

export interface Decision {
  recipientId: string;
  template: string;
}

type Data = Record<string, unknown>;

/** Who an event's message goes to, and which template; undefined when it sends none. */
const decisions: Record<string, (data: Data) => Decision> = {
  'patient.registered.v1': (d) => ({ recipientId: String(d.patientId), template: 'patient.welcome' }),
  'appointment.booked.v1': (d) => ({ recipientId: String(d.patientId), template: 'appointment.booked' }),
  'appointment.cancelled.v1': (d) => ({
    recipientId: String(d.patientId),
    template: 'appointment.cancelled',
  }),
  'appointment.rescheduled.v1': (d) => ({
    recipientId: String(d.patientId),
    template: 'appointment.rescheduled',
  }),
  'consultation.message_posted.v1': (d) => ({
    recipientId: String(d.recipientId),
    template: 'consultation.new_message',
  }),
  // "Hurry the doctor": the clinic's admins are addressed as a group.
  'async_message.overdue.v1': (d) => ({
    recipientId: `clinic_admin:${d.clinicId}`,
    template: 'consultation.answer_overdue',
  }),
};

export function decide(event: Envelope): Decision | undefined {
  return decisions[event.type]?.(event.data as Data);
}
