import { envelopeSchema } from './envelope';
import type { EventRoute } from './registry';

/** A consumer as deployed: the queue its function's trigger reads and the types it accepts. */
export interface DeployedConsumer {
  name: string;
  queue: string;
  accepts: string[];
}

/**
 * What is wrong between the registry and the consumers as deployed: an event that reaches no
 * consumer accepting it (it would be dead-lettered), a consumer accepting a type the registry
 * does not route to it, a type the envelope would refuse. Empty when all is well.
 */
export function registryProblems(registry: EventRoute[], consumers: DeployedConsumer[]): string[] {
  const problems: string[] = [];
  const types = new Set<string>();
  for (const { event, consumers: named } of registry) {
    if (types.has(event.type)) problems.push(`${event.type}: listed twice`);
    types.add(event.type);
    const typePattern = envelopeSchema.shape.type;
    if (!typePattern.safeParse(event.type).success)
      problems.push(`${event.type}: the envelope refuses this type`);
    if (named.length === 0) problems.push(`${event.type}: no consumer named`);
    for (const name of named) {
      const consumer = consumers.find((c) => c.name === name);
      if (!consumer) problems.push(`${event.type}: consumer ${name} is not deployed`);
      else if (consumer.queue !== event.queue)
        problems.push(`${event.type}: published to ${event.queue}, but ${name} reads ${consumer.queue}`);
      else if (!consumer.accepts.includes(event.type))
        problems.push(
          `${event.type}: ${name} reads ${event.queue} but does not accept it (it would be dead-lettered)`,
        );
    }
    // Consumers of one queue compete for its messages: any of them may get this one.
    for (const other of consumers.filter((c) => c.queue === event.queue && !named.includes(c.name)))
      problems.push(`${event.type}: ${other.name} reads ${event.queue} but is not named as its consumer`);
  }
  for (const consumer of consumers) {
    for (const type of consumer.accepts) {
      const entry = registry.find((r) => r.event.type === type);
      if (!entry) problems.push(`${consumer.name} accepts ${type}, which nobody publishes`);
      else if (!entry.consumers.includes(consumer.name))
        problems.push(`${consumer.name} accepts ${type}, but the registry does not route it there`);
    }
  }
  return problems;
}
