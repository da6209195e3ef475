import type { MedicalRegister } from './port';

/**
 * The federal register of medical workers through ЕГИСЗ's integration services. Not built: the
 * access is granted per medical organisation (README "Identity assurance" states the contract an
 * adapter must meet). Until then every look-up is `unavailable`, so no doctor is verified by
 * the register in the cloud and follow-up visits are refused with `IDENTITY_NOT_VERIFIED`.
 */
export const frmrRegister: MedicalRegister = {
  name: 'frmr',
  lookUp: async () => ({ status: 'unavailable' }),
};
