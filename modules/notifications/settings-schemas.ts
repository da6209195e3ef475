import { IANAZone } from 'luxon';
import * as z from 'zod';
import type { components } from '../../contracts/generated/api';
import type { AssertTrue, Equivalent } from '../../platform/contract-types';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM');

export const settingsBody = z.strictObject({
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
  /** The CNS platform endpoint (ARN) the app registered for push. */
  pushEndpoint: z.string().regex(/^arn:/).max(512).nullable().default(null),
  language: z.enum(['ru', 'en']).default('ru'),
  timeZone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), 'an IANA time zone')
    .default('Europe/Moscow'),
  quietHours: z.strictObject({ from: time, to: time }).nullable().default(null),
  /** The channels the user consents to, in the order to try them; empty stops all but nothing else. */
  channels: z.array(z.enum(['sms', 'email', 'telegram', 'push'])).max(4),
});

export type SettingsMatchContract = AssertTrue<
  Equivalent<z.input<typeof settingsBody>, components['schemas']['NotificationSettings']>
>;
