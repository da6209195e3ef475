import type { FieldCipher } from '../../../platform/crypto/field-cipher';
import { UniqueConflict } from '../../../storage/errors';
import type { Tables } from '../../../storage/port';

export interface TriageReview {
  triageId: string;
  tenantId: string;
  reviewerId: string;
  ruleSetVersion: string;
  systemDisposition: string;
  finalDisposition: string;
  finalSpecialty: string | null;
  note: string | null;
}

export interface AgreementRow {
  ruleSetVersion: string;
  systemDisposition: string;
  finalDisposition: string;
  count: number;
}

export class TriageReviews {
  constructor(
    private readonly tables: Tables,
    private readonly cipher: FieldCipher,
    private readonly now: () => number,
  ) {}

  /** Records the review; false when the decision already has one. */
  async record(review: TriageReview): Promise<boolean> {
    try {
      await this.tables.insert('triage_reviews', {
        triage_id: review.triageId,
        tenant_id: review.tenantId,
        reviewer_id: review.reviewerId,
        rule_set_version: review.ruleSetVersion,
        system_disposition: review.systemDisposition,
        final_disposition: review.finalDisposition,
        final_specialty: review.finalSpecialty,
        note:
          review.note === null
            ? null
            : await this.cipher.seal(review.note, `triage_reviews/${review.triageId}/note`),
        reviewed_at: this.now(),
      });
      return true;
    } catch (error) {
      if (error instanceof UniqueConflict) return false;
      throw error;
    }
  }

  /** How often doctors agreed with the rules, per rule-set version: counts only, no patient data. */
  async agreement(tenantId: string, limit = 10_000): Promise<AgreementRow[]> {
    const rows = await this.tables.find('triage_reviews', { where: { tenant_id: tenantId }, limit });
    const counts = new Map<string, AgreementRow>();
    for (const row of rows) {
      const key = `${row.rule_set_version}|${row.system_disposition}|${row.final_disposition}`;
      const entry = counts.get(key) ?? {
        ruleSetVersion: String(row.rule_set_version),
        systemDisposition: String(row.system_disposition),
        finalDisposition: String(row.final_disposition),
        count: 0,
      };
      entry.count++;
      counts.set(key, entry);
    }
    return [...counts.values()].sort((a, b) => b.count - a.count);
  }
}
