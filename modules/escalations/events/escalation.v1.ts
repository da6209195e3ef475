import * as z from 'zod';
import { defineEvent } from '../../../events/envelope';

/**
 * Another capability asks for an escalation with a ladder of its own: whom to page first and whom
 * next when nobody acknowledges within ESCALATION_SLA_MINUTES. The escalation takes the id given,
 * so its asker can acknowledge it by that id (an emergency teleconsultation: the request's id).
 * People and group addresses only: no health data crosses the queue.
 */
export const escalationRequestedV1 = defineEvent(
  'escalation.requested.v1',
  'crisis',
  z.object({
    escalationId: z.uuid(),
    kind: z.enum(['teleconsultation']),
    subjectId: z.string().min(1),
    ladder: z.array(z.string().min(1).max(200)).min(1).max(20),
  }),
);
