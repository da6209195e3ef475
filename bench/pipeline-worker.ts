/**
 * One function instance of the pipeline, in its own process so that it can be killed like one
 * (SIGKILL, no cleanup): `relay` runs the outbox-relay function as its timer would, one run
 * after another; `consumer` runs the notifications function behind a Message Queue trigger
 * (local/queue-trigger.ts) with serverless.yml's batch and cutoff. Both take their settings from
 * the environment (bench/pipeline-harness.ts) and do nothing until the parent says `go` on the
 * IPC channel: a warm standby, as a new instance takes over in the cloud.
 */

import { join } from 'node:path';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createFunctionContext } from '../local/function-context';
import { startQueueTrigger } from '../local/queue-trigger';
import { loadRegistry } from '../local/registry';
import type { MessageQueueEvent, TimerEvent } from '../platform/yandex';

const role = process.argv[2];

/** The notifications trigger as serverless.yml deploys it, so the bench measures that setting. */
function notificationsTrigger(): { batch: number; cutoff: number } {
  const spec = loadRegistry(join(import.meta.dirname, '..'))
    .functions.find((fn) => fn.name === 'notifications')
    ?.triggers.find((trigger) => trigger.kind === 'ymq');
  if (spec?.kind !== 'ymq') throw new Error('serverless.yml: notifications has no ymq trigger');
  return { batch: spec.batch, cutoff: spec.cutoff };
}

const timerEvent = (): TimerEvent => ({
  messages: [
    {
      event_metadata: {
        event_id: crypto.randomUUID(),
        event_type: 'yandex.cloud.events.serverless.triggers.TimerMessage',
        created_at: new Date().toISOString(),
        cloud_id: 'local',
        folder_id: 'local',
      },
      details: { trigger_id: 'outbox-relay' },
    },
  ],
});

async function ready(): Promise<() => Promise<void>> {
  if (role === 'relay') {
    const { handler } = await import('../functions/outbox-relay/handler');
    return async () => {
      // The timer fires again as soon as a run ends (every minute in the cloud; runs last 55 s).
      for (;;)
        await handler(
          timerEvent(),
          createFunctionContext('outbox-relay', 60, 128, () => false),
        );
    };
  }
  if (role === 'consumer') {
    const { handler } = await import('../functions/notifications/handler');
    const sqs = new SQSClient({
      region: 'ru-central1',
      endpoint: process.env.QUEUE_ENDPOINT as string,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const { batch, cutoff } = notificationsTrigger();
    return async () => {
      startQueueTrigger({
        sqs,
        queue: 'notifications',
        batch,
        cutoff,
        invoke: (event: MessageQueueEvent) =>
          handler(
            event,
            createFunctionContext('notifications', 30, 256, () => false),
          ),
        onError: (error) => process.stderr.write(`[consumer] ${(error as Error).message}\n`),
      });
    };
  }
  throw new Error(`unknown role ${role}`);
}

const run = await ready();
process.on('message', (message) => {
  if (message === 'go') void run();
});
// Loaded and waiting.
process.send?.('ready');
// The parent's end of the channel keeps this process alive; when the parent goes, so does it.
process.on('disconnect', () => process.exit(0));
