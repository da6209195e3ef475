import * as z from 'zod';
import { defineEvent } from '../../../events/envelope';

/**
 * A patient is on the crisis path (PHQ-9 item 9 above zero, or thoughts of self-harm in a
 * complaint): the on-call clinician must acknowledge a task within minutes. Identifiers only:
 * never scores, answers or words, and nothing that reaches an employer or insurer.
 * It has its own queue so the escalation can be consumed apart from routine notifications.
 */
export const crisisDetectedV1 = defineEvent(
  'crisis.detected.v1',
  'crisis',
  z.object({ triageId: z.uuid(), patientId: z.string().min(1).max(128).nullable() }),
);
