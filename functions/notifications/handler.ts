import { patientRegisteredV1 } from '../../events/patient-registered.v1';
import { queueConsumer } from '../../platform/queue-consumer';

/**
 * Message Queue trigger on `notifications`: turns events into notifications for their
 * recipients. A welcome message carries no health data, so any channel may carry it.
 */
export const handler = queueConsumer({
  name: 'notifications',
  events: [patientRegisteredV1],
  handle: async (event, repos) => {
    await repos.notifications.record({
      tenantId: event.tenant,
      recipientId: event.data.patientId,
      template: 'patient.welcome',
      channel: 'sms',
      status: 'queued',
      sourceEventId: event.id,
    });
  },
});
