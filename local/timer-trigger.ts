import type { TimerEvent } from '../platform/yandex';
import { parseYandexCron } from './yandex-cron';

export interface TimerTriggerOptions {
  name: string;
  expression: string;
  payload?: string;
  /** false: only fire on demand (tests that drive time themselves). */
  scheduled: boolean;
  invoke: (event: TimerEvent) => Promise<unknown>;
  onError: (error: unknown) => void;
}

/** A timer trigger on Yandex's 6-field UTC cron; a run still going when the next is due is not overlapped. */
export function startTimerTrigger(options: TimerTriggerOptions): { fire(): Promise<void>; stop(): void } {
  const cron = parseYandexCron(options.expression);
  let inFlight: Promise<void> | undefined;
  const fire = () => {
    inFlight ??= options
      .invoke(timerEvent(options.name, options.payload))
      .then(() => undefined, options.onError)
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
  if (options.scheduled) {
    cron.schedule(() => {
      void fire();
    });
    cron.resume();
  }
  return {
    fire,
    stop: () => cron.stop(),
  };
}

export function timerEvent(triggerName: string, payload?: string): TimerEvent {
  return {
    messages: [
      {
        event_metadata: {
          event_id: crypto.randomUUID(),
          event_type: 'yandex.cloud.events.serverless.triggers.TimerMessage',
          created_at: new Date().toISOString(),
          cloud_id: 'local',
          folder_id: 'local',
        },
        details: { trigger_id: `local-${triggerName}`, ...(payload ? { payload } : {}) },
      },
    ],
  };
}
