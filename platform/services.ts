import type { Database } from '../storage/port';
import { type Config, config } from './config';
import { FieldCipher } from './crypto/field-cipher';
import type { KeyWrapper } from './crypto/key-wrapper';
import { LocalKeyring } from './crypto/local-keyring';
import { YandexKms } from './crypto/yandex-kms';
import type { ObjectStorage } from './files/object-storage';
import { currentIamToken } from './invocation';
import type { Queues } from './messaging/queues';
import { createStore, type Repositories, type Store } from './store';

/** The adapters a function talks to, chosen by configuration: the composition root. */
export interface Services {
  store: Store;
  queues: Queues;
  objects: ObjectStorage;
}

let services: Promise<Services> | undefined;

/**
 * Runs `work` in one transaction of this function's store. A domain refusal thrown inside
 * (RuleBroken) rolls it back and reaches the caller as problem+json (platform/http-middleware.ts).
 */
export async function inTransaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
  const { store } = await getServices();
  return store.transaction(work);
}

/** Built once per function instance (cold start) and reused by every call. */
export function getServices(): Promise<Services> {
  services ??= buildServices(config());
  services.catch(() => {
    services = undefined;
  });
  return services;
}

async function buildServices(cfg: Config): Promise<Services> {
  const database = await openDatabase(cfg);
  const cipher = new FieldCipher(keyWrapper(cfg));
  return {
    store: createStore(database, cipher),
    queues: lazyQueues(cfg),
    objects: lazyObjectStorage(cfg),
  };
}

/** The S3 client is loaded on first use: only routes that hand out file links need it. */
function lazyObjectStorage(cfg: Config): ObjectStorage {
  let adapter: Promise<ObjectStorage> | undefined;
  const load = () => {
    adapter ??= import('./files/s3-object-storage').then(
      ({ S3ObjectStorage }) =>
        new S3ObjectStorage({
          endpoint: cfg.STORAGE_ENDPOINT,
          ...(cfg.ACCESS_KEY_ID ? { accessKeyId: cfg.ACCESS_KEY_ID } : {}),
          ...(cfg.SECRET_ACCESS_KEY ? { secretAccessKey: cfg.SECRET_ACCESS_KEY } : {}),
        }),
    );
    return adapter;
  };
  return {
    uploadUrl: async (...args) => (await load()).uploadUrl(...args),
    downloadUrl: async (...args) => (await load()).downloadUrl(...args),
    describe: async (...args) => (await load()).describe(...args),
    ping: async (bucket) => (await load()).ping(bucket),
    getObject: async (...args) => (await load()).getObject(...args),
    readStart: async (...args) => (await load()).readStart(...args),
    putObject: async (...args) => (await load()).putObject(...args),
    putStream: async (...args) => (await load()).putStream(...args),
    readStream: async (...args) => (await load()).readStream(...args),
    remove: async (...args) => (await load()).remove(...args),
    startMultipart: async (...args) => (await load()).startMultipart(...args),
    partUploadUrls: async (...args) => (await load()).partUploadUrls(...args),
    completeMultipart: async (...args) => (await load()).completeMultipart(...args),
  };
}

/** The SQS client is loaded on first send: most API calls only write to the outbox and never need it. */
function lazyQueues(cfg: Config): Queues {
  let adapter: Promise<Queues> | undefined;
  const load = () => {
    adapter ??= import('./messaging/sqs-queues').then(
      ({ SqsQueues }) =>
        new SqsQueues({
          endpoint: cfg.QUEUE_ENDPOINT,
          ...(cfg.ACCESS_KEY_ID ? { accessKeyId: cfg.ACCESS_KEY_ID } : {}),
          ...(cfg.SECRET_ACCESS_KEY ? { secretAccessKey: cfg.SECRET_ACCESS_KEY } : {}),
        }),
    );
    return adapter;
  };
  return {
    send: async (queue, body, options) => (await load()).send(queue, body, options),
    sendBatch: async (queue, messages) => (await load()).sendBatch(queue, messages),
    ping: async () => (await load()).ping(),
  };
}

async function openDatabase(cfg: Config): Promise<Database> {
  if (cfg.DB_DRIVER === 'sqlite') {
    // Not loaded in the cloud, where node:sqlite would only print an experimental warning.
    const { SqliteDatabase, parseRerunSwitch } = await import('../storage/sqlite/database');
    return new SqliteDatabase(cfg.SQLITE_PATH, Date.now, { rerun: parseRerunSwitch(cfg.SQLITE_RERUN) });
  }
  const { openYdb } = await import('../storage/ydb/database');
  return openYdb({
    endpoint: cfg.YDB_ENDPOINT as string,
    database: cfg.YDB_DATABASE as string,
    credentials: ydbCredentials(cfg),
  });
}

export function ydbCredentials(cfg: Config): 'metadata' | 'anonymous' | { token: string } {
  if (cfg.APP_ENV === 'cloud') return 'metadata';
  return cfg.YDB_ACCESS_TOKEN ? { token: cfg.YDB_ACCESS_TOKEN } : 'anonymous';
}

function keyWrapper(cfg: Config): KeyWrapper {
  if (cfg.KMS_DRIVER === 'keyring') return new LocalKeyring(cfg.KEYRING_PATH);
  return new YandexKms(cfg.KMS_KEY_ID as string, currentIamToken, cfg.KMS_ENDPOINT);
}
