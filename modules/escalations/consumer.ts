import { defineConsumer } from '../../platform/queue-consumer';
import { notificationsSettings } from '../notifications';
import { alertRaisedV1 } from '../readings/events';
import { crisisDetectedV1 } from '../triage/events';
import { escalationRequestedV1 } from './events';
import { openEscalation } from './ladder';
import { onReadingAlert } from './reading-alerts';
import { escalationsSettings } from './settings';

/**
 * Message Queue trigger on `crisis`: a patient on the crisis path, or a critical reading, opens
 * an escalation that someone must acknowledge within ESCALATION_SLA_MINUTES, and the first
 * person on its ladder is told at once, by a call or message sent after the escalation is
 * committed (platform/effects.ts). The message carries no health data, only a reference.
 */
export const crisisConsumer = defineConsumer({
  name: 'escalations',
  events: [crisisDetectedV1, alertRaisedV1, escalationRequestedV1],
  handle: async (event, repos) => {
    if (event.type === 'alert.raised.v1') {
      return onReadingAlert(repos, event as Parameters<typeof onReadingAlert>[1]);
    }
    const context = {
      now: Date.now(),
      hourlyLimit: notificationsSettings().NOTIFY_HOURLY_LIMIT,
      slaMinutes: escalationsSettings().ESCALATION_SLA_MINUTES,
    };
    if (event.type === 'escalation.requested.v1') {
      const { escalationId, kind, subjectId, ladder } = event.data as {
        escalationId: string;
        kind: 'teleconsultation';
        subjectId: string;
        ladder: string[];
      };
      // Asked for once per subject: a second request for an open escalation changes nothing.
      if (await repos.escalations.get(escalationId)) return;
      return openEscalation(
        repos,
        { id: escalationId, kind, subjectId, tenantId: event.tenant, ladder },
        context,
      );
    }
    await openEscalation(
      repos,
      {
        id: event.id,
        kind: 'crisis',
        subjectId: (event.data as { triageId: string }).triageId,
        tenantId: event.tenant,
      },
      context,
    );
  },
});
