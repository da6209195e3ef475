import { appointmentEventsV1, paymentRefundRefusedV1 } from '../modules/booking/events';
import { consultationEventsV1 } from '../modules/consultations/events';
import { escalationRequestedV1 } from '../modules/escalations/events';
import { notificationRequestedV1 } from '../modules/notifications/events';
import { patientRegisteredV1 } from '../modules/patients/events';
import { alertRaisedV1, readingsRecordedV1 } from '../modules/readings/events';
import { rehabEventsV1 } from '../modules/rehabilitation/events';
import { teleconsultationEventsV1 } from '../modules/teleconsultations/events';
import { crisisDetectedV1 } from '../modules/triage/events';
import type { EventDefinition } from './envelope';

/**
 * Where each event goes. For every type: the module that publishes it (through the outbox), the
 * queue it travels on (the definition's), and the consumers there that accept it, by the name
 * each consumer is declared with (platform/queue-consumer.ts `defineConsumer`). A test holds this
 * against the code: every published type reaches a consumer that accepts it, and every consumer
 * accepts only types published to its queue (test/events/registry.test.ts).
 */
export interface EventRoute {
  event: EventDefinition;
  /** The modules whose code publishes it; `open` for an intake any function may publish to. */
  producers: string[] | 'open';
  consumers: string[];
}

const route = (event: EventDefinition, producers: string[] | 'open', ...consumers: string[]): EventRoute => ({
  event,
  producers,
  consumers,
});

export const registry: EventRoute[] = [
  route(patientRegisteredV1, ['patients'], 'notifications'),
  // Any function asks for a message by template without knowing the person's channels.
  route(notificationRequestedV1, 'open', 'notifications'),
  ...appointmentEventsV1.map((event) => route(event, ['booking'], 'notifications')),
  route(paymentRefundRefusedV1, ['booking'], 'notifications'),
  ...consultationEventsV1.map((event) => route(event, ['consultations'], 'notifications')),
  // The requester is told each step; the duty consultant, the coordinators and the head as the case needs.
  ...teleconsultationEventsV1.map((event) => route(event, ['teleconsultations'], 'notifications')),
  route(crisisDetectedV1, ['triage', 'chatbot'], 'escalations'),
  // An emergency teleconsultation pages its centre's consultants on call up a ladder it names.
  route(escalationRequestedV1, ['teleconsultations'], 'escalations'),
  route(readingsRecordedV1, ['readings'], 'readings-alerts'),
  route(alertRaisedV1, ['readings'], 'escalations'),
  ...rehabEventsV1.map((event) => route(event, ['rehabilitation'], 'rehabilitation')),
];

/** Every event type the system knows. Nothing crosses a queue without an entry here. */
export const catalog: EventDefinition[] = registry.map((entry) => entry.event);
