import * as z from 'zod';
import type { components } from '../../contracts/generated/api';
import type { AssertTrue, Equivalent } from '../../platform/contract-types';
import { measureNames } from './domain/measures';
import { symptomNames } from './domain/safety';

export const patientParams = z.object({ patientId: z.string().min(1).max(128) });

export const reviewQueueQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/** Age, beta-blockade and resting heart rate: what the heart-rate zone is drawn from. */
const intensity = z.strictObject({
  age: z.number().int().min(18).max(110),
  betaBlocker: z.boolean().default(false),
  restingHeartRate: z.number().int().min(30).max(150).optional(),
});

/** The patient's policy or employer programme paying for the course. */
const sponsor = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('policy'), policyId: z.uuid() }),
  z.strictObject({ type: z.literal('corporate'), contractId: z.uuid() }),
]);

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');

/** At most two years of months in one report. */
export const sponsorReportQuery = z
  .object({ from: month, to: month })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine(
    (q) =>
      Number(q.to.slice(0, 4)) * 12 +
        Number(q.to.slice(5)) -
        (Number(q.from.slice(0, 4)) * 12 + Number(q.from.slice(5))) <
      24,
    {
      message: 'at most 24 months',
      path: ['to'],
    },
  );

export const startPlanBody = z.strictObject({
  templateId: z.string().min(1).max(64),
  doctorId: z.uuid().optional(),
  startsOn: z.iso.date(),
  weeks: z.number().int().min(1).max(52).optional(),
  sessionsPerWeek: z.number().int().min(1).max(14).optional(),
  intensity,
  sponsor: sponsor.optional(),
});

const plannedExercise = z.strictObject({
  exerciseId: z.string().min(1).max(64),
  sets: z.number().int().min(1).max(10),
  reps: z.number().int().min(1).max(100).nullable(),
  minutes: z.number().int().min(1).max(120).nullable(),
  fromWeek: z.number().int().min(1).max(52),
  toWeek: z.number().int().min(1).max(52),
});

export const changePlanBody = z.strictObject({
  reason: z.string().trim().min(1).max(2_000),
  sessionsPerWeek: z.number().int().min(1).max(14).optional(),
  endsOn: z.iso.date().optional(),
  exercises: z.array(plannedExercise).min(1).max(30).optional(),
  intensity: intensity.optional(),
  end: z.boolean().optional(),
});

/**
 * Physiological bounds wide enough for any real, alarming value (SpO2 60 %, 260/140 mmHg), narrow
 * enough to refuse a typo: a value outside is impossible and answered 400, not judged.
 */
const vitals = {
  systolic: z.number().int().min(50).max(300).optional(),
  diastolic: z.number().int().min(20).max(200).optional(),
  heartRate: z.number().int().min(20).max(250).optional(),
  spo2: z.number().int().min(50).max(100).optional(),
};
const symptoms = z.array(z.enum(symptomNames)).max(symptomNames.length).default([]);

export const startSessionBody = z.strictObject({
  preCheck: z.strictObject({ ...vitals, symptoms }),
});

export const sessionReadingsBody = z.strictObject({
  readings: z
    .array(
      z.strictObject({
        ...vitals,
        pain: z.number().int().min(0).max(10).optional(),
        rpe: z.number().int().min(6).max(20).optional(),
        symptoms,
      }),
    )
    .min(1)
    .max(60),
});

export const completeSessionBody = z.strictObject({
  exercises: z
    .array(
      z.strictObject({
        exerciseId: z.string().min(1).max(64),
        sets: z.number().int().min(0).max(20).optional(),
        reps: z.number().int().min(0).max(200).optional(),
        minutes: z.number().int().min(0).max(240).optional(),
      }),
    )
    .max(30),
  rpe: z.number().int().min(6).max(20),
  pain: z.number().int().min(0).max(10),
});

export const recordMeasureBody = z.strictObject({
  measure: z.enum(measureNames),
  items: z.array(z.number()).max(20).optional(),
  value: z.number().optional(),
  subject: z
    .strictObject({
      age: z.number().int().min(18).max(110),
      sex: z.enum(['female', 'male']),
      heightCm: z.number().min(100).max(230),
      weightKg: z.number().min(25).max(300),
    })
    .optional(),
});

type Schemas = components['schemas'];
export type RehabilitationRequestsMatchContract = [
  AssertTrue<Equivalent<z.input<typeof startPlanBody>, Schemas['StartRehabPlan']>>,
  AssertTrue<Equivalent<z.input<typeof changePlanBody>, Schemas['ChangeRehabPlan']>>,
  AssertTrue<Equivalent<z.input<typeof startSessionBody>, Schemas['StartRehabSession']>>,
  AssertTrue<Equivalent<z.input<typeof sessionReadingsBody>, Schemas['RehabSessionReadings']>>,
  AssertTrue<Equivalent<z.input<typeof completeSessionBody>, Schemas['CompleteRehabSession']>>,
  AssertTrue<Equivalent<z.input<typeof recordMeasureBody>, Schemas['RecordRehabMeasure']>>,
];

/** The checks at rest as any channel takes them: the same bounds as the HTTP route's. */
export const atHomePreCheck = startSessionBody.shape.preCheck;
