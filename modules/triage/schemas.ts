import * as z from 'zod';
import type { components } from '../../contracts/generated/api';
import type { AssertTrue, Equivalent } from '../../platform/contract-types';
import { specialties as bookingSpecialties } from '../booking';
import { isAnswerKey } from './facts';
import { vitalBounds } from './vitals-bounds';
import { dispositions, languages, onsets, severities, symptomCodes, type VitalName } from './vocabulary';

const vital = (name: VitalName) =>
  z.number().min(vitalBounds[name].min).max(vitalBounds[name].max).optional();

const vitals = z
  .strictObject({
    systolic: vital('systolic'),
    diastolic: vital('diastolic'),
    heartRate: vital('heartRate'),
    respiratoryRate: vital('respiratoryRate'),
    spo2: vital('spo2'),
    temperature: vital('temperature'),
    glucose: vital('glucose'),
  })
  .refine((v) => v.systolic === undefined || v.diastolic === undefined || v.systolic > v.diastolic, {
    message: 'systolic must be above diastolic',
    path: ['diastolic'],
  });

const symptom = z.strictObject({
  code: z.enum(symptomCodes),
  onset: z.enum(onsets).optional(),
  durationHours: z.number().min(0).max(87_600).optional(),
  severity: z.enum(severities).optional(),
});

const answers = z.record(z.string(), z.union([z.boolean(), z.number()])).superRefine((record, ctx) => {
  for (const key of Object.keys(record))
    if (!isAnswerKey(key))
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: 'not a question id (symptom code, <code>.sudden, <code>.severe or vital)',
      });
});

export const triageBody = z.strictObject({
  age: z.number().min(0).max(130),
  sex: z.enum(['female', 'male']).optional(),
  pregnant: z.boolean().optional(),
  complaint: z.string().min(1).max(2000),
  language: z.enum(languages).optional(),
  patientId: z.string().min(1).max(128).optional(),
  symptoms: z.array(symptom).max(50).optional(),
  vitals: vitals.optional(),
  answers: answers.optional(),
});

const item = z.number().int().min(0).max(3);

export const intakeBody = z
  .strictObject({
    phq9: z.array(item).length(9).optional(),
    gad7: z.array(item).length(7).optional(),
    language: z.enum(languages).optional(),
    patientId: z.string().min(1).max(128).optional(),
  })
  .refine((body) => body.phq9 || body.gad7, { message: 'send phq9, gad7 or both', path: ['phq9'] });

export type TriageBodyMatchesContract = AssertTrue<
  Equivalent<z.input<typeof triageBody>, components['schemas']['TriageRequest']>
>;
export type IntakeBodyMatchesContract = AssertTrue<
  Equivalent<z.input<typeof intakeBody>, components['schemas']['IntakeRequest']>
>;

export const reviewParams = z.object({ triageId: z.uuid() });

export const reviewBody = z.strictObject({
  finalDisposition: z.enum(dispositions),
  finalSpecialty: z.enum(bookingSpecialties).optional(),
  note: z.string().trim().max(2_000).optional(),
});

export type ReviewBodyMatchesContract = AssertTrue<
  Equivalent<z.input<typeof reviewBody>, components['schemas']['TriageReview']>
>;
