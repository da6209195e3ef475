import type * as z from 'zod';
import { type Envelope, type EventDefinition, envelopeSchema } from './envelope';

export class InvalidEvent extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidEvent';
  }
}

/** Parses a message body into an envelope whose `data` matches one of `accepted`. */
export function parseEvent<TDef extends EventDefinition>(
  body: string,
  accepted: readonly TDef[],
): Envelope<z.infer<TDef['data']>> & { type: TDef['type'] } {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new InvalidEvent('message body is not JSON');
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success)
    throw new InvalidEvent(`not an event envelope: ${envelope.error.issues[0]?.message}`);
  const definition = accepted.find((d) => d.type === envelope.data.type);
  if (!definition) throw new InvalidEvent(`event type ${envelope.data.type} is not handled here`);
  const data = definition.data.safeParse(envelope.data.data);
  if (!data.success)
    throw new InvalidEvent(`${definition.type} data invalid: ${data.error.issues[0]?.message}`);
  return { ...envelope.data, type: definition.type, data: data.data } as Envelope<z.infer<TDef['data']>> & {
    type: TDef['type'];
  };
}
