import * as z from 'zod';

/** The webhook body both providers send: ЮKassa's notification shape, which the local stand-in copies. */
export const notificationSchema = z.object({
  event: z.enum(['payment.succeeded', 'payment.canceled', 'payment.waiting_for_capture']),
  object: z.object({
    id: z.string().min(1).max(64),
    metadata: z.object({ paymentId: z.uuid() }).optional(),
  }),
});

export type Notification = z.infer<typeof notificationSchema>;
