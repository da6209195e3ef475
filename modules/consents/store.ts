import { defineRepositories } from '../../platform/store';
import { ConsentRecordRepository } from './repositories/consent-records';
import './tables';
// Routes check the patient is in reach through the patients' repository.
import '../patients';

declare module '../../platform/store' {
  interface Repositories {
    consents: ConsentRecordRepository;
  }
}

/** Consents' table and repository join the catalog and every transaction once this module loads. */
defineRepositories({
  consents: ({ tables }) => new ConsentRecordRepository(tables),
});
