import { defineRepositories } from '../../platform/store';
import { TeleconsultationRepository } from './repositories/teleconsultations';
import './tables';
// Our use-cases read the patients module's repositories: its store joins every transaction with ours.
import '../patients';

declare module '../../platform/store' {
  interface Repositories {
    teleconsultations: TeleconsultationRepository;
  }
}

/** Teleconsultations' tables and repositories join the catalog and every transaction once this module loads. */
defineRepositories({
  teleconsultations: ({ tables, cipher }) => new TeleconsultationRepository(tables, cipher),
});
