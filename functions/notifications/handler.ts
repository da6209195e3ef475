import { appointmentEventsV1 } from '../../events/appointment.v1';
import { consultationEventsV1 } from '../../events/consultation.v1';
import { patientRegisteredV1 } from '../../events/patient-registered.v1';
import { queueConsumer } from '../../platform/queue-consumer';
import type { Repositories } from '../../storage/unit-of-work';
import { decide } from './templates';

/** A reminder for an appointment cancelled or moved since it fell due is dropped. */
async function stillAsReminded(repos: Repositories, data: { appointmentId: string; start: string }) {
  const appointment = await repos.appointments.get(data.appointmentId);
  return appointment?.status === 'booked' && new Date(appointment.start).toISOString() === data.start;
}

/**
 * Message Queue trigger on `notifications`: turns events into notifications for their
 * recipients. Messages here carry no health data (a time and a format, never a specialty
 * or what was written), so any channel may carry them.
 */
export const handler = queueConsumer({
  name: 'notifications',
  events: [patientRegisteredV1, ...appointmentEventsV1, ...consultationEventsV1],
  handle: async (event, repos) => {
    const decision = decide(event);
    // Holds, completions and no-shows need no message.
    if (!decision) return;
    const reminder =
      event.type === 'appointment.reminder_due.v1'
        ? (event.data as { appointmentId: string; start: string })
        : undefined;
    if (reminder && !(await stillAsReminded(repos, reminder))) return;
    await repos.notifications.record({
      tenantId: event.tenant,
      recipientId: decision.recipientId,
      template: decision.template,
      channel: 'sms',
      status: 'queued',
      sourceEventId: event.id,
    });
  },
});
