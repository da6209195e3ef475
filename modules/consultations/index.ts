import './store';

export { consultationsPersonData } from './person-data';
export { consultationsApi } from './routes';
export { overdueAnswersTimer } from './sla-timer';
export { reportOverdueAnswers } from './use-cases';
