import * as z from 'zod';
import { defineEvent } from '../../../events/envelope';

/**
 * Rehabilitation's events, on the `rehabilitation` queue. They carry ids and codes, never a
 * reading, a score or a symptom: who must be told, and of what kind of thing.
 */
const planParties = {
  planId: z.uuid(),
  clinicId: z.string().min(1),
  patientId: z.string().min(1),
  doctorId: z.string().min(1),
};

export const rehabPlanStartedV1 = defineEvent(
  'rehab.plan_started.v1',
  'rehabilitation',
  z.object({ ...planParties, templateId: z.string().min(1) }),
);

export const rehabPlanChangedV1 = defineEvent(
  'rehab.plan_changed.v1',
  'rehabilitation',
  z.object({ ...planParties, version: z.number().int().min(2) }),
);

export const rehabSessionCompletedV1 = defineEvent(
  'rehab.session_completed.v1',
  'rehabilitation',
  z.object({ ...planParties, sessionId: z.uuid(), week: z.number().int().min(1) }),
);

export const rehabSessionStoppedV1 = defineEvent(
  'rehab.session_stopped.v1',
  'rehabilitation',
  z.object({
    ...planParties,
    sessionId: z.uuid(),
    reasons: z.array(z.string()).min(1),
    emergency: z.boolean(),
  }),
);

export const rehabMeasureRecordedV1 = defineEvent(
  'rehab.measure_recorded.v1',
  'rehabilitation',
  z.object({ ...planParties, measureId: z.uuid(), measure: z.string(), worsened: z.boolean() }),
);

export const rehabAdherenceDroppedV1 = defineEvent(
  'rehab.adherence_dropped.v1',
  'rehabilitation',
  z.object({
    ...planParties,
    week: z.number().int().min(1),
    planned: z.number().int(),
    done: z.number().int(),
  }),
);

export const rehabEventsV1 = [
  rehabPlanStartedV1,
  rehabPlanChangedV1,
  rehabSessionCompletedV1,
  rehabSessionStoppedV1,
  rehabMeasureRecordedV1,
  rehabAdherenceDroppedV1,
] as const;
