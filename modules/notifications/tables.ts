import { defineTables, type TablesOf } from '../../storage/catalog';
import { json, optional, text, timestamp } from '../../storage/columns';

/** Notification contacts and preferences, deferred messages, and the local capture of sent ones. */
export const notificationsTables = defineTables({
  notification_contacts: {
    columns: {
      user_id: text,
      phone: optional(text),
      email: optional(text),
      telegram_chat_id: optional(text),
      /** The CNS platform endpoint (ARN) of the user's app, for mobile push. */
      push_endpoint: optional(text),
      language: text,
      time_zone: text,
      /** Wall-clock HH:MM in the user's zone; null when the user keeps no quiet hours. */
      quiet_from: optional(text),
      quiet_to: optional(text),
      /** The channels the user consented to, in the order to try them. */
      channels: json,
      updated_at: timestamp,
    },
    primaryKey: ['user_id'],
  },
  /**
   * How a clinic's groups (its on-call clinician, its admins) are reached: a key space of its own,
   * apart from personal settings keyed by a token's subject (issue 19).
   */
  group_contacts: {
    columns: {
      tenant_id: text,
      /** `duty` or `clinic_admin`. */
      contact_group: text,
      phone: optional(text),
      email: optional(text),
      telegram_chat_id: optional(text),
      channels: json,
      updated_at: timestamp,
    },
    primaryKey: ['tenant_id', 'contact_group'],
  },
  deferred_notifications: {
    columns: {
      id: text,
      tenant_id: text,
      recipient_id: text,
      template: text,
      variables: json,
      source_event_id: text,
      send_after: timestamp,
    },
    primaryKey: ['id'],
    indexes: { deferred_by_time: { columns: ['send_after'] } },
  },
  /** Local cloud only: every message a channel would have sent (GET /v1/dev/outbox). */
  captured_messages: {
    columns: {
      id: text,
      channel: text,
      address: text,
      subject: optional(text),
      body: text,
      sent_at: timestamp,
    },
    primaryKey: ['id'],
  },
  notifications: {
    columns: {
      id: text,
      tenant_id: text,
      recipient_id: text,
      template: text,
      channel: text,
      status: text,
      source_event_id: text,
      created_at: timestamp,
    },
    primaryKey: ['id'],
    indexes: { notifications_by_recipient: { columns: ['recipient_id', 'created_at'] } },
  },
});

declare module '../../storage/catalog' {
  interface TableCatalog extends TablesOf<typeof notificationsTables> {}
}
