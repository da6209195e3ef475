import type { DataRequest, ErasureLine } from './domain/request';

type Language = 'ru' | 'en';
const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** An export as its patient sees it; the link is added by the route once the file is ready. */
export function exportView(request: DataRequest, download?: { url: string; expiresAt: string }) {
  return {
    id: request.id,
    status: request.status,
    requestedAt: iso(request.requestedAt),
    dueAt: iso(request.dueAt),
    ...(request.status === 'ready'
      ? { bytes: request.bytes, contents: request.outcome, fileExpiresAt: iso(request.fileExpiresAt) }
      : {}),
    ...(download ? { downloadUrl: download.url, linkExpiresAt: download.expiresAt } : {}),
  };
}

/** An erasure request: what was erased, what was kept and why, in the reader's language. */
export function erasureView(request: DataRequest, language: Language) {
  const outcome = (request.outcome ?? {}) as { lines?: ErasureLine[]; refusal?: string | null };
  const lines = outcome.lines ?? [];
  return {
    id: request.id,
    patientId: request.patientId,
    status: request.status,
    requestedAt: iso(request.requestedAt),
    dueAt: iso(request.dueAt),
    decidedAt: iso(request.decidedAt),
    decidedBy: request.decidedByRole,
    erased: lines
      .filter((l) => l.outcome === 'erased')
      .map((l) => ({ section: l.section, what: l.what[language], count: l.count ?? 0 })),
    kept: lines
      .filter((l) => l.outcome === 'kept')
      .map((l) => ({ section: l.section, what: l.what[language], basis: l.basis?.[language] ?? '' })),
    ...(request.status === 'refused' ? { refusal: outcome.refusal ?? null } : {}),
  };
}

/** A line of the operator's queue: the deadline and whether it has passed. */
export function queueItem(request: DataRequest, now: number) {
  return {
    id: request.id,
    patientId: request.patientId,
    clinicId: request.clinicId,
    status: request.status,
    requestedAt: iso(request.requestedAt),
    dueAt: iso(request.dueAt),
    overdue: request.status === 'pending' && request.dueAt < now,
  };
}
