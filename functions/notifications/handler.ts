import { appointmentEventsV1 } from '../../events/appointment.v1';
import { consultationEventsV1 } from '../../events/consultation.v1';
import { notificationRequestedV1 } from '../../events/notification-requested.v1';
import { patientRegisteredV1 } from '../../events/patient-registered.v1';
import { alertRaisedV1 } from '../../events/readings.v1';
import { config } from '../../platform/config';
import { queueConsumer } from '../../platform/queue-consumer';
import type { Repositories } from '../../storage/unit-of-work';
import { channelsFor } from './channels/select';
import { decide } from './decisions';
import { deliver } from './deliver';
import { onReadingAlert } from './reading-alerts';

/** A reminder for an appointment cancelled or moved since it fell due is dropped. */
async function stillAsReminded(repos: Repositories, data: { appointmentId: string; start: string }) {
  const appointment = await repos.appointments.get(data.appointmentId);
  return appointment?.status === 'booked' && new Date(appointment.start).toISOString() === data.start;
}

/**
 * Message Queue trigger on `notifications`: turns events into messages for their
 * recipients and sends them through their channels (see deliver.ts). The consumer
 * records the event as processed in the same transaction, so one event is one message.
 */
export const handler = queueConsumer({
  name: 'notifications',
  events: [
    notificationRequestedV1,
    patientRegisteredV1,
    ...appointmentEventsV1,
    ...consultationEventsV1,
    alertRaisedV1,
  ],
  handle: async (event, repos) => {
    if (event.type === 'alert.raised.v1') {
      return onReadingAlert(repos, event as Parameters<typeof onReadingAlert>[1], await channelsFor(repos));
    }
    const intent = decide(event);
    if (!intent) return;
    const reminder =
      event.type === 'appointment.reminder_due.v1'
        ? (event.data as { appointmentId: string; start: string })
        : undefined;
    if (reminder && !(await stillAsReminded(repos, reminder))) return;
    await deliver(
      repos,
      { ...intent, tenantId: event.tenant, sourceEventId: event.id },
      { now: Date.now(), channels: await channelsFor(repos), hourlyLimit: config().NOTIFY_HOURLY_LIMIT },
    );
  },
});
