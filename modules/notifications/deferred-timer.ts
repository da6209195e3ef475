import { resumeStaleEffects, withEffects } from '../../platform/effects';
import { invocationLogger } from '../../platform/invocation';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { TimerEvent } from '../../platform/yandex';
import { deliver } from './deliver';
import { notificationsSettings } from './settings';
import { stillTrue } from './still-true';

/**
 * Timer trigger (every minute): sends messages held back by quiet hours once those end, as they
 * read now (still-true.ts): a visit cancelled or moved meanwhile is not announced. It also
 * sends what a crashed or failed send left pending (platform/effects.ts).
 */
export const deferredNotificationsTimer = withInvocation(
  'deferred-notifications',
  () => undefined,
  async (_event: TimerEvent) => {
    const { store } = await getServices();
    const now = Date.now();
    const due = await store.transaction((r) => r.deferredNotifications.due(now, 200), { readOnly: true });
    // One transaction per message, its send after its commit: a failing send stays pending for
    // the sweep below, and never resends the others.
    let sent = 0;
    for (const entry of due) {
      await withEffects(store, `deferred:${entry.id}`, async (r) => {
        if (!(await r.deferredNotifications.remove(entry.id))) return;
        const message = await stillTrue(r, entry, now);
        if (!message) {
          await r.notifications.record({ ...entry, channel: '-', status: 'stale' });
          return;
        }
        await deliver(r, message, { now, hourlyLimit: notificationsSettings().NOTIFY_HOURLY_LIMIT });
      }).catch((error: unknown) =>
        invocationLogger().warn({ err: error }, 'deferred send failed; left pending'),
      );
      sent++;
    }
    const resumed = await resumeStaleEffects(store).catch((error: unknown) => {
      invocationLogger().warn({ err: error }, 'pending sends failed again; left pending');
      return 0;
    });
    if (sent || resumed) invocationLogger().info({ sent, resumed }, 'deferred notifications sent');
    return { sent, resumed };
  },
);
