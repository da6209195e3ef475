/** Which message template, if any, an event sends to the patient. */
const templates: Record<string, string> = {
  'patient.registered.v1': 'patient.welcome',
  'appointment.booked.v1': 'appointment.booked',
  'appointment.cancelled.v1': 'appointment.cancelled',
  'appointment.rescheduled.v1': 'appointment.rescheduled',
};

export function templateFor(eventType: string): string | undefined {
  return templates[eventType];
}
