import type { z } from 'zod';
import type { Envelope } from '../../events/envelope';
import type { Repositories } from '../../platform/store';
import { deliver, notificationsSettings } from '../notifications';
import type { alertRaisedV1 } from '../readings/events';
import { ladderOf, openEscalation } from './ladder';
import { escalationsSettings } from './settings';

type AlertRaised = Envelope<z.infer<(typeof alertRaisedV1)['data']>>;

/**
 * A critical reading must be acknowledged: it opens an escalation keyed by the alert (the
 * doctor's acknowledgement of the alert stops it). A sustained one tells the first person on
 * the ladder once, without escalating.
 */
export async function onReadingAlert(repos: Repositories, event: AlertRaised): Promise<void> {
  const context = {
    now: Date.now(),
    hourlyLimit: notificationsSettings().NOTIFY_HOURLY_LIMIT,
    slaMinutes: escalationsSettings().ESCALATION_SLA_MINUTES,
  };
  const opening = {
    id: event.data.alertId,
    kind: 'reading_alert' as const,
    subjectId: event.data.alertId,
    tenantId: event.data.clinicId ?? event.tenant,
  };
  if (event.data.rule === 'critical') return openEscalation(repos, opening, context);
  const [first] = await ladderOf(repos, {
    ...opening,
    level: 0,
    nextAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    createdAt: context.now,
    dutyTenantId: null,
    ladder: null,
  });
  if (!first) return;
  await deliver(
    repos,
    {
      recipientId: first,
      template: 'reading.alert_sustained',
      variables: { ref: event.data.alertId.slice(0, 8) },
      tenantId: opening.tenantId,
      sourceEventId: event.id,
    },
    context,
  );
}
