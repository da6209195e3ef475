import { invocationLogger } from '../../platform/invocation';
import { withInvocation } from '../../platform/runtime';
import { getServices } from '../../platform/services';
import type { IotCoreEvent } from '../../platform/yandex';
import { parseJsonItem } from './domain/json-items';
import { livePolicy } from './domain/validate';
import { ingestBatch } from './ingest';

/** One MQTT message carries at most a batch's worth of readings. */
const maxItems = 1000;

/**
 * IoT Core trigger: a home device publishes readings over MQTT (one item, a list, or
 * `{ "items": [...] }` in our JSON format). The device is the one IoT Core authenticated,
 * whatever the payload says, and its binding decides the patient. Each message is one
 * batch, stored in its own transaction; a redelivered message is stored once (the
 * device + type + time key).
 */
export const readingsIotTrigger = withInvocation(
  'readings-iot',
  (event: IotCoreEvent) => event.messages[0]?.event_metadata.event_id,
  async (event: IotCoreEvent) => {
    const logger = invocationLogger();
    const { store } = await getServices();
    const results = [];
    for (const message of event.messages) {
      const deviceId = message.details.device_id;
      const items = itemsOf(message.details.payload);
      if (!items) {
        // Retrying cannot fix an unreadable payload; say so and go on with the others.
        logger.warn({ deviceId, outcome: 'rejected', reason: 'payload_not_json' }, 'iot message refused');
        results.push({ deviceId, accepted: 0, duplicates: 0, rejected: 0, refused: 'payload_not_json' });
        continue;
      }
      const { result } = await store.transaction((r) =>
        ingestBatch(
          r,
          items
            .slice(0, maxItems)
            .map((item) => ({ parsed: parseJsonItem({ ...item, deviceId }, deviceId) })),
          {
            source: 'iot',
            policy: livePolicy(Date.now()),
            correlationId: message.event_metadata.event_id,
            tenant: 'iot',
          },
        ),
      );
      logger.info(
        { deviceId, accepted: result.accepted, duplicates: result.duplicates, rejected: result.rejected },
        'iot readings',
      );
      // Why each refused item was refused (a reason code and a line for people), never a value.
      const refusals = result.items
        .filter((item) => item.status === 'rejected')
        .map(({ index, reason, detail }) => ({ index, reason, detail }));
      results.push({
        deviceId,
        accepted: result.accepted,
        duplicates: result.duplicates,
        rejected: result.rejected,
        ...(refusals.length ? { refusals } : {}),
      });
    }
    return { results };
  },
);

function itemsOf(payload: string): Record<string, unknown>[] | undefined {
  try {
    const body = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as unknown;
    const list = Array.isArray(body) ? body : ((body as { items?: unknown[] }).items ?? [body]);
    return list.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
  } catch {
    return undefined;
  }
}
