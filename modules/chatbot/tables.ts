import { defineTables, type TablesOf } from '../../storage/catalog';
import { int, json, optional, text, timestamp } from '../../storage/columns';

export const chatbotTables = defineTables({
  /** One row per Telegram update id: a retried delivery finds it and has no second effect. */
  chatbot_updates: {
    columns: { update_id: int, outcome: text, received_at: timestamp, expires_at: timestamp },
    primaryKey: ['update_id'],
    expiresAt: 'expires_at',
  },
  /** A Telegram user who consented: the patient id the bot books for, language, zone, payer. */
  chatbot_patients: {
    columns: {
      telegram_user_id: text,
      patient_id: text,
      language: text,
      time_zone: text,
      phone: optional(text),
      payer: optional(json),
      consent_version: text,
      consented_at: timestamp,
      created_at: timestamp,
      updated_at: timestamp,
    },
    primaryKey: ['telegram_user_id'],
    indexes: { chatbot_patients_by_patient: { columns: ['patient_id'], unique: true } },
  },
  /** Every consent to personal data processing (152-FZ), by text version: append-only. */
  chatbot_consents: {
    columns: { telegram_user_id: text, version: text, language: text, given_at: timestamp },
    primaryKey: ['telegram_user_id', 'version'],
  },
  /** Where a chat is in the dialogue; sealed (it holds the complaint), gone after a quiet while. */
  chatbot_conversations: {
    columns: { chat_id: text, state: json, updated_at: timestamp, expires_at: timestamp },
    primaryKey: ['chat_id'],
    expiresAt: 'expires_at',
  },
  /**
   * Bot API calls an update produced, committed with its effects and delivered after commit
   * (again on a retried delivery until sent). Never health data beyond what the patient wrote.
   */
  chatbot_outbox: {
    columns: {
      update_id: int,
      seq: int,
      chat_id: optional(text),
      method: text,
      payload: json,
      status: text,
      transport: optional(text),
      created_at: timestamp,
      sent_at: optional(timestamp),
      expires_at: timestamp,
    },
    primaryKey: ['update_id', 'seq'],
    indexes: { chatbot_outbox_by_chat: { columns: ['chat_id', 'update_id', 'seq'] } },
    expiresAt: 'expires_at',
  },
});

declare module '../../storage/catalog' {
  interface TableCatalog extends TablesOf<typeof chatbotTables> {}
}
