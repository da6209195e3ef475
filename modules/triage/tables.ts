import { defineTables, type TablesOf } from '../../storage/catalog';
import { json, optional, text, timestamp } from '../../storage/columns';

/** A doctor's final word on a triage decision: the review set that tells how good the rules are. */
export const triageTables = defineTables({
  triage_reviews: {
    columns: {
      triage_id: { type: 'text' },
      tenant_id: { type: 'text' },
      reviewer_id: { type: 'text' },
      rule_set_version: { type: 'text' },
      system_disposition: { type: 'text' },
      final_disposition: { type: 'text' },
      final_specialty: { type: 'text', nullable: true },
      /** Health data (the doctor's reasoning): sealed. */
      note: { type: 'json', nullable: true },
      reviewed_at: { type: 'timestamp' },
    },
    primaryKey: ['triage_id'],
    indexes: { reviews_by_tenant: { columns: ['tenant_id', 'reviewed_at'] } },
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
});

declare module '../../storage/catalog' {
  interface TableCatalog extends TablesOf<typeof triageTables> {}
}
