import { defineTables, type TablesOf } from '../../storage/catalog';
import { int, json, optional, text, timestamp } from '../../storage/columns';

/** A patient's record: documents, whom each is shared with, structured lab results. Keyed by patient. */
export const recordsTables = defineTables({
  record_documents: {
    columns: {
      patient_id: text,
      id: text,
      clinic_id: text,
      kind: text,
      /** Sealed: a title may name a condition. */
      title: json,
      status: text,
      rejection: optional(text),
      content_type: optional(text),
      bytes: optional(int),
      source: text,
      source_id: optional(text),
      document_date: timestamp,
      created_by: text,
      created_by_role: text,
      created_at: timestamp,
      updated_at: timestamp,
    },
    primaryKey: ['patient_id', 'id'],
  },
  record_shares: {
    columns: {
      patient_id: text,
      document_id: text,
      grantee: text,
      grantee_kind: text,
      clinic_id: text,
      doctor_id: optional(text),
      granted_at: timestamp,
    },
    primaryKey: ['patient_id', 'document_id', 'grantee'],
  },
  record_observations: {
    columns: {
      patient_id: text,
      id: text,
      document_id: optional(text),
      clinic_id: text,
      /** Sealed: the analyte, value, range and flag are health data. */
      content: json,
      effective_at: timestamp,
      recorded_by: text,
      recorded_at: timestamp,
    },
    primaryKey: ['patient_id', 'id'],
  },
});

declare module '../../storage/catalog' {
  interface TableCatalog extends TablesOf<typeof recordsTables> {}
}
