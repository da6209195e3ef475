import { outboxRelayTimer } from '../../platform/messaging/relay-timer';
import { entryPoint } from '../../platform/runtime';

/** Timer (every minute): publishes committed events from the outbox, polling about every second. */
export const handler = entryPoint(outboxRelayTimer);
