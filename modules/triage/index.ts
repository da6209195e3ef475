import './store';

export type { Question } from './questions';
export { triageApi } from './routes';
export { type TriageOutcome, triage } from './triage';
export type { Specialty } from './vocabulary';
/** The triage engine, loaded on first use: the chatbot needs its lexicon and rules (~150 KB) only for a complaint. */
export const loadTriage = () => import('./triage');
