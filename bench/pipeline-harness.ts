/**
 * The event pipeline with faults injected from outside, for `npm run bench:pipeline` and
 * test/platform/pipeline-faults.test.ts: events committed to the outbox (SQLite file) → the real
 * outbox-relay function → the queue (fauxqs) → the real notifications function behind its
 * queue trigger → SMS to a Notification Service (SNS API) on a local port that counts each
 * phone's messages. The relay and the consumer run in their own processes (bench/pipeline-worker.ts)
 * so they can be killed with SIGKILL; each reaches the queue through its own proxy, which can
 * refuse sends for a while or kill its process at a chosen request. Nothing in platform/ knows.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { createEvent } from '../events/envelope';
import { createQueues, type ProtocolServers, startProtocolServers } from '../local/protocol-servers';
import { notificationRequestedV1 } from '../modules/notifications/events/notification-requested.v1';
import '../modules/notifications';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { LocalKeyring } from '../platform/crypto/local-keyring';
import { createStore } from '../platform/store';
import { SqliteDatabase } from '../storage/sqlite/database';

const root = resolve(import.meta.dirname, '..');

export type Fault =
  /** The relay dies (SIGKILL) after the queue took an entry and before it marked it sent. */
  | 'kill-relay'
  /** The queue refuses every send (503) for `ms`. */
  | 'refuse-sends'
  /** A consumer dies after its batch committed and its messages were sent, before the trigger deleted the batch. */
  | 'kill-consumer-before-ack'
  /** A consumer dies mid-batch while sending a message it has claimed and committed (the send never arrives). */
  | 'kill-consumer-mid-send';

export interface PipelineOptions {
  dataDir: string;
  events: number;
  /** Events committed per second, in transactions of `perCommit`. */
  rate: number;
  perCommit?: number;
  /** Each fault fires once the given fraction of the events has been committed. */
  faults: { at: number; fault: Fault; ms?: number }[];
  /** The notifications queue's visibility timeout: 60 s as infra/ creates it, unless a test shortens it. */
  visibilityTimeoutSeconds?: number;
  /** fauxqs on disk (the embedded default) or in memory. */
  durableQueue?: boolean;
  /** Worker settings: `SQLITE_RERUN` and the like. */
  workerEnv?: Record<string, string>;
  /** How long to wait for the last events after the last commit. */
  settleMs?: number;
  log?: (line: string) => void;
}

export interface PipelineResult {
  events: number;
  delivered: number;
  duplicate_effects: number;
  lost: number;
  quarantined: number;
  p95_ms: number;
}

export interface PipelineRun extends PipelineResult {
  seconds: number;
  faultsFired: string[];
  restarts: { relay: number; consumer: number };
  max_ms: number;
}

/** Runs the pipeline under the faults and counts what reached the phones. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineRun> {
  const log = options.log ?? (() => undefined);
  const perCommit = options.perCommit ?? 10;
  mkdirSync(options.dataDir, { recursive: true });
  const sqlitePath = join(options.dataDir, 'telemed.sqlite');
  const keyringPath = join(options.dataDir, 'keyring.json');
  const cleanup: (() => Promise<void> | void)[] = [];
  try {
    const servers = await startProtocolServers({
      dataDir: options.dataDir,
      port: 0,
      durable: options.durableQueue !== false,
    });
    cleanup.push(() => servers.stop());
    await createQueues(servers.sqs, ['notifications']);
    const { QueueUrl } = await servers.sqs.send(new GetQueueUrlCommand({ QueueName: 'notifications' }));
    if (options.visibilityTimeoutSeconds !== undefined)
      await servers.sqs.send(
        new SetQueueAttributesCommand({
          QueueUrl,
          Attributes: { VisibilityTimeout: String(options.visibilityTimeoutSeconds) },
        }),
      );
    const phones = await startPhones();
    cleanup.push(() => phones.stop());
    const relayProxy = await startQueueProxy(servers.endpoint);
    const consumerProxy = await startQueueProxy(servers.endpoint);
    cleanup.push(
      () => relayProxy.stop(),
      () => consumerProxy.stop(),
    );

    const database = new SqliteDatabase(sqlitePath);
    cleanup.push(() => database.close());
    const store = createStore(database, new FieldCipher(new LocalKeyring(keyringPath)));
    const recipients = Array.from({ length: options.events }, (_, i) => ({
      userId: `pipeline-${i}`,
      phone: `+79${String(i).padStart(9, '0')}`,
    }));
    await store.transaction(async (r) => {
      for (const { userId, phone } of recipients)
        await r.notificationContacts.save({
          userId,
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

    const baseEnv = {
      ...process.env,
      APP_ENV: 'test',
      LOG_LEVEL: 'silent',
      DB_DRIVER: 'sqlite',
      SQLITE_PATH: sqlitePath,
      KMS_DRIVER: 'keyring',
      KEYRING_PATH: keyringPath,
      NOTIFY_DRIVER: 'cloud',
      SNS_ENDPOINT: phones.endpoint,
      ACCESS_KEY_ID: 'local',
      SECRET_ACCESS_KEY: 'local',
      NOTIFY_HOURLY_LIMIT: '1000',
      QUEUE_RETRY_DELAY_SECONDS: '1',
      ...options.workerEnv,
    };
    const relay = new Instances('relay', { ...baseEnv, QUEUE_ENDPOINT: relayProxy.endpoint }, log);
    const consumer = new Instances('consumer', { ...baseEnv, QUEUE_ENDPOINT: consumerProxy.endpoint }, log);
    cleanup.push(
      () => relay.stop(),
      () => consumer.stop(),
    );
    await Promise.all([relay.start(), consumer.start()]);

    // Faults, armed one at a time as production passes their mark.
    const faultsFired: string[] = [];
    const pending = [...options.faults].sort((a, b) => a.at - b.at);
    const arm = (fault: Fault, ms: number) => {
      faultsFired.push(fault);
      log(`  fault: ${fault}${fault === 'refuse-sends' ? ` for ${ms} ms` : ''}`);
      if (fault === 'refuse-sends') {
        relayProxy.refuseSendsFor(ms);
        consumerProxy.refuseSendsFor(ms);
      } else if (fault === 'kill-relay') {
        // After fauxqs took a batch, before the relay hears so: published, never marked sent.
        relayProxy.once('SendMessageBatch', 'after', () => relay.kill());
      } else if (fault === 'kill-consumer-before-ack') {
        consumerProxy.once('DeleteMessageBatch', 'before', () => consumer.kill());
      } else {
        phones.once(() => consumer.kill());
      }
    };

    // Produce: `perCommit` events per transaction, at `rate`.
    const committedAt = new Map<string, number>();
    const began = Date.now();
    let lastLog = began;
    for (let i = 0; i < options.events; i += perCommit) {
      const due = began + (i / options.rate) * 1000;
      if (due > Date.now()) await sleep(due - Date.now());
      const slice = recipients.slice(i, i + perCommit);
      await store.transaction(async (r) => {
        for (const { userId } of slice) {
          const event = createEvent(
            notificationRequestedV1,
            {
              recipientId: userId,
              template: 'appointment.cancelled',
              variables: { at: '2026-12-02T07:30:00.000Z' },
            },
            { correlationId: 'pipeline-bench', tenant: 'clinic-1' },
          );
          await r.outbox.add(notificationRequestedV1.queue, event);
        }
      });
      const at = Date.now();
      for (const { phone } of slice) committedAt.set(phone, at);
      while (pending.length && committedAt.size >= (pending[0]?.at ?? 1) * options.events) {
        const next = pending.shift() as (typeof pending)[number];
        arm(next.fault, next.ms ?? 3000);
      }
      if (at - lastLog >= 5000) {
        lastLog = at;
        log(
          `  ${committedAt.size} committed, ${phones.delivered()} delivered (${((at - began) / 1000).toFixed(0)} s)`,
        );
      }
    }
    log(
      `  all ${committedAt.size} committed in ${((Date.now() - began) / 1000).toFixed(1)} s; waiting for the rest`,
    );

    // Settle: every phone reached, outbox and queue empty, and no redelivery still to come.
    const settleUntil = Date.now() + (options.settleMs ?? 180_000);
    const quietFor = ((options.visibilityTimeoutSeconds ?? 60) + 5) * 1000;
    for (;;) {
      await sleep(1000);
      const outbox = (await database.transaction((t) => t.find('outbox', { limit: 1 }))).length;
      const queued = await queueDepth(servers, QueueUrl as string);
      const lastKill = Math.max(relay.lastKillAt, consumer.lastKillAt);
      const done =
        phones.delivered() >= committedAt.size && !outbox && !queued && Date.now() - lastKill > quietFor;
      if (Date.now() - lastLog >= 5000) {
        lastLog = Date.now();
        log(
          `  ${phones.delivered()} delivered, outbox ${outbox ? 'not empty' : 'empty'}, ${queued} on the queue`,
        );
      }
      if (done || Date.now() > settleUntil) break;
    }
    const seconds = (Date.now() - began) / 1000;

    let delivered = 0;
    let duplicates = 0;
    const latencies: number[] = [];
    for (const [phone, at] of committedAt) {
      const got = phones.received.get(phone);
      if (!got) continue;
      delivered++;
      duplicates += got.count - 1;
      latencies.push(got.first - at);
    }
    latencies.sort((a, b) => a - b);
    const quarantined = (await database.transaction((t) => t.find('outbox_quarantine', {}))).length;
    return {
      events: committedAt.size,
      delivered,
      duplicate_effects: duplicates + phones.strangers(),
      lost: committedAt.size - delivered,
      quarantined,
      p95_ms: latencies[Math.ceil(latencies.length * 0.95) - 1] ?? 0,
      max_ms: latencies.at(-1) ?? 0,
      seconds,
      faultsFired,
      restarts: { relay: relay.restarts, consumer: consumer.restarts },
    };
  } finally {
    for (const step of cleanup.reverse()) await step();
  }
}

async function queueDepth(servers: ProtocolServers, queueUrl: string): Promise<number> {
  const { Attributes = {} } = await servers.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed',
      ],
    }),
  );
  return Object.values(Attributes).reduce((sum, n) => sum + Number(n), 0);
}

/**
 * The instances of one function: one running, one loaded and waiting to take over when it is
 * killed (a new instance in the cloud; the relay's next timer fire, here at once).
 */
class Instances {
  restarts = 0;
  lastKillAt = 0;
  private current: ChildProcess | undefined;
  private standby: Promise<ChildProcess> | undefined;
  private stopped = false;

  constructor(
    private readonly role: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly log: (line: string) => void,
  ) {}

  async start(): Promise<void> {
    this.standby = this.spawn();
    await this.promote();
  }

  /** SIGKILL to the running instance; resolves once it is gone and the standby runs. */
  async kill(): Promise<void> {
    const victim = this.current;
    if (!victim) return;
    this.lastKillAt = Date.now();
    const gone = new Promise((done) => victim.once('exit', done));
    victim.kill('SIGKILL');
    await gone;
    this.restarts++;
    this.log(`  ${this.role} killed; the standby instance takes over`);
    await this.promote();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const standby = await this.standby?.catch(() => undefined);
    for (const child of [this.current, standby]) {
      if (!child || child.exitCode !== null) continue;
      const gone = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await gone;
    }
  }

  private async promote(): Promise<void> {
    const next = await (this.standby as Promise<ChildProcess>);
    if (this.stopped) return;
    this.current = next;
    next.send('go');
    this.standby = this.spawn();
  }

  private spawn(): Promise<ChildProcess> {
    const child = fork(join(root, 'bench/pipeline-worker.ts'), [this.role], {
      env: this.env,
      execArgv: ['--import', 'tsx', '--disable-warning=ExperimentalWarning'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((done, fail) => {
      child.once('message', () => done(child));
      child.once('exit', (code) =>
        fail(new Error(`${this.role} worker exited (${code}) before it was ready`)),
      );
    });
  }
}

/**
 * An SQS endpoint in front of fauxqs that a test controls: it can answer sends with 503 for a
 * while (the queue unavailable), and run a hook once at the first request of an action, before
 * forwarding it (the request never reaches the queue) or after (the queue acted, the caller
 * never hears); the caller's connection is dropped either way.
 */
async function startQueueProxy(target: string) {
  const { hostname, port } = new URL(target);
  let refuseUntil = 0;
  const hooks: { action: string; when: 'before' | 'after'; run: () => Promise<void> }[] = [];
  const takeHook = (action: string, when: 'before' | 'after') => {
    const i = hooks.findIndex((h) => h.action === action && h.when === when);
    return i < 0 ? undefined : hooks.splice(i, 1)[0];
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const action = String(req.headers['x-amz-target'] ?? '').replace('AmazonSQS.', '');
      if (action.startsWith('SendMessage') && Date.now() < refuseUntil) {
        res
          .writeHead(503, { 'Content-Type': 'application/x-amz-json-1.0' })
          .end(
            JSON.stringify({ __type: 'com.amazonaws.sqs#ServiceUnavailable', message: 'refused (fault)' }),
          );
        return;
      }
      const before = takeHook(action, 'before');
      if (before) {
        await before.run();
        res.destroy();
        return;
      }
      const forward = httpRequest(
        { hostname, port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', async () => {
            const after = takeHook(action, 'after');
            if (after) {
              await after.run();
              res.destroy();
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(parts));
          });
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    refuseSendsFor: (ms: number) => {
      refuseUntil = Date.now() + ms;
    },
    once: (action: string, when: 'before' | 'after', run: () => Promise<void>) => {
      hooks.push({ action, when, run });
    },
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * Phones behind a Notification Service (SNS API): each SMS is counted by number, with the time
 * the first arrived. `once(hook)` runs the hook at the next SMS and drops it unanswered: the
 * sender died with the message in flight.
 */
async function startPhones() {
  const received = new Map<string, { count: number; first: number }>();
  let unknown = 0;
  let hook: (() => Promise<void>) | undefined;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      if (hook) {
        const run = hook;
        hook = undefined;
        await run();
        res.destroy();
        return;
      }
      const phone = new URLSearchParams(body).get('PhoneNumber') ?? '';
      const seen = received.get(phone);
      if (seen) seen.count++;
      else if (phone) received.set(phone, { count: 1, first: Date.now() });
      else unknown++;
      res
        .writeHead(200, { 'Content-Type': 'text/xml' })
        .end(
          '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m</MessageId></PublishResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></PublishResponse>',
        );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    delivered: () => received.size,
    strangers: () => unknown,
    once: (run: () => Promise<void>) => {
      hook = run;
    },
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function sleep(ms: number) {
  return new Promise((done) => setTimeout(done, ms));
}
