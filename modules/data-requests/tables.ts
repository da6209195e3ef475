import { defineTables, type TablesOf } from '../../storage/catalog';
import { int, json, optional, text, timestamp } from '../../storage/columns';

/**
 * A patient's data-subject requests: exports (built in the background into a bucket) and erasure
 * requests (decided by an operator), each with its statutory deadline and, once done, its outcome.
 */
export const dataRequestsTables = defineTables({
  data_requests: {
    columns: {
      id: text,
      patient_id: text,
      /** The clinic that keeps the patient's record, whose operator decides; null for app-only users. */
      clinic_id: optional(text),
      /** export | erasure */
      kind: text,
      /** export: pending → building → ready | failed → expired; erasure: pending → done | refused. */
      status: text,
      requested_at: timestamp,
      /** The statutory deadline (domain/deadlines.ts). */
      due_at: timestamp,
      /** An export being built is held by its builder until then; after that another may take it over. */
      lease_until: optional(timestamp),
      decided_at: optional(timestamp),
      /** The operator's role only: the patient reads who decided by role, never by name. */
      decided_by_role: optional(text),
      object_key: optional(text),
      bytes: optional(int),
      /** Export: counts per section; erasure: what was erased and what kept, and why. */
      outcome: optional(json),
      /** When the export's file leaves the bucket (retention), its link dying with it. */
      file_expires_at: optional(timestamp),
      updated_at: timestamp,
    },
    primaryKey: ['id'],
    indexes: {
      data_requests_by_patient: { columns: ['patient_id', 'requested_at'] },
      data_requests_by_status: { columns: ['kind', 'status', 'requested_at'] },
      data_requests_by_clinic: { columns: ['clinic_id', 'kind', 'status', 'requested_at'] },
    },
  },
});

declare module '../../storage/catalog' {
  interface TableCatalog extends TablesOf<typeof dataRequestsTables> {}
}
