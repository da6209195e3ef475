import { RuleBroken } from '../../../platform/rule-broken';
import type { Form } from './centre';
import type { VideoSession } from './video';

export type Status = 'requested' | 'accepted' | 'info_requested' | 'concluded' | 'declined';

/** One round of "we need more data": the centre's question and, once given, the requester's answer. */
export interface InfoExchange {
  askedBy: string;
  askedAt: number;
  question: string;
  answeredAt: number | null;
  answer: string | null;
}

/** What the requester tells the centre about the patient: health data, sealed at rest. */
export interface CaseFile {
  question: string;
  caseSummary: string;
  exchanges: InfoExchange[];
}

/** The patient's consent to share their data with the centre (323-FZ art. 20, 152-FZ). */
export interface Consent {
  given: boolean;
  obtainedAt: string;
}

/** A regional doctor's request to a centre for an opinion on their patient. */
export interface TeleRequest {
  id: string;
  centreId: string;
  requesterClinicId: string;
  requesterId: string;
  patientId: string;
  form: Form;
  profile: string;
  videoWanted: boolean;
  consent: Consent;
  caseFile: CaseFile;
  status: Status;
  /** The consilium: consultants assigned to the case. */
  consultantIds: string[];
  /** For an emergency, the consultant on duty when it arrived; they may accept it at once. */
  dutyConsultantId: string | null;
  /** For an emergency, everyone on call for it as paged, in order (the duty consultant first): any of them may take it. */
  onCallIds: string[];
  /** The requesting clinic's zone (times are shown to the requester in it) and region (ISO 3166-2, e.g. RU-NVS). */
  requesterTimeZone: string;
  requesterRegion: string | null;
  /** The video session between the doctors, once scheduled. */
  videoSession: VideoSession | null;
  /** When the conclusion is due; null while the clock is paused for more data. */
  dueAt: number | null;
  /** While paused: how much of the promised time was left when the centre asked. */
  remainingMs: number | null;
  declineReason: string | null;
  /** 0 in time; 1 the coordinators were told it is overdue; 2 the head was told too. */
  overdueLevel: number;
  createdAt: number;
  acceptedAt: number | null;
  closedAt: number | null;
  /** Once concluded: whether the conclusion came by the deadline (the network's "share in time"). */
  metDeadline: boolean | null;
}

export const requestRules = {
  consentRequired: () =>
    new RuleBroken(
      'CONSENT_REQUIRED',
      422,
      'The patient’s consent to share their data with the centre is required.',
    ),
  unknownProfile: () =>
    new RuleBroken('UNKNOWN_PROFILE', 422, 'The centre does not consult in that profile.'),
  centreNotFound: () => new RuleBroken('CENTRE_NOT_FOUND', 404, 'The centre was not found.'),
  patientNotFound: () =>
    new RuleBroken('PATIENT_NOT_FOUND', 404, 'The patient was not found in your clinic.'),
  wrongState: (status: Status, action: string) =>
    new RuleBroken('TELECONSULTATION_STATE', 409, `A request that is ${status} cannot be ${action}.`),
  consultantUnknown: () =>
    new RuleBroken('CONSULTANT_NOT_FOUND', 422, 'Assign only consultants of this centre.'),
  noConsultants: () =>
    new RuleBroken('CONSULTANTS_REQUIRED', 422, 'Assign at least one consultant of the centre.'),
};

const open: readonly Status[] = ['requested', 'accepted', 'info_requested'];

export function isOpen(request: TeleRequest): boolean {
  return open.includes(request.status);
}

/** The coordinator (or the duty consultant) takes the case and names its consilium. */
export function accept(request: TeleRequest, consultantIds: string[], now: number): TeleRequest {
  if (request.status !== 'requested') throw requestRules.wrongState(request.status, 'accepted');
  if (consultantIds.length === 0) throw requestRules.noConsultants();
  return { ...request, status: 'accepted', consultantIds: [...new Set(consultantIds)], acceptedAt: now };
}

export function decline(request: TeleRequest, reason: string, now: number): TeleRequest {
  if (request.status !== 'requested') throw requestRules.wrongState(request.status, 'declined');
  return { ...request, status: 'declined', declineReason: reason, dueAt: null, closedAt: now };
}

/** The centre asks for more data: the clock stops with what was left of the promise. */
export function askForInfo(
  request: TeleRequest,
  askedBy: string,
  question: string,
  now: number,
): TeleRequest {
  if (request.status !== 'requested' && request.status !== 'accepted')
    throw requestRules.wrongState(request.status, 'asked for more data');
  const remainingMs = Math.max(0, (request.dueAt ?? now) - now);
  const exchange: InfoExchange = { askedBy, askedAt: now, question, answeredAt: null, answer: null };
  return {
    ...request,
    status: 'info_requested',
    dueAt: null,
    remainingMs,
    caseFile: { ...request.caseFile, exchanges: [...request.caseFile.exchanges, exchange] },
  };
}

/** The requester answers: the clock runs again with the time that was left, and the case goes back where it was. */
export function provideInfo(request: TeleRequest, answer: string, now: number): TeleRequest {
  if (request.status !== 'info_requested') throw requestRules.wrongState(request.status, 'given more data');
  const exchanges = request.caseFile.exchanges.map((e) =>
    e.answeredAt === null ? { ...e, answeredAt: now, answer } : e,
  );
  return {
    ...request,
    status: request.acceptedAt === null ? 'requested' : 'accepted',
    dueAt: now + (request.remainingMs ?? 0),
    remainingMs: null,
    caseFile: { ...request.caseFile, exchanges },
  };
}

export function conclude(request: TeleRequest, now: number): TeleRequest {
  if (request.status !== 'accepted') throw requestRules.wrongState(request.status, 'concluded');
  const metDeadline = request.dueAt !== null && now <= request.dueAt;
  return { ...request, status: 'concluded', dueAt: null, closedAt: now, metDeadline };
}

/** How far an overdue request has been escalated, and how far it should be by now. */
export function escalationDue(request: TeleRequest, now: number, headAfterMs: number): 0 | 1 | 2 {
  if (!isOpen(request) || request.dueAt === null || now < request.dueAt) return 0;
  return now >= request.dueAt + headAfterMs ? 2 : 1;
}
