import { invocationLogger } from '../../platform/invocation';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { TimerEvent } from '../../platform/yandex';
import { channelsFor } from './channels/select';
import { deliver } from './deliver';
import { notificationsSettings } from './settings';

/** Timer trigger (every minute): sends messages held back by quiet hours once those end. */
export const deferredNotificationsTimer = withInvocation(
  'deferred-notifications',
  () => undefined,
  async (_event: TimerEvent) => {
    const { store } = await getServices();
    const now = Date.now();
    const due = await store.transaction((r) => r.deferredNotifications.due(now, 200), { readOnly: true });
    // One transaction per message: a failing send is retried next minute without resending the others.
    let sent = 0;
    for (const entry of due) {
      await store.transaction(async (r) => {
        if (!(await r.deferredNotifications.remove(entry.id))) return;
        await deliver(r, entry, {
          now,
          channels: await channelsFor(r),
          hourlyLimit: notificationsSettings().NOTIFY_HOURLY_LIMIT,
        });
      });
      sent++;
    }
    if (sent) invocationLogger().info({ sent }, 'deferred notifications sent');
    return { sent };
  },
);
