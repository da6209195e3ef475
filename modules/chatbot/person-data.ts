import type { PersonDataSection } from '../../platform/person-data';

/**
 * What the bot holds about a patient who came through Telegram: the link to their Telegram
 * account (language, zone, phone, payer), the dialogue in progress, the replies queued, and every
 * consent they gave. An erasure removes all but the consents, which prove the processing was lawful.
 */
export const chatbotPersonData: PersonDataSection = {
  name: 'chatbot',
  async *gather(patientId, read) {
    const found = await read(async (r) => {
      const link = await r.chatbot.linkOf(patientId);
      if (!link) return undefined;
      return {
        link,
        conversation: await r.chatbot.conversation(link.telegramUserId),
        consents: await r.chatbot.consents(link.telegramUserId),
      };
    });
    if (!found) return;
    const { link, conversation, consents } = found;
    const subject = { reference: `Patient/${patientId}` };
    yield {
      resource: {
        resourceType: 'Basic',
        id: `chatbot-${link.telegramUserId}`,
        code: { text: 'chatbot state' },
        subject,
        created: new Date(link.consentedAt).toISOString(),
        extension: [
          { url: 'urn:telemed:telegram-user', valueString: link.telegramUserId },
          { url: 'urn:telemed:language', valueCode: link.language },
          { url: 'urn:telemed:time-zone', valueString: link.timeZone },
          ...(link.phone ? [{ url: 'urn:telemed:phone', valueString: link.phone }] : []),
          ...(link.payer ? [{ url: 'urn:telemed:payer', valueString: JSON.stringify(link.payer) }] : []),
          ...(conversation === undefined
            ? []
            : [{ url: 'urn:telemed:conversation', valueString: JSON.stringify(conversation) }]),
        ],
      },
    };
    for (const consent of consents)
      yield {
        resource: {
          resourceType: 'Consent',
          id: `chatbot-consent-${link.telegramUserId}-${consent.version}`.replace(/[^A-Za-z0-9.-]/g, '-'),
          status: 'active',
          scope: {
            coding: [
              { system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' },
            ],
          },
          category: [{ text: 'personal data processing (152-FZ)' }],
          patient: subject,
          dateTime: new Date(consent.givenAt).toISOString(),
          policyRule: { text: `chatbot consent text ${consent.version}` },
        },
      };
  },
  erases: {
    what: {
      ru: 'состояние чат-бота: привязка к Telegram, незавершённый диалог и очередь ответов',
      en: 'the chatbot state: the Telegram link, the dialogue in progress and queued replies',
    },
    async erase(r, patientId) {
      const link = await r.chatbot.linkOf(patientId);
      return link ? r.chatbot.forget(link.telegramUserId) : 0;
    },
  },
  keeps: {
    what: { ru: 'записи о согласиях, данных в чат-боте', en: 'records of consents given in the chatbot' },
    basis: {
      ru: '152-ФЗ ст. 9 ч. 3: обязанность доказать получение согласия лежит на операторе',
      en: '152-FZ art. 9 part 3: the operator must prove the consent was obtained',
    },
  },
};
