import type { MessageTemplate } from './message-templates';

export type ChannelName = 'sms' | 'email' | 'telegram' | 'push';

/**
 * Where each channel's servers are. Telegram and mobile push (FCM/APNs) run abroad; SMS
 * passes through carriers in plain text. None of them may carry health data. Email goes
 * through Postbox in ru-central1.
 */
const mayCarryHealthData: Record<ChannelName, boolean> = {
  sms: false,
  telegram: false,
  push: false,
  email: true,
};

export function channelAllows(channel: ChannelName, template: MessageTemplate): boolean {
  return !template.healthData || mayCarryHealthData[channel];
}
