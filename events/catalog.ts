import type * as z from 'zod';
import { appointmentEventsV1, paymentRefundRefusedV1 } from '../modules/booking/events';
import { consultationEventsV1 } from '../modules/consultations/events';
import { notificationRequestedV1 } from '../modules/notifications/events';
import { patientRegisteredV1 } from '../modules/patients/events';
import { alertRaisedV1, readingsRecordedV1 } from '../modules/readings/events';
import { crisisDetectedV1 } from '../modules/triage/events';
import { type Envelope, type EventDefinition, envelopeSchema } from './envelope';

/** Every event type the system knows. Nothing crosses a queue without an entry here. */
export const catalog = [
  patientRegisteredV1,
  notificationRequestedV1,
  ...appointmentEventsV1,
  ...consultationEventsV1,
  paymentRefundRefusedV1,
  crisisDetectedV1,
  readingsRecordedV1,
  alertRaisedV1,
] as const satisfies readonly EventDefinition[];

export type KnownEvent = (typeof catalog)[number];

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
