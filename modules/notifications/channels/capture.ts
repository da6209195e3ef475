import type { ChannelName } from '../channel-policy';
import type { CapturedMessages } from '../repositories/captured-messages';
import type { Channel, OutgoingMessage } from './port';

/**
 * The local cloud's channels: every message is written to `captured_messages`, where a
 * developer reads it at GET /v1/dev/outbox, instead of leaving the machine.
 */
export function captureChannel(name: ChannelName, captured: CapturedMessages): Channel {
  return {
    name,
    send: (message: OutgoingMessage) =>
      captured.add({ channel: name, address: message.address, subject: message.subject, body: message.text }),
  };
}
