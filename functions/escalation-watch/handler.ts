import { config } from '../../platform/config';
import { invocationLogger } from '../../platform/invocation';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { TimerEvent } from '../../platform/yandex';
import { escalateDue } from '../escalations/ladder';
import { channelsFor } from '../notifications/channels/select';

/** Timer trigger (every minute): escalations nobody acknowledged within the SLA go one level up. */
export const handler = withInvocation(
  'escalation-watch',
  () => undefined,
  async (_event: TimerEvent) => {
    const { store } = await getServices();
    const escalated = await store.transaction(async (r) =>
      escalateDue(r, {
        now: Date.now(),
        channels: await channelsFor(r),
        hourlyLimit: config().NOTIFY_HOURLY_LIMIT,
        slaMinutes: config().ESCALATION_SLA_MINUTES,
      }),
    );
    if (escalated) invocationLogger().warn({ escalated }, 'escalations raised a level');
    return { escalated };
  },
);
