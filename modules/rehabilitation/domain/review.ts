/** Why a patient is in the clinician's review queue. */
export type ReviewReason = 'safety_stop' | 'adherence_drop' | 'worsening';

export interface ReviewItem {
  id: string;
  clinicId: string;
  doctorId: string;
  patientId: string;
  planId: string;
  reason: ReviewReason;
  /** Codes and numbers only (a stop reason, a week, a measure): what to look at, not a diagnosis. */
  detail: Record<string, unknown>;
  createdAt: number;
  resolvedAt: number | null;
}
