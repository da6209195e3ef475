import * as z from 'zod';
import { defineEvent } from '../../../events/envelope';

const readingType = z.enum([
  'blood_pressure',
  'glucose',
  'spo2',
  'heart_rate',
  'weight',
  'temperature',
  'ecg',
]);

/**
 * A batch of readings was stored. One event per batch, not per reading: a 1,000-reading batch
 * is one message. It names the series that changed (patient, type, measured range), never a
 * value: the alert consumer reads the values from the database.
 */
export const readingsRecordedV1 = defineEvent(
  'readings.recorded.v1',
  'readings',
  z.object({
    batchId: z.uuid(),
    source: z.enum(['api', 'fhir', 'file', 'iot']),
    series: z
      .array(
        z.object({
          patientId: z.string().min(1),
          clinicId: z.string().min(1).nullable(),
          type: readingType,
          measuredAt: z.array(z.number().int()).min(1).max(1000),
        }),
      )
      .min(1)
      .max(1000),
  }),
);

/**
 * A reading rule fired for a patient. Carries which rule and series, never the value: the
 * doctor opens the patient's readings to see it. It travels on the `crisis` queue with the
 * other escalations, never behind routine notifications.
 */
export const alertRaisedV1 = defineEvent(
  'alert.raised.v1',
  'crisis',
  z.object({
    alertId: z.uuid(),
    patientId: z.string().min(1),
    clinicId: z.string().min(1).nullable(),
    type: readingType,
    rule: z.enum(['critical', 'sustained']),
  }),
);
