import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../bench/pipeline-harness';
import { createEvent } from '../../events/envelope';
import { type LocalCloud, startLocalCloud } from '../../local/cloud';
import { notificationRequestedV1 } from '../../modules/notifications/events/notification-requested.v1';
import { getServices } from '../../platform/services';
import { eventually } from '../support/eventually';
import { projectRoot } from '../support/test-cloud';

/**
 * Faults injected from outside the code under test, on the real parts: the outbox in an SQLite
 * file, the relay and notifications functions, the queue (fauxqs), SMS through a Notification
 * Service on a local port (bench/pipeline-harness.ts; `npm run bench:pipeline` is the same at
 * 10,000 events). Every committed event must reach its recipient, once.
 */
describe('the event pipeline under injected faults', () => {
  it('delivers every committed event once though the relay and a consumer are killed mid-run and the queue refuses sends for a while', async () => {
    // Prepare: 300 events committed at 100/s; the relay killed after the queue took an entry and
    // before it marked it sent, the queue refusing sends for 2 s, a consumer killed after its
    // batch committed and before the trigger deleted it (the batch comes back after 5 s)
    const dataDir = mkdtempSync(join(tmpdir(), 'pipeline-faults-'));

    // Act
    const run = await runPipeline({
      dataDir,
      events: 300,
      rate: 100,
      visibilityTimeoutSeconds: 5,
      faults: [
        { at: 0.2, fault: 'kill-relay' },
        { at: 0.4, fault: 'refuse-sends', ms: 2000 },
        { at: 0.6, fault: 'kill-consumer-before-ack' },
      ],
      settleMs: 30_000,
    });

    // Assess
    expect(run.faultsFired).toEqual(['kill-relay', 'refuse-sends', 'kill-consumer-before-ack']);
    expect(run.restarts).toEqual({ relay: 1, consumer: 1 });
    expect(run).toMatchObject({ events: 300, delivered: 300, lost: 0, duplicate_effects: 0, quarantined: 0 });
  }, 60_000);

  // Restarting the local cloud re-runs every function's cold start; once is enough.
  describe.skipIf(process.env.SQLITE_RERUN)('across a restart of the whole local cloud', () => {
    let cloud: LocalCloud | undefined;
    let stopRelaying = async () => {};
    afterAll(async () => {
      await stopRelaying();
      await cloud?.stop();
    });

    it('delivers every event committed before, during and after the restart once', async () => {
      // Prepare: the local cloud on a data dir, 300 recipients, the relay fired as its timer would
      const dataDir = mkdtempSync(join(tmpdir(), 'pipeline-restart-'));
      Object.assign(process.env, { APP_ENV: 'test', LOG_LEVEL: 'silent', RELAY_MAX_RUN_SECONDS: '2' });
      // The functions were given the queue's address at the first start: it stays the same after.
      const start = (queuePort: number) =>
        startLocalCloud({ root: projectRoot, dataDir, port: 0, queuePort, timers: false });
      cloud = await start(0);
      const queuePort = Number(new URL(cloud.servers.endpoint).port);
      const { store } = await getServices();
      const phones = Array.from({ length: 300 }, (_, i) => `+79${String(i).padStart(9, '0')}`);
      await store.transaction(async (r) => {
        for (const [i, phone] of phones.entries())
          await r.notificationContacts.save({
            userId: `restart-${i}`,
            phone,
            email: null,
            telegramChatId: null,
            pushEndpoint: null,
            language: 'ru',
            timeZone: 'Europe/Moscow',
            quietHours: null,
            channels: ['sms'],
          });
      });
      stopRelaying = startRelaying(cloud);

      // Act: commit 10 events every 100 ms; at 150 the cloud stops mid-load and starts again on the same data
      for (let i = 0; i < phones.length; i += 10) {
        if (i === 150) {
          const stopped = stopRelaying();
          await cloud.stop();
          await stopped;
          cloud = await start(queuePort);
          stopRelaying = startRelaying(cloud);
        }
        await store.transaction(async (r) => {
          for (let k = i; k < i + 10; k++)
            await r.outbox.add(
              notificationRequestedV1.queue,
              createEvent(
                notificationRequestedV1,
                {
                  recipientId: `restart-${k}`,
                  template: 'appointment.cancelled',
                  variables: { at: '2026-12-02T07:30:00.000Z' },
                },
                { correlationId: 'restart', tenant: 'clinic-1' },
              ),
            );
        });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const sent = () => store.transaction((r) => r.capturedMessages.latest(1000), { readOnly: true });
      await eventually(sent, (messages) => messages.length >= phones.length, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 2000)); // room for a duplicate to show up

      // Assess
      const perPhone = new Map<string, number>();
      for (const message of await sent())
        perPhone.set(message.address, (perPhone.get(message.address) ?? 0) + 1);
      expect(phones.filter((phone) => !perPhone.has(phone))).toEqual([]);
      expect([...perPhone].filter(([, count]) => count > 1)).toEqual([]);
      expect(perPhone.size).toBe(phones.length);
    }, 60_000);
  });
});

/** The relay's timer firing again as soon as a run ends; the returned call stops it. */
function startRelaying(cloud: LocalCloud): () => Promise<void> {
  let on = true;
  const loop = (async () => {
    while (on) {
      await cloud.fireTimer('outbox-relay').catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return async () => {
    on = false;
    await loop;
  };
}
