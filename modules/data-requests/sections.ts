import type { PersonDataSection } from '../../platform/person-data';
import { bookingPersonData } from '../booking';
import { chatbotPersonData } from '../chatbot';
import { consentsPersonData } from '../consents';
import { consultationsPersonData } from '../consultations';
import { coveragePersonData } from '../coverage';
import { identityPersonData } from '../identity';
import { notificationsPersonData } from '../notifications';
import { patientsPersonData } from '../patients';
import { readingsPersonData } from '../readings';
import { recordsPersonData } from '../records';
import { rehabilitationPersonData } from '../rehabilitation';
import { teleconsultationsPersonData } from '../teleconsultations';
import { triagePersonData } from '../triage';

/**
 * The registry: every capability that keeps personal data, through its face, in the order an
 * export lists them. A module that starts keeping personal data adds its section here.
 */
export const personDataSections: readonly PersonDataSection[] = [
  patientsPersonData,
  identityPersonData,
  consentsPersonData,
  recordsPersonData,
  bookingPersonData,
  consultationsPersonData,
  readingsPersonData,
  triagePersonData,
  rehabilitationPersonData,
  teleconsultationsPersonData,
  coveragePersonData,
  chatbotPersonData,
  notificationsPersonData,
];
