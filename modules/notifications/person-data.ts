import type { PersonDataSection } from '../../platform/person-data';

/**
 * What notifications hold about a person: their contacts and channel choices, and the log of
 * messages sent (template and channel, never the text). Both go on an erasure request: the law
 * keeps neither, and a patient who wants no more messages needs no address kept.
 */
export const notificationsPersonData: PersonDataSection = {
  name: 'notifications',
  async *gather(patientId, read) {
    const { contact, sent } = await read(async (r) => ({
      contact: await r.notificationContacts.get(patientId),
      sent: await r.notifications.forRecipient(patientId),
    }));
    if (contact)
      yield {
        resource: {
          resourceType: 'Basic',
          id: `notification-contacts-${patientId}`,
          code: { text: 'notification contacts' },
          subject: { reference: `Patient/${patientId}` },
          extension: [
            ...(contact.phone ? [{ url: 'urn:telemed:phone', valueString: contact.phone }] : []),
            ...(contact.email ? [{ url: 'urn:telemed:email', valueString: contact.email }] : []),
            ...(contact.telegramChatId
              ? [{ url: 'urn:telemed:telegram-chat', valueString: contact.telegramChatId }]
              : []),
            ...(contact.pushEndpoint
              ? [{ url: 'urn:telemed:push-endpoint', valueString: contact.pushEndpoint }]
              : []),
            { url: 'urn:telemed:channels', valueString: contact.channels.join(',') },
            { url: 'urn:telemed:language', valueCode: contact.language },
            { url: 'urn:telemed:time-zone', valueString: contact.timeZone },
          ],
        },
      };
    for (const message of sent)
      yield {
        resource: {
          resourceType: 'Communication',
          id: `notification-${message.id}`,
          status: message.status === 'failed' ? 'not-done' : 'completed',
          recipient: [{ reference: `Patient/${patientId}` }],
          sent: message.createdAt,
          medium: [{ text: message.channel }],
          topic: { text: message.template },
        },
      };
  },
  erases: {
    what: {
      ru: 'контакты для уведомлений (телефон, почта, Telegram, push) и журнал отправленных уведомлений',
      en: 'notification contacts (phone, email, Telegram, push) and the log of notifications sent',
    },
    async erase(r, patientId) {
      const contacts = (await r.notificationContacts.remove(patientId)) ? 1 : 0;
      return contacts + (await r.notifications.forget(patientId));
    },
  },
};
