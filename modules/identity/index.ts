import './store';

export { type DoctorDirectory, useDoctorDirectory } from './doctor-directory';
export { checkFollowUpParticipants, participantsIdentified } from './follow-up';
export { identityPersonData } from './person-data';
export { identityApi } from './routes';
export { recordCallerVerification } from './use-cases';
