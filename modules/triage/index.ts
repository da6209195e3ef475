import './store';

export {
  type CrisisSeverity,
  crisisSeverities,
} from './concepts';
export type { CrisisHelp } from './help';
export type { Question } from './questions';
export { triageApi } from './routes';
/** Red-flag screening questions a chatbot asks before offering slots (ids, body system, ru/en texts). */
export {
  type BodySystem,
  isRedFlagQuestionId,
  type RedFlagQuestion,
  redFlagQuestions,
  screeningFor,
} from './screening';
export { type TriageOutcome, triage } from './triage';
export type { Specialty } from './vocabulary';
/** The triage engine, loaded on first use: the chatbot needs its lexicon and rules (~150 KB) only for a complaint. */
export const loadTriage = () => import('./triage');
export { triagePersonData } from './person-data';
