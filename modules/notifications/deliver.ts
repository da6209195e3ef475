import { DateTime } from 'luxon';
import { claimEffect, defineEffect } from '../../platform/effects';
import type { Repositories } from '../../platform/store';
import { hasWithdrawn } from '../consents';
import { type ChannelName, channelAllows } from './channel-policy';
import { PermanentFailure } from './channels/port';
import { channelsFor } from './channels/select';
import type { Intent } from './decisions';
import { messageTemplates, render } from './message-templates';
import { quietUntil } from './quiet-hours';
import { groupOf } from './repositories/group-contacts';
import type { NotificationContact } from './repositories/notification-contacts';
import { sentWithoutNotificationConsent } from './without-consent';

export interface Delivery extends Intent {
  tenantId: string;
  sourceEventId: string;
}

export interface DeliveryContext {
  now: number;
  /** Messages per recipient per hour; critical ones are not counted against it. */
  hourlyLimit: number;
}

/** A message to send after commit: its record, and the channels to try in order. */
interface Sending {
  notificationId: string;
  routes: { channel: ChannelName; address: string }[];
  message: { subject: string; text: string };
}

type Sent =
  | { status: 'sent'; channel: ChannelName; failed: ChannelName[] }
  | { status: 'undeliverable'; failed: ChannelName[] };

/**
 * Sending one message, after the transaction that decided it committed: the channels in order,
 * the next one after a permanent failure. A transient failure is thrown and the send stays
 * pending (platform/effects.ts); its record says `queued` until the outcome is known.
 */
export const notificationSending = defineEffect<Sending, Sent>({
  kind: 'notification',
  perform: async ({ routes, message }, { store }) => {
    const channels = await channelsFor(store);
    const failed: ChannelName[] = [];
    for (const { channel: name, address } of routes) {
      const channel = channels[name];
      if (!channel) continue;
      try {
        await channel.send({ address, ...message });
        return { status: 'sent', channel: name, failed };
      } catch (error) {
        if (!(error instanceof PermanentFailure)) throw error;
        failed.push(name);
      }
    }
    return { status: 'undeliverable', failed };
  },
  settle: async (repos, { notificationId }, outcome) => {
    await repos.notifications.settle(
      notificationId,
      outcome.status,
      outcome.status === 'sent' ? outcome.channel : '-',
      outcome.failed,
    );
  },
});

const formats: Record<string, { ru: string; en: string }> = {
  video: { ru: 'видео', en: 'video' },
  chat: { ru: 'чат', en: 'chat' },
  async: { ru: 'переписка', en: 'messages' },
};

/**
 * Decides one notification, inside the caller's transaction: the recipient's consented
 * channels in their order, skipping those the channel policy forbids for this template and
 * those without an address. Quiet hours defer it and the hourly limit drops it, unless it is
 * critical. Every outcome is recorded; one to send is recorded `queued` and claimed as an
 * effect (keyed by recipient and template within the transaction's source), sent after commit
 * by `notificationSending`, which then records `sent` or the failures.
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
  // A patient who withdrew the notifications consent gets only what keeps them safe.
  if (
    !sentWithoutNotificationConsent.has(delivery.template) &&
    (await hasWithdrawn(repos, delivery.recipientId, 'notifications'))
  )
    return record('withdrawn');
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
  const routes = contact.channels.flatMap((channel) => {
    const address = addressOn(channel, contact);
    return address && channelAllows(channel, template) ? [{ channel, address }] : [];
  });
  if (!routes.length) return record('undeliverable');
  const notificationId = crypto.randomUUID();
  const claimed = await claimEffect(repos, notificationSending, {
    key: `${delivery.recipientId}:${delivery.template}`,
    payload: { notificationId, routes, message: { subject: message.subject, text: message.text } },
  });
  // Claimed already in this source: the same message, decided once.
  if (!claimed) return 'queued';
  await repos.notifications.record({
    ...recordOf(delivery),
    id: notificationId,
    channel: '-',
    status: 'queued',
  });
  return 'queued';
}

function recordOf(delivery: Delivery) {
  return {
    tenantId: delivery.tenantId,
    recipientId: delivery.recipientId,
    template: delivery.template,
    sourceEventId: delivery.sourceEventId,
  };
}

/**
 * A clinic's group (`duty:<clinic>`, `clinic_admin:<clinic>`) from the contacts its admin keeps,
 * never from personal settings, whatever subject saved them; a person's own settings, or for a
 * patient who has none, SMS to the phone on their record, times in the zone they booked in
 * (Moscow only when nothing says otherwise).
 */
async function contactOf(
  repos: Repositories,
  recipientId: string,
  bookedIn: string | undefined,
): Promise<NotificationContact | undefined> {
  const group = groupOf(recipientId);
  if (group) {
    const contact = await repos.groupContacts.get(group.tenantId, group.group);
    return contact
      ? {
          userId: recipientId,
          ...contact,
          pushEndpoint: null,
          language: 'ru',
          timeZone: 'Europe/Moscow',
          quietHours: null,
        }
      : undefined;
  }
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
