import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { catalog } from '../events/registry';
import { type Environment, withEnvironment } from '../platform/environment';
import { problems } from '../platform/problem';
import { getServices } from '../platform/services';
import type { FunctionContext, HttpResponse, IotCoreEvent } from '../platform/yandex';
import { DevIdentity, devIssuer } from './dev-identity';
import { createFunctionContext } from './function-context';
import { localEnvironment } from './function-environment';
import { problemResponse } from './gateway';
import { startGatewayThread } from './gateway-host';
import { createBuckets, createQueues, type ProtocolServers, startProtocolServers } from './protocol-servers';
import { startQueueTrigger } from './queue-trigger';
import { type FunctionSpec, loadRegistry } from './registry';
import { startStorageTrigger } from './storage-trigger';
import { startTimerTrigger } from './timer-trigger';

type Handler = (event: unknown, context: FunctionContext) => Promise<unknown>;

export interface LocalCloudOptions {
  /** Project root holding serverless.yml and contracts/. */
  root: string;
  /** `.data` by default; the SQLite file, keyring and queue state live here and survive restarts. */
  dataDir: string;
  /** Gateway port; 0 picks a free one. */
  port: number;
  /** fauxqs port; 0 picks a free one. */
  queuePort: number;
  localstackEndpoint?: string;
  /**
   * fauxqs keeps messages and objects on disk so nothing accepted is lost across restarts
   * (default); false keeps them in memory, for benchmarks that measure the functions rather
   * than this machine's fsync.
   */
  durableQueues?: boolean;
  /** Run cron triggers on schedule; false leaves them to `fireTimer` (tests that drive time themselves). */
  timers?: boolean;
  log?: (line: string) => void;
}

export interface LocalCloud {
  url: string;
  servers: ProtocolServers;
  identity: DevIdentity;
  functions: FunctionSpec[];
  queues: string[];
  buckets: string[];
  /** Calls a function the way a trigger would, with a fresh context. */
  invoke(functionName: string, event: unknown): Promise<unknown>;
  /** A device publishes an MQTT message: the IoT Core trigger's event reaches readings-iot. */
  publishIot(deviceId: string, payload: unknown): Promise<unknown>;
  /** Fires a function's timer trigger now. */
  fireTimer(functionName: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole system in one process on the embedded defaults: protocol servers, the
 * database file, every function of serverless.yml behind its triggers, and the gateway.
 */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const log = options.log ?? (() => undefined);
  mkdirSync(options.dataDir, { recursive: true });
  const servers = await startProtocolServers({
    dataDir: options.dataDir,
    port: options.queuePort,
    durable: options.durableQueues !== false,
    ...(options.localstackEndpoint ? { localstackEndpoint: options.localstackEndpoint } : {}),
  });
  useEmbeddedDefaults(options.dataDir, servers.endpoint);

  const registry = loadRegistry(options.root);
  const queues = [
    ...new Set([...registry.queues.filter((q) => !q.endsWith('-dlq')), ...catalog.map((e) => e.queue)]),
  ];
  await createQueues(servers.sqs, queues);
  // Each function sees only its own environment, as serverless.yml gives it (local/function-environment.ts).
  const environments = new Map(registry.functions.map((fn) => [fn.name, localEnvironment(fn.environment)]));
  // The buckets triggers watch, and those functions are given to write to without a trigger.
  const given = [...environments.values()].flatMap((env) =>
    Object.entries(env).flatMap(([name, value]) => (name.endsWith('_BUCKET') && value ? [value] : [])),
  );
  const buckets = [...new Set([...registry.buckets, ...given])];
  await createBuckets(servers.s3, buckets);

  const handlers = new Map<string, { spec: FunctionSpec; handler: Handler; env: Environment }>();
  for (const spec of registry.functions) {
    const env = environments.get(spec.name) as Environment;
    // Loaded in its own environment: its cold-start checks read what it is given.
    const module = (await withEnvironment(env, () => import(spec.source))) as { handler?: Handler };
    if (typeof module.handler !== 'function') throw new Error(`${spec.source} exports no handler`);
    handlers.set(spec.name, { spec, handler: module.handler, env });
  }

  let stopping = false;
  const inFlight = new Set<Promise<unknown>>();
  const invoke = (name: string, event: unknown): Promise<unknown> => {
    const entry = handlers.get(name);
    if (!entry) return Promise.reject(new Error(`No function ${name}`));
    const { spec, handler, env } = entry;
    const call = withTimeout(
      withEnvironment(env, () =>
        handler(
          event,
          createFunctionContext(name, spec.timeoutSeconds, spec.memoryMb, () => stopping),
        ),
      ),
      spec.timeoutSeconds,
      name,
    );
    inFlight.add(call);
    const settled = () => void inFlight.delete(call);
    call.then(settled, settled);
    return call;
  };
  const onError = (name: string) => (error: unknown) =>
    log(`[${name}] trigger call failed: ${(error as Error).message}`);

  const stoppers: (() => Promise<void> | void)[] = [];
  const timers = new Map<string, () => Promise<void>>();
  for (const { spec } of handlers.values()) {
    for (const trigger of spec.triggers) {
      if (trigger.kind === 'ymq') {
        const t = startQueueTrigger({
          sqs: servers.sqs,
          queue: trigger.queue,
          batch: trigger.batch,
          cutoff: trigger.cutoff,
          invoke: (event) => invoke(spec.name, event),
          onError: onError(spec.name),
        });
        stoppers.push(t.stop);
      } else if (trigger.kind === 's3') {
        // One state file per trigger: a function may watch several prefixes of one bucket.
        const watched = [spec.name, trigger.bucket, trigger.prefix?.replace(/\W+/g, '_')].filter(Boolean);
        const t = startStorageTrigger({
          s3: servers.s3,
          bucket: trigger.bucket,
          events: trigger.events,
          ...(trigger.prefix ? { prefix: trigger.prefix } : {}),
          ...(trigger.suffix ? { suffix: trigger.suffix } : {}),
          statePath: join(options.dataDir, `storage-trigger-${watched.join('-')}.json`),
          invoke: (event) => invoke(spec.name, event),
          onError: onError(spec.name),
        });
        stoppers.push(t.stop);
      } else if (trigger.kind === 'cron') {
        const t = startTimerTrigger({
          name: spec.name,
          expression: trigger.expression,
          scheduled: options.timers !== false,
          ...(trigger.payload ? { payload: trigger.payload } : {}),
          invoke: (event) => invoke(spec.name, event),
          onError: onError(spec.name),
        });
        timers.set(spec.name, t.fire);
        stoppers.push(t.stop);
        // Local convenience: long-polling timer functions (the outbox relay) start now, not at the next minute.
        if (options.timers !== false) void t.fire();
      }
    }
  }

  const identity = await DevIdentity.load(join(options.dataDir, 'dev-identity.json'));
  const publishIot = (deviceId: string, payload: unknown) =>
    invoke('readings-iot', iotEvent(deviceId, payload));
  const devRoutes = {
    // A device publishing over MQTT: what IoT Core's trigger would hand readings-iot.
    'POST /v1/dev/iot': async (body: Buffer) => {
      const published = devIotMessage.safeParse(parseJson(body));
      if (!published.success)
        return problemResponse(
          problems.validation(
            [{ path: 'body', message: 'give { "deviceId": "...", "payload": ... }' }],
            'The body is not a device message.',
          ),
        );
      return json(await publishIot(published.data.deviceId, published.data.payload));
    },
    // What every channel would have sent, newest first: the local stand-in for SMS, email and
    // Telegram, and the bot's own replies (channel `telegram-bot`), opened, as a user saw them.
    'GET /v1/dev/outbox': async () => {
      const { store } = await getServices();
      return store.transaction(
        async (r) => {
          const messages = await r.capturedMessages.latest(100);
          const replies = (await r.chatbot.capturedReplies(100)).map((reply) => ({
            channel: 'telegram-bot',
            address: reply.chatId,
            subject: null,
            body: reply.text,
            sentAt: new Date(reply.sentAt).toISOString(),
          }));
          const items = [...messages, ...replies]
            .sort((a, b) => b.sentAt.localeCompare(a.sentAt))
            .slice(0, 100);
          return json({ items });
        },
        { readOnly: true },
      );
    },
  };
  const stopTriggers = async () => {
    stopping = true;
    await Promise.all(stoppers.map((stop) => stop()));
    await Promise.allSettled([...inFlight]);
    await servers.stop();
  };
  const gateway = await startGatewayThread(
    {
      openapiPath: join(options.root, 'contracts', 'openapi.yaml'),
      identityPath: join(options.dataDir, 'dev-identity.json'),
      port: options.port,
    },
    invoke,
    devRoutes,
    log,
  ).catch(async (error: unknown) => {
    // Nothing is left running behind a cloud that did not start.
    await stopTriggers();
    throw error;
  });
  const url = gateway.url;

  return {
    url,
    servers,
    identity,
    functions: registry.functions,
    queues,
    buckets,
    invoke,
    publishIot,
    fireTimer: async (name) => {
      const fire = timers.get(name);
      if (!fire) throw new Error(`No running timer trigger for ${name}`);
      await fire();
    },
    stop: async () => {
      stopping = true;
      await gateway.close();
      await stopTriggers();
    },
  };
}

/** The functions read their configuration from the environment, as in the cloud. */
function useEmbeddedDefaults(dataDir: string, endpoint: string): void {
  const env = process.env;
  env.APP_ENV ??= 'local';
  env.DB_DRIVER ??= 'sqlite';
  env.SQLITE_PATH ??= join(dataDir, 'telemed.sqlite');
  env.KMS_DRIVER ??= 'keyring';
  env.KEYRING_PATH ??= join(dataDir, 'keyring.json');
  env.QUEUE_ENDPOINT ??= endpoint;
  env.STORAGE_ENDPOINT ??= endpoint;
  // Locally, crises of patients without a clinic go to the on-call clinician of clinic-1.
  env.CRISIS_DUTY_TENANT ??= 'clinic-1';
  // The chatbot's webhook needs a secret; locally a known one, so curl can play Telegram.
  env.TELEGRAM_WEBHOOK_SECRET ??= 'local-telegram-webhook-secret';
  // Nothing leaves this machine: the bot's calls and every message are captured.
  env.TELEGRAM_API ??= 'capture';
  env.NOTIFY_DRIVER ??= 'capture';
  // The local identity provider's verified claims count (`npm run token -- --verified`), and
  // doctors are looked up in the register stand-in.
  env.IDENTITY_TRUSTED_ISSUERS ??= devIssuer;
  env.MEDICAL_REGISTER ??= 'local';
  // In the cloud the operator names the buckets (terraform output); locally these, for the
  // functions and for the storage triggers serverless.yml sets on them alike.
  env.ATTACHMENTS_BUCKET ??= 'telemed-attachments';
  env.READINGS_BUCKET ??= 'telemed-readings';
  env.SPONSOR_BUCKET ??= 'telemed-sponsor-files';
}

function withTimeout<T>(call: Promise<T>, seconds: number, name: string): Promise<T> {
  // One promise rather than race + finally: each promise costs every call an async-context hook.
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} timed out after ${seconds} s`)), seconds * 1000);
    call.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** IoT Core's trigger event for one MQTT message (reference/yandex-cloud.md §2e). */
export function iotEvent(deviceId: string, payload: unknown): IotCoreEvent {
  const raw = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return {
    messages: [
      {
        event_metadata: {
          event_id: crypto.randomUUID(),
          event_type: 'yandex.cloud.events.iot.IoTMessage',
          created_at: new Date().toISOString(),
          cloud_id: 'local',
          folder_id: 'local',
        },
        details: {
          registry_id: 'local-registry',
          device_id: deviceId,
          mqtt_topic: `$devices/${deviceId}/events`,
          payload: Buffer.from(raw).toString('base64'),
        },
      },
    ],
  };
}

/** What `POST /v1/dev/iot` takes: the device and what it would publish over MQTT. */
const devIotMessage = z.object({ deviceId: z.string().min(1).max(128), payload: z.unknown() });

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function json(body: unknown): HttpResponse {
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? null),
  };
}
