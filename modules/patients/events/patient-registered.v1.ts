import * as z from 'zod';
import { defineEvent } from '../../../events/envelope';

/** A clinic registered a patient. Carries identifiers only, never personal data. */
export const patientRegisteredV1 = defineEvent(
  'patient.registered.v1',
  'notifications',
  z.object({ patientId: z.uuid(), clinicId: z.string().min(1) }),
);
