import { defineConsumer } from '../../platform/queue-consumer';
import type { Repositories } from '../../platform/store';
import { appointmentEventsV1, paymentRefundRefusedV1 } from '../booking/events';
import { consultationEventsV1 } from '../consultations/events';
import { patientRegisteredV1 } from '../patients/events';
import { teleconsultationEventsV1 } from '../teleconsultations/events';
import { decide, type Intent } from './decisions';
import { deliver } from './deliver';
import { notificationRequestedV1 } from './events/notification-requested.v1';
import { notificationsSettings } from './settings';
import { bookedAsAnnounced } from './still-true';

/** Times about an appointment are shown in the zone the patient booked in, unless the event says. */
async function withPatientZone(repos: Repositories, intent: Intent, data: unknown): Promise<Intent> {
  const appointmentId = (data as { appointmentId?: unknown }).appointmentId;
  if (intent.variables.zone || typeof appointmentId !== 'string') return intent;
  const zone = (await repos.appointments.get(appointmentId))?.patientTimeZone;
  return zone ? { ...intent, variables: { ...intent.variables, zone } } : intent;
}

/**
 * Message Queue trigger on `notifications`: turns events into messages for their
 * recipients, claimed in the transaction that records the event as processed and sent
 * through their channels after it commits (deliver.ts), so one event is one message.
 */
export const notificationsConsumer = defineConsumer({
  name: 'notifications',
  events: [
    notificationRequestedV1,
    patientRegisteredV1,
    ...appointmentEventsV1,
    ...consultationEventsV1,
    ...teleconsultationEventsV1,
    paymentRefundRefusedV1,
  ],
  handle: async (event, repos) => {
    const decided = decide(event);
    if (!decided) return;
    const intent = await withPatientZone(repos, decided, event.data);
    const reminder =
      event.type === 'appointment.reminder_due.v1'
        ? (event.data as { appointmentId: string; start: string })
        : undefined;
    // A reminder for an appointment cancelled or moved since it fell due is dropped.
    if (reminder && !(await bookedAsAnnounced(repos, reminder.appointmentId, reminder.start))) return;
    await deliver(
      repos,
      { ...intent, tenantId: event.tenant, sourceEventId: event.id },
      { now: Date.now(), hourlyLimit: notificationsSettings().NOTIFY_HOURLY_LIMIT },
    );
  },
});
