import { config } from '../../platform/config';
import { defineConsumer } from '../../platform/queue-consumer';
import { channelsFor } from '../notifications';
import { crisisDetectedV1 } from '../triage';
import { openEscalation } from './ladder';

/**
 * Message Queue trigger on `crisis`: a patient on the crisis path opens an escalation that
 * someone must acknowledge within ESCALATION_SLA_MINUTES, and the on-call clinician is told
 * at once. The message carries no health data, only a reference.
 */
export const crisisConsumer = defineConsumer({
  name: 'escalations',
  events: [crisisDetectedV1],
  handle: async (event, repos) => {
    await openEscalation(
      repos,
      { id: event.id, kind: 'crisis', subjectId: event.data.triageId, tenantId: event.tenant },
      {
        now: Date.now(),
        channels: await channelsFor(repos),
        hourlyLimit: config().NOTIFY_HOURLY_LIMIT,
        slaMinutes: config().ESCALATION_SLA_MINUTES,
      },
    );
  },
});
