import './store';

export { checkPatientInReach } from './in-reach';
export { patientsApi } from './routes';
