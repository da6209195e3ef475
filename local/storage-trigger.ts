import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { ObjectStorageEvent } from '../platform/yandex';

export interface StorageTriggerOptions {
  s3: S3Client;
  bucket: string;
  events: string[];
  prefix?: string;
  suffix?: string;
  /** Where the last seen listing is kept, so uploads made while stopped still fire. */
  statePath: string;
  pollMs?: number;
  invoke: (event: ObjectStorageEvent) => Promise<unknown>;
  onError: (error: unknown) => void;
}

type Listing = Record<string, string>;

/**
 * An Object Storage trigger. The embedded S3 server has no bucket notifications, so
 * the bucket is listed every second and differences become Yandex's ObjectCreate /
 * ObjectDelete events (one per object, as a batch of one).
 */
export function startStorageTrigger(options: StorageTriggerOptions): { stop(): Promise<void> } {
  let running = true;
  let seen: Listing = existsSync(options.statePath)
    ? JSON.parse(readFileSync(options.statePath, 'utf8'))
    : {};
  const loop = (async () => {
    while (running) {
      try {
        const current = await list(options);
        for (const [key, etag] of Object.entries(current)) {
          if (seen[key] !== etag && options.events.includes('create.object')) {
            await options.invoke(toEvent(options.bucket, key, 'ObjectCreate'));
          }
        }
        for (const key of Object.keys(seen)) {
          if (!(key in current) && options.events.includes('delete.object')) {
            await options.invoke(toEvent(options.bucket, key, 'ObjectDelete'));
          }
        }
        seen = current;
        writeFileSync(options.statePath, JSON.stringify(seen));
      } catch (error) {
        options.onError(error);
      }
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

async function list(options: StorageTriggerOptions): Promise<Listing> {
  const listing: Listing = {};
  let token: string | undefined;
  do {
    const page = await options.s3.send(
      new ListObjectsV2Command({ Bucket: options.bucket, Prefix: options.prefix, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) {
      if (!object.Key || (options.suffix && !object.Key.endsWith(options.suffix))) continue;
      listing[object.Key] = object.ETag ?? '';
    }
    token = page.NextContinuationToken;
  } while (token);
  return listing;
}

function toEvent(bucket: string, key: string, type: 'ObjectCreate' | 'ObjectDelete'): ObjectStorageEvent {
  return {
    messages: [
      {
        event_metadata: {
          event_id: crypto.randomUUID(),
          event_type: `yandex.cloud.events.storage.${type}`,
          created_at: new Date().toISOString(),
          tracing_context: {
            trace_id: crypto.randomUUID().replaceAll('-', ''),
            span_id: '',
            parent_span_id: '',
          },
          cloud_id: 'local',
          folder_id: 'local',
        },
        details: { bucket_id: bucket, object_id: key },
      },
    ],
  };
}
