import * as z from 'zod';
import { defineSettings } from '../../platform/settings';

/** Escalations' settings. */
export const escalationsSettings = defineSettings(
  'escalations',
  {
    /**
     * The clinic whose on-call clinician answers crises of patients who belong to no clinic
     * (app users, employees on psychology packages, chatbot users).
     */
    CRISIS_DUTY_TENANT: z.string().min(1).max(128).optional(),
    /** Minutes a critical escalation waits for acknowledgement before going one level up. */
    ESCALATION_SLA_MINUTES: z.coerce.number().min(0).max(1440).default(10),
  },
  { requiredInCloud: ['CRISIS_DUTY_TENANT'] },
);
