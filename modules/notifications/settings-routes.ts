import { httpRoute } from '../../platform/http';
import { operations } from '../../platform/operations';
import { getServices } from '../../platform/services';
import { settingsBody } from './settings-schemas';

const allRoles = ['patient', 'doctor', 'clinic_admin', 'insurer', 'hr', 'service'] as const;

/** The caller's own channels, addresses, consent, language, zone and quiet hours. */
const getSettings = httpRoute({
  route: 'GET /v1/me/notification-settings',
  auth: allRoles,
  handle: async ({ caller }) => {
    const { store } = await getServices();
    const contact = await store.transaction((r) => r.notificationContacts.get(caller.subject), {
      readOnly: true,
    });
    return {
      status: 200,
      body: contact ?? {
        userId: caller.subject,
        phone: null,
        email: null,
        telegramChatId: null,
        pushEndpoint: null,
        language: 'ru',
        timeZone: 'Europe/Moscow',
        quietHours: null,
        channels: [],
      },
    };
  },
});

const putSettings = httpRoute({
  route: 'PUT /v1/me/notification-settings',
  auth: allRoles,
  body: settingsBody,
  handle: async ({ caller, body }) => {
    const { store } = await getServices();
    const contact = { userId: caller.subject, ...body };
    await store.transaction((r) => r.notificationContacts.save(contact));
    return { status: 200, body: contact };
  },
});

export const notificationSettingsApi = operations({
  getNotificationSettings: getSettings,
  putNotificationSettings: putSettings,
});
