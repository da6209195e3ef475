import { invocationLogger } from '../../platform/invocation';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { TimerEvent } from '../../platform/yandex';
import { sendDueReminders } from './due-reminders';

/** Covers a few missed runs of the every-minute timer. */
const lookbackMs = 10 * 60_000;

/** Timer trigger (every minute): reminders 24 h and 1 h before each booked appointment. */
export const remindersTimer = withInvocation(
  'reminders',
  () => undefined,
  async (_event: TimerEvent) => {
    const { store } = await getServices();
    const sent = await store.transaction((r) =>
      sendDueReminders(r, { now: Date.now(), lookbackMs, correlationId: crypto.randomUUID(), limit: 500 }),
    );
    if (sent) invocationLogger().info({ sent }, 'reminders due');
    return { sent };
  },
);
