import { criticalTemplates } from './message-templates';

/**
 * What a patient still receives after withdrawing the notifications consent: what keeps them
 * safe or stops them acting on a visit that no longer stands. Everything else (reminders,
 * nudges, welcomes, news) stops at once.
 * - every critical template: crisis and dangerous-reading escalations, a rehabilitation
 *   emergency stop, duty pages (message-templates.ts `criticalTemplates`);
 * - a visit cancelled, or moved: otherwise the patient comes at a time that is no longer theirs.
 */
export const sentWithoutNotificationConsent: ReadonlySet<string> = new Set([
  ...Object.keys(criticalTemplates),
  'appointment.cancelled',
  'appointment.rescheduled',
]);
