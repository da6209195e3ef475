/**
 * `npm run bench:notify`: events go onto the `notifications` queue, the local cloud's queue
 * trigger hands them to the notifications function, which renders and sends each through
 * the local capture. Reports throughput and p95 from the event's time to its capture.
 * Target: ≥ 500 notifications/s. The last line is the JSON summary.
 * The embedded queue server runs in memory here: on disk it fsyncs every receive and delete,
 * which measures this machine's disk, not the consumer (Message Queue is a managed service).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GetQueueUrlCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { createEvent } from '../events/envelope';
import { startLocalCloud } from '../local/cloud';
import { appointmentBookedV1 } from '../modules/booking/events';
import { getServices } from '../platform/services';

const total = 2_000;
const recipients = 200;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-notify-'));
  Object.assign(process.env, { APP_ENV: 'test', LOG_LEVEL: 'silent', NOTIFY_HOURLY_LIMIT: '1000' });
  const cloud = await startLocalCloud({
    root: resolve(import.meta.dirname, '..'),
    dataDir,
    port: 0,
    queuePort: 0,
    timers: false,
    durableQueues: false,
  });
  try {
    const { store } = await getServices();
    const users = Array.from({ length: recipients }, (_, i) => `bench-patient-${i}`);
    await store.transaction(async (r) => {
      for (const [i, userId] of users.entries()) {
        await r.notificationContacts.save({
          userId,
          phone: `+7999${String(i).padStart(7, '0')}`,
          email: null,
          telegramChatId: null,
          pushEndpoint: null,
          language: 'ru',
          timeZone: 'Europe/Moscow',
          quietHours: null,
          channels: ['sms'],
        });
      }
    });
    const { QueueUrl } = await cloud.servers.sqs.send(new GetQueueUrlCommand({ QueueName: 'notifications' }));
    const events = Array.from({ length: total }, (_, i) =>
      createEvent(
        appointmentBookedV1,
        {
          appointmentId: crypto.randomUUID(),
          patientId: users[i % recipients] as string,
          doctorId: crypto.randomUUID(),
          clinicId: 'bench-clinic',
          start: new Date(Date.UTC(2026, 11, 1, 9) + i * 60_000).toISOString(),
          end: new Date(Date.UTC(2026, 11, 1, 9, 30) + i * 60_000).toISOString(),
          format: 'video',
          consultationType: 'informational',
        },
        { correlationId: 'bench', tenant: 'bench-clinic' },
      ),
    );
    console.log(`publishing ${total} appointment.booked.v1 events to ${recipients} recipients`);
    const began = Date.now();
    for (let i = 0; i < events.length; i += 10) {
      await cloud.servers.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl,
          Entries: events.slice(i, i + 10).map((e, j) => ({ Id: String(j), MessageBody: JSON.stringify(e) })),
        }),
      );
    }
    let captured = 0;
    while (captured < total && Date.now() - began < 120_000) {
      await new Promise((done) => setTimeout(done, 250));
      captured = (await store.transaction((r) => r.capturedMessages.latest(total + 10))).length;
    }
    const seconds = (Date.now() - began) / 1000;
    const sentAt = (await store.transaction((r) => r.capturedMessages.latest(total + 10))).map((m) =>
      Date.parse(m.sentAt),
    );
    const occurred = Date.parse(events[0]?.occurredAt as string);
    const latencies = sentAt.map((at) => at - occurred).sort((a, b) => a - b);
    const p95 = latencies[Math.floor(latencies.length * 0.95)] ?? 0;
    console.log(`  ${captured} captured in ${seconds.toFixed(1)} s`);
    console.log(
      JSON.stringify({
        bench: 'notify',
        notifications_per_s: Math.round(captured / seconds),
        p95_ms: p95,
        captured,
        published: total,
      }),
    );
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
