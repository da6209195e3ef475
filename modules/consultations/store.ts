import { defineRepositories } from '../../platform/store';
import { ConsultationRepository } from './repositories/consultations';
import './tables';
// Our use-cases read these modules' repositories or tables: their stores join every transaction with ours.
import '../booking';
import '../patients';

declare module '../../platform/store' {
  interface Repositories {
    consultations: ConsultationRepository;
  }
}

/** Consultations's tables and repositories join the catalog and every transaction once this module loads. */
defineRepositories({
  consultations: ({ tables, cipher }) => new ConsultationRepository(tables, cipher),
});
