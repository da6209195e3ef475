import * as z from 'zod';
import { defineEvent } from '../../../events/envelope';

/** The provider has refused a refund many times in a row: the clinic's admins return the money by hand. */
export const paymentRefundRefusedV1 = defineEvent(
  'payment.refund_refused.v1',
  'notifications',
  z.object({
    paymentId: z.uuid(),
    appointmentId: z.uuid(),
    clinicId: z.string().min(1),
    amountRub: z.number().nonnegative(),
    visitStart: z.iso.datetime(),
    refusals: z.number().int().positive(),
  }),
);
