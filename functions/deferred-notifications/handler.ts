import { config } from '../../platform/config';
import { invocationLogger } from '../../platform/invocation';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { TimerEvent } from '../../platform/yandex';
import { channelsFor } from '../notifications/channels/select';
import { deliver } from '../notifications/deliver';

/** Timer trigger (every minute): sends messages held back by quiet hours once those end. */
export const handler = withInvocation(
  'deferred-notifications',
  () => undefined,
  async (_event: TimerEvent) => {
    const { store } = await getServices();
    const now = Date.now();
    const sent = await store.transaction(async (r) => {
      const due = await r.deferredNotifications.due(now, 200);
      const channels = await channelsFor(r);
      for (const entry of due) {
        await r.deferredNotifications.remove(entry.id);
        await deliver(r, entry, { now, channels, hourlyLimit: config().NOTIFY_HOURLY_LIMIT });
      }
      return due.length;
    });
    if (sent) invocationLogger().info({ sent }, 'deferred notifications sent');
    return { sent };
  },
);
