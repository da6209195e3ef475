/** What a patient asked for. */
export type RequestKind = 'export' | 'erasure';

export type ExportStatus = 'pending' | 'building' | 'ready' | 'failed' | 'expired';
export type ErasureStatus = 'pending' | 'done' | 'refused';

/** One line of an erasure's record: a section's data removed, or kept and the law that keeps it. */
export interface ErasureLine {
  section: string;
  outcome: 'erased' | 'kept';
  what: { ru: string; en: string };
  /** Rows removed (erased lines). */
  count?: number;
  /** Why it was kept (kept lines). */
  basis?: { ru: string; en: string };
}

export interface DataRequest {
  id: string;
  patientId: string;
  clinicId: string | null;
  kind: RequestKind;
  status: ExportStatus | ErasureStatus;
  requestedAt: number;
  dueAt: number;
  leaseUntil: number | null;
  decidedAt: number | null;
  decidedByRole: string | null;
  objectKey: string | null;
  bytes: number | null;
  outcome: unknown;
  fileExpiresAt: number | null;
}
