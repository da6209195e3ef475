import { appointmentEventsV1 } from '../../events/appointment.v1';
import { consultationEventsV1 } from '../../events/consultation.v1';
import { patientRegisteredV1 } from '../../events/patient-registered.v1';
import { queueConsumer } from '../../platform/queue-consumer';
import { decide } from './templates';

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
