import * as z from 'zod';
import { defineEvent } from '../../../events/envelope';

/** A new message in an asynchronous consultation; tells the other side, never what was written. */
export const consultationMessagePostedV1 = defineEvent(
  'consultation.message_posted.v1',
  'notifications',
  z.object({
    contractId: z.uuid(),
    messageId: z.uuid(),
    clinicId: z.string().min(1),
    recipientId: z.string().min(1),
    recipientRole: z.enum(['patient', 'doctor']),
  }),
);

/** A patient's message went unanswered past its deadline: the clinic admin hurries the doctor. */
export const asyncMessageOverdueV1 = defineEvent(
  'async_message.overdue.v1',
  'notifications',
  z.object({
    contractId: z.uuid(),
    messageId: z.uuid(),
    clinicId: z.string().min(1),
    doctorId: z.string().min(1),
    dueAt: z.iso.datetime(),
  }),
);

export const consultationEventsV1 = [consultationMessagePostedV1, asyncMessageOverdueV1] as const;
