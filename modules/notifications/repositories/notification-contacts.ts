import type { Row, Tables } from '../../../storage/port';
import type { ChannelName } from '../channel-policy';

export interface NotificationContact {
  userId: string;
  phone: string | null;
  email: string | null;
  telegramChatId: string | null;
  pushEndpoint: string | null;
  language: 'ru' | 'en';
  timeZone: string;
  quietHours: { from: string; to: string } | null;
  /** Consented channels, in the order to try them. */
  channels: ChannelName[];
}

export class NotificationContacts {
  constructor(
    private readonly tables: Tables,
    private readonly now: () => number,
  ) {}

  async get(userId: string): Promise<NotificationContact | undefined> {
    const row = await this.tables.get('notification_contacts', { user_id: userId });
    return row ? toContact(row) : undefined;
  }

  /** Erasure: the person's addresses and channel choices go; the next message finds no contact. */
  async remove(userId: string): Promise<boolean> {
    return this.tables.remove('notification_contacts', { user_id: userId });
  }

  async save(contact: NotificationContact): Promise<void> {
    await this.tables.upsert('notification_contacts', {
      user_id: contact.userId,
      phone: contact.phone,
      email: contact.email,
      telegram_chat_id: contact.telegramChatId,
      push_endpoint: contact.pushEndpoint,
      language: contact.language,
      time_zone: contact.timeZone,
      quiet_from: contact.quietHours?.from ?? null,
      quiet_to: contact.quietHours?.to ?? null,
      channels: contact.channels,
      updated_at: this.now(),
    });
  }
}

function toContact(row: Row): NotificationContact {
  return {
    userId: String(row.user_id),
    phone: row.phone === null ? null : String(row.phone),
    email: row.email === null ? null : String(row.email),
    telegramChatId: row.telegram_chat_id === null ? null : String(row.telegram_chat_id),
    pushEndpoint: row.push_endpoint === null ? null : String(row.push_endpoint),
    language: row.language === 'en' ? 'en' : 'ru',
    timeZone: String(row.time_zone),
    quietHours:
      row.quiet_from === null || row.quiet_to === null
        ? null
        : { from: String(row.quiet_from), to: String(row.quiet_to) },
    channels: row.channels as ChannelName[],
  };
}
