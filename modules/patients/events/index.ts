export { patientRegisteredV1 } from './patient-registered.v1';
