import { defineRepositories } from '../../platform/store';
import { AssuranceRepository } from './repositories/assurances';
import './tables';

declare module '../../platform/store' {
  interface Repositories {
    assurances: AssuranceRepository;
  }
}

/** Identity's tables and repositories join the catalog and every transaction once this module loads. */
defineRepositories({
  assurances: ({ tables }) => new AssuranceRepository(tables),
});
