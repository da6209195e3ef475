import './store';

export { adherenceTimer } from './adherence-timer';
export {
  completeAtHome,
  reportAtHome,
  type SessionOutcome,
  startAtHome,
  type TodaysExercise,
  todayAtHome,
} from './at-home';
export { rehabilitationConsumer } from './consumer';
export { type Symptom, symptomNames } from './domain/safety';
export { symptomLabels } from './domain/symptom-labels';
export { rehabilitationPersonData } from './person-data';
export { rehabilitationApi } from './routes';
export { atHomePreCheck } from './schemas';
