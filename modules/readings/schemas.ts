import { IANAZone } from 'luxon';
import * as z from 'zod';
import type { components } from '../../contracts/generated/api';
import type { AssertTrue, Equivalent } from '../../platform/contract-types';
import { readingTypes } from './domain/types';

export const deviceId = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'letters, digits and . _ : - (at most 128)');
const patientId = z.string().min(1).max(128);
const timeZone = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone), 'an IANA time zone, e.g. Europe/Moscow');

/**
 * Our batch: items are checked one by one (per-item outcomes), so here they are any object,
 * checked without being copied (a batch is the hot path: 1,000 items).
 */
const anObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'an object',
);
export const readingBatch = z.strictObject({
  deviceId: deviceId.optional(),
  items: z.array(anObject).min(1).max(1000),
});
export const fhirResource = z.looseObject({
  resourceType: z.string(),
  entry: z.array(z.unknown()).max(1000).optional(),
});
export const readingsBody = z.union([readingBatch, fhirResource]);
export const readingsQuery = z.object({ deviceId: deviceId.optional() });

export const registerDeviceBody = z
  .strictObject({
    deviceId,
    model: z.string().min(1).max(200).optional(),
    patientId: patientId.optional(),
    validFrom: z.iso.datetime({ offset: true }).optional(),
    validTo: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((b) => !b.validTo || Date.parse(b.validTo) > Date.parse(b.validFrom ?? new Date().toISOString()), {
    message: 'the binding must end after it starts',
    path: ['validTo'],
  });

export const uploadBody = z
  .strictObject({
    deviceId,
    kind: z.enum(['csv', 'ecg']),
    contentType: z.enum(['text/csv', 'application/pdf', 'application/fhir+json']),
    timeZone: timeZone.optional(),
    measuredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((b) => (b.kind === 'csv') === (b.contentType === 'text/csv'), {
    message: 'a CSV export is text/csv; an ECG is a PDF or a FHIR waveform',
    path: ['contentType'],
  })
  .refine((b) => b.contentType !== 'application/pdf' || b.measuredAt, {
    message: 'an ECG PDF needs the time it was recorded',
    path: ['measuredAt'],
  });
export const uploadParams = z.object({ uploadId: z.uuid() });

export const buckets = {
  raw: 0,
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '6h': 21_600_000,
  '1d': 86_400_000,
  '1w': 604_800_000,
};
export const seriesQuery = z
  .object({
    type: z.enum(readingTypes),
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    bucket: z.enum(['raw', '5m', '15m', '1h', '6h', '1d', '1w']).default('raw'),
    limit: z.coerce.number().int().min(1).max(5000).default(1000),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), {
    message: 'the range must end after it starts',
    path: ['to'],
  })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000, {
    message: 'ask for at most 400 days at a time',
    path: ['to'],
  });
export const patientParams = z.object({ patientId });
export const alertParams = z.object({ alertId: z.uuid() });

const limits = z
  .strictObject({ high: z.number().min(0).max(500).optional(), low: z.number().min(0).max(500).optional() })
  .refine((l) => l.high === undefined || l.low === undefined || l.low < l.high, {
    message: 'low must be below high',
    path: ['low'],
  });
export const targetsBody = z.strictObject({
  systolic: limits.optional(),
  diastolic: limits.optional(),
  glucose: limits.optional(),
  spo2: limits.optional(),
  heart_rate: limits.optional(),
  weight: limits.optional(),
  temperature: limits.optional(),
});

type Schemas = components['schemas'];
export type ReadingsRequestsMatchContract = [
  AssertTrue<Equivalent<z.input<typeof readingsBody>, Schemas['ReadingsRequest']>>,
  AssertTrue<Equivalent<z.input<typeof registerDeviceBody>, Schemas['RegisterDevice']>>,
  AssertTrue<Equivalent<z.input<typeof uploadBody>, Schemas['ReadingUploadRequest']>>,
  AssertTrue<Equivalent<z.input<typeof targetsBody>, Schemas['ReadingTargets']>>,
];
