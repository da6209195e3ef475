import * as z from 'zod';
import { defineEvent } from '../../../events/envelope';

/**
 * Any function asks for a message to a person by template, without knowing their channels,
 * language or zone. Variables are raw (`at` an ISO instant, `format`, `ref`): never health data,
 * which the channel policy could not then keep off SMS and Telegram.
 */
export const notificationRequestedV1 = defineEvent(
  'notification.requested.v1',
  'notifications',
  z.object({
    recipientId: z.string().min(1).max(128),
    template: z.string().min(1).max(100),
    variables: z.partialRecord(z.enum(['at', 'format', 'ref']), z.string().max(200)).default({}),
  }),
);
