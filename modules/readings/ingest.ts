import { createEvent } from '../../events/envelope';
import type { Repositories } from '../../platform/store';
import { type Parsed, type Rejection, type RejectionReason, reject } from './domain/types';
import { checked, type TimePolicy } from './domain/validate';
import { readingsRecordedV1 } from './events/readings.v1';
import { bindingAt, type DeviceBinding } from './repositories/devices';
import type { ReadingSource, StoredReading } from './repositories/readings';

export interface ItemResult {
  index: number;
  ref?: string;
  status: 'accepted' | 'duplicate' | 'rejected';
  reason?: RejectionReason;
  detail?: string;
}

export interface IngestResult {
  batchId: string;
  accepted: number;
  duplicates: number;
  rejected: number;
  items: ItemResult[];
}

export interface IngestContext {
  source: ReadingSource;
  policy: TimePolicy;
  /**
   * Whose devices the sender may speak for: a patient their own, a clinic admin their clinic's
   * patients'; a service (gateway, IoT bridge) any bound device.
   */
  owner?: { patientId: string } | { clinicId: string };
  correlationId: string;
  tenant: string;
}

/**
 * Validates, binds and stores one batch in the caller's transaction: every item gets its
 * outcome, valid items are kept even when others are refused, and the stored ones are
 * announced by one `readings.recorded.v1` event for the alert consumer.
 */
export async function ingestBatch(
  repos: Repositories,
  items: { ref?: string; parsed: Parsed }[],
  context: IngestContext,
): Promise<{ result: IngestResult; patients: { patientId: string; clinicId: string | null }[] }> {
  const batchId = crypto.randomUUID();
  const results: ItemResult[] = new Array(items.length);
  const rejectAt = (index: number, ref: string | undefined, rejection: Rejection) => {
    results[index] = { index, ...(ref ? { ref } : {}), status: 'rejected', ...rejection };
  };
  const bindings = new Map<string, Promise<DeviceBinding[] | undefined>>();
  const bindingsOf = (deviceId: string) => {
    let found = bindings.get(deviceId);
    if (!found) {
      found = repos.readings.devices
        .bindings(deviceId)
        .then(async (list) =>
          list.length || (await repos.readings.devices.exists(deviceId)) ? list : undefined,
        );
      bindings.set(deviceId, found);
    }
    return found;
  };
  const toStore: { index: number; reading: StoredReading; clinicId: string | null }[] = [];
  for (const [index, item] of items.entries()) {
    const outcome = checked(item.parsed, context.policy);
    if (!outcome.ok) {
      rejectAt(index, item.ref, outcome.rejection);
      continue;
    }
    const { reading } = outcome;
    const bound = bindingFor(
      reading.deviceId,
      await bindingsOf(reading.deviceId),
      reading.measuredAt,
      context.owner,
    );
    if ('rejection' in bound) {
      rejectAt(index, item.ref, bound.rejection);
      continue;
    }
    const { binding } = bound;
    toStore.push({
      index,
      reading: { ...reading, patientId: binding.patientId, source: context.source },
      clinicId: binding.clinicId,
    });
  }
  const outcomes = await repos.readings.series.add(toStore.map((s) => s.reading));
  const series = new Map<
    string,
    { patientId: string; clinicId: string | null; type: StoredReading['type']; measuredAt: number[] }
  >();
  for (const [i, { index, reading, clinicId }] of toStore.entries()) {
    const ref = items[index]?.ref;
    const outcome = outcomes[i];
    if (outcome === 'conflict') {
      rejectAt(
        index,
        ref,
        reject('conflicting_duplicate', 'another value is already stored for this device, type and time'),
      );
      continue;
    }
    results[index] = {
      index,
      ...(ref ? { ref } : {}),
      status: outcome === 'inserted' ? 'accepted' : 'duplicate',
    };
    if (outcome !== 'inserted') continue;
    const key = `${reading.patientId}\n${reading.type}`;
    const entry = series.get(key) ?? {
      patientId: reading.patientId,
      clinicId,
      type: reading.type,
      measuredAt: [],
    };
    entry.measuredAt.push(reading.measuredAt);
    series.set(key, entry);
  }
  if (series.size) {
    const event = createEvent(
      readingsRecordedV1,
      { batchId, source: context.source, series: [...series.values()] },
      { correlationId: context.correlationId, tenant: context.tenant },
    );
    await repos.outbox.add(readingsRecordedV1.queue, event);
  }
  const count = (status: ItemResult['status']) => results.filter((r) => r.status === status).length;
  const patients = new Map(
    [...series.values()].map((s) => [s.patientId, { patientId: s.patientId, clinicId: s.clinicId }]),
  );
  return {
    result: {
      batchId,
      accepted: count('accepted'),
      duplicates: count('duplicate'),
      rejected: count('rejected'),
      items: results,
    },
    patients: [...patients.values()],
  };
}

/** The patient a device measured at `at`, or why its reading cannot be accepted. */
function bindingFor(
  deviceId: string,
  known: DeviceBinding[] | undefined,
  at: number,
  owner: IngestContext['owner'],
): { binding: DeviceBinding } | { rejection: Rejection } {
  if (!known)
    return { rejection: reject('device_unknown', `device ${deviceId} is not registered (POST /v1/devices)`) };
  const binding = bindingAt(known, at);
  if (!binding)
    return {
      rejection: reject(
        'device_unbound',
        `device ${deviceId} was bound to no patient at the measurement time`,
      ),
    };
  const mine =
    !owner ||
    ('patientId' in owner ? binding.patientId === owner.patientId : binding.clinicId === owner.clinicId);
  if (!mine)
    return { rejection: reject('device_not_yours', `device ${deviceId} is bound to another patient`) };
  return { binding };
}
