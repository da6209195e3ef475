import type { DoctorDirectory } from '../identity';

/** Booking's doctors as identity asks about them (wired in functions/identity/handler.ts). */
export const bookingDoctors: DoctorDirectory = {
  clinicOf: async (repos, doctorId) => (await repos.doctors.get(doctorId))?.clinicId,
};
