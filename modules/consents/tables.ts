import { defineTables, type TablesOf } from '../../storage/catalog';
import { json, optional, text, timestamp } from '../../storage/columns';

/**
 * Every consent given or withdrawn, per patient: append-only (a withdrawal is a new row, never an
 * update), so the history proves what was agreed to, when and how. Retention is set elsewhere.
 */
export const consentsTables = defineTables({
  consent_records: {
    columns: {
      patient_id: text,
      id: text,
      purpose: text,
      recipient: optional(text),
      action: text,
      version: text,
      text_hash: optional(text),
      language: optional(text),
      channel: text,
      evidence: json,
      recorded_by: text,
      recorded_by_role: text,
      recorded_at: timestamp,
    },
    primaryKey: ['patient_id', 'id'],
  },
});

declare module '../../storage/catalog' {
  interface TableCatalog extends TablesOf<typeof consentsTables> {}
}
