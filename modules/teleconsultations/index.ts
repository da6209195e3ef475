import './store';

export { overdueTeleconsultationsTimer } from './overdue-timer';
export { type ConcludedTeleconsultation, patientConclusions } from './patient-conclusions';
export { teleconsultationsApi } from './routes';
