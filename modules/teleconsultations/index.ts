import './store';

export { overdueTeleconsultationsTimer } from './overdue-timer';
export { onPageAnswered } from './page-answered';
export { type ConcludedTeleconsultation, patientConclusions } from './patient-conclusions';
export { teleconsultationsApi } from './routes';
