import * as z from 'zod';
import type { components } from '../../contracts/generated/api';
import type { AssertTrue, Equivalent } from '../../platform/contract-types';
import { documentKinds } from './domain/document';

const id = z.string().min(1).max(128);
const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.iso.datetime({ offset: true });

export const patientParams = z.object({ patientId: id });
export const documentParams = z.object({ patientId: id, documentId: z.uuid() });
export const shareParams = z.object({
  patientId: id,
  documentId: z.uuid(),
  shareId: z.string().min(1).max(300),
});

// Type and size are bounded loosely: one outside the allow-list or over the limit is a rule
// (DOCUMENT_TYPE_NOT_ALLOWED, DOCUMENT_TOO_LARGE) with its own code, not bad JSON.
export const documentBody = z.strictObject({
  kind: z.enum(documentKinds),
  title: text(200),
  contentType: z.string().min(1).max(100),
  bytes: z
    .number()
    .int()
    .min(1)
    .max(5 * 1024 ** 3),
  date: instant.optional(),
});

/** A clinic's doctors, or one doctor of it. */
export const shareBody = z.strictObject({ clinicId: id, doctorId: id.optional() });

const labValue = z.strictObject({
  // The check digit is a rule (OBSERVATION_CODE_INVALID); here only the shape.
  code: z.string().regex(/^\d{1,7}-\d$/, 'a LOINC code, e.g. 2345-7'),
  display: text(200),
  value: z.number(),
  unit: z.string().trim().min(1).max(32),
  referenceRange: z
    .strictObject({ low: z.number().optional(), high: z.number().optional() })
    .refine((range) => range.low === undefined || range.high === undefined || range.low <= range.high, {
      message: 'low must not be above high',
      path: ['low'],
    })
    .optional(),
  effectiveAt: instant,
});
export const observationsBody = z.strictObject({
  documentId: z.uuid().optional(),
  items: z.array(labValue).min(1).max(100),
});

type Schemas = components['schemas'];
export type RecordRequestsMatchContract = [
  AssertTrue<Equivalent<z.input<typeof documentBody>, Schemas['PatientDocumentInput']>>,
  AssertTrue<Equivalent<z.input<typeof shareBody>, Schemas['PatientDocumentShareInput']>>,
  AssertTrue<Equivalent<z.input<typeof observationsBody>, Schemas['LabObservationsInput']>>,
];
