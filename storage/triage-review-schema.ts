import type { TableDef } from './schema';

/** A doctor's final word on a triage decision: the review set that tells how good the rules are. */
export const triageReviewTables = {
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
} satisfies Record<string, TableDef>;
