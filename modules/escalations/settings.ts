import { defineSettings, setting } from '../../platform/settings';

/** Escalations' settings. */
export const escalationsSettings = defineSettings(
  'escalations',
  {
    /**
     * The clinic whose on-call clinician answers crises of patients who belong to no clinic
     * (app users, employees on psychology packages, chatbot users).
     */
    CRISIS_DUTY_TENANT: setting.optionalText(1, 128),
    /** Minutes a critical escalation waits for acknowledgement before going one level up. */
    ESCALATION_SLA_MINUTES: setting.number(0, 1440, 10),
  },
  { requiredInCloud: ['CRISIS_DUTY_TENANT'] },
);
