import { consentBundle, type Purpose } from '../consents';
import type { BotLanguage } from './repositories/chatbot';

/**
 * What the bot asks before anything else, with one "I agree": the consents a booking needs, and
 * notifications (its reminders come to the chat). The texts are the consents module's, so a
 * chatbot patient holds the same records as an app patient (see onboarding.ts). Any new wording
 * gives a new version: patients who agreed to an older one are asked again.
 */
export const chatbotPurposes: readonly Purpose[] = [
  'personal_data',
  'health_data',
  'telemedicine',
  'notifications',
];

export const consentVersion = consentBundle(chatbotPurposes, 'ru').version;

export const consentText: Record<BotLanguage, string> = {
  ru: consentBundle(chatbotPurposes, 'ru').text,
  en: consentBundle(chatbotPurposes, 'en').text,
};
