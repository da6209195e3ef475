import './store';

export { patientRegisteredV1 } from './events/patient-registered.v1';
export { patientsApi } from './routes';
