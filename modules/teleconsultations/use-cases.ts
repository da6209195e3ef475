import { createEvent, type EventDefinition } from '../../events/envelope';
import type { Repositories } from '../../platform/store';
import { escalationRequestedV1 } from '../escalations/events';
import { type Centre, checkCentre, deadline, type Form, isConsultantOf } from './domain/centre';
import { type Conclusion, toComposition } from './domain/conclusion';
import { checkShift, type DutyShift, dutyRules, onCall } from './domain/duty';
import {
  accept,
  askForInfo,
  type Consent,
  conclude,
  decline,
  escalationDue,
  provideInfo,
  requestRules,
  type TeleRequest,
} from './domain/request';
import { scheduleVideo, type VideoSession } from './domain/video';
import { coordinatorsOf } from './events/notices';
import {
  teleconsultationAcceptedV1,
  teleconsultationConcludedV1,
  teleconsultationDeclinedV1,
  teleconsultationInfoRequestedV1,
  teleconsultationOverdueV1,
  teleconsultationRequestedV1,
  teleconsultationScheduledV1,
} from './events/teleconsultation.v1';
import { pageAnswered } from './page-answered';
import type { StoredConclusion } from './repositories/teleconsultations';

export interface Context {
  now: number;
  correlationId: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

async function publish<T>(
  repos: Repositories,
  definition: EventDefinition<string, T>,
  data: T,
  tenant: string,
  context: Context,
): Promise<void> {
  const event = createEvent(definition, data, { correlationId: context.correlationId, tenant });
  await repos.outbox.add(definition.queue, event);
}

/** A coordinator describes their centre: profiles, consultants, promises; each save replaces the last. */
export async function saveCentre(repos: Repositories, centre: Centre): Promise<Centre> {
  checkCentre(centre);
  await repos.teleconsultations.saveCentre(centre);
  return centre;
}

export async function addDutyShift(repos: Repositories, centre: Centre, shift: DutyShift): Promise<void> {
  checkShift(shift);
  const consultant = centre.consultants.find((c) => c.id === shift.consultantId);
  if (!consultant?.profiles.includes(shift.profile)) throw dutyRules.notAConsultant();
  await repos.teleconsultations.addShift(shift);
}

export interface NewRequest {
  centreId: string;
  patientId: string;
  form: Form;
  profile: string;
  question: string;
  caseSummary: string;
  consent?: Consent | undefined;
  videoWanted: boolean;
  requesterTimeZone: string;
  requesterRegion?: string | undefined;
}

/**
 * A doctor asks a centre about their patient. Consent first, then the centre and its profile: a
 * refused request stores nothing. The deadline follows the centre's promise for the form, in the
 * centre's zone. An emergency pages whoever is on call for the profile through an escalation that
 * must be acknowledged: unanswered, it goes to the next on call, then the coordinators, then the head.
 */
export async function openRequest(
  repos: Repositories,
  requester: { id: string; clinicId: string },
  input: NewRequest,
  context: Context,
): Promise<TeleRequest> {
  if (!input.consent?.given) throw requestRules.consentRequired();
  const centre = await repos.teleconsultations.centre(input.centreId);
  if (!centre) throw requestRules.centreNotFound();
  if (!centre.profiles.includes(input.profile)) throw requestRules.unknownProfile();
  const onCallIds =
    input.form === 'emergency'
      ? onCall(await repos.teleconsultations.shiftsAround(centre.id, context.now), input.profile, context.now)
      : [];
  const dutyConsultantId = onCallIds[0] ?? null;
  const request: TeleRequest = {
    id: crypto.randomUUID(),
    centreId: centre.id,
    requesterClinicId: requester.clinicId,
    requesterId: requester.id,
    patientId: input.patientId,
    form: input.form,
    profile: input.profile,
    videoWanted: input.videoWanted,
    consent: input.consent,
    caseFile: { question: input.question, caseSummary: input.caseSummary, exchanges: [] },
    status: 'requested',
    consultantIds: [],
    dutyConsultantId,
    onCallIds,
    requesterTimeZone: input.requesterTimeZone,
    requesterRegion: input.requesterRegion ?? null,
    videoSession: null,
    dueAt: deadline(input.form, centre.promises, centre.timeZone, context.now),
    remainingMs: null,
    declineReason: null,
    overdueLevel: 0,
    createdAt: context.now,
    acceptedAt: null,
    closedAt: null,
    metDeadline: null,
  };
  await repos.teleconsultations.createRequest(request);
  await publish(
    repos,
    teleconsultationRequestedV1,
    {
      requestId: request.id,
      centreId: centre.id,
      requesterClinicId: requester.clinicId,
      form: request.form,
      dueAt: iso(request.dueAt as number),
      dutyConsultantId,
    },
    centre.id,
    context,
  );
  if (onCallIds.length) {
    const ladder = [...onCallIds, coordinatorsOf(centre.id), ...(centre.headId ? [centre.headId] : [])];
    await publish(
      repos,
      escalationRequestedV1,
      { escalationId: request.id, kind: 'teleconsultation', subjectId: request.id, ladder },
      centre.id,
      context,
    );
  }
  return request;
}

/** A paged emergency taken or declined: its escalation stops where it got to. */
async function answerPage(repos: Repositories, request: TeleRequest, by: string, context: Context) {
  if (request.onCallIds.length) await pageAnswered()(repos, request.id, by, context.now);
}

export async function acceptRequest(
  repos: Repositories,
  request: TeleRequest,
  consultantIds: string[],
  context: Context & { by: string },
): Promise<TeleRequest> {
  const centre = await repos.teleconsultations.centre(request.centreId);
  if (!centre || consultantIds.some((id) => !isConsultantOf(centre, id)))
    throw requestRules.consultantUnknown();
  const accepted = accept(request, consultantIds, context.now);
  await repos.teleconsultations.saveRequest(accepted);
  await answerPage(repos, request, context.by, context);
  await publish(
    repos,
    teleconsultationAcceptedV1,
    {
      requestId: request.id,
      centreId: request.centreId,
      requesterId: request.requesterId,
      dueAt: iso(accepted.dueAt as number),
    },
    request.requesterClinicId,
    context,
  );
  return accepted;
}

export async function declineRequest(
  repos: Repositories,
  request: TeleRequest,
  reason: string,
  context: Context & { by: string },
): Promise<TeleRequest> {
  const declined = decline(request, reason, context.now);
  await repos.teleconsultations.saveRequest(declined);
  await answerPage(repos, request, context.by, context);
  const data = { requestId: request.id, centreId: request.centreId, requesterId: request.requesterId };
  await publish(repos, teleconsultationDeclinedV1, data, request.requesterClinicId, context);
  return declined;
}

export async function requestInfo(
  repos: Repositories,
  request: TeleRequest,
  askedBy: string,
  question: string,
  context: Context,
): Promise<TeleRequest> {
  const paused = askForInfo(request, askedBy, question, context.now);
  await repos.teleconsultations.saveRequest(paused);
  const data = { requestId: request.id, centreId: request.centreId, requesterId: request.requesterId };
  await publish(repos, teleconsultationInfoRequestedV1, data, request.requesterClinicId, context);
  return paused;
}

export async function giveInfo(
  repos: Repositories,
  request: TeleRequest,
  answer: string,
  context: Context,
): Promise<TeleRequest> {
  const resumed = provideInfo(request, answer, context.now);
  await repos.teleconsultations.saveRequest(resumed);
  return resumed;
}

/**
 * The centre schedules the doctors' video session (again: a new time, the same room). The room
 * comes from booking's video provider; the instant is kept in UTC and shown in each side's zone.
 */
export async function scheduleSession(
  repos: Repositories,
  request: TeleRequest,
  session: Pick<VideoSession, 'startsAt' | 'minutes' | 'scheduledBy' | 'centreTimeZone'>,
  rooms: { roomFor(id: string): string },
  context: Context,
): Promise<TeleRequest> {
  const scheduled = scheduleVideo(
    request,
    { ...session, link: rooms.roomFor(request.id), scheduledAt: context.now },
    context.now,
  );
  await repos.teleconsultations.saveRequest(scheduled);
  await publish(
    repos,
    teleconsultationScheduledV1,
    {
      requestId: request.id,
      centreId: request.centreId,
      requesterId: request.requesterId,
      startsAt: iso(session.startsAt),
      minutes: session.minutes,
      requesterTimeZone: request.requesterTimeZone,
    },
    request.requesterClinicId,
    context,
  );
  return scheduled;
}

export interface ConclusionInput {
  findings: string;
  answer: string;
  recommendations: string;
  transferAdvised: boolean;
}

/** The consilium's answer closes the case and joins the patient's record as a document. */
export async function concludeRequest(
  repos: Repositories,
  request: TeleRequest,
  concludedBy: string,
  input: ConclusionInput,
  context: Context,
): Promise<StoredConclusion> {
  const concluded = conclude(request, context.now);
  const conclusion: Conclusion = {
    requestId: request.id,
    patientId: request.patientId,
    centreId: request.centreId,
    requesterClinicId: request.requesterClinicId,
    consultantIds: request.consultantIds,
    ...input,
    concludedBy,
    concludedAt: context.now,
  };
  await repos.teleconsultations.saveRequest(concluded);
  const document = toComposition(conclusion);
  await repos.teleconsultations.saveConclusion(conclusion, document);
  await publish(
    repos,
    teleconsultationConcludedV1,
    {
      requestId: request.id,
      centreId: request.centreId,
      requesterId: request.requesterId,
      concludedAt: iso(context.now),
    },
    request.requesterClinicId,
    context,
  );
  return { conclusion, document };
}

/**
 * Each open request past its deadline is escalated once per level: to the centre's coordinators
 * at the deadline, to its head `headAfterMs` later. Returns how many escalations were raised.
 */
export async function escalateOverdue(
  repos: Repositories,
  context: Context & { headAfterMs: number; limit: number },
): Promise<number> {
  let raised = 0;
  const candidates = [
    ...(await repos.teleconsultations.pastDue(0, context.now, context.limit)),
    ...(await repos.teleconsultations.pastDue(1, context.now - context.headAfterMs, context.limit)),
  ];
  for (const request of candidates) {
    // One level a run: a watch that first runs past both times still tells the coordinators first.
    const due = Math.min(escalationDue(request, context.now, context.headAfterMs), request.overdueLevel + 1);
    if (due <= request.overdueLevel) continue;
    const centre = await repos.teleconsultations.centre(request.centreId);
    await repos.teleconsultations.saveRequest({ ...request, overdueLevel: due });
    await publish(
      repos,
      teleconsultationOverdueV1,
      {
        requestId: request.id,
        centreId: request.centreId,
        escalatedTo: due === 2 ? 'head' : 'coordinators',
        headId: centre?.headId ?? null,
        dueAt: iso(request.dueAt as number),
      },
      request.centreId,
      context,
    );
    raised++;
  }
  return raised;
}
