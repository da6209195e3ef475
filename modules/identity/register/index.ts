import { identitySettings } from '../settings';
import { frmrRegister } from './frmr';
import { localRegister } from './local';
import type { MedicalRegister } from './port';

/** The register this function's settings name. */
export function medicalRegister(): MedicalRegister {
  return identitySettings().MEDICAL_REGISTER === 'local' ? localRegister : frmrRegister;
}
