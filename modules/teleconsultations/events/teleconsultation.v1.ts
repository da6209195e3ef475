import * as z from 'zod';
import { defineEvent } from '../../../events/envelope';

// Events say who and when, never what: no question, summary, profile or conclusion travels on a queue.
const ids = { requestId: z.uuid(), centreId: z.string().min(1) };

/** A request reached a centre: its duty consultant is paged for an emergency, else its coordinators are told. */
export const teleconsultationRequestedV1 = defineEvent(
  'teleconsultation.requested.v1',
  'notifications',
  z.object({
    ...ids,
    requesterClinicId: z.string().min(1),
    form: z.enum(['emergency', 'urgent', 'planned']),
    dueAt: z.iso.datetime(),
    dutyConsultantId: z.string().min(1).nullable(),
  }),
);

/** The centre took the case; the requester is told and by when to expect the conclusion. */
export const teleconsultationAcceptedV1 = defineEvent(
  'teleconsultation.accepted.v1',
  'notifications',
  z.object({ ...ids, requesterId: z.string().min(1), dueAt: z.iso.datetime() }),
);

/** The centre needs more data: the clock is paused until the requester gives it. */
export const teleconsultationInfoRequestedV1 = defineEvent(
  'teleconsultation.info_requested.v1',
  'notifications',
  z.object({ ...ids, requesterId: z.string().min(1) }),
);

export const teleconsultationConcludedV1 = defineEvent(
  'teleconsultation.concluded.v1',
  'notifications',
  z.object({ ...ids, requesterId: z.string().min(1), concludedAt: z.iso.datetime() }),
);

/**
 * The centre scheduled (or moved) the doctors' video session: the requester is told its time in
 * their clinic's zone. The link is not carried: it is read in the request, by its participants.
 */
export const teleconsultationScheduledV1 = defineEvent(
  'teleconsultation.scheduled.v1',
  'notifications',
  z.object({
    ...ids,
    requesterId: z.string().min(1),
    startsAt: z.iso.datetime(),
    minutes: z.number().int().positive(),
    requesterTimeZone: z.string().min(1),
  }),
);

export const teleconsultationDeclinedV1 = defineEvent(
  'teleconsultation.declined.v1',
  'notifications',
  z.object({ ...ids, requesterId: z.string().min(1) }),
);

/** An open request passed its deadline: the coordinators first, the centre's head if it stays open. */
export const teleconsultationOverdueV1 = defineEvent(
  'teleconsultation.overdue.v1',
  'notifications',
  z.object({
    ...ids,
    escalatedTo: z.enum(['coordinators', 'head']),
    headId: z.string().min(1).nullable(),
    dueAt: z.iso.datetime(),
  }),
);

export const teleconsultationEventsV1 = [
  teleconsultationRequestedV1,
  teleconsultationAcceptedV1,
  teleconsultationInfoRequestedV1,
  teleconsultationConcludedV1,
  teleconsultationDeclinedV1,
  teleconsultationOverdueV1,
  teleconsultationScheduledV1,
] as const;
