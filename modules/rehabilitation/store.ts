import { defineRepositories } from '../../platform/store';
import { RehabilitationRepository } from './repositories/rehabilitation';
import './tables';
// Our use-cases read these modules' repositories: their stores join every transaction with ours.
import '../booking';
import '../patients';

declare module '../../platform/store' {
  interface Repositories {
    rehabilitation: RehabilitationRepository;
  }
}

/** Rehabilitation's tables and repositories join the catalog and every transaction once this module loads. */
defineRepositories({
  rehabilitation: ({ tables, cipher }) => new RehabilitationRepository(tables, cipher),
});
