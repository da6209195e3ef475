import { IANAZone } from 'luxon';
import * as z from 'zod';
import type { components } from '../../contracts/generated/api';
import type { AssertTrue, Equivalent } from '../../platform/contract-types';
import { specialties } from './domain/doctor';
import { longestShiftHours } from './domain/duty';

const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time HH:MM between 00:00 and 24:00');
const range = z
  .strictObject({ from: timeOfDay, to: timeOfDay })
  .refine((r) => r.from < r.to, { message: 'the range must end after it starts', path: ['to'] });
const weekday = z.enum(['1', '2', '3', '4', '5', '6', '7']);

export const timeZone = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone), 'an IANA time zone, e.g. Europe/Moscow');
export const format = z.enum(['video', 'chat', 'async']);

export const scheduleBody = z.strictObject({
  weekly: z.partialRecord(weekday, z.array(range).max(8)),
  overrides: z.record(z.iso.date(), z.array(range).max(8)).default({}),
  bufferBeforeMinutes: z.number().int().min(0).max(120).default(0),
  bufferAfterMinutes: z.number().int().min(0).max(120).default(0),
  horizonDays: z.number().int().min(1).max(365).default(30),
  minNoticeMinutes: z.number().int().min(0).max(10_080).default(60),
  cancellationNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(10_080)
    .default(24 * 60),
});

export const registerDoctorBody = z.strictObject({
  fullName: z.string().trim().min(1).max(300),
  specialty: z.enum(specialties),
  languages: z
    .array(z.enum(['ru', 'en', 'tt', 'ba', 'kk', 'uz', 'hy', 'az', 'de', 'fr']))
    .min(1)
    .default(['ru']),
  timeZone,
  services: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(200),
        format,
        durationMinutes: z.number().int().min(5).max(240).multipleOf(5),
        priceRub: z.number().min(0).max(1_000_000),
      }),
    )
    .min(1)
    .max(20),
  schedule: scheduleBody.optional(),
});

export const doctorParams = z.object({ doctorId: z.uuid() });
export const appointmentParams = z.object({ appointmentId: z.uuid() });

export const slotQuery = z
  .object({
    specialty: z.enum(specialties).optional(),
    doctorId: z.uuid().optional(),
    serviceId: z.uuid().optional(),
    format: format.optional(),
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    within: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 31)
      .optional(),
    tz: timeZone.default('Europe/Moscow'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => q.specialty || q.doctorId, {
    message: 'give a specialty or a doctorId',
    path: ['specialty'],
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), {
    message: 'the range must end after it starts',
    path: ['to'],
  })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 31 * 86_400_000, {
    message: 'search at most 31 days at a time',
    path: ['to'],
  });

/** Who pays; the patient unless a policy or an employer's programme is named. */
const payer = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('self') }),
  z.strictObject({ type: z.literal('policy'), policyId: z.uuid() }),
  z.strictObject({ type: z.literal('corporate'), contractId: z.uuid() }),
]);

export const holdBody = z.strictObject({
  doctorId: z.uuid(),
  serviceId: z.uuid(),
  start: z.iso.datetime({ offset: true }),
  timeZone: timeZone.default('Europe/Moscow'),
  /** Only a service (the chatbot) books for someone else. */
  patientId: z.string().min(1).max(128).optional(),
  payer: payer.optional(),
  /**
   * `follow_up` (diagnosis or treatment remotely) needs an in-person visit and both participants
   * identified; `informational` never sets one. Left out: follow-up after an in-person visit.
   */
  kind: z.enum(['informational', 'follow_up']).optional(),
});

/** "A doctor now": the next free doctor on duty in the specialty. */
export const urgentHoldBody = z.strictObject({
  specialty: z.enum(specialties).default('therapist'),
  format: z.enum(['video', 'chat']).default('video'),
  timeZone: timeZone.default('Europe/Moscow'),
  patientId: z.string().min(1).max(128).optional(),
  payer: payer.optional(),
});

export const dutyShiftBody = z
  .strictObject({
    doctorId: z.uuid(),
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
  })
  .refine((s) => Date.parse(s.end) > Date.parse(s.start), {
    message: 'the shift must end after it starts',
    path: ['end'],
  })
  .refine((s) => Date.parse(s.end) - Date.parse(s.start) <= longestShiftHours * 3_600_000, {
    message: `a shift lasts at most ${longestShiftHours} hours`,
    path: ['end'],
  });

export const dutyShiftQuery = z
  .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), {
    message: 'the range must end after it starts',
    path: ['to'],
  })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 31 * 86_400_000, {
    message: 'list at most 31 days at a time',
    path: ['to'],
  });

export const paymentParams = z.object({ paymentId: z.uuid() });

export const rescheduleBody = z.strictObject({ start: z.iso.datetime({ offset: true }) });

export const inPersonVisitBody = z.strictObject({
  patientId: z.string().min(1).max(128),
  visitedOn: z.iso.date(),
});

export const appointmentListQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

type Schemas = components['schemas'];
export type BookingRequestsMatchContract = [
  AssertTrue<Equivalent<z.input<typeof registerDoctorBody>, Schemas['RegisterDoctor']>>,
  AssertTrue<Equivalent<z.input<typeof scheduleBody>, Schemas['Schedule']>>,
  AssertTrue<Equivalent<z.input<typeof holdBody>, Schemas['HoldRequest']>>,
  AssertTrue<Equivalent<z.input<typeof rescheduleBody>, Schemas['RescheduleRequest']>>,
  AssertTrue<Equivalent<z.input<typeof inPersonVisitBody>, Schemas['InPersonVisit']>>,
  AssertTrue<Equivalent<z.input<typeof urgentHoldBody>, Schemas['UrgentHoldRequest']>>,
  AssertTrue<Equivalent<z.input<typeof dutyShiftBody>, Schemas['NewDutyShift']>>,
];
