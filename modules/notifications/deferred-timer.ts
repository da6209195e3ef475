import { invocationLogger } from '../../platform/invocation';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { TimerEvent } from '../../platform/yandex';
import { channelsFor } from './channels/select';
import { deliver } from './deliver';
import { notificationsSettings } from './settings';
import { stillTrue } from './still-true';

/**
 * Timer trigger (every minute): sends messages held back by quiet hours once those end, as they
 * read now (still-true.ts): a visit cancelled or moved meanwhile is not announced.
 */
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
        const message = await stillTrue(r, entry, now);
        if (!message) {
          await r.notifications.record({ ...entry, channel: '-', status: 'stale' });
          return;
        }
        await deliver(r, message, {
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
