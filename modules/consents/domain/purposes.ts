/**
 * What a patient consents to, one purpose at a time, so each can be given and withdrawn alone.
 * - `personal_data`: processing of personal data (152-FZ art. 9: a specific, informed, conscious
 *   consent naming the operator, the purpose, the data, the actions and how to withdraw it);
 * - `health_data`: processing of health data, a special category (152-FZ art. 10), consented in
 *   writing or electronically;
 * - `telemedicine`: informed voluntary consent to medical intervention (323-FZ art. 20), given
 *   for consultations held remotely (323-FZ art. 36.2);
 * - `sharing`: sharing with a named consulting centre or sponsor (a `recipient`), which medical
 *   secrecy (323-FZ art. 13) allows only with the patient's written consent;
 * - `notifications`: reminders and news through the patient's channels.
 */
export const purposes = ['personal_data', 'health_data', 'telemedicine', 'sharing', 'notifications'] as const;
export type Purpose = (typeof purposes)[number];

export const isPurpose = (value: string): value is Purpose => (purposes as readonly string[]).includes(value);

/** A purpose given to someone named: only `sharing` names its recipient. */
export const needsRecipient = (purpose: Purpose): boolean => purpose === 'sharing';

/** What each flow refuses to start without. Notifications are never required: they are a choice. */
export const requiredFor = {
  /** A hold on a slot or on a doctor on duty: the visit is a remote medical intervention. */
  booking: ['personal_data', 'health_data', 'telemedicine'],
  /** An asynchronous consultation: the same as a visit, over messages. */
  consultation: ['personal_data', 'health_data', 'telemedicine'],
  /** A doctor-to-doctor request about the patient: their health data travel to the centre. */
  teleconsultation: ['health_data'],
} as const satisfies Record<string, readonly Purpose[]>;

export type ConsentFlow = keyof typeof requiredFor;
