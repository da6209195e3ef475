import { withEffects } from '../../platform/effects';
import { invocationLogger } from '../../platform/invocation';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { TimerEvent } from '../../platform/yandex';
import { notificationsSettings } from '../notifications';
import { raiseOneLevel } from './ladder';
import { escalationsSettings } from './settings';

/** Timer trigger (every minute): escalations nobody acknowledged within the SLA go one level up. */
export const escalationWatchTimer = withInvocation(
  'escalation-watch',
  () => undefined,
  async (_event: TimerEvent) => {
    const { store } = await getServices();
    const now = Date.now();
    const due = await store.transaction((r) => r.escalations.due(now, 100), { readOnly: true });
    let escalated = 0;
    for (const { id } of due) {
      // One transaction per escalation, its call sent after its commit: a re-run never calls twice,
      // and a failed call is left pending for the deferred-notifications sweep.
      const raised = await withEffects(store, `escalation-watch:${id}:${now}`, async (r) =>
        raiseOneLevel(r, id, {
          now,
          hourlyLimit: notificationsSettings().NOTIFY_HOURLY_LIMIT,
          slaMinutes: escalationsSettings().ESCALATION_SLA_MINUTES,
        }),
      ).catch((error: unknown) => {
        invocationLogger().warn({ err: error, escalationId: id }, 'escalation call failed; left pending');
        return true;
      });
      if (raised) escalated++;
    }
    if (escalated) invocationLogger().warn({ escalated }, 'escalations raised a level');
    return { escalated };
  },
);
