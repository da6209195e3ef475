import { IANAZone } from 'luxon';
import * as z from 'zod';
import type { components } from '../../contracts/generated/api';
import type { AssertTrue, Equivalent } from '../../platform/contract-types';
import { forms, orderLimits } from './domain/centre';
import { documentTypes } from './domain/documents';

const profile = z.string().regex(/^[a-z][a-z0-9_-]{1,63}$/, 'a profile code, e.g. oncology');
const personId = z.string().min(1).max(128);
const text = (max: number) => z.string().trim().min(1).max(max);
const timeZone = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone), 'an IANA time zone, e.g. Europe/Moscow');

export const centreParams = z.object({ centreId: z.string().min(1).max(128) });
export const requestParams = z.object({ requestId: z.uuid() });

export const centreBody = z.strictObject({
  name: text(200),
  timeZone,
  profiles: z.array(profile).min(1).max(50),
  consultants: z
    .array(z.strictObject({ id: personId, profiles: z.array(profile).min(1).max(50) }))
    .max(500)
    .default([]),
  // Bounded loosely here: a promise beyond the order is a rule (PROMISE_BEYOND_ORDER), not bad JSON.
  promises: z
    .strictObject({
      emergencyMinutes: z.number().int().min(1).max(10_000),
      urgentHours: z.number().int().min(1).max(10_000),
      plannedDays: z.number().int().min(1).max(10_000),
    })
    .default(orderLimits),
  headId: personId.optional(),
});

export const centreListQuery = z.object({ profile: profile.optional() });

export const dutyShiftBody = z
  .strictObject({
    consultantId: personId,
    profile,
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
  })
  .refine((s) => Date.parse(s.end) > Date.parse(s.start), {
    message: 'the shift must end after it starts',
    path: ['end'],
  });

export const openRequestBody = z.strictObject({
  centreId: z.string().min(1).max(128),
  patientId: personId,
  form: z.enum(forms),
  profile,
  question: text(4_000),
  caseSummary: text(20_000),
  // Optional to the schema so that a request without it is refused by its own code, CONSENT_REQUIRED.
  consent: z.strictObject({ given: z.boolean(), obtainedAt: z.iso.datetime({ offset: true }) }).optional(),
  videoWanted: z.boolean().default(false),
  // The requesting clinic's: a video session's time is shown to the requester in this zone.
  requesterTimeZone: timeZone.default('Europe/Moscow'),
  requesterRegion: z
    .string()
    .regex(/^RU-[A-Z]{2,3}$/, 'an ISO 3166-2 code of a Russian region, e.g. RU-NVS')
    .optional(),
});

export const videoSessionBody = z.strictObject({
  start: z.iso.datetime({ offset: true }),
  minutes: z.number().int().min(10).max(180).default(30),
});

export const requestListQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const acceptBody = z.strictObject({ consultantIds: z.array(personId).max(10).default([]) });
export const declineBody = z.strictObject({ reason: text(2_000) });
export const infoRequestBody = z.strictObject({ question: text(4_000) });
export const infoBody = z.strictObject({ answer: text(20_000) });
export const conclusionBody = z.strictObject({
  findings: text(20_000),
  answer: text(20_000),
  recommendations: text(20_000),
  transferAdvised: z.boolean(),
});

export const statsQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM')
    .optional(),
});

// Bounded loosely: a size over the limit is a rule (DOCUMENT_TOO_LARGE), not bad JSON.
export const documentBody = z.strictObject({
  name: text(255),
  contentType: z.enum(documentTypes),
  bytes: z
    .number()
    .int()
    .min(1)
    .max(5 * 1024 ** 3),
});

export const documentParams = z.object({ requestId: z.uuid(), documentId: z.uuid() });
export const uploadCompletionBody = z.strictObject({
  uploadId: z.string().min(1).max(1024),
  parts: z
    .array(
      z.strictObject({ partNumber: z.number().int().min(1).max(10_000), etag: z.string().min(1).max(200) }),
    )
    .min(1)
    .max(10_000),
});

type Schemas = components['schemas'];
export type TeleconsultationRequestsMatchContract = [
  AssertTrue<Equivalent<z.input<typeof centreBody>, Schemas['TeleconsultationCentreInput']>>,
  AssertTrue<Equivalent<z.input<typeof dutyShiftBody>, Schemas['TeleconsultationDutyShiftInput']>>,
  AssertTrue<Equivalent<z.input<typeof openRequestBody>, Schemas['OpenTeleconsultation']>>,
  AssertTrue<Equivalent<z.input<typeof acceptBody>, Schemas['AcceptTeleconsultation']>>,
  AssertTrue<Equivalent<z.input<typeof declineBody>, Schemas['DeclineTeleconsultation']>>,
  AssertTrue<Equivalent<z.input<typeof infoRequestBody>, Schemas['TeleconsultationInfoRequest']>>,
  AssertTrue<Equivalent<z.input<typeof infoBody>, Schemas['TeleconsultationInfo']>>,
  AssertTrue<Equivalent<z.input<typeof conclusionBody>, Schemas['TeleconsultationConclusionInput']>>,
  AssertTrue<Equivalent<z.input<typeof documentBody>, Schemas['TeleconsultationDocumentInput']>>,
  AssertTrue<Equivalent<z.input<typeof videoSessionBody>, Schemas['TeleconsultationVideoSessionInput']>>,
  AssertTrue<Equivalent<z.input<typeof uploadCompletionBody>, Schemas['TeleconsultationUploadCompletion']>>,
];
