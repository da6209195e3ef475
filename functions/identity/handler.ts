import { bookingDoctors } from '../../modules/booking';
import { identityApi, useDoctorDirectory } from '../../modules/identity';
import { entryPoint } from '../../platform/runtime';

/** HTTP: identity assurance of patients and doctors; booking's doctors answer which clinic a doctor is of. */
export const handler = entryPoint(identityApi, () => useDoctorDirectory(bookingDoctors));
