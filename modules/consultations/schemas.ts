import * as z from 'zod';
import type { components } from '../../contracts/generated/api';
import type { AssertTrue, Equivalent } from '../../platform/contract-types';
import { attachmentTypes } from './domain/contract';

export const openContractBody = z
  .strictObject({
    doctorId: z.uuid(),
    patientId: z.string().min(1).max(128),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    responseHours: z.number().int().min(1).max(168).default(24),
  })
  .refine((c) => Date.parse(c.endsAt) > Date.parse(c.startsAt), {
    message: 'the period must end after it starts',
    path: ['endsAt'],
  });

export const contractParams = z.object({ contractId: z.uuid() });

export const contractListQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const postMessageBody = z.strictObject({
  body: z.string().trim().min(1).max(10_000),
  attachments: z
    .array(
      z.strictObject({
        key: z.string().min(1).max(512),
        name: z.string().min(1).max(255),
        contentType: z.string().min(3).max(100),
      }),
    )
    .max(10)
    .default([]),
});

export const attachmentUploadBody = z.strictObject({
  name: z.string().min(1).max(255),
  contentType: z.enum(attachmentTypes),
});

export const rateBody = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2_000).optional(),
});

type Schemas = components['schemas'];
export type ConsultationRequestsMatchContract = [
  AssertTrue<Equivalent<z.input<typeof openContractBody>, Schemas['OpenConsultation']>>,
  AssertTrue<Equivalent<z.input<typeof postMessageBody>, Schemas['PostConsultationMessage']>>,
  AssertTrue<Equivalent<z.input<typeof attachmentUploadBody>, Schemas['AttachmentUploadRequest']>>,
  AssertTrue<Equivalent<z.input<typeof rateBody>, Schemas['RateConsultation']>>,
];
