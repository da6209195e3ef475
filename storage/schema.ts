/**
 * The table catalog both adapters implement. Repositories talk to tables through the
 * `Tables` port using these names and column types; each adapter's migrations create
 * them (storage/sqlite/migrations, storage/ydb/migrations) and a contract test checks
 * the migrated schema against this catalog.
 *
 * Value types in rows: text → string, int → number, bool → boolean,
 * json → any JSON value, timestamp → epoch milliseconds (UTC).
 */
import { bookingTables } from './booking-schema';
import { chatbotTables } from './chatbot-schema';
import { int, json, optional, text, timestamp } from './columns';
import { consultationTables } from './consultation-schema';
import { escalationTables } from './escalation-schema';
import { notificationTables } from './notification-schema';
import { readingsTables } from './readings-schema';
import { sponsorTables } from './sponsor-schema';
import { triageReviewTables } from './triage-review-schema';

export type ColumnType = 'text' | 'int' | 'bool' | 'json' | 'timestamp';

export interface ColumnDef {
  type: ColumnType;
  nullable?: boolean;
}

export interface TableDef {
  columns: Record<string, ColumnDef>;
  primaryKey: string[];
  /** Secondary indexes; `unique` ones surface a duplicate as `UniqueConflict`. */
  indexes?: Record<string, { columns: string[]; unique?: boolean }>;
  /** A timestamp column after which the row is gone: YDB TTL, SQLite sweep, and never read. */
  expiresAt?: string;
}

export const tables = {
  patients: {
    columns: {
      id: text,
      clinic_id: text,
      full_name: text,
      phone: text,
      birth_date: optional(text),
      medical_notes: optional(json),
      created_at: timestamp,
      updated_at: timestamp,
    },
    primaryKey: ['id'],
    indexes: {
      patients_by_clinic: { columns: ['clinic_id', 'created_at'] },
      patients_clinic_phone: { columns: ['clinic_id', 'phone'], unique: true },
    },
  },
  outbox: {
    columns: {
      id: text,
      created_at: timestamp,
      seq: int,
      queue: text,
      event_id: text,
      event_type: text,
      body: text,
      sent_at: optional(timestamp),
      expires_at: optional(timestamp),
    },
    primaryKey: ['id'],
    indexes: { outbox_by_created: { columns: ['created_at', 'seq'] } },
    expiresAt: 'expires_at',
  },
  processed_events: {
    columns: { consumer: text, event_id: text, processed_at: timestamp, expires_at: timestamp },
    primaryKey: ['consumer', 'event_id'],
    expiresAt: 'expires_at',
  },
  idempotency_keys: {
    columns: {
      scope: text,
      key: text,
      request_hash: text,
      state: text,
      response: optional(json),
      created_at: timestamp,
      expires_at: timestamp,
    },
    primaryKey: ['scope', 'key'],
    expiresAt: 'expires_at',
  },
  audit_log: {
    columns: {
      tenant_id: text,
      id: text,
      at: timestamp,
      actor: text,
      actor_role: text,
      action: text,
      resource_type: text,
      resource_id: text,
      route: text,
      request_id: text,
    },
    primaryKey: ['tenant_id', 'id'],
    indexes: { audit_by_resource: { columns: ['resource_id', 'at'] } },
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
  /** Every triage decision with its rule-set version; inputs and outcome sealed (health data). */
  triage_decisions: {
    columns: {
      id: text,
      tenant_id: text,
      patient_id: optional(text),
      kind: text,
      rule_set_version: text,
      disposition: text,
      inputs: json,
      outcome: json,
      created_at: timestamp,
    },
    primaryKey: ['id'],
    indexes: { triage_by_patient: { columns: ['patient_id', 'created_at'] } },
  },
  ...bookingTables,
  ...chatbotTables,
  ...consultationTables,
  ...triageReviewTables,
  ...notificationTables,
  ...escalationTables,
  ...sponsorTables,
  ...readingsTables,
} satisfies Record<string, TableDef>;

export type TableName = keyof typeof tables;
