import './store';

export { consultationEventsV1 } from './events/consultation.v1';
export { consultationsApi } from './routes';
export { overdueAnswersTimer } from './sla-timer';
export { reportOverdueAnswers } from './use-cases';
