import { defineTables, type TablesOf } from '../storage/catalog';
import { int, json, optional, text, timestamp } from '../storage/columns';

/**
 * The runtime kit's own tables: the outbox, consumers' dedupe records, effects claimed for after
 * commit, idempotency keys, the audit log.
 */
export const platformTables = defineTables({
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
  /** Effects outside the database, claimed in a transaction and performed after it committed (platform/effects.ts). */
  effects: {
    columns: {
      source: text,
      key: text,
      kind: text,
      payload: json,
      /** pending until performed (or refused for good), then done. */
      state: text,
      /** Who performs it holds it until then; after that, whoever finds it pending may take it over. */
      lease_until: optional(timestamp),
      outcome: optional(json),
      created_at: timestamp,
      expires_at: timestamp,
    },
    primaryKey: ['source', 'key'],
    indexes: { effects_pending: { columns: ['state', 'created_at'] } },
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
      /** The patient the record is about (migration 056); null where none is, or before 056. */
      subject_id: optional(text),
      route: text,
      request_id: text,
    },
    primaryKey: ['tenant_id', 'id'],
    indexes: {
      audit_by_resource: { columns: ['resource_id', 'at'] },
      audit_by_subject: { columns: ['subject_id', 'at'] },
    },
  },
  /** Outbox entries a queue refused, set aside with the reason so the others keep flowing. */
  outbox_quarantine: {
    columns: {
      event_id: text,
      queue: text,
      event_type: text,
      body: text,
      reason: text,
      quarantined_at: timestamp,
    },
    primaryKey: ['event_id'],
  },
});

declare module '../storage/catalog' {
  interface TableCatalog extends TablesOf<typeof platformTables> {}
}
