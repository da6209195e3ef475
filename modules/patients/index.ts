import './store';

export { checkPatientInReach } from './in-reach';
export { patientsPersonData } from './person-data';
export { patientsApi } from './routes';
