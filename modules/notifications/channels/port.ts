import type { ChannelName } from '../channel-policy';

export interface OutgoingMessage {
  address: string;
  subject: string;
  text: string;
}

/** A channel that will never take this message (bad number, unsubscribed): try the next one. */
export class PermanentFailure extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PermanentFailure';
  }
}

/**
 * A delivery channel. A transient failure is thrown as any other error, so the queue
 * consumer retries the event later with backoff.
 */
export interface Channel {
  name: ChannelName;
  send(message: OutgoingMessage): Promise<void>;
}
