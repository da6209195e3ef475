import * as z from 'zod';

/**
 * Every event crossing a queue or a bucket travels in this envelope. `type` names the
 * event and its version (`appointment.booked.v1`); a breaking change is a new version.
 */
export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)+\.v\d+$/),
  occurredAt: z.iso.datetime({ offset: true }),
  correlationId: z.string().min(1).max(128),
  tenant: z.string().min(1).max(128),
  data: z.unknown(),
});

export type Envelope<TData = unknown> = Omit<z.infer<typeof envelopeSchema>, 'data'> & { data: TData };

export interface EventDefinition<TType extends string = string, TData = unknown> {
  type: TType;
  /** The queue this event is published to. */
  queue: string;
  data: z.ZodType<TData>;
}

export function defineEvent<TType extends string, TData>(
  type: TType,
  queue: string,
  data: z.ZodType<TData>,
): EventDefinition<TType, TData> {
  return { type, queue, data };
}

export interface EventMeta {
  correlationId: string;
  tenant: string;
  occurredAt?: Date;
  id?: string;
}

/**
 * Builds a valid envelope; throws when `data` does not match the schema or the envelope itself
 * is not one every consumer would take (inside the producing transaction, so nothing is
 * committed that would only be dead-lettered later).
 */
export function createEvent<TType extends string, TData>(
  definition: EventDefinition<TType, TData>,
  data: TData,
  meta: EventMeta,
): Envelope<TData> & { type: TType } {
  const event = {
    id: meta.id ?? crypto.randomUUID(),
    type: definition.type,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    correlationId: meta.correlationId,
    tenant: meta.tenant,
    data: definition.data.parse(data),
  };
  envelopeSchema.parse(event);
  return event;
}

/**
 * Characters Message Queue refuses in a body (outside XML 1.0's), and every UTF-16 surrogate
 * (characters beyond the BMP, emoji among them, which some SQS servers refuse too). Control
 * characters never reach it: JSON has escaped them already.
 */
const queueUnsafe = /[^\x20-\uD7FF\uE000-\uFFFD]/g;

/**
 * An event as a queue carries it: JSON in which every character a queue might refuse is a
 * `\uXXXX` escape, so a patient's "p\uFFFF" or an emoji travels, and parses back unchanged,
 * instead of stopping the relay.
 */
export function serializeEvent(event: Envelope): string {
  return JSON.stringify(event).replace(
    queueUnsafe,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
