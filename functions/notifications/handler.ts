import { appointmentEventsV1 } from '../../events/appointment.v1';
import { patientRegisteredV1 } from '../../events/patient-registered.v1';
import { queueConsumer } from '../../platform/queue-consumer';
import { templateFor } from './templates';

/**
 * Message Queue trigger on `notifications`: turns events into notifications for their
 * recipients. Messages here carry no health data (a time and a format, never a specialty),
 * so any channel may carry them.
 */
export const handler = queueConsumer({
  name: 'notifications',
  events: [patientRegisteredV1, ...appointmentEventsV1],
  handle: async (event, repos) => {
    const template = templateFor(event.type);
    // Holds, completions and no-shows need no message to the patient.
    if (!template) return;
    await repos.notifications.record({
      tenantId: event.tenant,
      recipientId: event.data.patientId,
      template,
      channel: 'sms',
      status: 'queued',
      sourceEventId: event.id,
    });
  },
});
