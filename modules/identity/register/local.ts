import standIn from './local-register.json';
import type { MedicalRegister } from './port';

/**
 * The register stand-in for development and tests: the module's own short list of invented
 * workers. The config refuses it in the cloud (settings.ts).
 */
export const localRegister: MedicalRegister = {
  name: 'frmr-local',
  lookUp: async (snils) => {
    const worker = standIn.workers.find((w) => w.snils === snils);
    return worker ? { status: 'found', entryId: worker.entryId } : { status: 'not_found' };
  },
};
