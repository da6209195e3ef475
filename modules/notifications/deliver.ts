import { DateTime } from 'luxon';
import type { Repositories } from '../../platform/store';
import { type ChannelName, channelAllows } from './channel-policy';
import type { Channel } from './channels/port';
import { PermanentFailure } from './channels/port';
import type { Intent } from './decisions';
import { messageTemplates, render } from './message-templates';
import { quietUntil } from './quiet-hours';
import type { NotificationContact } from './repositories/notification-contacts';

export interface Delivery extends Intent {
  tenantId: string;
  sourceEventId: string;
}

export interface DeliveryContext {
  now: number;
  channels: Partial<Record<ChannelName, Channel>>;
  /** Messages per recipient per hour; critical ones are not counted against it. */
  hourlyLimit: number;
}

const formats: Record<string, { ru: string; en: string }> = {
  video: { ru: 'видео', en: 'video' },
  chat: { ru: 'чат', en: 'chat' },
  async: { ru: 'переписка', en: 'messages' },
};

/**
 * Sends one notification: the recipient's consented channels in their order, skipping
 * those the channel policy forbids for this template and those without an address,
 * falling back on a permanent failure. Quiet hours defer it and the hourly limit drops it,
 * unless it is critical. Every outcome is recorded. A transient failure is thrown, so the
 * queue consumer retries the event with backoff.
 */
export async function deliver(
  repos: Repositories,
  delivery: Delivery,
  context: DeliveryContext,
): Promise<string> {
  const template = messageTemplates[delivery.template];
  const record = async (
    status: Parameters<Repositories['notifications']['record']>[0]['status'],
    channel = '-',
  ) => {
    await repos.notifications.record({
      tenantId: delivery.tenantId,
      recipientId: delivery.recipientId,
      template: delivery.template,
      channel,
      status,
      sourceEventId: delivery.sourceEventId,
    });
    return status;
  };
  // A template nobody wrote cannot be sent on a retry either.
  if (!template) return record('undeliverable');
  const contact = await contactOf(repos, delivery.recipientId, delivery.variables.zone);
  if (!contact) return record('no_contact');
  if (!template.critical) {
    const until = quietUntil(contact, context.now);
    if (until !== undefined) {
      await repos.deferredNotifications.add({ ...delivery, sendAfter: until });
      return record('deferred');
    }
    const sent = await repos.notifications.countSince(delivery.recipientId, context.now - 3_600_000);
    if (sent >= context.hourlyLimit) return record('rate_limited');
  }
  const message = render(template, contact.language, display(delivery.variables, contact));
  for (const name of contact.channels) {
    const channel = context.channels[name];
    const address = addressOn(name, contact);
    if (!channel || !address || !channelAllows(name, template)) continue;
    try {
      await channel.send({ address, ...message });
      return record('sent', name);
    } catch (error) {
      if (!(error instanceof PermanentFailure)) throw error;
      await record('failed', name);
    }
  }
  return record('undeliverable');
}

/**
 * The recipient's own settings, or for a patient who has none, SMS to the phone on their record,
 * times in the zone they booked in (Moscow only when nothing says otherwise).
 */
async function contactOf(
  repos: Repositories,
  recipientId: string,
  bookedIn: string | undefined,
): Promise<NotificationContact | undefined> {
  const saved = await repos.notificationContacts.get(recipientId);
  if (saved) return saved;
  const phone = await repos.patients.phoneOf(recipientId);
  if (!phone) return undefined;
  return {
    userId: recipientId,
    phone,
    email: null,
    telegramChatId: null,
    pushEndpoint: null,
    language: 'ru',
    timeZone: bookedIn ?? 'Europe/Moscow',
    quietHours: null,
    channels: ['sms'],
  };
}

function addressOn(channel: ChannelName, contact: NotificationContact): string | null {
  if (channel === 'sms') return contact.phone;
  if (channel === 'email') return contact.email;
  if (channel === 'telegram') return contact.telegramChatId;
  if (channel === 'push') return contact.pushEndpoint;
  return null;
}

/** Times in the recipient's zone and language, formats in words; other variables as they are. */
function display(variables: Record<string, string>, contact: NotificationContact): Record<string, string> {
  const shown: Record<string, string> = { ...variables };
  if (variables.at) {
    shown.time = DateTime.fromISO(variables.at, { zone: contact.timeZone })
      .setLocale(contact.language)
      .toFormat(contact.language === 'ru' ? "d MMMM, HH:mm '('ZZZZ')'" : "MMMM d, HH:mm '('ZZZZ')'");
  }
  if (variables.format) shown.format = formats[variables.format]?.[contact.language] ?? variables.format;
  return shown;
}
