import * as z from 'zod';
import type { components } from '../../contracts/generated/api';
import type { AssertTrue, Equivalent } from '../../platform/contract-types';

const groupContact = z.strictObject({
  phone: z
    .string()
    .regex(/^\+7\d{10}$/, 'a Russian mobile number in E.164 form')
    .nullable()
    .default(null),
  email: z.email().nullable().default(null),
  telegramChatId: z
    .string()
    .regex(/^-?\d{1,20}$/)
    .nullable()
    .default(null),
  channels: z
    .array(z.enum(['sms', 'email', 'telegram']))
    .min(1)
    .max(3),
});

export const onCallContactsBody = z.strictObject({ duty: groupContact, admins: groupContact });
export const escalationParams = z.object({ escalationId: z.uuid() });

export type OnCallContactsMatchContract = AssertTrue<
  Equivalent<z.input<typeof onCallContactsBody>, components['schemas']['OnCallContacts']>
>;

/** An escalation by its full id or by the code its messages carry (the id's first 8 characters). */
export const escalationRefParams = z.object({
  escalationId: z
    .string()
    .regex(
      /^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})?$/,
      'an escalation id or the 8-character code from its message',
    ),
});
