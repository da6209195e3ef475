import type { Repositories } from '../../platform/store';

/** Which clinic a doctor works for: booking keeps the doctors, identity only asks. */
export interface DoctorDirectory {
  clinicOf(repos: Repositories, doctorId: string): Promise<string | undefined>;
}

let wired: DoctorDirectory | undefined;

/**
 * Identity does not import booking (booking builds on identity for follow-up visits): the
 * identity function wires booking's doctors in at cold start (functions/identity/handler.ts).
 */
export function useDoctorDirectory(directory: DoctorDirectory): void {
  wired = directory;
}

/** The wired directory; a function checking doctors without it is miswired, and says so. */
export function doctorDirectory(): DoctorDirectory {
  if (!wired)
    throw new Error('Identity needs the doctor directory: wire it with useDoctorDirectory at cold start');
  return wired;
}
