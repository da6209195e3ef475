import { defineRepositories } from '../../platform/store';
import { RecordsRepository } from './repositories/records';
import './tables';
// The record's keeper is the patient's clinic, read from the patients module's repositories.
import '../patients';

declare module '../../platform/store' {
  interface Repositories {
    records: RecordsRepository;
  }
}

/** The records module's tables and repositories join the catalog and every transaction once this module loads. */
defineRepositories({
  records: ({ tables, cipher }) => new RecordsRepository(tables, cipher),
});
