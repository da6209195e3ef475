import { invocationLogger } from '../../platform/invocation';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { TimerEvent } from '../../platform/yandex';
import { channelsFor, notificationsSettings } from '../notifications';
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
      // One transaction per escalation: a retry never repeats messages already sent for others.
      const raised = await store.transaction(async (r) =>
        raiseOneLevel(r, id, {
          now,
          channels: await channelsFor(r),
          hourlyLimit: notificationsSettings().NOTIFY_HOURLY_LIMIT,
          slaMinutes: escalationsSettings().ESCALATION_SLA_MINUTES,
        }),
      );
      if (raised) escalated++;
    }
    if (escalated) invocationLogger().warn({ escalated }, 'escalations raised a level');
    return { escalated };
  },
);
