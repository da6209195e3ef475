import type { Store } from '../../../platform/store';
import type { ChannelName } from '../channel-policy';
import type { Channel, OutgoingMessage } from './port';

/**
 * The local cloud's channels: every message is written to `captured_messages`, where a
 * developer reads it at GET /v1/dev/outbox, instead of leaving the machine. It is written in a
 * transaction of its own, after the one that decided it, as a real channel would send it.
 */
export function captureChannel(name: ChannelName, store: Store): Channel {
  return {
    name,
    send: (message: OutgoingMessage) =>
      store.transaction((r) =>
        r.capturedMessages.add({
          channel: name,
          address: message.address,
          subject: message.subject,
          body: message.text,
        }),
      ),
  };
}
