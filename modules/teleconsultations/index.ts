import './store';

export { teleconsultationsApi } from './function-entry';
export { overdueTeleconsultationsTimer } from './overdue-timer';
export { onPageAnswered } from './page-answered';
export { type ConcludedTeleconsultation, patientConclusions } from './patient-conclusions';
export { teleconsultationsPersonData } from './person-data';
