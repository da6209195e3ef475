import type { Centre } from './domain/centre';
import type { DutyShift } from './domain/duty';
import type { TeleRequest } from './domain/request';
import { fullySigned } from './domain/signatures';
import { wallClock } from './domain/video';
import type { StoredConclusion } from './repositories/teleconsultations';
import type { Signature } from './signing';

// What the API shows of centres, shifts, requests and conclusions.
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function centreView(centre: Centre) {
  return {
    id: centre.id,
    name: centre.name,
    timeZone: centre.timeZone,
    profiles: centre.profiles,
    promises: centre.promises,
  };
}

export function shiftView(shift: DutyShift) {
  return {
    consultantId: shift.consultantId,
    profile: shift.profile,
    start: iso(shift.start) as string,
    end: iso(shift.end) as string,
  };
}

/** Who, what, where and by when: no clinical text, so lists and actions can return it freely. */
export function statusView(request: TeleRequest) {
  return {
    id: request.id,
    centreId: request.centreId,
    requesterClinicId: request.requesterClinicId,
    requesterId: request.requesterId,
    patientId: request.patientId,
    form: request.form,
    profile: request.profile,
    videoWanted: request.videoWanted,
    status: request.status,
    consultantIds: request.consultantIds,
    dutyConsultantId: request.dutyConsultantId,
    requesterTimeZone: request.requesterTimeZone,
    requesterRegion: request.requesterRegion,
    dueAt: iso(request.dueAt),
    clockPaused: request.status === 'info_requested',
    remainingMinutes: request.remainingMs === null ? null : Math.floor(request.remainingMs / 60_000),
    createdAt: iso(request.createdAt) as string,
    acceptedAt: iso(request.acceptedAt),
    closedAt: iso(request.closedAt),
  };
}

export function caseView(request: TeleRequest) {
  return {
    ...statusView(request),
    question: request.caseFile.question,
    caseSummary: request.caseFile.caseSummary,
    exchanges: request.caseFile.exchanges.map((e) => ({
      askedBy: e.askedBy,
      askedAt: iso(e.askedAt) as string,
      question: e.question,
      answeredAt: iso(e.answeredAt),
      answer: e.answer,
    })),
    declineReason: request.declineReason,
    videoSession: request.videoSession ? videoSessionView(request) : null,
  };
}

/** The session's one instant in UTC, and as each side's clock reads it. */
export function videoSessionView(request: TeleRequest) {
  const session = request.videoSession;
  if (!session) throw new Error('No video session scheduled');
  return {
    startsAt: iso(session.startsAt) as string,
    minutes: session.minutes,
    link: session.link,
    scheduledBy: session.scheduledBy,
    centre: {
      timeZone: session.centreTimeZone,
      startsAt: wallClock(session.startsAt, session.centreTimeZone),
    },
    requester: {
      timeZone: request.requesterTimeZone,
      startsAt: wallClock(session.startsAt, request.requesterTimeZone),
    },
  };
}

/** The conclusion, its document, and each signature as verified on this read. */
export function conclusionView(stored: StoredConclusion, signatures: (Signature & { valid: boolean })[]) {
  const { conclusion } = stored;
  return {
    requestId: conclusion.requestId,
    patientId: conclusion.patientId,
    centreId: conclusion.centreId,
    consultantIds: conclusion.consultantIds,
    findings: conclusion.findings,
    answer: conclusion.answer,
    recommendations: conclusion.recommendations,
    transferAdvised: conclusion.transferAdvised,
    concludedAt: iso(conclusion.concludedAt) as string,
    document: stored.document,
    signatures: signatures.map((s) => ({ ...signatureView(s), valid: s.valid })),
    fullySigned: fullySigned(conclusion.consultantIds, signatures),
  };
}

export function signatureView(signature: Signature) {
  return {
    signerId: signature.signerId,
    signedAt: iso(signature.signedAt) as string,
    algorithm: signature.algorithm,
    keyId: signature.keyId,
    qualified: signature.qualified,
  };
}
