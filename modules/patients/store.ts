import { defineRepositories } from '../../platform/store';
import { PatientRepository } from './repositories/patients';
import './tables';

declare module '../../platform/store' {
  interface Repositories {
    patients: PatientRepository;
  }
}

/** Patients's tables and repositories join the catalog and every transaction once this module loads. */
defineRepositories({
  patients: ({ tables, cipher, now }) => new PatientRepository(tables, cipher, now),
});
