import './store';

export { overdueTeleconsultationsTimer } from './overdue-timer';
export { type ConcludedTeleconsultation, patientConclusions } from './patient-conclusions';
export { teleconsultationsPersonData } from './person-data';
export { teleconsultationsApi } from './routes';
